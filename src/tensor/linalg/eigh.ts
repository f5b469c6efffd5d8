/** Eigenvalues and eigenvectors of symmetric matrices: tridiagonalization, then implicit QR. */
import type { NdArray } from '../ndarray.js';
import { exactScaleFor, maxAbs, transpose } from './dense.js';
import { type Matrix, type MatrixInput, fromData, readSquareMatrix } from './input.js';
import { assertSymmetric } from './symmetry.js';
import { tridiagonalize } from './tridiagonal.js';
import { diagonalizeTridiagonal } from './tridiagonal-qr.js';

/** What `eigh` returns. */
export interface EighResult {
  /** Eigenvalues in ascending order. */
  eigenvalues: NdArray<'float64'>;
  /** Orthonormal eigenvectors as columns: column i belongs to eigenvalues[i]. */
  eigenvectors: NdArray<'float64'>;
}

/** Eigen-decomposition of a checked symmetric matrix (buffer overwritten): ascending values, Z row-major. */
export function symmetricEigen(a: Matrix, wantVectors: boolean): { w: Float64Array; Z: Float64Array | null } {
  const n = a.rows;
  const scale = exactScaleFor(maxAbs(a.data));
  if (scale !== 1) for (let i = 0; i < a.data.length; i++) a.data[i]! *= scale;
  const { d, e, Qt } = tridiagonalize(a, wantVectors);
  diagonalizeTridiagonal(d, e, Qt);
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => d[p]! - d[q]! || p - q);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = d[order[i]!]! / scale;
  if (!Qt) return { w, Z: null };
  const Zt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const src = order[i]! * n;
    // Sign convention: the entry of largest magnitude in each eigenvector is positive.
    let best = 0;
    let sign = 1;
    for (let j = 0; j < n; j++) {
      const v = Qt[src + j]!;
      if (Math.abs(v) > best) {
        best = Math.abs(v);
        sign = v < 0 ? -1 : 1;
      }
    }
    for (let j = 0; j < n; j++) Zt[i * n + j] = sign * Qt[src + j]!;
  }
  return { w, Z: transpose({ rows: n, cols: n, data: Zt }).data };
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix, like `numpy.linalg.eigh`.
 *
 * Householder reduction to tridiagonal form, then implicit QR sweeps with Wilkinson shifts
 * (backward stable: eigenvalues accurate to about ε·‖A‖, eigenvectors orthonormal to working
 * precision). A must be symmetric to within √ε relative (checked); only its lower triangle is read.
 * Eigenvalues are ascending, as in NumPy. Each eigenvector is scaled so its entry of largest
 * magnitude is positive (NumPy promises no sign, so compare with it up to sign; for repeated
 * eigenvalues only the spanned subspace is unique).
 *
 * @param A - a symmetric n×n matrix
 * @returns `{ eigenvalues, eigenvectors }` with A·V = V·diag(eigenvalues)
 * @throws ShapeError when A is not square; ValueError when it is not symmetric
 *
 * @example
 * const { eigenvalues, eigenvectors } = eigh([[2, 1], [1, 2]]);
 * // eigenvalues = [1, 3]; eigenvectors ≈ [[0.7071, 0.7071], [-0.7071, 0.7071]]
 */
export function eigh(A: MatrixInput): EighResult {
  const a = readSquareMatrix(A, 'eigh');
  assertSymmetric(a, 'eigh');
  const n = a.rows;
  const { w, Z } = symmetricEigen(a, true);
  return { eigenvalues: fromData(w, [n]), eigenvectors: fromData(Z!, [n, n]) };
}

/**
 * Eigenvalues of a real symmetric matrix in ascending order, like `numpy.linalg.eigvalsh`
 * (faster than `eigh` since no eigenvectors are formed).
 *
 * @example
 * eigvalsh([[2, 1], [1, 2]]); // [1, 3]
 */
export function eigvalsh(A: MatrixInput): NdArray<'float64'> {
  const a = readSquareMatrix(A, 'eigvalsh');
  assertSymmetric(a, 'eigvalsh');
  return fromData(symmetricEigen(a, false).w, [a.rows]);
}
