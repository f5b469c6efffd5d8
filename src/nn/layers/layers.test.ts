import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import {
  Tensor, type AnyModule, Linear, ReLU, GELU, SiLU, Tanh, Sigmoid, Softmax, LogSoftmax, LeakyReLU, BatchNorm1d, LayerNorm,
  Embedding, Dropout, Flatten, Sequential, gradCheck, init, manualSeed, zeros, tensor,
} from '../index.js';

interface ParamCase { value: number[]; shape: number[]; grad: number[] }
interface LayerCase {
  name: string; x: number[]; xShape: number[]; g: number[]; out: number[]; outShape: number[]; gx: number[];
  params: Record<string, ParamCase>; runningMean?: number[]; runningVar?: number[]; evalOut?: number[];
  normalizedShape?: number[]; indices?: number[]; indexShape?: number[];
}
const fx = loadFixture<{ layers: LayerCase[] }>('nn_layers');
const byName = (name: string): LayerCase => fx.layers.find((c) => c.name === name)!;
const TOL = { rtol: 1e-5, atol: 1e-7 };

function make(c: LayerCase): AnyModule {
  switch (c.name) {
    case 'linear': return new Linear(4, 3, { dtype: 'float64' });
    case 'linear3d': return new Linear(4, 2, { dtype: 'float64', bias: false });
    case 'relu': return new ReLU();
    case 'gelu': return new GELU();
    case 'silu': return new SiLU();
    case 'tanh': return new Tanh();
    case 'sigmoid': return new Sigmoid();
    case 'softmax': return new Softmax(1);
    case 'softmax0': return new Softmax(0);
    case 'logSoftmax': return new LogSoftmax(1);
    case 'leakyRelu': return new LeakyReLU(0.1);
    case 'batchNorm1d': case 'batchNorm1d3d': return new BatchNorm1d(3, { momentum: 0.2, dtype: 'float64' });
    case 'layerNorm': case 'layerNorm2': return new LayerNorm(c.normalizedShape!, { dtype: 'float64' });
    case 'embedding': return new Embedding(6, 3, { dtype: 'float64' });
    default: throw new Error(c.name);
  }
}

function load(m: AnyModule, c: LayerCase): void {
  const params = new Map(m.namedParameters());
  for (const [k, p] of Object.entries(c.params)) {
    const target = params.get(k);
    assert.ok(target, `${c.name}: no parameter ${k}`);
    assert.deepEqual(target.shape, p.shape, `${c.name}.${k} shape`);
    target.data.set(p.value);
  }
}

test('layers match PyTorch forward and gradients (float64)', () => {
  for (const c of fx.layers) {
    const m = make(c);
    load(m, c);
    const x = c.indices !== undefined ? Tensor.fromData(Float64Array.from(c.indices), c.indexShape!) : Tensor.fromData(Float64Array.from(c.x), c.xShape, true);
    const out = m.call(x) as Tensor;
    assert.deepEqual(out.shape, c.outShape, c.name);
    assertClose(out.data, c.out, TOL, `${c.name} forward`);
    out.backward(Tensor.fromData(Float64Array.from(c.g), out.shape));
    if (c.indices === undefined) assertClose(x.grad!.data, c.gx, TOL, `${c.name} input grad`);
    const params = new Map(m.namedParameters());
    for (const [k, p] of Object.entries(c.params)) assertClose(params.get(k)!.grad!.data, p.grad, TOL, `${c.name}.${k} grad`);
    if (c.runningMean !== undefined) {
      const bn = m as BatchNorm1d;
      assertClose(bn.runningMean!.data, c.runningMean, TOL, `${c.name} running mean`);
      assertClose(bn.runningVar!.data, c.runningVar!, TOL, `${c.name} running var`);
      bn.eval();
      assertClose((bn.call(x) as Tensor).data, c.evalOut!, TOL, `${c.name} eval forward`);
    }
  }
});

test('layer gradients match finite differences', () => {
  for (const name of ['batchNorm1d3d', 'layerNorm2', 'linear']) {
    const c = byName(name);
    const m = make(c);
    load(m, c);
    const x = Tensor.fromData(Float64Array.from(c.x), c.xShape, true);
    gradCheck((t, ...ps) => { void ps; return m.call(t!) as Tensor; }, [x, ...m.parameters()]);
  }
});

test('shape mismatches name the layer and both shapes', () => {
  assert.throws(() => new Linear(4, 3).call(zeros([2, 5])), /Linear\(4→3\): expected input of shape \(…, 4\) but got \(2, 5\)/);
  assert.throws(() => new BatchNorm1d(3).call(zeros([2, 4])), /BatchNorm1d\(3\): expected input of shape \(N, 3\) or \(N, 3, L\) but got \(2, 4\)/);
  assert.throws(() => new LayerNorm([3, 4]).call(zeros([2, 4, 3])), /LayerNorm\(3, 4\): expected input of shape \(…, 3, 4\) but got \(2, 4, 3\)/);
  assert.throws(() => new Embedding(5, 2).call([1, 7]), /Embedding\(5, 2\): index 7 at position 1/);
  assert.throws(() => new Sequential([new Linear(4, 8), new ReLU(), new Linear(6, 2)]).call(zeros([1, 4])), /Linear\(6→2\): expected input of shape \(…, 6\) but got \(1, 8\)/);
});

test('dropout keeps about 1−p of the values scaled by 1/(1−p), is seeded, and is the identity in eval', () => {
  const x = tensor(new Float64Array(20000).fill(1), { dtype: 'float64' });
  const d = new Dropout(0.3, { seed: 5 });
  const y = d.call(x);
  let kept = 0;
  for (const v of y.data) {
    if (v !== 0) {
      kept++;
      assert.ok(Math.abs(v - 1 / 0.7) < 1e-12);
    }
  }
  assert.ok(Math.abs(kept / 20000 - 0.7) < 0.015, `kept ${kept}`);
  assert.deepEqual(Array.from(new Dropout(0.3, { seed: 5 }).call(x).data), Array.from(y.data));
  d.eval();
  assert.equal(d.call(x), x);
});

test('PyTorch default Linear init and the init schemes have the right ranges and spreads', () => {
  const fc = new Linear(400, 300, { seed: 1 });
  const bound = 1 / Math.sqrt(400);
  let sq = 0;
  for (const v of fc.weight.data) {
    assert.ok(Math.abs(v) <= bound);
    sq += v * v;
  }
  // U(-b, b) has variance b²/3.
  assert.ok(Math.abs(sq / fc.weight.size / (bound * bound / 3) - 1) < 0.02);
  for (const v of fc.bias!.data) assert.ok(Math.abs(v) <= bound);
  const w = zeros([200, 300], { dtype: 'float64' });
  const std = (t: Tensor): number => Math.sqrt(Array.from(t.data).reduce((s, v) => s + v * v, 0) / t.size);
  init.xavierNormal(w, { rng: 2 });
  assert.ok(Math.abs(std(w) / Math.sqrt(2 / 500) - 1) < 0.02);
  init.xavierUniform(w, { rng: 2 });
  assert.ok(Math.abs(std(w) / Math.sqrt(2 / 500) - 1) < 0.02);
  init.kaimingNormal(w, { rng: 3, nonlinearity: 'relu' });
  assert.ok(Math.abs(std(w) / Math.sqrt(2 / 300) - 1) < 0.02);
  init.kaimingUniform(w, { rng: 3, mode: 'fanOut', nonlinearity: 'relu' });
  assert.ok(Math.abs(std(w) / Math.sqrt(2 / 200) - 1) < 0.02);
  assert.ok(Math.abs(init.calculateGain('leaky_relu', Math.sqrt(5)) - Math.sqrt(1 / 3)) < 1e-15);
});

test('same seed gives the same weights', () => {
  manualSeed(7);
  const a = new Sequential([new Linear(5, 4), new ReLU(), new Linear(4, 2)]);
  manualSeed(7);
  const b = new Sequential([new Linear(5, 4), new ReLU(), new Linear(4, 2)]);
  assert.deepEqual(Array.from(a.parameters()[2]!.data), Array.from(b.parameters()[2]!.data));
  const c = new Sequential([new Linear(5, 4), new ReLU(), new Linear(4, 2)]);
  assert.notDeepEqual(Array.from(a.parameters()[0]!.data), Array.from(c.parameters()[0]!.data));
});

test('modules name parameters like PyTorch and round-trip state dicts', () => {
  const model = new Sequential([new Linear(3, 4), new BatchNorm1d(4), new ReLU(), new Flatten(), new Linear(4, 2, { bias: false })]);
  assert.deepEqual(Object.keys(model.stateDict()), ['0.weight', '0.bias', '1.weight', '1.bias', '4.weight', '1.runningMean', '1.runningVar']);
  assert.equal(model.numParameters(), 12 + 4 + 8 + 8);
  const copy = new Sequential([new Linear(3, 4), new BatchNorm1d(4), new ReLU(), new Flatten(), new Linear(4, 2, { bias: false })]);
  copy.loadStateDict(model.stateDict());
  assert.deepEqual(Array.from(copy.parameters()[4]!.data), Array.from(model.parameters()[4]!.data));
  assert.throws(() => copy.loadStateDict({}), /missing keys 0\.weight/);
  assert.throws(() => new Linear(3, 5).loadStateDict(new Linear(3, 4).stateDict()), /'weight' has shape \(4, 3\) but the module expects \(5, 3\)/);
  model.eval();
  assert.ok(model.modules().every((m) => !m.training));
  model.to('float64');
  assert.ok(model.parameters().every((p) => p.dtype === 'float64'));
  assert.equal(model.namedBuffers()[0]![1].dtype, 'float64');
  assert.equal((model.layers[1] as BatchNorm1d).runningMean!.dtype, 'float64');
});

test('Embedding paddingIdx keeps its row zero and out of the gradient', () => {
  const e = new Embedding(4, 3, { paddingIdx: 2, seed: 0, dtype: 'float64' });
  assert.deepEqual(Array.from(e.weight.data.subarray(6, 9)), [0, 0, 0]);
  const out = e.call([2, 1, 2, 0]);
  assert.deepEqual(Array.from(out.data.subarray(0, 3)), [0, 0, 0]);
  out.sum().backward();
  assert.deepEqual(Array.from(e.weight.grad!.data), [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  assert.throws(() => new Embedding(4, 3, { paddingIdx: 4 }), /paddingIdx must be an integer in \[0, 4\)/);
});
