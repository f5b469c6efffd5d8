/**
 * The singular value decomposition A = U·diag(S)·Vᵀ: Golub–Kahan bidiagonalization followed by
 * implicit-shift QR on the bidiagonal (bidiagonal.ts, bidiagonal-qr.ts); this file coordinates
 * the two, sorts, fixes signs and wraps results.
 */
import { ValueError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { bidiagonalize } from './bidiagonal.js';
import { diagonalizeBidiagonal } from './bidiagonal-qr.js';
import { exactScaleFor, maxAbs, transpose } from './dense.js';
import { type Matrix, type MatrixInput, fromData, readMatrix } from './input.js';

/** The raw factors: U (m×uCols), S (k, descending), Vt (vRows×n), all row-major. */
export interface SVDFactors {
  m: number;
  n: number;
  S: Float64Array;
  U: Float64Array | null;
  uCols: number;
  Vt: Float64Array | null;
  vRows: number;
}

/**
 * SVD of a tall matrix (m ≥ n): returns S sorted descending, Ut (uRows×m) and Vt (n×n) with the
 * same ordering. Overwrites a's buffer.
 */
function tallSVD(a: Matrix, uRows: number, wantV: boolean): { S: Float64Array; Ut: Float64Array | null; Vt: Float64Array | null } {
  const { rows: m, cols: n } = a;
  // Scale by an exact power of two so squares inside the shift computation cannot overflow or underflow.
  const scale = exactScaleFor(maxAbs(a.data));
  if (scale !== 1) for (let i = 0; i < a.data.length; i++) a.data[i]! *= scale;
  const { d, e, Ut, Vt } = bidiagonalize(a, uRows, wantV);
  diagonalizeBidiagonal(d, e, Ut, m, Vt);
  // Make the values non-negative (flipping the matching right singular vector) and undo the scaling.
  for (let i = 0; i < n; i++) {
    if (d[i]! < 0) {
      d[i] = -d[i]!;
      if (Vt) for (let j = 0; j < n; j++) Vt[i * n + j] = -Vt[i * n + j]!;
    }
    d[i]! /= scale;
  }
  // Sort descending (stable), permuting the singular vectors along.
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => d[q]! - d[p]! || p - q);
  const S = new Float64Array(n);
  for (let i = 0; i < n; i++) S[i] = d[order[i]!]!;
  const permuteRows = (x: Float64Array | null, stride: number): Float64Array | null => {
    if (!x) return null;
    const out = x.slice();
    for (let i = 0; i < n; i++) out.set(x.subarray(order[i]! * stride, order[i]! * stride + stride), i * stride);
    return out;
  };
  return { S, Ut: permuteRows(Ut, m), Vt: permuteRows(Vt, n) };
}

/**
 * Computes the SVD of an m×n matrix (overwriting its buffer). `uv`: 'none' for singular values only,
 * 'thin' for U m×k and Vt k×n, 'full' for U m×m and Vt n×n (k = min(m, n)).
 *
 * Sign convention: for i < k, the entry of largest magnitude in column i of U is positive
 * (the first such entry on ties); column i of V carries the matching sign.
 */
export function svdFactors(a: Matrix, uv: 'none' | 'thin' | 'full'): SVDFactors {
  const { rows: m, cols: n } = a;
  const k = Math.min(m, n);
  const want = uv !== 'none';
  let U: Float64Array | null = null;
  let Vt: Float64Array | null = null;
  let S: Float64Array;
  let uCols = 0;
  let vRows = 0;
  if (m >= n) {
    const r = tallSVD(a, uv === 'full' ? m : uv === 'thin' ? n : 0, want);
    S = r.S;
    if (want) {
      uCols = uv === 'full' ? m : n;
      U = transpose({ rows: uCols, cols: m, data: r.Ut! }).data;
      Vt = r.Vt!;
      vRows = n;
    }
  } else {
    // Aᵀ = U'·S·V'ᵀ  ⇒  A = V'·S·U'ᵀ.
    const r = tallSVD(transpose(a), uv === 'full' ? n : uv === 'thin' ? m : 0, want);
    S = r.S;
    if (want) {
      uCols = m;
      U = transpose({ rows: m, cols: m, data: r.Vt! }).data;
      vRows = uv === 'full' ? n : m;
      Vt = r.Ut!;
    }
  }
  if (U && Vt) {
    for (let i = 0; i < k; i++) {
      let best = 0;
      let sign = 1;
      for (let r = 0; r < m; r++) {
        const v = U[r * uCols + i]!;
        if (Math.abs(v) > best) {
          best = Math.abs(v);
          sign = v < 0 ? -1 : 1;
        }
      }
      if (sign < 0) {
        for (let r = 0; r < m; r++) U[r * uCols + i] = -U[r * uCols + i]!;
        for (let j = 0; j < n; j++) Vt[i * n + j] = -Vt[i * n + j]!;
      }
    }
  }
  return { m, n, S, U, uCols, Vt, vRows };
}

export interface SVDOptions {
  /** true (default): U is m×m and Vt n×n; false: U is m×k and Vt k×n with k = min(m, n). */
  fullMatrices?: boolean;
  /** true (default): return U and Vt; false: only the singular values (faster). */
  computeUV?: boolean;
}

/** What `svd` returns when computeUV is true. */
export interface SVDResult {
  /** Left singular vectors as columns. */
  U: NdArray<'float64'>;
  /** Singular values, length min(m, n), sorted descending. */
  S: NdArray<'float64'>;
  /** Right singular vectors as rows (Vᵀ, NumPy's `vh`). */
  Vt: NdArray<'float64'>;
}

/**
 * Singular value decomposition A = U·diag(S)·Vt, like `numpy.linalg.svd`.
 *
 * Golub–Kahan–Householder bidiagonalization, then implicit-shift QR sweeps on the bidiagonal
 * (backward stable: singular values are accurate to about ε·S[0]). Singular values come sorted
 * descending. Singular vectors are unique only up to sign (and, for repeated singular values, up to a
 * rotation); this implementation makes the largest-magnitude entry of each of the first min(m, n)
 * columns of U positive, which NumPy does not promise, so compare vectors with NumPy's up to sign.
 *
 * @param A - an m×n matrix
 * @param options - `fullMatrices` (default true) and `computeUV` (default true), as in NumPy
 * @returns `{ U, S, Vt }`, or `{ S }` when computeUV is false
 *
 * @example
 * const { U, S, Vt } = svd([[3, 0], [4, 5]]);
 * // S ≈ [6.7082039, 2.2360680]
 * svd([[1, 2], [3, 4]], { computeUV: false }).S; // [5.4649857..., 0.3659661...]
 */
export function svd(A: MatrixInput, options?: SVDOptions & { computeUV?: true }): SVDResult;
export function svd(A: MatrixInput, options: SVDOptions & { computeUV: false }): { S: NdArray<'float64'> };
export function svd(A: MatrixInput, options: SVDOptions): SVDResult | { S: NdArray<'float64'> };
export function svd(A: MatrixInput, options: SVDOptions = {}): SVDResult | { S: NdArray<'float64'> } {
  const { fullMatrices = true, computeUV = true } = options;
  if (typeof fullMatrices !== 'boolean' || typeof computeUV !== 'boolean') {
    throw new ValueError('svd: options fullMatrices and computeUV must be booleans.');
  }
  const a = readMatrix(A, 'svd');
  const f = svdFactors(a, computeUV ? (fullMatrices ? 'full' : 'thin') : 'none');
  const S = fromData(f.S, [f.S.length]);
  if (!computeUV) return { S };
  return { U: fromData(f.U!, [f.m, f.uCols]), S, Vt: fromData(f.Vt!, [f.vRows, f.n]) };
}
