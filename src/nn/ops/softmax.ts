/**
 * Softmax and log-softmax along one axis, each a single op with a closed-form gradient
 * (stable: the maximum is subtracted before exponentiating).
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import { Tensor, allocFloat } from '../tensor.js';

function layout(x: Tensor, axis: number, what: string): { outer: number; len: number; inner: number } {
  const a = axis < 0 ? axis + x.ndim : axis;
  if (a < 0 || a >= x.ndim) throw new ShapeError(`${what}: axis ${axis} is out of range for shape ${formatShape(x.shape)}.`);
  let outer = 1;
  for (let i = 0; i < a; i++) outer *= x.shape[i]!;
  let inner = 1;
  for (let i = a + 1; i < x.ndim; i++) inner *= x.shape[i]!;
  return { outer, len: x.shape[a]!, inner };
}

function logSoftmaxData(x: Tensor, outer: number, len: number, inner: number): Tensor['data'] {
  const d = x.data;
  const out = allocFloat(x.dtype, x.size);
  for (let o = 0; o < outer; o++) {
    for (let q = 0; q < inner; q++) {
      const base = o * len * inner + q;
      let mx = -Infinity;
      for (let j = 0; j < len; j++) mx = Math.max(mx, d[base + j * inner]!);
      let s = 0;
      for (let j = 0; j < len; j++) s += Math.exp(d[base + j * inner]! - mx);
      const lse = mx + Math.log(s);
      for (let j = 0; j < len; j++) out[base + j * inner] = d[base + j * inner]! - lse;
    }
  }
  return out;
}

/** log(softmax(x)) along `axis`; gradient g − softmax·Σg. */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const { outer, len, inner } = layout(x, axis, 'logSoftmax');
  const out = logSoftmaxData(x, outer, len, inner);
  return Tensor.fromOp(out, x.shape, [x], (g) => {
    const gd = g.data;
    const t = allocFloat(x.dtype, x.size);
    for (let o = 0; o < outer; o++) {
      for (let q = 0; q < inner; q++) {
        const base = o * len * inner + q;
        let s = 0;
        for (let j = 0; j < len; j++) s += gd[base + j * inner]!;
        for (let j = 0; j < len; j++) {
          const p = base + j * inner;
          t[p] = gd[p]! - Math.exp(out[p]!) * s;
        }
      }
    }
    return [Tensor.fromData(t, x.shape)];
  });
}

/** exp(x) / Σexp(x) along `axis`; gradient y·(g − Σ g·y). */
export function softmax(x: Tensor, axis = -1): Tensor {
  const { outer, len, inner } = layout(x, axis, 'softmax');
  const out = logSoftmaxData(x, outer, len, inner);
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]!);
  return Tensor.fromOp(out, x.shape, [x], (g) => {
    const gd = g.data;
    const t = allocFloat(x.dtype, x.size);
    for (let o = 0; o < outer; o++) {
      for (let q = 0; q < inner; q++) {
        const base = o * len * inner + q;
        let s = 0;
        for (let j = 0; j < len; j++) s += gd[base + j * inner]! * out[base + j * inner]!;
        for (let j = 0; j < len; j++) {
          const p = base + j * inner;
          t[p] = out[p]! * (gd[p]! - s);
        }
      }
    }
    return [Tensor.fromData(t, x.shape)];
  });
}
