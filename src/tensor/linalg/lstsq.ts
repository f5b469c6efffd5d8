/** Least-squares solutions of A·x ≈ b through the SVD (handles rank-deficient A). */
import { ValueError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { type MatrixInput, fromData, readMatrix, readRightHandSide } from './input.js';
import { svdFactors } from './svd.js';

export interface LstsqOptions {
  /**
   * Singular values at or below rcond·S[0] count as zero. Default ε·max(m, n) (NumPy's
   * `rcond=None`); a negative value means ε, as in NumPy.
   */
  rcond?: number;
}

/** What `lstsq` returns, as in NumPy. */
export interface LstsqResult {
  /** The minimum-norm least-squares solution, shape (n,) or (n, k) like b. */
  x: NdArray<'float64'>;
  /**
   * Squared 2-norms of the residual b − A·x, one per column of b, when A has full column rank and
   * m > n; otherwise an empty array (NumPy's convention).
   */
  residuals: NdArray<'float64'>;
  /** Numerical rank of A. */
  rank: number;
  /** Singular values of A, descending. */
  singularValues: NdArray<'float64'>;
}

/**
 * The least-squares solution of A·x ≈ b, like `numpy.linalg.lstsq`: x minimizes ‖b − A·x‖₂, and among
 * minimizers (when A is rank deficient) has the smallest ‖x‖₂. Computed as x = V·S⁺·Uᵀ·b from the thin
 * SVD, with singular values at or below rcond·S[0] treated as zero.
 *
 * @param A - an m×n matrix (tall, square or wide)
 * @param b - a vector of length m or an m×k matrix
 * @param options - `rcond` cut-off (default ε·max(m, n))
 * @returns `{ x, residuals, rank, singularValues }`
 *
 * @example
 * // Fit y = c0 + c1·t through three points.
 * const { x } = lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 2]);
 * // x ≈ [1.1666666666666667, 0.5]
 */
export function lstsq(A: MatrixInput, b: MatrixInput, options: LstsqOptions = {}): LstsqResult {
  const a = readMatrix(A, 'lstsq');
  const { rows: m, cols: n } = a;
  const rhs = readRightHandSide(b, m, [m, n], 'lstsq');
  let rcond = options.rcond ?? Number.EPSILON * Math.max(m, n);
  if (typeof rcond !== 'number' || Number.isNaN(rcond)) {
    throw new ValueError(`lstsq: rcond must be a number, got ${String(options.rcond)}.`);
  }
  if (rcond < 0) rcond = Number.EPSILON; // NumPy's legacy meaning of a negative rcond: machine precision
  const aCopy = a.data.slice();
  const f = svdFactors(a, 'thin');
  const k = f.S.length;
  const U = f.U!;
  const Vt = f.Vt!;
  const nrhs = rhs.cols;
  const B = rhs.data;
  const cutoff = rcond * f.S[0]!;
  let rank = 0;
  while (rank < k && f.S[rank]! > cutoff) rank++;
  // c = S⁺·Uᵀ·b for the first `rank` singular triplets (rank × nrhs).
  const c = new Float64Array(rank * nrhs);
  for (let i = 0; i < m; i++) {
    const bi = i * nrhs;
    for (let r = 0; r < rank; r++) {
      const u = U[i * k + r]!;
      if (u === 0) continue;
      for (let j = 0; j < nrhs; j++) c[r * nrhs + j]! += u * B[bi + j]!;
    }
  }
  for (let r = 0; r < rank; r++) for (let j = 0; j < nrhs; j++) c[r * nrhs + j]! /= f.S[r]!;
  // x = V·c.
  const x = new Float64Array(n * nrhs);
  for (let r = 0; r < rank; r++) {
    for (let i = 0; i < n; i++) {
      const v = Vt[r * n + i]!;
      if (v === 0) continue;
      for (let j = 0; j < nrhs; j++) x[i * nrhs + j]! += v * c[r * nrhs + j]!;
    }
  }
  let residuals = new Float64Array(0);
  if (rank === n && m > n) {
    residuals = new Float64Array(nrhs);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < nrhs; j++) {
        let s = B[i * nrhs + j]!;
        for (let p = 0; p < n; p++) s -= aCopy[i * n + p]! * x[p * nrhs + j]!;
        residuals[j]! += s * s;
      }
    }
  }
  return {
    x: fromData(x, rhs.vector ? [n] : [n, nrhs]),
    residuals: fromData(residuals, [residuals.length]),
    rank,
    singularValues: fromData(f.S, [k]),
  };
}
