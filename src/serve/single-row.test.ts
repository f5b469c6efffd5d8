/**
 * The request path's shortcuts against the general path: single-row and concurrent
 * (micro-batched) requests answer exactly what the model file's pipeline answers for the whole
 * table through `predict` and `predictProba` — missing values, unseen categories, string and
 * numeric class labels, a regressor — and bodies the shortcuts do not take still get the
 * general checks and their messages.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, trainedHome, type Running, type TrainedHome } from '../../test/helpers/serve/fixture.js';
import { GradientBoostingClassifier, Pipeline, columnTransformerFromSchema, type Label } from '../learn/index.js';
import type { NdArray } from '../tensor/index.js';
import { parseModelFile } from './model-file.js';

let t: TrainedHome;
let s: Running;
/** What the saved pipelines answer for all fresh rows at once. */
let expected: { labels: Label[]; proba: number[][]; price: number[] };
const numericFile = (): string => join(t.dir, 'digits.json');
let numericRows: Record<string, number | string | null>[];
let numericExpected: { labels: Label[]; proba: number[][] };

/** A three-class model whose labels are numbers, saved as a model file the server can load. */
function saveNumericLabelModel(dir: string): void {
  const rows = Array.from({ length: 150 }, (_, i) => ({
    a: i % 11 === 4 ? null : Math.sin(i * 1.3) * 3,
    b: Math.cos(i * 0.7),
    kind: i % 13 === 6 ? null : ['p', 'q', 'r'][i % 3]!,
  }));
  const y = rows.map((r, i) => ((r.a ?? 0) + (r.kind === 'p' ? 2 : 0) > 1 ? 7 : Math.cos(i * 0.7) > 0 ? 3 : 0));
  const { transformer, notes } = columnTransformerFromSchema([
    { name: 'a', kind: 'numeric' }, { name: 'b', kind: 'numeric' }, { name: 'kind', kind: 'categorical' },
  ]);
  const pipeline = new Pipeline({ steps: [['prep', transformer], ['gb', new GradientBoostingClassifier({ nEstimators: 9, maxDepth: 3 })]] }).fit(rows, y);
  const file = {
    format: 'strata-model', version: 1, model: 'gradient-boosting-classifier', task: 'classification', target: 'digit',
    features: ['a', 'b', 'kind'], preprocessing: notes, createdAt: new Date(0).toISOString(), pipeline: pipeline.toJSON(),
  };
  writeFileSync(join(dir, 'digits.json'), JSON.stringify(file));
  numericRows = [
    ...rows.slice(0, 9),
    { a: null, b: 0.5, kind: null },
    { a: 1.5, b: -0.25, kind: 'never-seen' },
  ];
  numericExpected = { labels: pipeline.predict(numericRows) as Label[], proba: pipeline.predictProba(numericRows).toArray() as number[][] };
}

before(async () => {
  t = await trainedHome();
  saveNumericLabelModel(t.dir);
  s = await startServer({ models: ['gb', 'price', numericFile()], store: t.store });
  const gb = parseModelFile(readFileSync(join(t.dir, 'gb.json'))).pipeline;
  const price = parseModelFile(readFileSync(join(t.dir, 'price.json'))).pipeline;
  expected = {
    labels: gb.predict(t.fresh) as Label[],
    proba: gb.predictProba(t.fresh).toArray() as number[][],
    price: Array.from((price.predict(t.fresh) as NdArray).toFloat64Array()),
  };
});

after(async () => {
  await s?.app.close();
});

const predict = (model: string, instances: unknown[]) => s.call('POST', `/v1/models/${model}:predict`, { instances });

test('one row per request answers what the pipeline answers for the whole table, missing values included', async () => {
  assert.ok(t.fresh.some((r) => r.x1 === null) && t.fresh.some((r) => r.shade === null), 'the fresh rows have missing values');
  assert.equal(new Set(expected.labels).size, 2, 'the fresh rows reach both classes');
  for (let i = 0; i < t.fresh.length; i++) {
    const r = await predict('gb', [t.fresh[i]]);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.predictions, [expected.labels[i]], `row ${i}`);
    assert.deepEqual(r.body.probabilities, [expected.proba[i]], `row ${i}`);
    assert.deepEqual(r.body.classes, ['hi', 'lo']);
    const p = await predict('price', [t.fresh[i]]);
    assert.deepEqual(p.body.predictions, [expected.price[i]], `price row ${i}`);
    assert.equal(p.body.probabilities, undefined);
  }
});

test('concurrent single rows (merged by micro-batching) and small batches answer the same', async () => {
  const answers = await Promise.all(t.fresh.map((row) => predict('gb', [row])));
  answers.forEach((r, i) => {
    assert.deepEqual(r.body.predictions, [expected.labels[i]], `row ${i}`);
    assert.deepEqual(r.body.probabilities, [expected.proba[i]], `row ${i}`);
  });
  for (const n of [2, 3, 4, 5, 7, 8, 9]) {
    const r = await predict('gb', t.fresh.slice(0, n));
    assert.deepEqual(r.body.predictions, expected.labels.slice(0, n), `${n} rows`);
    assert.deepEqual(r.body.probabilities, expected.proba.slice(0, n), `${n} rows`);
  }
});

test('an unseen category is encoded as none, as the pipeline does', async () => {
  const row = { ...t.fresh[0]!, shade: 'violet' };
  const gb = parseModelFile(readFileSync(join(t.dir, 'gb.json'))).pipeline;
  const r = await predict('gb', [row]);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.predictions, gb.predict([row]));
  assert.deepEqual(r.body.probabilities, gb.predictProba([row]).toArray());
});

test('numeric class labels stay numbers, one row at a time and together', async () => {
  const meta = await s.call('GET', '/v2/models/digits');
  assert.deepEqual(meta.body.parameters.classes, [0, 3, 7]);
  assert.equal(meta.body.outputs[0].datatype, 'INT64');
  assert.ok(new Set(numericExpected.labels).size >= 2, 'the rows reach several classes');
  for (let i = 0; i < numericRows.length; i++) {
    const r = await predict('digits', [numericRows[i]]);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.predictions, [numericExpected.labels[i]], `row ${i}`);
    assert.equal(typeof r.body.predictions[0], 'number');
    assert.deepEqual(r.body.probabilities, [numericExpected.proba[i]], `row ${i}`);
  }
  const all = await predict('digits', numericRows);
  assert.deepEqual(all.body.predictions, numericExpected.labels);
  assert.deepEqual(all.body.probabilities, numericExpected.proba);
});

test('bodies the shortcut does not take still get the general checks and messages', async () => {
  const row = t.fresh[0]!;
  const extra = await s.call('POST', '/v1/models/gb:predict', { instances: [row], extra: 1 });
  assert.equal(extra.status, 400);
  assert.match(extra.body.error, /unknown key 'extra'/);
  const notArray = await s.call('POST', '/v1/models/gb:predict', { instances: { x1: 1 } });
  assert.equal(notArray.status, 400);
  assert.match(notArray.body.error, /instances/);
  const cols = await s.call('POST', '/v1/models/gb:predict', { inputs: Object.fromEntries(Object.keys(row).map((k) => [k, [row[k]]])) });
  assert.equal(cols.status, 200, cols.text);
  assert.deepEqual(cols.body.predictions, [expected.labels[0]]);
  const text = await predict('gb', [{ ...row, x1: 'NaN' }]);
  assert.equal(text.status, 400);
  assert.match(text.body.error, /^instances\[0\]\.x1 must be a number .*got the string "NaN"; send numbers as JSON numbers/);
  const huge = await s.call('POST', '/v1/models/gb:predict', `{"instances": [${JSON.stringify(row)}, ${JSON.stringify({ ...row, amount: 0 }).replace('"amount":0', '"amount":1e999')}]}`);
  assert.equal(huge.status, 400);
  assert.match(huge.body.error, /^instances\[1\]\.amount is Infinity, which is out of range/);
  const missing = await predict('gb', [row, { ...row, amount: undefined }]);
  assert.equal(missing.status, 400);
  assert.match(missing.body.error, /^instances\[1\] lacks field 'amount'/);
  const unknown = await predict('gb', [{ ...row, colour: 'red' }]);
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.error, /^instances\[0\] has unknown field "colour"/);
  const label = await predict('gb', [{ ...row, shade: { dark: true } }]);
  assert.equal(label.status, 400);
  assert.match(label.body.error, /^instances\[0\]\.shade must be/);
});
