import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';
import { PLOT_KINDS } from './plot.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-plot-'));
const csv = join(dir, 'iris.csv');
const lines = ['sepal,petal,species,day'];
for (let i = 0; i < 30; i++) lines.push(`${5 + (i % 3) + (i % 7) / 10},${3 + (i % 3) + (i % 5) / 10},${['setosa', 'versicolor', 'virginica'][i % 3]},2024-01-${String(1 + i).padStart(2, '0')}`);
writeFileSync(csv, lines.join('\n') + '\n');
const OUT = 'test-output/plot/cli';
mkdirSync(OUT, { recursive: true });

test('strata plot draws every kind to PNG', async () => {
  const flags: Record<string, string[]> = {
    line: ['--x', 'day', '--y', 'sepal,petal'],
    scatter: ['--x', 'sepal', '--y', 'petal', '--color', 'species', '--regression'],
    bar: ['--x', 'species', '--y', 'sepal', '--aggregate', 'mean'],
    histogram: ['--x', 'sepal', '--bins', '10'],
    density: ['--x', 'sepal', '--color', 'species'],
    box: ['--x', 'species', '--y', 'petal'],
    violin: ['--x', 'species', '--y', 'petal'],
    heatmap: ['--x', 'species', '--y', 'petal', '--value', 'sepal'],
  };
  assert.deepEqual(Object.keys(flags).sort(), [...PLOT_KINDS].sort());
  for (const kind of PLOT_KINDS) {
    const out = join(OUT, `${kind}.png`);
    const { code, stdout, stderr } = await runCli(['plot', kind, csv, ...flags[kind]!, '--out', out, '--scale', '1', '--json']);
    assert.equal(code, 0, `${kind}: ${stderr}`);
    const r = JSON.parse(stdout);
    assert.deepEqual([r.out, r.kind, r.format, r.rows], [out, kind, 'png', 30]);
    const png = readFileSync(out);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(r.bytes, png.length);
  }
});

test('strata plot writes svg and html by extension and prints where it wrote', async () => {
  const svg = join(dir, 'c.svg');
  const { code, stdout } = await runCli(['plot', 'scatter', csv, '--x', 'sepal', '--y', 'petal', '--title', 'Iris', '--out', svg]);
  assert.equal(code, 0);
  assert.match(stdout, /^wrote .*c\.svg \(scatter chart of 30 rows, \d+ bytes\)/);
  assert.match(readFileSync(svg, 'utf8'), />Iris</);
  const html = join(dir, 'c.html');
  assert.equal((await runCli(['plot', 'heatmap', csv, '--x', 'species', '--y', 'petal', '--out', html])).code, 0);
  assert.match(readFileSync(html, 'utf8'), /vega\.parse/);
});

test('strata plot: usage errors exit 2, data errors exit 1, both with one clear sentence', async () => {
  const out = join(dir, 'x.png');
  let r = await runCli(['plot', 'pie', csv, '--x', 'a', '--out', out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Unknown chart kind 'pie'; use one of line, scatter, bar/);
  r = await runCli(['plot', 'scatter', csv, '--x', 'sepal', '--out', out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /needs --y COL/);
  r = await runCli(['plot', 'scatter', csv, '--x', 'sepal', '--y', 'petal', '--out', join(dir, 'x.jpg')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--out must end in \.png, \.svg or \.html/);
  r = await runCli(['plot', 'histogram', csv, '--x', 'sepal', '--bins', 'ten', '--out', out]);
  assert.equal(r.code, 2);
  r = await runCli(['plot', 'scatter', csv, '--x', 'sepl', '--y', 'petal', '--out', out]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Column 'sepl' not found; did you mean 'sepal'\? Columns: sepal, petal, species, day/);
  r = await runCli(['plot', 'scatter', csv, '--x', 'species', '--y', 'petal', '--out', out]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /column 'species' holds text/);
  assert.ok(!existsSync(out));
  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, 'a,b\n');
  r = await runCli(['plot', 'scatter', empty, '--x', 'a', '--y', 'b', '--out', out]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no rows/);
});
