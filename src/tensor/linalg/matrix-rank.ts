/** Numerical rank from the singular values. */
import { ValueError } from '../errors.js';
import { type MatrixInput, readMatrix } from './input.js';
import { svdFactors } from './svd.js';

/**
 * The numerical rank of a matrix, like `numpy.linalg.matrix_rank`: the number of singular values
 * above `tol`.
 *
 * @param A - an m×n matrix
 * @param tol - absolute threshold; default S[0]·max(m, n)·ε, NumPy's
 * @returns the rank, an integer from 0 to min(m, n)
 *
 * @example
 * matrixRank([[1, 2], [2, 4]]); // 1
 */
export function matrixRank(A: MatrixInput, tol?: number): number {
  if (tol !== undefined && (typeof tol !== 'number' || Number.isNaN(tol))) {
    throw new ValueError(`matrixRank: tol must be a number, got ${String(tol)}.`);
  }
  const a = readMatrix(A, 'matrixRank');
  const { rows: m, cols: n } = a;
  const S = svdFactors(a, 'none').S;
  const threshold = tol ?? S[0]! * Math.max(m, n) * Number.EPSILON;
  let rank = 0;
  for (let i = 0; i < S.length; i++) if (S[i]! > threshold) rank++;
  return rank;
}
