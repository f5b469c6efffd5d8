import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';
import { openStore } from '../../track/index.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-automl-'));
process.env.STRATA_HOME = join(dir, 'home');
const penguins = new URL('../../../data/penguins.csv', import.meta.url).pathname;

test('automl on the penguins: leaderboard, saved and registered model, predict by registry reference, runs in the store', async () => {
  const a = await runCli(['automl', penguins, '--target', 'species', '--time', '3', '--register', 'birds', '--json']);
  assert.equal(a.code, 0, a.stderr);
  const r = JSON.parse(a.stdout);
  assert.equal(r.metric, 'accuracy');
  assert.ok(r.leaderboard.length >= 1);
  for (const e of r.leaderboard) for (const key of ['model', 'score', 'std', 'fit_seconds', 'predict_seconds']) assert.ok(key in e, key);
  const selected = r.leaderboard.find((e: { notes?: string }) => e.notes?.startsWith('selected'));
  assert.deepEqual(r.best, { model: selected.model, score: selected.score });
  assert.ok(r.best.score > 0.95, `penguin species accuracy ${r.best.score}`);
  assert.ok(existsSync(r.saved));
  assert.deepEqual(r.registered, { name: 'birds', version: 1 });
  assert.deepEqual(r.features, ['island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex']);

  const p = await runCli(['predict', 'birds:1', penguins, '--json']);
  assert.equal(p.code, 0, p.stderr);
  const out = JSON.parse(p.stdout);
  assert.deepEqual(out.classes, ['Adelie', 'Chinstrap', 'Gentoo']);
  const truth = readFileSync(penguins, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
  assert.equal(out.predictions.length, truth.length);
  assert.ok(out.predictions.filter((s: string, i: number) => s === truth[i]).length / truth.length > 0.95);

  const e = await runCli(['evaluate', 'birds:1', penguins, '--target', 'species', '--json']);
  assert.equal(e.code, 0, e.stderr);
  const e1 = JSON.parse(e.stdout);
  assert.equal(e1.metric, 'accuracy');
  assert.ok(Math.abs(e1.score - out.predictions.filter((s: string, i: number) => s === truth[i]).length / truth.length) < 1e-12);

  const store = await openStore();
  try {
    const run = await store.getRun(r.run_id);
    assert.equal(run.status, 'finished');
    assert.equal(run.params.model, r.best.model);
    const children = await store.searchRuns({ parentRunId: r.run_id });
    assert.equal(children.length, r.trials);
    const model = await store.resolveModel('birds:1');
    assert.equal(model.runId, r.run_id);
    assert.deepEqual(model.signature?.inputs.map((f) => f.name), r.features);
  } finally {
    await store.close();
  }
  const show = await runCli(['runs', 'show', r.run_id]);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /leaderboard\.json/);
  assert.match(show.stdout, /plots\/confusion-matrix\.png/);
});

test('the human report has the leaderboard table, the saved path and where to look next', async () => {
  const a = await runCli(['automl', penguins, '--target', 'species', '--time', '1']);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stdout, /model\s+accuracy \(CV\)\s+fit time\s+predict time/);
  assert.match(a.stdout, /\d\.\d{4} ± \d\.\d{4}/);
  assert.match(a.stdout, /saved: .*automl-.*\.json/);
  assert.match(a.stdout, /strata runs show [0-9a-f]{32}/);
  assert.match(a.stdout, /strata ui/);
});

function writeCsv(name: string, header: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [header, ...rows].join('\n') + '\n');
  return path;
}
const base = Array.from({ length: 40 }, (_, i) => ({ id: `u${1000 + i}`, x: Math.sin(i * 1.3), z: Math.cos(i * 0.7), y: Math.sin(i * 1.3) + 0.3 * Math.cos(i * 0.7) > 0 ? 'yes' : 'no' }));

test('bad input: a missing target, a one-valued target and no usable features are one clear sentence each', async () => {
  const good = writeCsv('good.csv', 'id,x,z,y', base.map((r) => `${r.id},${r.x},${r.z},${r.y}`));
  const missing = await runCli(['automl', good, '--target', 'label', '--time', '1']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /Column 'label' not found.*Columns: id, x, z, y.*--target/);
  const one = writeCsv('one.csv', 'x,z,y', base.map((r) => `${r.x},${r.z},same`));
  const single = await runCli(['automl', one, '--target', 'y', '--time', '1']);
  assert.equal(single.code, 1);
  assert.match(single.stderr, /Target column 'y' has only one value \("same"\), so there is nothing to predict/);
  const none = writeCsv('none.csv', 'id,k,y', base.map((r) => `${r.id},1,${r.y}`));
  const nothing = await runCli(['automl', none, '--target', 'y', '--time', '1']);
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /No usable feature columns: .*'id': an ID column, 'k': constant/);
  const badMetric = await runCli(['automl', good, '--target', 'y', '--metric', 'r2', '--time', '1']);
  assert.equal(badMetric.code, 2);
  assert.match(badMetric.stderr, /Metric 'r2' does not apply to classification; use one of accuracy/);
  const badTime = await runCli(['automl', good, '--target', 'y', '--time', 'soon']);
  assert.equal(badTime.code, 2);
  assert.match(badTime.stderr, /--time must be a positive number of seconds, got 'soon'/);
});

test('bad input: an ID column and a leaky copy of the target are dropped and reported in the notes', async () => {
  const leaky = writeCsv('leaky.csv', 'id,x,z,answer,y', base.map((r) => `${r.id},${r.x},${r.z},${r.y === 'yes' ? 1 : 0},${r.y}`));
  const a = await runCli(['automl', leaky, '--target', 'y', '--time', '1', '--json']);
  assert.equal(a.code, 0, a.stderr);
  const r = JSON.parse(a.stdout);
  assert.deepEqual(r.features, ['x', 'z']);
  assert.ok(r.notes.some((n: string) => /dropped 'id': an ID column/.test(n)), r.notes.join('\n'));
  assert.ok(r.notes.some((n: string) => /dropped 'answer': it is a one-to-one relabelling of target 'y'/.test(n)), r.notes.join('\n'));
});
