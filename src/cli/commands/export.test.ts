import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../../test/helpers/cli.js';
import { readOnnx } from '../../export/index.js';
import type { NdArray } from '../../tensor/index.js';
import { loadModelFile } from '../../track/index.js';
import { defaultExportPath } from './export.js';
import { readFrame } from './train.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-export-'));
process.env.STRATA_HOME = join(dir, 'home');

/** Rows with an ID, a number with missing values, a category and a string class. */
function writeData(path: string, n: number, offset: number, unseen = false): void {
  const lines = ['id,x1,x2,shade,cls,amount'];
  for (let i = 0; i < n; i++) {
    const t = i + offset;
    const x1 = Math.sin(t * 1.7) * 2;
    const x2 = Math.cos(t * 0.9) * 2;
    const shade = unseen && i % 10 === 4 ? 'neon' : ['dark', 'light', 'mid'][t % 3]!;
    const score = 2 * x1 - x2 + (shade === 'dark' ? 1 : 0);
    const amount = 3 * x1 - 2 * x2 + (shade === 'dark' ? 5 : 0);
    lines.push(`${1000 + t},${i % 17 === 5 ? '' : x1.toFixed(6)},${x2.toFixed(6)},${i % 19 === 7 ? '' : shade},${score > 0 ? 'hi' : 'lo'},${amount.toFixed(6)}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

const train = join(dir, 'train.csv');
const fresh = join(dir, 'fresh.csv');
writeData(train, 200, 0);
writeData(fresh, 50, 5000, true);

async function trained(model: string, target: string, extra: string[] = []): Promise<string> {
  const saved = join(dir, `${model}.json`);
  const t = await runCli(['train', train, '--target', target, '--model', model, '--cv', '2', '--save', saved, '--json', ...extra]);
  assert.equal(t.code, 0, t.stderr);
  return saved;
}

test('export --format js writes a module that predicts what the saved pipeline predicts', async () => {
  const saved = await trained('gradient-boosting-classifier', 'cls', ['--param', 'nEstimators=20']);
  const out = join(dir, 'gb.mjs');
  const r = await runCli(['export', saved, '--format', 'js', '--out', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(doc), ['format', 'out', 'inputs', 'outputs']);
  assert.equal(doc.format, 'js');
  assert.equal(doc.out, out);
  assert.deepEqual(doc.inputs, [{ name: 'x1', type: 'number' }, { name: 'x2', type: 'number' }, { name: 'shade', type: 'string' }, { name: 'amount', type: 'number' }]);
  assert.deepEqual(doc.outputs, [{ name: 'label', type: 'string' }, { name: 'probabilities', type: 'number[]' }]);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp file left behind');

  const mod = await import(pathToFileURL(out).href);
  const { pipeline } = loadModelFile(saved);
  const df = await readFrame(fresh, undefined);
  const rows = df.drop('cls').toRecords();
  assert.deepEqual(mod.predict(rows), pipeline.predict(df));
  const proba: number[][] = mod.predictProba(rows);
  const native = pipeline.predictProba(df).toArray() as number[][];
  proba.forEach((p, i) => p.forEach((v, c) => assert.ok(Math.abs(v - native[i]![c]!) <= 1e-12, `row ${i} class ${c}`)));
});

test('export of a registered regressor to JavaScript and ONNX, by registry reference', async () => {
  await trained('ridge', 'amount', ['--register', 'amounts']);
  const js = join(dir, 'ridge.mjs');
  const r = await runCli(['export', 'amounts:1', '--format', 'js', '--out', js]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /ridge → .*ridge\.mjs \(JavaScript module/);
  assert.match(r.stdout, /output\s+prediction\s+number/);
  const mod = await import(pathToFileURL(js).href);
  const df = await readFrame(fresh, undefined);
  const { pipeline } = loadModelFile(join(dir, 'ridge.json'));
  const native = (pipeline.predict(df) as NdArray).toFloat64Array();
  (mod.predict(df.toRecords()) as number[]).forEach((v, i) => assert.ok(Math.abs(v - native[i]!) <= 1e-9));

  const onnx = join(dir, 'ridge.onnx');
  const o = await runCli(['export', 'amounts:1', '--format', 'onnx', '--out', onnx, '--json']);
  assert.equal(o.code, 0, o.stderr);
  const doc = JSON.parse(o.stdout);
  assert.equal(doc.format, 'onnx');
  const info = readOnnx(new Uint8Array(readFileSync(onnx)));
  assert.deepEqual(doc.inputs.map((t: { name: string }) => t.name), info.inputs.map((t) => t.name));
  assert.deepEqual(doc.outputs.map((t: { name: string }) => t.name), info.outputs.map((t) => t.name));
  assert.ok(doc.inputs.some((t: { name: string }) => t.name === 'shade'));
});

test('a pipeline with free text (TF-IDF) and dates, as strata train builds it, exports to a module that agrees with it', async () => {
  const words = ['quick', 'service', 'slow', 'friendly', 'staff', 'cold', 'meal', 'great', 'value', 'noisy', 'room', 'clean'];
  const write = (path: string, n: number, seed: number): void => {
    let s = seed;
    const r = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const lines = ['note,visited,spend,happy'];
    for (let i = 0; i < n; i++) {
      const note = Array.from({ length: 4 + Math.floor(r() * 6) }, () => words[Math.floor(r() * words.length)]).join(' ');
      const day = `2024-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const spend = (r() * 100).toFixed(2);
      const happy = /great|friendly|clean/.test(note) ? 'yes' : 'no';
      lines.push(`${i % 23 === 7 ? '' : note},${day},${spend},${happy}`);
    }
    writeFileSync(path, lines.join('\n') + '\n');
  };
  const data = join(dir, 'reviews.csv');
  const later = join(dir, 'reviews-later.csv');
  write(data, 160, 7);
  write(later, 40, 99);
  const saved = join(dir, 'reviews.json');
  const t = await runCli(['train', data, '--target', 'happy', '--model', 'logistic-regression', '--cv', '2', '--save', saved, '--json']);
  assert.equal(t.code, 0, t.stderr);
  const notes: string[] = JSON.parse(t.stdout).preprocessing;
  assert.ok(notes.some((n) => /TF-IDF/.test(n)) && notes.some((n) => /^datetime/.test(n)), notes.join('; '));
  const out = join(dir, 'reviews.mjs');
  const r = await runCli(['export', saved, '--format', 'js', '--out', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).inputs, [{ name: 'note', type: 'string' }, { name: 'visited', type: 'datetime' }, { name: 'spend', type: 'number' }]);
  const mod = await import(pathToFileURL(out).href);
  const { pipeline } = loadModelFile(saved);
  const df = await readFrame(later, undefined);
  const rows = df.drop('happy').toRecords();
  assert.deepEqual(mod.predict(rows), pipeline.predict(df));
  const native = pipeline.predictProba(df).toFloat64Array();
  assert.ok((mod.predictProba(rows) as number[][]).flat().every((p, i) => Math.abs(p - native[i]!) <= 1e-12));
});

test('bad input: an unknown format is a usage error, a missing model a clear runtime error', async () => {
  const saved = await trained('logistic-regression', 'cls');
  const bad = await runCli(['export', saved, '--format', 'coreml']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be 'onnx' or 'js', got 'coreml'/);
  const missing = await runCli(['export', join(dir, 'nope.json'), '--format', 'js']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot be read/);
  assert.ok(!existsSync(join(dir, 'nope.mjs')));
});

test('the default output path sits beside a model file, or is named after a registry reference', () => {
  assert.equal(defaultExportPath('models/churn.json', 'onnx'), join('models', 'churn.onnx'));
  assert.equal(defaultExportPath('churn:3', 'js'), 'churn-3.mjs');
  assert.equal(defaultExportPath('churn@prod', 'onnx'), 'churn-prod.onnx');
});
