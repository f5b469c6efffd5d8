/** The symmetry check shared by cholesky and eigh. */
import { ValueError } from '../errors.js';
import { maxAbs } from './dense.js';
import type { Matrix } from './input.js';

/**
 * Throws a ValueError when the square matrix `a` is not symmetric to within
 * √ε·max|A| (about 1.5e-8 relative), naming the first offending pair. Matrices that are symmetric up
 * to rounding (a covariance matrix computed as Xᵀ·X, say) pass; the routines then read only the
 * lower triangle, like LAPACK.
 */
export function assertSymmetric(a: Matrix, fn: string): void {
  const n = a.rows;
  const A = a.data;
  const tol = Math.sqrt(Number.EPSILON) * maxAbs(A);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const lo = A[i * n + j]!;
      const up = A[j * n + i]!;
      if (Math.abs(lo - up) > tol) {
        throw new ValueError(
          `${fn} needs a symmetric matrix, but A[${i}, ${j}] = ${lo} and A[${j}, ${i}] = ${up}. ` +
            'If the asymmetry is rounding noise, pass (A + Aᵀ)/2; for a general matrix use svd() instead.',
        );
      }
    }
  }
}
