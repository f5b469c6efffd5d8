/**
 * Reading files back (the ONNX checker's rules that matter: opset imports, topological order,
 * typed inputs and outputs), the errors for what cannot be exported, and `strata inspect`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';
import * as learn from '../../learn/index.js';
import { OnnxExportError, onnxSupport, readOnnx, toOnnx } from '../index.js';
import { ModelProto } from './proto.js';

const X = [[0, 1], [1, 0], [2, 3], [3, 1], [4, 4], [5, 2]];
const y = ['a', 'b', 'a', 'b', 'a', 'b'];

test('written files declare IR 10, ai.onnx 21 and ai.onnx.ml 5 only when an ML operator is used', () => {
  const linear = readOnnx(toOnnx(new learn.LogisticRegression().fit(X, y)));
  assert.equal(linear.irVersion, 10);
  assert.deepEqual(linear.opsets, [{ domain: '', version: 21 }]);
  assert.equal(linear.producer.name, 'strata');
  const tree = readOnnx(toOnnx(new learn.DecisionTreeClassifier().fit(X, y), { opset: 26, name: 'tiny' }));
  assert.deepEqual(tree.opsets, [{ domain: '', version: 26 }, { domain: 'ai.onnx.ml', version: 5 }]);
  assert.equal(tree.graphName, 'tiny');
  assert.equal(tree.operators['ai.onnx.ml:TreeEnsemble'], 1);
  assert.equal(tree.metadata['strata.model'], 'decision-tree-classifier');
  assert.equal(tree.metadata['strata.task'], 'classification');
});

test('nodes are in topological order and every input and output is typed', () => {
  const { transformer } = learn.columnTransformerFromSchema([{ name: 'n', kind: 'numeric' }, { name: 'c', kind: 'categorical' }], { scale: true });
  const rows = [{ n: 1, c: 'x' }, { n: null, c: 'y' }, { n: 3, c: null }, { n: 4, c: 'x' }];
  const pipe = learn.makePipeline(transformer, new learn.GradientBoostingRegressor({ nEstimators: 3 })).fit(rows, [1, 2, 3, 4]);
  const bytes = toOnnx(pipe);
  const info = readOnnx(bytes);
  assert.deepEqual(info.undefinedInputs, []);
  assert.deepEqual(info.inputs, [{ name: 'n', type: 'float64', shape: ['N', 1] }, { name: 'c', type: 'string', shape: ['N', 1] }]);
  assert.deepEqual(info.outputs, [{ name: 'prediction', type: 'float64', shape: ['N', 1] }]);
  // The raw message agrees: elem types set, node names unique, every node has a domain-known op type.
  const raw = ModelProto.toObject(ModelProto.decode(bytes), { longs: Number }) as any;
  const names = raw.graph.node.map((n: { name: string }) => n.name);
  assert.equal(new Set(names).size, names.length);
  for (const v of [...raw.graph.input, ...raw.graph.output]) assert.ok(v.type.tensorType.elemType > 0, `${v.name} has an element type`);
  // A node moved before its producer is caught.
  const swapped = { ...raw, graph: { ...raw.graph, node: [...raw.graph.node].reverse() } };
  const broken = readOnnx(ModelProto.encode(ModelProto.fromObject(swapped)).finish());
  assert.ok(broken.undefinedInputs.length > 0);
});

test('unfitted, unsupported and custom models are refused with what is supported', () => {
  assert.throws(() => toOnnx(new learn.Ridge()), (e: Error) => e instanceof OnnxExportError && /not fitted; call fit\(\)/.test(e.message));
  const unsupported = new learn.AgglomerativeClustering({ nClusters: 2 }).fit(X);
  assert.throws(() => toOnnx(unsupported), (e: Error) => /AgglomerativeClustering\) cannot be exported to ONNX; supported models: .*RandomForestClassifier.*transformers: .*OneHotEncoder/.test(e.message));
  const poly = new learn.Pipeline({ steps: [['poly', new learn.PolynomialFeatures()], ['ridge', new learn.Ridge()]] }).fit(X, [1, 2, 3, 4, 5, 6]);
  assert.throws(() => toOnnx(poly), /Pipeline step 'poly' \(PolynomialFeatures\) cannot be exported/);
  class Doubler {
    fit(): this { return this; }
    transform(A: number[][]): number[][] { return A.map((r) => r.map((v) => 2 * v)); }
  }
  const custom = new learn.Pipeline({ steps: [['double', new Doubler() as any], ['ridge', new learn.Ridge()]] }).fit(X, [1, 2, 3, 4, 5, 6]);
  assert.throws(() => toOnnx(custom), /Pipeline step 'double' is a Doubler object, which cannot be exported to ONNX; use Strata estimators/);
  assert.throws(() => toOnnx((() => 1) as any), /is a custom function, which cannot be exported to ONNX; use Strata estimators \(models: /);
  assert.throws(() => toOnnx(new learn.Ridge().fit(X, [1, 2, 3, 4, 5, 6]), { opset: 13 }), /opset must be an integer from 21 to 26/);
  assert.throws(() => toOnnx(new learn.Ridge().fit(X, [1, 2, 3, 4, 5, 6]), { inputs: [{ name: 'a', type: 'float64' }] }), /options.inputs has 1 entries but Ridge takes 2 features/);
  assert.ok(onnxSupport().models.includes('GradientBoostingClassifier'));
  assert.ok(onnxSupport().transformers.includes('ColumnTransformer'));
});

test('readOnnx rejects bytes that are not an ONNX model', () => {
  assert.throws(() => readOnnx(new TextEncoder().encode('not a model at all')), /Not an ONNX model/);
  assert.throws(() => readOnnx(new Uint8Array(0)), /Not an ONNX model: the file has no graph/);
});

test('strata inspect prints inputs, outputs, opsets and node count (table and --json)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-inspect-'));
  try {
    const path = join(dir, 'model.onnx');
    const bytes = toOnnx(new learn.RandomForestClassifier({ nEstimators: 2, randomState: 0 }).fit(X, y));
    writeFileSync(path, bytes);
    const json = await runCli(['inspect', path, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const r = JSON.parse(json.stdout);
    assert.equal(r.format, 'onnx');
    assert.deepEqual(r.inputs.map((i: { name: string }) => i.name), ['x0', 'x1']);
    assert.deepEqual(r.outputs.map((o: { name: string; type: string }) => [o.name, o.type]), [['label', 'string'], ['probabilities', 'float64']]);
    assert.deepEqual(r.opsets, [{ domain: '', version: 21 }, { domain: 'ai.onnx.ml', version: 5 }]);
    assert.equal(r.nodes, readOnnx(bytes).nodes);
    const human = await runCli(['inspect', path]);
    assert.equal(human.code, 0);
    assert.match(human.stdout, /input\s+x0\s+float64\s+\[N, 1\]/);
    assert.match(human.stdout, /ai\.onnx\.ml\s+5/);
    assert.match(human.stdout, new RegExp(`${r.nodes} nodes`));
    const missing = await runCli(['inspect', join(dir, 'nope.onnx')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /File '.*nope\.onnx' not found/);
    writeFileSync(join(dir, 'bad.onnx'), 'hello');
    const bad = await runCli(['inspect', join(dir, 'bad.onnx'), '--json']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /is not an ONNX model/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('OnnxModel runs a file from another producer: one float32 matrix input fed from rows of numbers', async () => {
  const { GraphBuilder } = await import('./graph.js');
  const { OnnxModel } = await import('./runtime.node.js');
  const g = new GraphBuilder(17, 3);
  const x = g.input('float_input', 'float32', ['N', 3]);
  const y = g.op('MatMul', [x, g.constant('w', 'float32', [3, 1], [1, 2, 3])]);
  g.output(y, 'variable', 'float32', ['N', 1]);
  const m = await OnnxModel.load(g.toBytes({ name: 'foreign', irVersion: 8, producerVersion: '1.0' }));
  try {
    assert.deepEqual(m.inputs, [{ name: 'float_input', type: 'float32', shape: ['N', 3] }]);
    const p = await m.predict([[1, 1, 1], [0, 0.5, 2]]);
    assert.deepEqual(Array.from((p as { toFloat64Array(): Float64Array }).toFloat64Array()), [6, 7]);
    await assert.rejects(m.predictProba([[1, 2, 3]]), /no probabilities tensor output \(outputs: variable\)/);
    await assert.rejects(m.predict([[1, 2]]), /takes 3 features per row, got 2/);
  } finally {
    await m.close();
  }
  await assert.rejects(OnnxModel.load(new TextEncoder().encode('junk')), /Not an ONNX model/);
});

test('OnnxModel names the missing column and the columns the model reads', async () => {
  const { OnnxModel } = await import('./runtime.node.js');
  const { transformer } = learn.columnTransformerFromSchema([{ name: 'a', kind: 'numeric' }, { name: 'city', kind: 'categorical' }]);
  const pipe = learn.makePipeline(transformer, new learn.Ridge()).fit([{ a: 1, city: 'x' }, { a: 2, city: 'y' }, { a: 3, city: 'x' }], [1, 2, 3]);
  const m = await OnnxModel.load(toOnnx(pipe));
  try {
    await assert.rejects(m.predict([{ a: 1 }]), /the data has no column 'city'. The model reads: a, city; got: a/);
    await assert.rejects(m.predict([{ a: 'ten', city: 'x' }]), /input 'a' takes numbers, but row 0 holds text "ten"/);
    assert.equal(((await m.predict({ a: [1, 3], city: ['x', 'x'] })) as unknown as { shape: number[] }).shape[0], 2);
  } finally {
    await m.close();
  }
});
