/**
 * Golub–Kahan bidiagonalization A = U·B·Vᵀ of a tall matrix (m ≥ n) by alternating left and
 * right Householder reflectors; the first stage of the SVD.
 */
import { applyLeft, applyRight, makeReflector, readReflector } from './householder.js';
import type { Matrix } from './input.js';

/** The bidiagonal B (diagonal d, superdiagonal e) and, when asked for, the orthogonal factors. */
export interface Bidiagonal {
  /** Diagonal of B, length n. */
  d: Float64Array;
  /** Superdiagonal of B, length n − 1: e[i] = B[i, i+1]. */
  e: Float64Array;
  /** Uᵀ restricted to its first `uRows` rows (uRows×m, row-major): row i is column i of U. */
  Ut: Float64Array | null;
  /** Vᵀ (n×n, row-major): row i is column i of V. */
  Vt: Float64Array | null;
}

/**
 * Reduces the m×n matrix `a` (m ≥ n; its buffer is overwritten) to upper-bidiagonal form.
 * `uRows` is how many columns of U to form (n for the thin SVD, m for the full one, 0 for none);
 * `wantV` asks for Vᵀ.
 */
export function bidiagonalize(a: Matrix, uRows: number, wantV: boolean): Bidiagonal {
  const { rows: m, cols: n, data: A } = a;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  const tauL = new Float64Array(n);
  const tauR = new Float64Array(n);
  const v = new Float64Array(Math.max(m, n));
  const work = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // Left reflector: zero column k below the diagonal.
    tauL[k] = makeReflector(A, k * n + k, m - k, n);
    d[k] = A[k * n + k]!;
    if (tauL[k] !== 0 && k + 1 < n) {
      readReflector(A, k * n + k, m - k, n, v);
      applyLeft(A, n, v, m - k, tauL[k]!, k, k + 1, n, work);
    }
    if (k + 1 >= n) continue;
    // Right reflector: zero row k beyond the superdiagonal.
    const len = n - k - 1;
    tauR[k] = makeReflector(A, k * n + k + 1, len, 1);
    e[k] = A[k * n + k + 1]!;
    if (tauR[k] !== 0) {
      readReflector(A, k * n + k + 1, len, 1, v);
      applyRight(A, n, v, len, tauR[k]!, k + 1, m, k + 1);
    }
  }

  let Ut: Float64Array | null = null;
  if (uRows > 0) {
    // Uᵀ = H_{n−1}⋯H₀ (each H symmetric); build its first uRows rows by multiplying [I 0] on the right.
    Ut = new Float64Array(uRows * m);
    for (let i = 0; i < uRows; i++) Ut[i * m + i] = 1;
    for (let k = n - 1; k >= 0; k--) {
      if (tauL[k] === 0) continue;
      readReflector(A, k * n + k, m - k, n, v);
      // Rows before k are still unit vectors that H_k leaves alone.
      applyRight(Ut, m, v, m - k, tauL[k]!, k, uRows, k);
    }
  }
  let Vt: Float64Array | null = null;
  if (wantV) {
    // Vᵀ = G_{n−3}⋯G₀ where G_k acts on coordinates k+1..n−1.
    Vt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Vt[i * n + i] = 1;
    for (let k = n - 2; k >= 0; k--) {
      if (tauR[k] === 0) continue;
      const len = n - k - 1;
      readReflector(A, k * n + k + 1, len, 1, v);
      applyRight(Vt, n, v, len, tauR[k]!, k + 1, n, k + 1);
    }
  }
  return { d, e, Ut, Vt };
}
