/**
 * The server end to end on loopback: every protocol answers what `strata predict` answers for
 * the same registered model, the ONNX export of that model answers the same through an upload,
 * and metadata, OpenAPI, metrics and hot reload behave.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../test/helpers/cli.js';
import { assertClose } from '../../test/helpers/assert.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { FEATURES, startServer, trainedHome, type Running, type TrainedHome } from '../../test/helpers/serve/fixture.js';
import { toOnnx } from '../export/index.js';
import { loadModel, openStore } from '../track/index.js';
import { createServer, serveContext } from './index.js';

let t: TrainedHome;
let s: Running;
let cli: { predictions: string[]; classes: string[]; probabilities: number[][] };
let cliPrice: number[];
let adminKey: string;

before(async () => {
  t = await trainedHome();
  s = await startServer({ models: ['gb', 'price'], store: t.store });
  adminKey = serveContext(s.app).hosting.createKey({ owner: 'ops', scopes: ['admin'] }).token;
  const p = await runCli(['predict', 'gb', join(t.dir, 'fresh.csv'), '--store', t.store, '--json']);
  assert.equal(p.code, 0, p.stderr);
  cli = JSON.parse(p.stdout);
  const q = await runCli(['predict', 'price', join(t.dir, 'fresh.csv'), '--store', t.store, '--json']);
  assert.equal(q.code, 0, q.stderr);
  cliPrice = JSON.parse(q.stdout).predictions;
});

after(async () => {
  await s?.app.close();
});

test('health, server metadata and model metadata with tensor specs from the signature', async () => {
  assert.deepEqual((await s.call('GET', '/v2/health/live')).body, { live: true });
  assert.deepEqual((await s.call('GET', '/v2/health/ready')).body, { ready: true });
  assert.equal((await s.call('GET', '/v2')).body.name, 'strata');
  const m = await s.call('GET', '/v2/models/gb');
  assert.equal(m.status, 200);
  assert.deepEqual(m.body.versions, ['1']);
  assert.equal(m.body.platform, 'strata');
  assert.deepEqual(
    m.body.inputs.map((i: { name: string; datatype: string }) => [i.name, i.datatype]),
    [['id', 'INT32'], ['x1', 'FP64'], ['x2', 'FP64'], ['shade', 'BYTES'], ['amount', 'FP64']],
  );
  assert.deepEqual(m.body.outputs, [
    { name: 'prediction', datatype: 'BYTES', shape: [-1] },
    { name: 'probabilities', datatype: 'FP64', shape: [-1, 2] },
  ]);
  assert.deepEqual(m.body.parameters.classes, ['hi', 'lo']);
  assert.equal((await s.call('GET', '/v2/models/gb/versions/1')).status, 200);
  assert.equal((await s.call('GET', '/v2/models/gb/versions/7')).status, 404);
  assert.deepEqual((await s.call('GET', '/v2/models/gb/ready')).body, { name: 'gb', ready: true });
  assert.deepEqual((await s.call('GET', '/v2/models/price')).body.outputs, [{ name: 'prediction', datatype: 'FP64', shape: [-1] }]);
  assert.equal((await s.call('GET', '/v2/models/nope')).status, 404);
});

test('v1 :predict answers exactly what strata predict answers, with classes and probabilities', async () => {
  const r = await s.call('POST', '/v1/models/gb:predict', { instances: t.fresh });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.predictions, cli.predictions);
  assert.deepEqual(r.body.classes, cli.classes);
  assert.deepEqual(r.body.probabilities, cli.probabilities);
  assert.ok(new Set(cli.predictions).size === 2, 'the fresh rows reach both classes');
  const cols = Object.fromEntries(FEATURES.map((f) => [f, t.fresh.map((row) => row[f])]));
  const c = await s.call('POST', '/v1/models/gb:predict', { inputs: cols });
  assert.deepEqual(c.body.predictions, cli.predictions);
  const p = await s.call('POST', '/v1/models/price:predict', { instances: t.fresh });
  assert.deepEqual(p.body.predictions, cliPrice);
  assert.equal(p.body.probabilities, undefined);
});

test('v2 infer with named tensors (BYTES, FP64, INT64, [n, 1] nesting) matches, and outputs can be chosen', async () => {
  const n = t.fresh.length;
  const col = (f: string) => t.fresh.map((r) => r[f]);
  const inputs = [
    { name: 'id', shape: [n], datatype: 'INT64', data: col('id') },
    { name: 'x1', shape: [n], datatype: 'FP64', data: col('x1') },
    { name: 'x2', shape: [n, 1], datatype: 'FP32', data: col('x2').map((v) => [v]) },
    { name: 'shade', shape: [n], datatype: 'BYTES', data: col('shade') },
    { name: 'amount', shape: [n], datatype: 'FP64', data: col('amount') },
  ];
  const r = await s.call('POST', '/v2/models/gb/infer', { id: 'req-1', inputs });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.id, 'req-1');
  assert.equal(r.body.model_version, '1');
  const [pred, proba] = r.body.outputs;
  assert.deepEqual(pred, { name: 'prediction', datatype: 'BYTES', shape: [n], data: cli.predictions });
  assert.deepEqual(proba.shape, [n, 2]);
  assert.deepEqual(proba.data, cli.probabilities.flat());
  const only = await s.call('POST', '/v2/models/gb/versions/1/infer', { inputs, outputs: [{ name: 'probabilities' }] });
  assert.deepEqual(only.body.outputs.map((o: { name: string }) => o.name), ['probabilities']);
  const bad = await s.call('POST', '/v2/models/gb/infer', { inputs, outputs: [{ name: 'logits' }] });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /'logits'.*prediction, probabilities/);
});

test('MLflow /invocations: dataframe_split, dataframe_records, instances, inputs and text/csv agree', async () => {
  const split = { columns: [...FEATURES], data: t.fresh.map((r) => FEATURES.map((f) => r[f])) };
  const bodies: unknown[] = [
    { dataframe_split: split },
    { dataframe_records: t.fresh },
    { instances: t.fresh },
    { inputs: t.fresh },
    { inputs: Object.fromEntries(FEATURES.map((f) => [f, t.fresh.map((r) => r[f])])) },
  ];
  for (const body of bodies) {
    const r = await s.call('POST', '/invocations', body);
    assert.equal(r.status, 200, `${Object.keys(body as object)[0]}: ${r.text}`);
    assert.deepEqual(r.body.predictions, cli.predictions, Object.keys(body as object)[0]);
  }
  const csv = await s.call('POST', '/invocations', t.freshCsv, { 'content-type': 'text/csv' });
  assert.equal(csv.status, 200, csv.text);
  assert.deepEqual(csv.body.predictions, cli.predictions);
  const price = await s.call('POST', '/invocations?model=price', { dataframe_records: t.fresh });
  assert.deepEqual(price.body.predictions, cliPrice);
  assert.equal((await s.call('GET', '/ping')).status, 200);
});

test('bodies built by pandas, as MLflow clients send them, score like strata predict on the CSV pandas wrote', async () => {
  const f = loadFixture<Record<'dataframe_split' | 'dataframe_records' | 'instances' | 'inputs' | 'csv', string> & { rows: number }>('serve_payloads');
  const csvPath = join(t.dir, 'pandas.csv');
  writeFileSync(csvPath, f.csv);
  const p = await runCli(['predict', 'gb', csvPath, '--store', t.store, '--json']);
  assert.equal(p.code, 0, p.stderr);
  const want = JSON.parse(p.stdout) as { predictions: string[]; probabilities: number[][] };
  assert.equal(want.predictions.length, f.rows);
  for (const form of ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const) {
    const r = await s.call('POST', '/invocations', f[form]);
    assert.equal(r.status, 200, `${form}: ${r.text}`);
    assert.deepEqual(r.body.predictions, want.predictions, form);
  }
  const csv = await s.call('POST', '/invocations', f.csv, { 'content-type': 'text/csv' });
  assert.deepEqual(csv.body.predictions, want.predictions, 'text/csv');
  const v1 = await s.call('POST', '/v1/models/gb:predict', f.instances);
  assert.deepEqual(v1.body.probabilities, want.probabilities);
});

test('the ONNX export of the model, uploaded as an endpoint, answers like the native path', async () => {
  const { pipeline } = await loadModel('gb', t.store);
  const bytes = toOnnx(pipeline);
  const up = await s.call('POST', '/v1/endpoints/gb-onnx?visibility=public', bytes, { 'content-type': 'application/octet-stream', authorization: `Bearer ${adminKey}` });
  assert.equal(up.status, 201, up.text);
  assert.equal(up.body.platform, 'onnxruntime');
  // The export reads only the columns the pipeline uses ('id' is dropped as ID-like).
  const rows = t.fresh.map(({ id: _id, ...rest }) => rest);
  const r = await s.call('POST', '/v1/models/gb-onnx:predict', { instances: rows });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.predictions, cli.predictions);
  assert.deepEqual(r.body.classes, cli.classes);
  assertClose(r.body.probabilities.flat(), cli.probabilities.flat(), { atol: 1e-9, rtol: 0 });
  const meta = await s.call('GET', '/v2/models/gb-onnx');
  assert.deepEqual(meta.body.inputs.map((i: { name: string; datatype: string }) => [i.name, i.datatype]), [['x1', 'FP64'], ['x2', 'FP64'], ['shade', 'BYTES'], ['amount', 'FP64']]);
  const n = rows.length;
  const v2 = await s.call('POST', '/v2/models/gb-onnx/infer', {
    inputs: ['x1', 'x2', 'amount'].map((f) => ({ name: f, shape: [n, 1], datatype: 'FP64', data: rows.map((row) => row[f as 'x1']) }))
      .concat([{ name: 'shade', shape: [n, 1], datatype: 'BYTES', data: rows.map((row) => row.shade) }]),
  });
  assert.deepEqual(v2.body.outputs[0].data, cli.predictions);
});

test('openapi.json describes every route and one instance schema per public model', async () => {
  const r = await s.call('GET', '/openapi.json');
  assert.equal(r.status, 200);
  assert.equal(r.body.openapi, '3.1.0');
  for (const p of ['/v2/models/{name}/infer', '/v1/models/{name}:predict', '/invocations', '/v1/endpoints/{name}', '/v1/keys', '/v1/usage', '/metrics']) assert.ok(r.body.paths[p], p);
  const gb = r.body.components.schemas['gb.instance'];
  assert.deepEqual(gb.required, [...FEATURES]);
  assert.deepEqual(gb.properties.x1.type, ['number', 'null']);
  assert.deepEqual(gb.properties.shade.type, ['string', 'null']);
  assert.equal(r.body.components.schemas.V2InferenceRequest.type, 'object');
});

test('/metrics counts requests and errors by route, a latency histogram and model load times', async () => {
  await s.call('POST', '/v1/models/gb:predict', { instances: [{ ...t.fresh[0], x1: 'NaN' }] });
  const before = (await s.call('GET', '/metrics')).text;
  const count = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
  const okRe = /strata_serve_requests_total\{route="\/v1\/models\/:target",method="POST",status="200"\} (\d+)/;
  await s.call('POST', '/v1/models/gb:predict', { instances: t.fresh.slice(0, 3) });
  const text = (await s.call('GET', '/metrics')).text;
  assert.equal(count(text, okRe), count(before, okRe) + 1);
  assert.match(text, /strata_serve_errors_total\{route="\/v1\/models\/:target",status="400"\} [1-9]/);
  assert.match(text, /# TYPE strata_serve_request_duration_seconds histogram/);
  assert.match(text, /strata_serve_request_duration_seconds_bucket\{route="\/v1\/models\/:target",le="\+Inf"\} \d+/);
  assert.match(text, /strata_serve_model_load_seconds\{model="gb",version="1"\} [0-9.e-]+/);
  assert.ok(count(text, /strata_serve_predicted_rows_total\{model="gb"\} (\d+)/) >= 3 + t.fresh.length);
});

test('hot reload: when the alias moves, the next poll swaps in the new version', async () => {
  const store = await openStore(t.store);
  try {
    await store.setAlias('price', 'prod', 1);
    const r = await runCli(['train', join(t.dir, 'train-price.csv'), '--target', 'price', '--model', 'ridge', '--param', 'alpha=1000', '--cv', '2', '--register', 'price', '--json']);
    assert.equal(r.code, 0, r.stderr);
  } finally {
    await store.close();
  }
  const s2 = await startServer({ models: ['price@prod'], store: t.store });
  try {
    const first = await s2.call('POST', '/v1/models/price:predict', { instances: t.fresh.slice(0, 5) });
    assert.equal(first.body.model_version, '1');
    assert.deepEqual(first.body.predictions, cliPrice.slice(0, 5));
    const store2 = await openStore(t.store);
    await store2.setAlias('price', 'prod', 2);
    await store2.close();
    await serveContext(s2.app).repo.poll();
    const second = await s2.call('POST', '/v1/models/price:predict', { instances: t.fresh.slice(0, 5) });
    assert.equal(second.body.model_version, '2');
    assert.notDeepEqual(second.body.predictions, first.body.predictions, 'the heavily regularized version predicts differently');
    assert.match((await s2.call('GET', '/metrics')).text, /strata_serve_model_reloads_total\{model="price"\} 1/);
  } finally {
    await s2.app.close();
  }
});

test('model files by path: a .json saved by train and an .onnx export are served under their base names', async () => {
  const { pipeline } = await loadModel('gb', t.store);
  const onnxPath = join(t.dir, 'gb-export.onnx');
  writeFileSync(onnxPath, toOnnx(pipeline));
  const s3 = await startServer({ models: [join(t.dir, 'gb.json'), onnxPath] });
  try {
    const names = serveContext(s3.app).repo.list().map((e) => [e.name, e.model.platform, e.source.kind]);
    assert.deepEqual(names, [['gb', 'strata', 'file'], ['gb-export', 'onnxruntime', 'file']]);
    const a = await s3.call('POST', '/invocations', { dataframe_records: t.fresh });
    assert.deepEqual(a.body.predictions, cli.predictions, '/invocations answers for the first model named');
    const b = await s3.call('POST', '/invocations?model=gb-export', { dataframe_records: t.fresh.map(({ id: _id, ...r }) => r) });
    assert.deepEqual(b.body.predictions, cli.predictions);
  } finally {
    await s3.app.close();
  }
  await assert.rejects(createServer({ models: [join(t.dir, 'missing.json')], pollMs: 0, logLevel: 'silent' }), /does not exist/);
});
