import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { Tensor, noGrad, tensor } from '../tensor.js';
import { gradCheck } from '../gradcheck.js';
import { Module } from '../module.js';
import { narrow } from '../ops/shape.js';
import { crossEntropy } from '../losses/classification.js';
import { Adam } from '../optim/adam.js';
import { Rng } from '../random.js';
import { Linear } from './linear.js';
import { GRU, LSTM } from './recurrent.js';
import { buildLayer } from './registry.js';

interface RecurrentCase {
  kind: 'LSTM' | 'GRU'; inputSize: number; hidden: number; layers: number; batchFirst: boolean; bias: boolean;
  xShape: number[]; x: number[]; out: number[]; outShape: number[]; hn: number[]; gy: number[]; gh: number[]; gx: number[];
  params: Record<string, number[]>; grads: Record<string, number[]>;
  h0?: number[]; gh0?: number[]; cn?: number[]; gc?: number[]; c0?: number[]; gc0?: number[];
}

test('LSTM and GRU (multi-layer, batchFirst, with and without initial states) match PyTorch', () => {
  for (const c of loadFixture<RecurrentCase[]>('nn_recurrent')) {
    const label = `${c.kind} ${JSON.stringify({ layers: c.layers, batchFirst: c.batchFirst, bias: c.bias })}`;
    const opts = { numLayers: c.layers, batchFirst: c.batchFirst, bias: c.bias, dtype: 'float64' as const };
    const m = c.kind === 'LSTM' ? new LSTM(c.inputSize, c.hidden, opts) : new GRU(c.inputSize, c.hidden, opts);
    const params = new Map(m.namedParameters());
    assert.deepEqual([...params.keys()].sort(), Object.keys(c.params).sort(), `${label}: parameter names`);
    for (const [name, v] of Object.entries(c.params)) params.get(name)!.data.set(v);
    const x = tensor(c.x, { dtype: 'float64', shape: c.xShape, requiresGrad: true });
    const stateShape = [c.layers, c.xShape[c.batchFirst ? 0 : 1]!, c.hidden];
    const h0 = c.h0 ? tensor(c.h0, { dtype: 'float64', shape: stateShape, requiresGrad: true }) : undefined;
    const c0 = c.c0 ? tensor(c.c0, { dtype: 'float64', shape: stateShape, requiresGrad: true }) : undefined;
    let out: Tensor, hn: Tensor, cn: Tensor | undefined;
    if (m instanceof LSTM) [out, [hn, cn]] = m.call(x, h0 && c0 ? [h0, c0] : undefined);
    else [out, hn] = (m as GRU).call(x, h0);
    assert.deepEqual(out.shape, c.outShape, label);
    const tol = { rtol: 1e-9, atol: 1e-10 };
    assertClose(out.data, c.out, tol, `${label} out`);
    assertClose(hn.data, c.hn, tol, `${label} hN`);
    let loss = out.mul(tensor(c.gy, { dtype: 'float64', shape: out.shape })).sum().add(hn.mul(tensor(c.gh, { dtype: 'float64', shape: hn.shape })).sum());
    if (cn !== undefined) {
      assertClose(cn.data, c.cn!, tol, `${label} cN`);
      loss = loss.add(cn.mul(tensor(c.gc!, { dtype: 'float64', shape: cn.shape })).sum());
    }
    loss.backward();
    assertClose(x.grad!.data, c.gx, tol, `${label} gx`);
    for (const [name, g] of Object.entries(c.grads)) assertClose(params.get(name)!.grad!.data, g, tol, `${label} grad ${name}`);
    if (h0) assertClose(h0.grad!.data, c.gh0!, tol, `${label} gh0`);
    if (c0) assertClose(c0.grad!.data, c.gc0!, tol, `${label} gc0`);
  }
});

test('LSTM and GRU gradients agree with finite differences', () => {
  let s = 3;
  const r = (shape: number[]): Tensor => tensor(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1), { shape, requiresGrad: true });
  const lstm = new LSTM(3, 4, { numLayers: 2, dtype: 'float64', seed: 1 });
  const x = r([5, 2, 3]), h0 = r([2, 2, 4]), c0 = r([2, 2, 4]);
  gradCheck((xx, hh, cc) => {
    const [out, [h, c]] = lstm.call(xx!, [hh!, cc!]);
    return out.sum().add(h.mul(2).sum()).add(c.mul(3).sum()).reshape([1]).add(out.mul(out).sum());
  }, [x, h0, c0, ...lstm.parameters()]);
  const gru = new GRU(3, 4, { numLayers: 2, batchFirst: true, dtype: 'float64', seed: 2 });
  const xb = r([2, 5, 3]), g0 = r([2, 2, 4]);
  gradCheck((xx, hh) => {
    const [out, h] = gru.call(xx!, hh!);
    return out.mul(out).sum().add(h.sum());
  }, [xb, g0, ...gru.parameters()]);
});

test('shape errors name the layer and the expected and actual shapes; specs rebuild the layer', () => {
  const lstm = new LSTM(3, 4, { batchFirst: true });
  assert.throws(() => lstm.call(tensor(new Float32Array(2 * 5 * 2), { shape: [2, 5, 2] })), /LSTM\(3→4\): expected input of shape \(N, T, 3\) but got \(2, 5, 2\)/);
  const gru = new GRU(3, 4, { numLayers: 2 });
  assert.throws(() => gru.call(tensor(new Float32Array(5 * 2 * 3), { shape: [5, 2, 3] }), tensor(new Float32Array(8), { shape: [1, 2, 4] })), /GRU\(3→4, 2 layers\): expected h0 of shape \(2, 2, 4\) but got \(1, 2, 4\)/);
  const again = buildLayer(gru.spec()) as GRU;
  assert.deepEqual(again.namedParameters().map(([k, p]) => `${k}:${p.shape.join('x')}`), gru.namedParameters().map(([k, p]) => `${k}:${p.shape.join('x')}`));
});

class Recall extends Module {
  lstm = new LSTM(4, 24, { batchFirst: true, seed: 11 });
  head = new Linear(24, 4, { seed: 12 });
  forward(x: Tensor): Tensor {
    const [out] = this.lstm.call(x);
    const T = out.shape[1]!;
    return this.head.call(narrow(out, 1, T - 1, T).reshape([out.shape[0]!, 24]));
  }
}

/** Sequences of T one-hot symbols (4 kinds) whose label is the symbol at position `at`. */
function recallBatch(rng: Rng, n: number, T: number, at: number): { x: Tensor; y: Int32Array } {
  const x = new Float32Array(n * T * 4);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const sym = rng.int(4);
      x[(i * T + t) * 4 + sym] = 1;
      if (t === at) y[i] = sym;
    }
  }
  return { x: Tensor.fromData(x, [n, T, 4]), y };
}

test('an LSTM learns to recall the symbol it saw 6 steps earlier, through 5 distractors', () => {
  const model = new Recall();
  const opt = new Adam(model.parameters(), { lr: 0.01 });
  const rng = new Rng(5);
  for (let step = 0; step < 400; step++) {
    const { x, y } = recallBatch(rng, 32, 11, 5);
    opt.zeroGrad();
    crossEntropy(model.call(x), y).backward();
    opt.step();
  }
  const { x, y } = recallBatch(new Rng(99), 500, 11, 5);
  const logits = noGrad(() => model.call(x));
  let correct = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < 4; c++) if (logits.data[i * 4 + c]! > logits.data[i * 4 + best]!) best = c;
    if (best === y[i]) correct++;
  }
  // Chance is 25%.
  assert.ok(correct / y.length >= 0.95, `recall accuracy ${correct / y.length}`);
});
