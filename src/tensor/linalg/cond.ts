/** The condition number of a matrix. */
import { LinAlgError, ValueError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { type MatrixInput, fromMatrix, readMatrix, readSquareMatrix } from './input.js';
import { inv } from './inv.js';
import { type NormOrder, norm } from './norm.js';
import { svdFactors } from './svd.js';

/**
 * The condition number of a matrix in the given norm, like `numpy.linalg.cond`: how much relative
 * errors in b can be amplified in the solution of A·x = b. About 1/ε ≈ 4.5e15 or more means A is
 * singular to working precision.
 *
 * @param A - an m×n matrix (square unless p is undefined, 2 or -2)
 * @param p - undefined or 2: S[0]/S[last]; -2: S[last]/S[0]; 'fro', 'nuc', 1, -1, Infinity, -Infinity:
 *   ‖A‖·‖A⁻¹‖ in that norm
 * @returns the condition number; Infinity for a singular matrix
 *
 * @example
 * cond([[1, 0], [0, 1e-3]]); // 1000
 */
export function cond(A: MatrixInput, p?: NormOrder): number {
  if (p === undefined || p === 2 || p === -2) {
    const S = svdFactors(readMatrix(A, 'cond'), 'none').S;
    const hi = S[0]!;
    const lo = S[S.length - 1]!;
    if (p === -2) return lo / hi;
    return lo === 0 ? Infinity : hi / lo;
  }
  if (p !== 'fro' && p !== 'nuc' && p !== 1 && p !== -1 && p !== Infinity && p !== -Infinity) {
    throw new ValueError(`cond: invalid order ${JSON.stringify(p)}; use 2, -2, 'fro', 'nuc', 1, -1, Infinity or -Infinity.`);
  }
  const a = fromMatrix(readSquareMatrix(A, 'cond'));
  let ainv: NdArray<'float64'>;
  try {
    ainv = inv(a);
  } catch (err) {
    if (err instanceof LinAlgError) return Infinity;
    throw err;
  }
  return norm(a, p) * norm(ainv, p);
}
