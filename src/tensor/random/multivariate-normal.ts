/**
 * Multivariate normal draws: mean + L·z with z standard normal and L·Lᵀ = cov. L comes from a
 * small Cholesky factorization written here that also accepts singular (semidefinite)
 * covariances, as NumPy does: a zero pivot zeroes its column.
 *
 * Why not `linalg.cholesky`: it requires a positive-definite matrix and throws a LinAlgError at
 * the first non-positive pivot, while a covariance with a zero-variance direction (a constant
 * component, two perfectly correlated ones) is a valid input here. Making it tolerate zero pivots
 * would change what `linalg.cholesky` promises (NumPy's `cholesky` rejects such matrices too), so
 * the semidefinite variant, with its own check that L·Lᵀ reproduces cov, stays here.
 */
import { LinAlgError } from '../errors.js';
import type { BitGenerator } from './bit-generator.js';
import { standardNormal } from './normal.js';

/**
 * Lower-triangular L (row-major k×k) with L·Lᵀ = cov for a symmetric positive semidefinite
 * `cov` (row-major k×k). Throws LinAlgError when cov is not symmetric or not semidefinite.
 *
 * @example
 * semidefiniteCholesky(Float64Array.of(4, 2, 2, 3), 2); // [2, 0, 1, 1.414…]
 */
export function semidefiniteCholesky(cov: Float64Array, k: number): Float64Array {
  let scale = 0;
  for (let i = 0; i < k * k; i++) scale = Math.max(scale, Math.abs(cov[i]!));
  const symTol = 1e-8 * scale;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(cov[i * k + j]! - cov[j * k + i]!) > symTol) {
        throw new LinAlgError(
          `multivariateNormal(): cov must be symmetric, but cov[${i}][${j}] = ${cov[i * k + j]} and cov[${j}][${i}] = ${cov[j * k + i]}.`,
        );
      }
    }
  }
  const pivotTol = k * 1e-12 * scale;
  const L = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = cov[j * k + j]!;
    for (let t = 0; t < j; t++) d -= L[j * k + t]! * L[j * k + t]!;
    if (d < -pivotTol) {
      throw new LinAlgError(
        `multivariateNormal(): cov is not positive semidefinite (pivot ${j} is ${d}); a covariance matrix needs non-negative eigenvalues.`,
      );
    }
    if (d <= pivotTol) continue; // a zero pivot: this direction has no variance left
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = cov[i * k + j]!;
      for (let t = 0; t < j; t++) s -= L[i * k + t]! * L[j * k + t]!;
      L[i * k + j] = s / ljj;
    }
  }
  // With zeroed pivots the factor is only right if cov really was semidefinite: check L·Lᵀ = cov.
  const fitTol = 1e-8 * Math.max(scale, Number.MIN_VALUE);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t <= j; t++) s += L[i * k + t]! * L[j * k + t]!;
      if (Math.abs(s - cov[i * k + j]!) > fitTol) {
        throw new LinAlgError(
          `multivariateNormal(): cov is not positive semidefinite (no factor L with L·Lᵀ = cov); check that it is a valid covariance matrix.`,
        );
      }
    }
  }
  return L;
}

/**
 * Writes one draw of N(mean, L·Lᵀ) into `out[offset … offset + k)`, using `z` (length k) as
 * scratch.
 */
export function multivariateNormalInto(
  bg: BitGenerator,
  mean: Float64Array,
  L: Float64Array,
  z: Float64Array,
  out: Float64Array,
  offset: number,
): void {
  const k = mean.length;
  for (let i = 0; i < k; i++) z[i] = standardNormal(bg);
  for (let i = 0; i < k; i++) {
    let s = mean[i]!;
    for (let t = 0; t <= i; t++) s += L[i * k + t]! * z[t]!;
    out[offset + i] = s;
  }
}
