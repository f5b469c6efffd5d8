/**
 * nn models through toOnnx, run in onnxruntime-node: against PyTorch's outputs (the fixtures
 * nn's own layer tests use) and against the native eval-mode forward, in float32 (≤ 1e-4) and
 * float64 (≤ 1e-9), at two batch sizes (the batch axis is dynamic); plus the errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ort from 'onnxruntime-node';
import { loadFixture } from '../../../../test/helpers/fixtures.js';
import * as nn from '../../../nn/index.js';
import { OnnxExportError, readOnnx, toOnnx } from '../../index.js';
import { lcg } from '../../../../test/helpers/lcg.js';

type DType = 'float32' | 'float64';
type Shape = readonly (number | string)[];
const TOL: Record<DType, number> = { float32: 1e-4, float64: 1e-9 };

function maxDiff(got: ArrayLike<number>, want: ArrayLike<number>): number {
  assert.equal(got.length, want.length, 'output sizes differ');
  let d = 0;
  for (let i = 0; i < got.length; i++) d = Math.max(d, Math.abs(got[i]! - want[i]!));
  return d;
}

/** Runs the file on named float inputs (or int64 indices) and returns every output's data and dims. */
async function runOnnx(bytes: Uint8Array, feeds: Record<string, { data: ArrayLike<number>; shape: readonly number[]; type: DType | 'int64' }>): Promise<Record<string, { data: Float64Array; dims: number[] }>> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const tensors: Record<string, ort.Tensor> = {};
    for (const [name, f] of Object.entries(feeds)) {
      const data = f.type === 'int64' ? BigInt64Array.from(Array.from(f.data, (v) => BigInt(v))) : f.type === 'float64' ? Float64Array.from(f.data) : Float32Array.from(f.data);
      tensors[name] = new ort.Tensor(f.type, data, [...f.shape]);
    }
    const out = await session.run(tensors);
    return Object.fromEntries(Object.entries(out).map(([k, t]) => [k, { data: Float64Array.from(t.data as Float32Array), dims: t.dims.map(Number) }]));
  } finally {
    await session.release();
  }
}

function randomTensor(shape: readonly number[], dtype: DType, seed: number, ints?: number): nn.Tensor {
  const r = lcg(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = ints === undefined ? r() * 4 - 2 : Math.floor(r() * ints);
  return nn.Tensor.fromData(data, shape);
}

/** The concrete shape for a batch of `b` rows. */
const withBatch = (shape: Shape, b: number): number[] =>
  shape.some((d) => typeof d === 'string') ? shape.map((d) => (typeof d === 'string' ? b : d)) : [b, ...(shape as number[])];

/** Exports `model` (eval mode) and checks every output against the native forward at batch sizes 1 and 5. */
async function checkNative(what: string, model: nn.AnyModule, inputShape: Shape, dtype: DType, indices?: number): Promise<void> {
  model.eval();
  const bytes = toOnnx(model, { inputShape, dtype });
  const info = readOnnx(bytes);
  assert.deepEqual(info.undefinedInputs, [], `${what}: every node input is defined`);
  assert.equal(info.metadata['strata.task'], 'nn');
  for (const b of [1, 5]) {
    const x = randomTensor(withBatch(inputShape, b), model.parameters()[0]?.dtype ?? 'float32', 10 + b, indices);
    const native = nn.noGrad(() => model.call(x)) as nn.Tensor | [nn.Tensor, nn.Tensor | [nn.Tensor, nn.Tensor]];
    const got = await runOnnx(bytes, { input: { data: x.data, shape: x.shape, type: indices === undefined ? dtype : 'int64' } });
    const wants: [string, nn.Tensor][] = native instanceof nn.Tensor
      ? [['output', native]]
      : [['output', native[0]], ...(native[1] instanceof nn.Tensor ? [['h_n', native[1]] as [string, nn.Tensor]] : [['h_n', native[1][0]], ['c_n', native[1][1]]] as [string, nn.Tensor][])];
    assert.deepEqual(info.outputs.map((o) => o.name), wants.map(([n]) => n), `${what}: outputs`);
    for (const [name, want] of wants) {
      assert.deepEqual(got[name]!.dims, want.shape, `${what}: ${name} shape at batch ${b}`);
      const d = maxDiff(got[name]!.data, want.data);
      assert.ok(d <= TOL[dtype], `${what} (${dtype}, batch ${b}): ${name} differs from the native forward by ${d}`);
    }
  }
}

test('Sequential models match the native eval-mode forward in float32 and float64, with a dynamic batch', async () => {
  for (const dtype of ['float32', 'float64'] as const) {
    const cast = <M extends nn.AnyModule>(m: M): M => (dtype === 'float64' ? m.to('float64') : m);
    nn.manualSeed(3);
    const bn = new nn.BatchNorm1d(8);
    bn.runningMean!.data.set([0.1, -0.2, 0.3, 0, 0.5, -0.4, 0.2, 0.1]);
    bn.runningVar!.data.set([1.5, 0.5, 2, 1, 0.3, 1.2, 0.8, 1]);
    await checkNative('dense', cast(new nn.Sequential([
      new nn.Linear(6, 8), bn, new nn.ReLU(), new nn.Dropout(0.5), new nn.Linear(8, 8), new nn.LeakyReLU(0.2), new nn.GELU(), new nn.SiLU(),
      new nn.LayerNorm(8), new nn.Tanh(), new nn.Sequential([new nn.Linear(8, 5), new nn.Sigmoid(), new nn.Identity()]), new nn.Linear(5, 4), new nn.Softmax(), new nn.LogSoftmax(),
    ])), [6], dtype);
    await checkNative('batch-norm without running estimates', cast(new nn.Sequential([new nn.Linear(3, 4), new nn.BatchNorm1d(4, { trackRunningStats: false, affine: false })])), [3], dtype);
    const bn2 = new nn.BatchNorm2d(4);
    bn2.runningMean!.data.set([0.2, -0.1, 0, 0.3]);
    bn2.runningVar!.data.set([0.7, 1.3, 1, 2]);
    await checkNative('cnn', cast(new nn.Sequential([
      new nn.Conv2d(2, 4, 3, { padding: 1, stride: [2, 1] }), bn2, new nn.ReLU(), new nn.MaxPool2d(2, { padding: 1 }),
      new nn.Conv2d(4, 6, [3, 3], { groups: 2, dilation: [2, 1], padding: 'same', bias: false }), new nn.AvgPool2d(2, { stride: 1, padding: 1, countIncludePad: false }),
      new nn.AvgPool2d([2, 1]), new nn.AdaptiveAvgPool2d([2, 3]), new nn.Flatten(), new nn.Linear(36, 3),
    ])), [2, 11, 9], dtype);
    await checkNative('conv1d', cast(new nn.Sequential([new nn.Conv1d(3, 4, 5, { padding: 'same' }), new nn.MaxPool1d(3, { stride: 2, padding: 1 }), new nn.Conv1d(4, 2, 2, { stride: 2 }), new nn.Flatten()])), [3, 12], dtype);
    await checkNative('global pool', cast(new nn.Sequential([new nn.Conv2d(1, 3, 3), new nn.AdaptiveAvgPool2d(1), new nn.Flatten(), new nn.Linear(3, 2)])), [1, 6, 7], dtype);
    await checkNative('embedding', cast(new nn.Sequential([new nn.Embedding(10, 4, { paddingIdx: 0 }), new nn.Flatten(), new nn.Linear(12, 2)])), [3], dtype, 10);
    await checkNative('transformer', cast(new nn.Sequential([
      new nn.TransformerEncoderLayer(8, 2, { dimFeedforward: 16, batchFirst: true }),
      new nn.TransformerEncoderLayer(8, 4, { dimFeedforward: 12, batchFirst: true, activation: 'gelu', normFirst: true }),
    ])), [5, 8], dtype);
    await checkNative('lstm', cast(new nn.Sequential([new nn.Linear(3, 4), new nn.LSTM(4, 5, { numLayers: 2, batchFirst: true })])), [6, 3], dtype);
    await checkNative('gru time-major', cast(new nn.GRU(4, 3, { numLayers: 2 })), [5, 'batch', 4], dtype);
    await checkNative('lstm without bias', cast(new nn.LSTM(2, 3, { bias: false })), [4, 'N', 2], dtype);
  }
});

test('a Module whose forward chains its children exports; any other forward is refused', async () => {
  class Chain extends nn.Module {
    fc1 = new nn.Linear(4, 6, { seed: 1 });
    act = new nn.Tanh();
    fc2 = new nn.Linear(6, 2, { seed: 2 });
    forward(x: nn.Tensor): nn.Tensor { return this.fc2.call(this.act.call(this.fc1.call(x))); }
  }
  await checkNative('custom chain', new Chain(), [4], 'float32');
  class Residual extends Chain {
    override forward(x: nn.Tensor): nn.Tensor { return nn.add(this.fc2.call(this.act.call(this.fc1.call(x))), 1); }
  }
  assert.throws(() => toOnnx(new Residual(), { inputShape: [4] }), (err: unknown) => err instanceof OnnxExportError && /not its children applied in order \(fc1: Linear → act: Tanh → fc2: Linear\)/.test(err.message) && /Sequential/.test(err.message));
});

test('export uses eval mode and leaves the training flags as they were', async () => {
  nn.manualSeed(1);
  const model = new nn.Sequential([new nn.Linear(3, 3), new nn.Dropout(0.9)]);
  model.train();
  const bytes = toOnnx(model, { inputShape: [3] });
  assert.ok(model.modules().every((m) => m.training), 'training mode restored');
  assert.equal(readOnnx(bytes).operators.Dropout, undefined, 'dropout left out');
  await checkNative('dropout', model, [3], 'float32');
});

test('conv, pooling and batch norm match PyTorch (nn_conv fixture) in both element types', async () => {
  const fx = loadFixture('nn_conv');
  for (const dtype of ['float32', 'float64'] as const) {
    for (const c of fx.conv as any[]) {
      const Conv = c.dims === 2 ? nn.Conv2d : nn.Conv1d;
      const layer = new Conv(c.wShape[1] * c.groups, c.wShape[0], c.wShape.slice(2), { stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups, bias: c.b !== null, dtype: 'float64' });
      layer.weight.data.set(c.w);
      if (c.b) layer.bias!.data.set(c.b);
      const bytes = toOnnx(layer, { inputShape: c.xShape.slice(1), dtype });
      const got = await runOnnx(bytes, { input: { data: c.x, shape: c.xShape, type: dtype } });
      assert.deepEqual(got.output!.dims, c.yShape);
      assert.ok(maxDiff(got.output!.data, c.y) <= TOL[dtype], `conv ${JSON.stringify(c.wShape)} (${dtype}) vs PyTorch`);
    }
    for (const c of fx.pool as any[]) {
      const o = c.options;
      const layer = c.kind === 'max2d' ? new nn.MaxPool2d(o.kernel_size, { stride: o.stride, padding: o.padding, dilation: o.dilation })
        : c.kind === 'max1d' ? new nn.MaxPool1d(o.kernel_size, { stride: o.stride, padding: o.padding })
          : c.kind === 'avg2d' ? new nn.AvgPool2d(o.kernel_size, { stride: o.stride, padding: o.padding, countIncludePad: o.count_include_pad })
            : new nn.AdaptiveAvgPool2d(o.output_size);
      const got = await runOnnx(toOnnx(layer, { inputShape: c.xShape.slice(1), dtype }), { input: { data: c.x, shape: c.xShape, type: dtype } });
      assert.deepEqual(got.output!.dims, c.yShape);
      assert.ok(maxDiff(got.output!.data, c.y) <= TOL[dtype], `${c.kind} ${JSON.stringify(o)} (${dtype}) vs PyTorch`);
    }
    for (const c of fx.batchNorm2d as any[]) {
      const bn = new nn.BatchNorm2d(c.shape[1], { affine: c.affine, eps: c.eps, dtype: 'float64' });
      bn.runningMean!.data.set(c.runningMean);
      bn.runningVar!.data.set(c.runningVar);
      if (c.affine) {
        bn.weight!.data.set(c.weight);
        bn.bias!.data.set(c.bias);
      }
      const got = await runOnnx(toOnnx(bn, { inputShape: c.shape.slice(1), dtype }), { input: { data: c.xEval, shape: c.shape, type: dtype } });
      assert.ok(maxDiff(got.output!.data, c.yEval) <= TOL[dtype], `batchNorm2d eval (${dtype}) vs PyTorch`);
    }
  }
});

test('LSTM, GRU, MultiheadAttention and TransformerEncoderLayer match PyTorch (fixtures) in both element types', async () => {
  const rec = loadFixture('nn_recurrent') as any[];
  const att = loadFixture('nn_attention');
  for (const dtype of ['float32', 'float64'] as const) {
    for (const c of rec.filter((r) => r.h0 === undefined)) {
      const Layer = c.kind === 'LSTM' ? nn.LSTM : nn.GRU;
      const layer = new Layer(c.inputSize, c.hidden, { numLayers: c.layers, batchFirst: c.batchFirst, bias: c.bias, dtype: 'float64' });
      layer.loadStateDict(Object.fromEntries(Object.entries(c.params as Record<string, number[]>).map(([k, v]) => [k, nn.Tensor.fromData(Float64Array.from(v), layer.stateDict()[k]!.shape)])));
      const time = c.batchFirst ? c.xShape.slice(1) : [c.xShape[0], 'N', c.xShape[2]];
      const got = await runOnnx(toOnnx(layer, { inputShape: time, dtype }), { input: { data: c.x, shape: c.xShape, type: dtype } });
      assert.deepEqual(got.output!.dims, c.outShape);
      assert.ok(maxDiff(got.output!.data, c.out) <= TOL[dtype], `${c.kind} output (${dtype}) vs PyTorch`);
      assert.ok(maxDiff(got.h_n!.data, c.hn) <= TOL[dtype], `${c.kind} h_n (${dtype}) vs PyTorch`);
      if (c.kind === 'LSTM') assert.ok(maxDiff(got.c_n!.data, c.cn) <= TOL[dtype], `LSTM c_n (${dtype}) vs PyTorch`);
    }
    for (const c of (att.mha as any[]).filter((m) => m.attnMask === null && m.qShape.join() === m.kShape.join())) {
      const mha = new nn.MultiheadAttention(c.E, c.heads, { batchFirst: c.batchFirst, dtype: 'float64' });
      const state = mha.stateDict();
      mha.loadStateDict(Object.fromEntries(Object.entries(c.state as Record<string, number[]>).map(([k, v]) => [k, nn.Tensor.fromData(Float64Array.from(v), state[k]!.shape)])));
      const shape = c.batchFirst ? c.qShape.slice(1) : [c.qShape[0], 'N', c.qShape[2]];
      const bytes = toOnnx(mha, { inputShape: shape, dtype });
      assert.deepEqual(readOnnx(bytes).inputs.map((i) => i.name), ['query', 'key', 'value']);
      const got = await runOnnx(bytes, { query: { data: c.q, shape: c.qShape, type: dtype }, key: { data: c.k, shape: c.kShape, type: dtype }, value: { data: c.v, shape: c.kShape, type: dtype } });
      assert.ok(maxDiff(got.output!.data, c.out) <= TOL[dtype], `MultiheadAttention output (${dtype}) vs PyTorch`);
      assert.ok(maxDiff(got.weights!.data, c.weights) <= TOL[dtype], `MultiheadAttention weights (${dtype}) vs PyTorch`);
    }
    for (const c of att.encoder as any[]) {
      const layer = new nn.TransformerEncoderLayer(c.E, c.heads, { dimFeedforward: c.ff, batchFirst: c.batchFirst, normFirst: c.normFirst, activation: c.activation, dtype: 'float64' });
      const state = layer.stateDict();
      layer.loadStateDict(Object.fromEntries(Object.entries(c.state as Record<string, number[]>).map(([k, v]) => [k, nn.Tensor.fromData(Float64Array.from(v), state[k]!.shape)])));
      const shape = c.batchFirst ? c.xShape.slice(1) : [c.xShape[0], 'N', c.xShape[2]];
      const got = await runOnnx(toOnnx(layer, { inputShape: shape, dtype }), { input: { data: c.x, shape: c.xShape, type: dtype } });
      assert.ok(maxDiff(got.output!.data, c.out) <= TOL[dtype], `TransformerEncoderLayer ${c.activation} (${dtype}) vs PyTorch`);
    }
  }
});

test('the file declares the opsets, a dynamic batch and the probed output shapes', () => {
  const model = new nn.Sequential([new nn.Conv2d(1, 2, 3, { seed: 0 }), new nn.Flatten(), new nn.Linear(8, 3, { seed: 1 })]);
  const info = readOnnx(toOnnx(model, { inputShape: [1, 4, 4] }));
  assert.equal(info.irVersion, 10);
  assert.deepEqual(info.opsets, [{ domain: '', version: 21 }]);
  assert.deepEqual(info.inputs, [{ name: 'input', type: 'float32', shape: ['N', 1, 4, 4] }]);
  assert.deepEqual(info.outputs, [{ name: 'output', type: 'float32', shape: ['N', 3] }]);
  assert.equal(info.operators.Conv, 1);
  assert.equal(info.metadata['strata.model'], 'sequential');
  const f64 = readOnnx(toOnnx(model, { inputShape: [1, 4, 4], dtype: 'float64' }));
  assert.equal(f64.inputs[0]!.type, 'float64');
  assert.equal(f64.operators.Conv, undefined, 'float64 convolutions avoid Conv, which has no double kernel');
});

test('unsupported layers, misplaced layers and bad options get errors that say what to do', () => {
  class Custom extends nn.Module {
    forward(x: nn.Tensor): nn.Tensor { return x.mul(2); }
  }
  const listing = /supported layers: Linear, ReLU, .*Conv2d.*LSTM, GRU, MultiheadAttention/;
  assert.throws(() => toOnnx(new nn.Sequential([new nn.Linear(2, 2), new Custom()]), { inputShape: [2] }),
    (err: unknown) => err instanceof OnnxExportError && /layer '1' \(Custom\) cannot be exported to ONNX/.test(err.message) && listing.test(err.message));
  assert.throws(() => toOnnx(new nn.Sequential([new nn.LSTM(2, 3), new nn.Linear(3, 1)]), { inputShape: [4, 'N', 2] }),
    (err: unknown) => err instanceof OnnxExportError && /LSTM returns \(output, state\), so it can only be the last layer/.test(err.message));
  assert.throws(() => toOnnx(new nn.Sequential([new nn.MultiheadAttention(4, 2)]), { inputShape: [3, 'N', 4] }),
    (err: unknown) => err instanceof OnnxExportError && /TransformerEncoderLayer/.test(err.message));
  assert.throws(() => toOnnx(new nn.Linear(2, 2), { inputShape: [] }), (err: unknown) => err instanceof OnnxExportError && /options.inputShape/.test(err.message));
  assert.throws(() => toOnnx(new nn.Linear(2, 2), { inputShape: ['N', 'T', 2] }), (err: unknown) => err instanceof OnnxExportError && /one string/.test(err.message));
  assert.throws(() => toOnnx(new nn.Linear(2, 2), { inputShape: [3] }), (err: unknown) => err instanceof OnnxExportError && /probe input of shape \[2, 3\].*check options.inputShape/.test(err.message));
  assert.throws(() => toOnnx(new nn.Linear(2, 2), { inputShape: [2], dtype: 'float16' as never }), (err: unknown) => err instanceof OnnxExportError && /dtype/.test(err.message));
});
