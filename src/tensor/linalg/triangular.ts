/** Upper and lower triangles of matrices (triu, tril). */
import { ShapeError, formatShape } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { type MatrixInput, toNdArray } from './input.js';

function keepTriangle(A: MatrixInput, k: number, upper: boolean, fn: string): NdArray {
  const a = toNdArray(A);
  if (a.ndim < 2) throw new ShapeError(`${fn} needs an array with at least 2 dimensions, got shape ${formatShape(a.shape)}.`);
  if (!Number.isInteger(k)) throw new ShapeError(`${fn}: k must be an integer, got ${k}.`);
  const out = a.copy();
  const m = a.shape[a.ndim - 2]!;
  const n = a.shape[a.ndim - 1]!;
  const data = out.data;
  for (let base = 0; base < out.size; base += m * n) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const zero = upper ? j - i < k : j - i > k;
        if (zero) data[base + i * n + j] = 0;
      }
    }
  }
  return out;
}

/**
 * The upper triangle of a matrix (of each matrix in the last two axes), like `numpy.triu`:
 * entries below diagonal k are set to zero. The dtype is kept.
 *
 * @param k - diagonal above which (inclusive) to keep entries: 0 the main diagonal, 1 strictly above, −1 one below
 *
 * @example
 * triu([[1, 2], [3, 4]]); // [[1, 2], [0, 4]]
 */
export function triu(A: MatrixInput, k = 0): NdArray {
  return keepTriangle(A, k, true, 'triu');
}

/**
 * The lower triangle of a matrix (of each matrix in the last two axes), like `numpy.tril`:
 * entries above diagonal k are set to zero. The dtype is kept.
 *
 * @example
 * tril([[1, 2], [3, 4]]); // [[1, 0], [3, 4]]
 */
export function tril(A: MatrixInput, k = 0): NdArray {
  return keepTriangle(A, k, false, 'tril');
}
