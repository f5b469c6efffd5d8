/** The inverse of a square matrix, by LU with partial pivoting. */
import type { NdArray } from '../ndarray.js';
import { identity } from './dense.js';
import { type MatrixInput, fromData, readSquareMatrix } from './input.js';
import { luFactor, luSolve, singularError } from './lu.js';

/**
 * The inverse of a square, non-singular matrix, like `numpy.linalg.inv`. To solve A·x = b, call
 * `solve(A, b)` instead: it is faster and more accurate than `inv(A)·b`.
 *
 * @param A - an n×n matrix
 * @returns A⁻¹ as an n×n float64 array
 * @throws ShapeError when A is not square; LinAlgError when A is singular
 *
 * @example
 * inv([[4, 7], [2, 6]]); // [[0.6, -0.7], [-0.2, 0.4]]
 */
export function inv(A: MatrixInput): NdArray<'float64'> {
  const a = readSquareMatrix(A, 'inv');
  const n = a.rows;
  const f = luFactor(a);
  if (f.zeroPivot >= 0) throw singularError('it has no inverse', f.zeroPivot);
  return fromData(luSolve(f, identity(n).data, n), [n, n]);
}
