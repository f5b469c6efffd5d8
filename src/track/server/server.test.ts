import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { runCli } from '../../../test/helpers/cli.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { seedStore, type SeededStore } from '../../../test/helpers/track/seed.js';
import { createTrackServer } from './app.js';

let seeded: SeededStore;
let app: FastifyInstance;
let base: string;

before(async () => {
  seeded = await seedStore();
  app = await createTrackServer({ store: seeded.store, webRoot: null, pollMs: 50, bodyLimit: 1024 * 1024 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

after(async () => {
  await app.close();
  await seeded.store.close();
});

const get = async (path: string): Promise<{ status: number; body: any; type: string | null }> => {
  const res = await fetch(base + path);
  const type = res.headers.get('content-type');
  return { status: res.status, type, body: type?.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer()) };
};
const send = async (method: string, path: string, body: unknown, type = 'application/json'): Promise<{ status: number; body: any }> => {
  const res = await fetch(base + path, { method, headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

test('GET /api/runs filters, sorts, pages and returns only the chosen columns', async () => {
  const all = await get('/api/runs');
  assert.equal(all.status, 200);
  assert.equal(all.body.total, 2);
  assert.deepEqual(all.body.runs.map((r: { id: string }) => r.id), [seeded.curveRunId, seeded.trainRunId], 'newest first');
  const q = new URLSearchParams({ filter: "metrics.accuracy_mean > 0.5 OR tags.team IN ('z')", columns: 'metrics.accuracy_mean,params.model' });
  const one = await get(`/api/runs?${q}`);
  assert.equal(one.body.total, 1);
  assert.equal(one.body.runs[0].id, seeded.trainRunId);
  const rec = await seeded.store.getRun(seeded.trainRunId);
  assert.deepEqual(one.body.runs[0].values, { 'metrics.accuracy_mean': rec.metrics.accuracy_mean!.value, 'params.model': 'logistic-regression' });
  const sorted = await get(`/api/runs?${new URLSearchParams({ sort: 'attributes.start_time ASC', limit: '1', offset: '1', experiment: 'curves,Default' })}`);
  assert.deepEqual(sorted.body.runs.map((r: { id: string }) => r.id), [seeded.curveRunId]);
  assert.equal(sorted.body.total, 2);
  const bad = await get(`/api/runs?${new URLSearchParams({ filter: 'metrics.acc >> 1' })}`);
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error, 'bad_filter');
  assert.equal(bad.body.position, 13);
  assert.match(bad.body.message, /expected a value/);
  const limit = await get('/api/runs?limit=100000');
  assert.equal(limit.status, 400);
  assert.match(limit.body.message, /query\.limit: Too big/);
  const cols = await get('/api/runs/columns?experiment=curves');
  assert.ok(['C', 'model', 'solver'].every((k) => cols.body.params.includes(k)), 'the fit logged its params');
  assert.deepEqual([cols.body.metrics, cols.body.tags], [['loss'], ['team']]);
});

test('GET /api/runs/{id} and unknown ids', async () => {
  const r = await get(`/api/runs/${seeded.trainRunId}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.run.params.model, 'logistic-regression');
  assert.deepEqual(r.body.metrics.map((m: { key: string }) => m.key), ['accuracy_mean', 'accuracy_std', 'fold_accuracy']);
  assert.ok(r.body.artifacts.some((a: { name: string }) => a.name === 'plots/confusion-matrix.png'));
  assert.deepEqual(r.body.datasets.map((d: { name: string }) => d.name), ['training', 'training-frame']);
  const missing = await get('/api/runs/doesnotexist');
  assert.equal(missing.status, 404);
  assert.match(missing.body.message, /Run 'doesnotexist' not found/);
  assert.equal((await get('/api/nothing')).status, 404);
});

test('GET /api/runs/{id}/metrics/{key} returns the logged curve, downsampled on request', async () => {
  const history = await seeded.store.getMetricHistory(seeded.curveRunId, 'loss');
  assert.ok(history.length > 20, `the fit logged ${history.length} loss points`);
  const full = await get(`/api/runs/${seeded.curveRunId}/metrics/loss?points=100000`);
  assert.equal(full.body.total, history.length);
  assert.equal(full.body.downsampled, false);
  assert.deepEqual(full.body.points.map((p: { value: number }) => p.value), history.map((p) => p.value));
  const small = await get(`/api/runs/${seeded.curveRunId}/metrics/loss?points=10`);
  assert.equal(small.body.points.length, 10);
  assert.equal(small.body.downsampled, true);
  assert.deepEqual(small.body.points[0], { step: history[0]!.step, time: history[0]!.time, value: history[0]!.value });
  const none = await get(`/api/runs/${seeded.curveRunId}/metrics/acc`);
  assert.equal(none.status, 404);
  assert.match(none.body.message, /has no metric 'acc'; its metrics: loss/);
  assert.equal((await get(`/api/runs/${seeded.curveRunId}/metrics/loss?points=1`)).status, 400);
});

test('logging through the API validates metric values (strings rejected, NaN allowed) and limits payloads', async () => {
  const created = await send('POST', '/api/runs', { experiment: 'api', name: 'posted', tags: { via: 'http' } });
  assert.equal(created.status, 201);
  const id = created.body.run.id;
  const ok = await send('POST', `/api/runs/${id}/log-batch`, { params: { lr: 0.1 }, metrics: [{ key: 'loss', value: 1.5, step: 0 }, { key: 'loss', value: 'NaN', step: 1 }] });
  assert.equal(ok.status, 204);
  const series = await get(`/api/runs/${id}/metrics/loss`);
  assert.deepEqual(series.body.points.map((p: { value: unknown }) => p.value), [1.5, 'NaN']);
  const str = await send('POST', `/api/runs/${id}/log-batch`, { metrics: [{ key: 'loss', value: 'abc' }] });
  assert.equal(str.status, 400);
  assert.match(str.body.message, /Metric 'loss' value must be a JSON number .* got the string 'abc'/);
  const badKey = await send('POST', `/api/runs/${id}/log-batch`, { metrics: [{ key: 'a\nb', value: 1 }] });
  assert.equal(badKey.status, 400);
  const notJson = await send('POST', `/api/runs/${id}/log-batch`, '{"metrics": [', 'application/json');
  assert.equal(notJson.status, 400);
  assert.match(notJson.body.message, /not valid JSON/);
  const big = await send('POST', `/api/runs/${id}/log-batch`, { metrics: Array.from({ length: 30_000 }, (_, i) => ({ key: 'loss', value: i, step: i })) });
  assert.equal(big.status, 413);
  assert.match(big.body.message, /over this server's 1048576-byte limit/);
  assert.equal((await send('POST', '/api/runs/nope/log-batch', { metrics: [] })).status, 404);
  const ended = await send('PATCH', `/api/runs/${id}`, { status: 'finished' });
  assert.equal(ended.body.run.status, 'finished');
  assert.equal((await send('PATCH', `/api/runs/${id}`, { status: 'done' })).status, 400);
});

test('artifacts: content with its media type, JSON charts, path traversal rejected', async () => {
  const png = await get(`/api/runs/${seeded.trainRunId}/artifacts/plots/confusion-matrix.png`);
  assert.equal(png.status, 200);
  assert.equal(png.type, 'image/png');
  assert.deepEqual([...(png.body as Buffer).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const model = await get(`/api/runs/${seeded.trainRunId}/artifacts/model/penguins.json`);
  assert.equal(model.body.format, 'strata-model');
  for (const evil of ['..%2F..%2Fstrata.db', '../../etc/passwd', 'plots/..%2F..%2Fx', '%2Fetc%2Fpasswd']) {
    const r = await get(`/api/runs/${seeded.trainRunId}/artifacts/${evil}`);
    assert.ok(r.status === 400 || r.status === 404, `${evil}: ${r.status}`);
    if (r.status === 400) assert.match(r.body.message, /must be a relative path without/);
  }
  const traversal = await get(`/api/runs/${seeded.trainRunId}/artifacts/..%2F..%2Fstrata.db`);
  assert.equal(traversal.status, 400);
  assert.equal((await get(`/api/runs/${seeded.trainRunId}/artifacts/plots/nope.png`)).status, 404);

  const run = await send('POST', '/api/runs', { experiment: 'api' });
  const { digest, size } = seeded.store.artifacts.put(Buffer.from(JSON.stringify({ labels: ['a', 'b'], matrix: [[5, 1], [2, 7]] })));
  await seeded.store.recordArtifact(run.body.run.id, 'eval/confusion.json', digest, size, 'application/json');
  const chart = await get(`/api/runs/${run.body.run.id}/charts/eval/confusion.json`);
  assert.equal(chart.status, 200);
  const text = JSON.stringify(chart.body.spec);
  assert.match(text, /"rect"/);
  assert.match(text, /"value":7/);
  assert.equal((await get(`/api/runs/${seeded.trainRunId}/charts/plots/confusion-matrix.png`)).status, 415);
});

test('models: registry listing and "try it" predictions equal strata predict', async () => {
  const models = await get('/api/models');
  assert.deepEqual(models.body.models.map((m: { name: string }) => m.name), ['penguins']);
  const detail = await get('/api/models/penguins');
  assert.equal(detail.body.versions[0].runId, seeded.trainRunId);
  assert.ok(detail.body.versions[0].signature.inputs.some((f: { name: string }) => f.name === 'island'));
  assert.equal((await get('/api/models/nope')).status, 404);

  const csv = readFileSync('data/penguins.csv', 'utf8').split('\n').slice(0, 6).join('\n') + '\n';
  const header = csv.split('\n')[0]!.split(',');
  const rows = csv.trim().split('\n').slice(1).map((l) => Object.fromEntries(l.split(',').map((v, j) => [header[j]!, v])));
  const cli = await runCli(['predict', seeded.modelPath, 'data/penguins.csv', '--json']);
  const expected = JSON.parse(cli.stdout) as { predictions: string[]; probabilities: number[][]; classes: string[] };
  const fromCsv = await send('POST', '/api/models/penguins/predict', csv, 'text/csv');
  assert.equal(fromCsv.status, 200, JSON.stringify(fromCsv.body));
  assert.deepEqual(fromCsv.body.predictions, expected.predictions.slice(0, 5));
  assert.deepEqual(fromCsv.body.classes, expected.classes);
  for (let i = 0; i < 5; i++) {
    fromCsv.body.probabilities[i].forEach((p: number, j: number) => assert.ok(Math.abs(p - expected.probabilities[i]![j]!) < 1e-12));
  }
  const fromRows = await send('POST', '/api/models/penguins/predict?version=1', { rows });
  assert.equal(fromRows.status, 200, JSON.stringify(fromRows.body));
  assert.deepEqual(fromRows.body.predictions, expected.predictions.slice(0, 5));
  const lacking = await send('POST', '/api/models/penguins/predict', { rows: [{ island: 'Dream' }] });
  assert.equal(lacking.status, 400);
  assert.match(lacking.body.message, /Rows lack 'bill_length_mm'/);
  assert.equal((await send('POST', '/api/models/penguins/predict?alias=prod', { rows })).status, 404);
  const aliased = await send('PUT', '/api/models/penguins/aliases/prod', { version: 1 });
  assert.deepEqual(aliased.body.model.aliases, { prod: 1 });
  assert.deepEqual((await send('POST', '/api/models/penguins/predict?alias=prod', { rows })).body.predictions, expected.predictions.slice(0, 5));
  assert.equal((await send('PUT', '/api/models/penguins/aliases/prod', { version: 7 })).status, 404);
  assert.match((await send('PUT', '/api/models/penguins/aliases/12', { version: 1 })).body.message, /all digits/);
  const removed = await fetch(`${base}/api/models/penguins/aliases/prod`, { method: 'DELETE' });
  assert.deepEqual(((await removed.json()) as { model: { aliases: object } }).model.aliases, {});
});

test('datasets: fingerprints with the runs that used them and a describe of the file', async () => {
  const list = await get('/api/datasets');
  const training = list.body.datasets.find((d: { name: string }) => d.name === 'training');
  assert.deepEqual(training.runs, [seeded.trainRunId]);
  const one = await get(`/api/datasets/${training.digest}`);
  assert.equal(one.status, 200);
  assert.ok(Array.isArray(one.body.describe) && one.body.describe.length > 0, JSON.stringify(one.body.note));
  const stats = Object.fromEntries(one.body.describe.map((r: { stat: string; flipper_length_mm: number }) => [r.stat, r.flipper_length_mm]));
  const ref = loadFixture<{ penguins_flipper: Record<string, number> }>('track_query').penguins_flipper;
  for (const k of ['count', 'mean', 'std', 'max']) assert.ok(Math.abs(stats[k] - ref[k]!) < 1e-9 * Math.abs(ref[k]!), `${k}: ${stats[k]} vs pandas ${ref[k]}`);
  const charts = await get(`/api/datasets/${training.digest}/charts`);
  assert.equal(charts.body.rows, 344);
  const byColumn = Object.fromEntries(charts.body.charts.map((c: { column: string; spec: object }) => [c.column, JSON.stringify(c.spec)]));
  assert.match(byColumn.flipper_length_mm!, /"bin":\{"maxbins":30\}/, 'numbers get a histogram');
  assert.match(byColumn.species!, /"aggregate":"count"/, 'categories get bar counts');
  assert.equal((await get(`/api/datasets/${'0'.repeat(64)}`)).status, 404);
  assert.equal((await get('/api/datasets/xyz')).status, 400);
});

test('GET /api/runs/{id}/events pushes metric summaries as a run logs', async () => {
  const created = await send('POST', '/api/runs', { experiment: 'live' });
  const id = created.body.run.id as string;
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/runs/${id}/events`, { signal: ctrl.signal });
  assert.equal(res.headers.get('content-type'), 'text/event-stream');
  const reader = res.body!.getReader();
  let buffer = '';
  const counts: number[] = [];
  const statuses: string[] = [];
  let step = 0;
  while (counts.at(-1) !== 3 || statuses.at(-1) !== 'finished') {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += new TextDecoder().decode(value);
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const chunk = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(chunk)?.[1];
      const data = /^data: (.*)$/m.exec(chunk)?.[1];
      if (event === 'metrics') counts.push(JSON.parse(data!).metrics.find((m: { key: string }) => m.key === 'loss')?.count ?? 0);
      if (event === 'status') statuses.push(JSON.parse(data!).status);
      if (event === 'metrics' && step < 3) await seeded.store.logMetric(id, 'loss', 1 / ++step, step);
      else if (event === 'metrics' && step === 3) await seeded.store.setRunStatus(id, 'finished');
    }
  }
  ctrl.abort();
  assert.deepEqual(counts, [0, 1, 2, 3]);
  assert.deepEqual(statuses, ['running', 'finished']);
  assert.equal((await get('/api/runs/nope/events')).status, 404);
});

test('closing the server ends open event streams instead of waiting for them', async () => {
  const other = await createTrackServer({ store: seeded.store, webRoot: null, pollMs: 50 });
  const url = await other.listen({ port: 0, host: '127.0.0.1' });
  const res = await fetch(`${url}/api/runs/${seeded.curveRunId}/events`);
  const reader = res.body!.getReader();
  await reader.read();
  await other.close();
  let done = false;
  while (!done) ({ done } = await reader.read());
  assert.ok(done, 'the stream ended when the server closed');
});
