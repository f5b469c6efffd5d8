import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';
import { openStore, recordTraining, startRun } from '../../track/index.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-runs-'));
const uri = `sqlite:${join(dir, 'strata.db')}`;
const data = join(dir, 'train.csv');
const modelFile = join(dir, 'model.json');
writeFileSync(data, 'x,y\n1,2\n2,4\n3,6\n');
writeFileSync(modelFile, '{"format":"strata-model"}');

/** Two training runs (the second registers a second version) and one live run with a curve. */
async function seed(): Promise<{ a: string; b: string; live: string }> {
  const store = await openStore(uri);
  try {
    const a = await recordTraining(store, { experiment: 'prices', model: 'ridge', params: { alpha: 1 }, metric: 'r2', folds: [0.9, 0.92], metrics: { r2_mean: 0.91 }, datasetPath: data, modelFile, register: 'prices' });
    const b = await recordTraining(store, { experiment: 'prices', model: 'ridge', params: { alpha: 10 }, metric: 'r2', folds: [0.8, 0.84], metrics: { r2_mean: 0.82 }, datasetPath: data, modelFile, register: 'prices' });
    const run = await startRun(store, { experiment: 'nn', name: 'mlp' });
    for (let s = 0; s < 5; s++) run.logMetric('loss', 1 / (s + 1), s);
    run.logMetric('val_loss', NaN, 4);
    await run.flush();
    return { a: a.runId, b: b.runId, live: run.id };
  } finally {
    await store.close();
  }
}
const ids = await seed();

test('runs list --json lists the newest first with params and latest metrics; filters by experiment and status', async () => {
  const r = await runCli(['runs', 'list', '--store', uri, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const { runs } = JSON.parse(r.stdout);
  assert.deepEqual(runs.map((x: { run_id: string }) => x.run_id), [ids.live, ids.b, ids.a]);
  assert.equal(runs[0].status, 'running');
  assert.equal(runs[0].metrics.loss, 0.2);
  assert.equal(runs[0].metrics.val_loss, null, 'NaN prints as null in JSON');
  assert.deepEqual(runs[2].params, { alpha: '1', model: 'ridge' });
  assert.equal(runs[2].metrics.r2_mean, 0.91);
  const prices = JSON.parse((await runCli(['runs', 'list', '--store', uri, '--experiment', 'prices', '--status', 'finished', '--limit', '1', '--json'])).stdout);
  assert.deepEqual(prices.runs.map((x: { run_id: string }) => x.run_id), [ids.b]);
  const human = await runCli(['runs', 'list', '--store', uri]);
  assert.match(human.stdout, /run\s+experiment\s+name\s+status/);
  assert.match(human.stdout, new RegExp(`${ids.a.slice(0, 8)}\\s+prices\\s+ridge\\s+finished`));
});

test('STRATA_HOME picks the default store', async () => {
  const old = process.env.STRATA_HOME;
  process.env.STRATA_HOME = dir;
  try {
    const r = await runCli(['runs', 'list', '--json']);
    assert.equal(JSON.parse(r.stdout).runs.length, 3);
  } finally {
    if (old === undefined) delete process.env.STRATA_HOME;
    else process.env.STRATA_HOME = old;
  }
});

test('runs show ID (or a prefix) gives params, metrics, artifacts and datasets', async () => {
  const r = await runCli(['runs', 'show', ids.a.slice(0, 10), '--store', uri, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const { run } = JSON.parse(r.stdout);
  assert.equal(run.run_id, ids.a);
  assert.equal(run.metrics.fold_r2, 0.92);
  assert.equal(run.metric_steps.fold_r2, 1);
  assert.deepEqual(run.artifacts.map((x: { name: string }) => x.name), ['model/model.json']);
  assert.equal(run.datasets[0].name, 'training');
  assert.equal(run.tags.registered_model, 'prices:1');
  const human = await runCli(['runs', 'show', ids.a, '--store', uri]);
  assert.match(human.stdout, /params\nkey\s+value\n-+\s+-+\nalpha\s+1/);
});

test('runs compare shows params side by side and marks those that differ', async () => {
  const r = await runCli(['runs', 'compare', ids.a, ids.b, '--store', uri, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.runs.map((x: { params: { alpha: string } }) => x.params.alpha), ['1', '10']);
  assert.deepEqual(out.differing_params, ['alpha']);
  const human = await runCli(['runs', 'compare', ids.a, ids.b, '--store', uri]);
  assert.match(human.stdout, /param alpha \*\s+1\s+10/);
});

test('models list / show / alias and NAME@ALIAS resolution', async () => {
  const l = JSON.parse((await runCli(['models', 'list', '--store', uri, '--json'])).stdout);
  assert.deepEqual(l.models.map((m: { name: string; latest_version: number }) => [m.name, m.latest_version]), [['prices', 2]]);
  const a = await runCli(['models', 'alias', 'prices', '1', 'production', '--store', uri, '--json']);
  assert.equal(a.code, 0, a.stderr);
  assert.deepEqual(JSON.parse(a.stdout).model.aliases, { production: 1 });
  const moved = await runCli(['models', 'alias', 'prices', '2', 'production', '--store', uri]);
  assert.equal(moved.stdout, 'prices@production → version 2\n');
  const s = JSON.parse((await runCli(['models', 'show', 'prices', '--store', uri, '--json'])).stdout);
  assert.deepEqual(s.model.versions.map((v: { version: number; aliases: string[]; run_id: string }) => [v.version, v.aliases, v.run_id]), [[1, [], ids.a], [2, ['production'], ids.b]]);
  const store = await openStore(uri);
  try {
    assert.equal((await store.resolveModel('prices@production')).runId, ids.b);
  } finally {
    await store.close();
  }
  const human = await runCli(['models', 'show', 'prices', '--store', uri]);
  assert.match(human.stdout, /prices {2}\(latest version 2; production=2\)/);
});

test('bad calls say what to fix', async () => {
  const unknown = await runCli(['runs', 'show', 'deadbeefdeadbeef', '--store', uri]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /Run 'deadbeefdeadbeef' not found in sqlite:.*strata runs list/);
  const one = await runCli(['runs', 'compare', ids.a, '--store', uri]);
  assert.equal(one.code, 2);
  assert.match(one.stderr, /at least two run ids/);
  const badStatus = await runCli(['runs', 'list', '--status', 'done', '--store', uri]);
  assert.equal(badStatus.code, 2);
  assert.match(badStatus.stderr, /--status must be one of running, finished, failed, killed/);
  const badStore = await runCli(['runs', 'list', '--store', 'mysql://x']);
  assert.equal(badStore.code, 2);
  assert.match(badStore.stderr, /--store must be sqlite:PATH or postgres:/);
  const noModel = await runCli(['models', 'show', 'nope', '--store', uri]);
  assert.equal(noModel.code, 1);
  assert.match(noModel.stderr, /Registered model 'nope' not found .*registered models: prices/);
  const badVersion = await runCli(['models', 'alias', 'prices', 'x', 'production', '--store', uri]);
  assert.equal(badVersion.code, 2);
  assert.match(badVersion.stderr, /VERSION must be a positive integer, got 'x'/);
  const noVersion = await runCli(['models', 'alias', 'prices', '9', 'production', '--store', uri]);
  assert.equal(noVersion.code, 1);
  assert.match(noVersion.stderr, /has no version 9; its versions are 1..2/);
  const help = await runCli(['runs', 'list', '--help']);
  assert.match(help.stdout, /Example:\n {2}\$ strata runs list/);
});
