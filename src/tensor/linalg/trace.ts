/** The trace (sum of a diagonal) of a matrix. */
import { ShapeError, formatShape } from '../errors.js';
import { type MatrixInput, toNdArray } from './input.js';

/**
 * The sum of the diagonal entries A[i, i + offset], like `numpy.trace` for a 2-D array.
 *
 * @param A - a 2-D array (any shape; need not be square)
 * @param offset - which diagonal: 0 the main one, positive above, negative below
 * @returns the sum (0 when the diagonal is empty)
 *
 * @example
 * trace([[1, 2], [3, 4]]);    // 5
 * trace([[1, 2], [3, 4]], 1); // 2
 */
export function trace(A: MatrixInput, offset = 0): number {
  const a = toNdArray(A);
  if (a.ndim !== 2) throw new ShapeError(`trace needs a 2-D matrix, got shape ${formatShape(a.shape)}.`);
  if (!Number.isInteger(offset)) throw new ShapeError(`trace: offset must be an integer, got ${offset}.`);
  const [m, n] = a.shape as [number, number];
  let s = 0;
  for (let i = Math.max(0, -offset); i < m && i + offset < n; i++) s += a.get(i, i + offset);
  return s;
}
