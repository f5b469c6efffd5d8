/**
 * LU factorization with partial (row) pivoting: A = P·L·U. The factor routine works in place on
 * a row-major buffer; solve, inv and det are built on it.
 */
import { LinAlgError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { type Matrix, type MatrixInput, fromData, readMatrix } from './input.js';

/** The packed result of luFactor: L (unit diagonal, below) and U (on and above) in one buffer. */
export interface LUFactors {
  rows: number;
  cols: number;
  /** L strictly below the diagonal (its unit diagonal implied) and U on and above it. */
  lu: Float64Array;
  /** Row `i` of L·U is row `perm[i]` of A. */
  perm: Int32Array;
  /** +1 or −1: the sign of the row permutation (for determinants). */
  permSign: number;
  /** The first column whose pivot is exactly zero, or −1 when every pivot is non-zero. */
  zeroPivot: number;
}

/**
 * Factors the m×n matrix `a` (overwriting its buffer) with partial pivoting: at step k the row
 * with the largest |a[i, k]| among i ≥ k becomes the pivot row, so every |L[i, j]| ≤ 1.
 */
export function luFactor(a: Matrix): LUFactors {
  const { rows: m, cols: n, data: A } = a;
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  let permSign = 1;
  let zeroPivot = -1;
  const steps = Math.min(m, n);
  for (let k = 0; k < steps; k++) {
    let p = k;
    let best = Math.abs(A[k * n + k]!);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(A[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      const ok = k * n;
      const op = p * n;
      for (let j = 0; j < n; j++) {
        const t = A[ok + j]!;
        A[ok + j] = A[op + j]!;
        A[op + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
      permSign = -permSign;
    }
    const pivot = A[k * n + k]!;
    if (pivot === 0) {
      if (zeroPivot < 0) zeroPivot = k;
      continue; // the column is already zero below the diagonal: nothing to eliminate
    }
    const rowK = k * n;
    for (let i = k + 1; i < m; i++) {
      const rowI = i * n;
      const l = A[rowI + k]! / pivot;
      A[rowI + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) A[rowI + j]! -= l * A[rowK + j]!;
    }
  }
  return { rows: m, cols: n, lu: A, perm, permSign, zeroPivot };
}

/**
 * The LinAlgError for a singular matrix, naming the zero pivot and what to use instead;
 * `consequence` says what that means for the caller ("A·x = b has no unique solution").
 */
export function singularError(consequence: string, column: number): LinAlgError {
  return new LinAlgError(
    `Matrix is singular (pivot at column ${column} is 0); ${consequence}. ` +
      'Use lstsq() for a least-squares solution or pinv() for the pseudo-inverse.',
  );
}

/**
 * Solves (L·U)·X = B[perm] for the square factors of `f`, where B is n×k row-major; returns X as a
 * new row-major n×k buffer. The factors must have no zero pivot.
 */
export function luSolve(f: LUFactors, b: Float64Array, k: number): Float64Array {
  const n = f.rows;
  const LU = f.lu;
  const X = new Float64Array(n * k);
  for (let i = 0; i < n; i++) X.set(b.subarray(f.perm[i]! * k, f.perm[i]! * k + k), i * k);
  // Forward substitution with the unit lower triangle.
  for (let i = 1; i < n; i++) {
    const xi = i * k;
    for (let j = 0; j < i; j++) {
      const l = LU[i * n + j]!;
      if (l === 0) continue;
      const xj = j * k;
      for (let c = 0; c < k; c++) X[xi + c]! -= l * X[xj + c]!;
    }
  }
  // Back substitution with the upper triangle.
  for (let i = n - 1; i >= 0; i--) {
    const xi = i * k;
    for (let j = i + 1; j < n; j++) {
      const u = LU[i * n + j]!;
      if (u === 0) continue;
      const xj = j * k;
      for (let c = 0; c < k; c++) X[xi + c]! -= u * X[xj + c]!;
    }
    const d = LU[i * n + i]!;
    for (let c = 0; c < k; c++) X[xi + c]! /= d;
  }
  return X;
}

/** P, L and U of `lu()`, with A = P·L·U. */
export interface LUResult {
  /** m×m permutation matrix. */
  P: NdArray<'float64'>;
  /** m×k unit lower-triangular (trapezoidal) factor, k = min(m, n). */
  L: NdArray<'float64'>;
  /** k×n upper-triangular (trapezoidal) factor. */
  U: NdArray<'float64'>;
}

/**
 * LU factorization with partial pivoting, A = P·L·U, like `scipy.linalg.lu`. Works for
 * rectangular matrices too, and for singular ones (U then has a zero on its diagonal).
 *
 * @param A - an m×n matrix
 * @returns `{ P, L, U }` as float64 arrays of shapes (m, m), (m, k), (k, n) with k = min(m, n)
 *
 * @example
 * const { P, L, U } = lu([[1, 2], [3, 4]]);
 * // P = [[0, 1], [1, 0]], L = [[1, 0], [1/3, 1]], U = [[3, 4], [0, 2/3]]
 */
export function lu(A: MatrixInput): LUResult {
  const a = readMatrix(A, 'lu');
  const f = luFactor(a);
  const { rows: m, cols: n, lu: LU, perm } = f;
  const k = Math.min(m, n);
  const P = new Float64Array(m * m);
  for (let i = 0; i < m; i++) P[perm[i]! * m + i] = 1;
  const L = new Float64Array(m * k);
  const U = new Float64Array(k * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < k; j++) {
      if (j < i) L[i * k + j] = LU[i * n + j]!;
      else if (j === i) L[i * k + j] = 1;
    }
  }
  for (let i = 0; i < k; i++) for (let j = i; j < n; j++) U[i * n + j] = LU[i * n + j]!;
  return { P: fromData(P, [m, m]), L: fromData(L, [m, k]), U: fromData(U, [k, n]) };
}
