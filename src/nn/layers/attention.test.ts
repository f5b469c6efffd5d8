import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { type Tensor, tensor } from '../tensor.js';
import { gradCheck } from '../gradcheck.js';
import type { Module, StateDict } from '../module.js';
import { MultiheadAttention } from './attention.js';
import { TransformerEncoderLayer } from './transformer.js';

interface MhaCase {
  E: number; heads: number; batchFirst: boolean; qShape: number[]; kShape: number[];
  q: number[]; k: number[]; v: number[]; keyPaddingMask: boolean[] | null; attnMask: boolean[] | null;
  state: Record<string, number[]>; out: number[]; weights: number[]; gy: number[]; gq: number[]; gk: number[]; gv: number[];
  grads: Record<string, number[]>;
}

interface EncoderCase {
  E: number; heads: number; ff: number; batchFirst: boolean; normFirst: boolean; activation: 'relu' | 'gelu';
  xShape: number[]; x: number[]; state: Record<string, number[]>; out: number[]; gy: number[]; gx: number[]; grads: Record<string, number[]>;
}

const fixture = loadFixture<{ mha: MhaCase[]; encoder: EncoderCase[] }>('nn_attention');
const tol = { rtol: 1e-9, atol: 1e-10 };

/** Loads a PyTorch state dict (names as PyTorch writes them) into `m`. */
function load(m: Module<never[], unknown>, state: Record<string, number[]>): void {
  const shapes = new Map(m.namedParameters().map(([k, p]) => [k, p.shape]));
  const dict: StateDict = {};
  for (const [k, v] of Object.entries(state)) dict[k] = tensor(v, { dtype: 'float64', shape: shapes.get(k) ?? [v.length] });
  m.loadStateDict(dict);
}

function checkGrads(m: Module<never[], unknown>, grads: Record<string, number[]>, label: string): void {
  const params = new Map(m.namedParameters());
  for (const [name, g] of Object.entries(grads)) assertClose(params.get(name)!.grad!.data, g, tol, `${label} grad ${name}`);
}

test('MultiheadAttention matches PyTorch: output, averaged weights, masks and gradients', () => {
  for (const c of fixture.mha) {
    const label = `MHA E=${c.E} heads=${c.heads} batchFirst=${c.batchFirst} masks=${c.attnMask !== null}`;
    const m = new MultiheadAttention(c.E, c.heads, { batchFirst: c.batchFirst, dtype: 'float64' });
    load(m as never, c.state);
    const q = tensor(c.q, { dtype: 'float64', shape: c.qShape, requiresGrad: true });
    const k = tensor(c.k, { dtype: 'float64', shape: c.kShape, requiresGrad: true });
    const v = tensor(c.v, { dtype: 'float64', shape: c.kShape, requiresGrad: true });
    const [out, w] = m.call(q, k, v, { keyPaddingMask: c.keyPaddingMask ?? undefined, attnMask: c.attnMask ?? undefined });
    assertClose(out.data, c.out, tol, `${label} out`);
    assertClose(w!.data, c.weights, tol, `${label} weights`);
    out.backward(tensor(c.gy, { dtype: 'float64', shape: out.shape }));
    assertClose(q.grad!.data, c.gq, tol, `${label} gq`);
    assertClose(k.grad!.data, c.gk, tol, `${label} gk`);
    assertClose(v.grad!.data, c.gv, tol, `${label} gv`);
    checkGrads(m as never, c.grads, label);
  }
});

test('TransformerEncoderLayer (post-norm ReLU, pre-norm GELU) matches PyTorch with its state dict', () => {
  for (const c of fixture.encoder) {
    const label = `encoder normFirst=${c.normFirst} ${c.activation}`;
    const m = new TransformerEncoderLayer(c.E, c.heads, { dimFeedforward: c.ff, dropout: 0, activation: c.activation, batchFirst: c.batchFirst, normFirst: c.normFirst, dtype: 'float64' });
    load(m as never, c.state);
    const x = tensor(c.x, { dtype: 'float64', shape: c.xShape, requiresGrad: true });
    const out = m.call(x);
    assertClose(out.data, c.out, tol, `${label} out`);
    out.backward(tensor(c.gy, { dtype: 'float64', shape: out.shape }));
    assertClose(x.grad!.data, c.gx, tol, `${label} gx`);
    checkGrads(m as never, c.grads, label);
  }
});

test('attention gradients agree with finite differences', () => {
  let s = 1;
  const r = (shape: number[]): Tensor => tensor(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1), { shape, requiresGrad: true });
  const m = new MultiheadAttention(4, 2, { batchFirst: true, dtype: 'float64', seed: 3 });
  const q = r([2, 3, 4]), kv = r([2, 4, 4]);
  gradCheck((a, b) => m.call(a!, b!, b!, { attnMask: [false, true, true, true, false, false, true, true, false, false, false, true] })[0], [q, kv, ...m.parameters()]);
});

test('attention shape errors name the layer and the shapes', () => {
  const m = new MultiheadAttention(8, 2);
  const x = tensor(new Float32Array(5 * 2 * 6), { shape: [5, 2, 6] });
  assert.throws(() => m.call(x, x, x), /MultiheadAttention\(8, 2 heads\): expected query of shape \(L, N, 8\) but got \(5, 2, 6\)/);
  assert.throws(() => new MultiheadAttention(10, 3), /embedDim \(10\) must be divisible by numHeads \(3\)/);
  const y = tensor(new Float32Array(5 * 2 * 8), { shape: [5, 2, 8] });
  assert.throws(() => m.call(y, y, y, { attnMask: [true] }), /attnMask must have L·S = 5·5 entries/);
});
