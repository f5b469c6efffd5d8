/** The Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix. */
import { LinAlgError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { type MatrixInput, fromData, readSquareMatrix } from './input.js';
import { assertSymmetric } from './symmetry.js';

/**
 * The lower-triangular Cholesky factor L with A = L·Lᵀ, like `numpy.linalg.cholesky`.
 *
 * A must be symmetric (checked to within √ε relative; only its lower triangle is read) and
 * positive definite. A matrix that is only positive semi-definite, or indefinite, throws a
 * LinAlgError that names the failing pivot; adding a small jitter to the diagonal
 * (A + 1e-10·max|A|·I) is the usual fix for covariance and kernel matrices.
 *
 * @param A - a symmetric positive-definite n×n matrix
 * @returns L, n×n lower triangular with a positive diagonal
 * @throws ShapeError when A is not square; ValueError when it is not symmetric; LinAlgError when
 *   it is not positive definite
 *
 * @example
 * cholesky([[4, 2], [2, 3]]); // [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(A: MatrixInput): NdArray<'float64'> {
  const a = readSquareMatrix(A, 'cholesky');
  assertSymmetric(a, 'cholesky');
  const n = a.rows;
  const M = a.data;
  const L = new Float64Array(n * n);
  // Row-oriented Cholesky–Crout: L[i, j] = (A[i, j] − L[i, :j]·L[j, :j]) / L[j, j].
  for (let i = 0; i < n; i++) {
    const li = i * n;
    for (let j = 0; j <= i; j++) {
      const lj = j * n;
      let s = M[li + j]!;
      for (let k = 0; k < j; k++) s -= L[li + k]! * L[lj + k]!;
      if (j < i) {
        L[li + j] = s / L[lj + j]!;
      } else {
        if (!(s > 0)) {
          throw new LinAlgError(
            `Matrix is not positive definite: the leading ${i + 1}×${i + 1} minor is not positive ` +
              `(pivot ${i} is ${s}). If A should be positive definite (a covariance or kernel matrix), ` +
              'add a small jitter to its diagonal, e.g. A + 1e-10·max|A|·I; use eigh(A) to inspect its eigenvalues.',
          );
        }
        L[li + i] = Math.sqrt(s);
      }
    }
  }
  return fromData(L, [n, n]);
}
