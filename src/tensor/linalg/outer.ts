/** The outer product of two vectors. */
import type { NdArray } from '../ndarray.js';
import { type MatrixInput, fromData, toNdArray } from './input.js';

/**
 * The outer product a·bᵀ, like `numpy.outer`: out[i, j] = a[i]·b[j]. Inputs of any shape are
 * flattened first.
 *
 * @returns a float64 array of shape (a.size, b.size)
 *
 * @example
 * outer([1, 2], [3, 4, 5]); // [[3, 4, 5], [6, 8, 10]]
 */
export function outer(a: MatrixInput, b: MatrixInput): NdArray<'float64'> {
  const x = toNdArray(a).toFloat64Array();
  const y = toNdArray(b).toFloat64Array();
  const m = x.length;
  const n = y.length;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const xi = x[i]!;
    const row = i * n;
    for (let j = 0; j < n; j++) out[row + j] = xi * y[j]!;
  }
  return fromData(out, [m, n]);
}
