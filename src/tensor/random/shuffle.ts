/** In-place Fisher–Yates shuffles of JS arrays, typed arrays and NdArrays (along axis 0). */
import { NdArray } from '../ndarray.js';
import type { BitGenerator } from './bit-generator.js';
import { boundedInteger } from './bounded.js';

/** Anything `shuffle` can permute in place. */
export type Shuffleable = NdArray | unknown[] | Float64Array | Float32Array | Int32Array | Uint8Array;

/**
 * Permutes `x` in place, uniformly over all orderings (Fisher–Yates with unbiased bounded
 * integers). An NdArray is shuffled along axis 0: its rows (sub-arrays) trade places, through
 * whatever strides the view has.
 *
 * @example
 * const xs = [1, 2, 3, 4];
 * shuffleInPlace(new Xoshiro256StarStar(1), xs);
 */
export function shuffleInPlace(bg: BitGenerator, x: Shuffleable): void {
  if (x instanceof NdArray) {
    shuffleRows(bg, x);
    return;
  }
  for (let i = x.length - 1; i > 0; i--) {
    const j = boundedInteger(bg, i + 1);
    const t = x[i]!;
    x[i] = x[j]!;
    x[j] = t;
  }
}

function shuffleRows(bg: BitGenerator, x: NdArray): void {
  if (x.ndim === 0) return;
  const n = x.shape[0]!;
  const rowStride = x.strides[0]!;
  // Buffer offsets of one row's elements, relative to the row's start.
  const inner: number[] = [0];
  for (let axis = x.ndim - 1; axis >= 1; axis--) {
    const d = x.shape[axis]!;
    const s = x.strides[axis]!;
    const base = inner.slice();
    inner.length = 0;
    for (let i = 0; i < d; i++) for (const b of base) inner.push(b + i * s);
  }
  const data = x.data;
  for (let i = n - 1; i > 0; i--) {
    const j = boundedInteger(bg, i + 1);
    if (i === j) continue;
    const oi = x.offset + i * rowStride;
    const oj = x.offset + j * rowStride;
    for (const r of inner) {
      const t = data[oi + r]!;
      data[oi + r] = data[oj + r]!;
      data[oj + r] = t;
    }
  }
}
