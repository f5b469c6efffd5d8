/** The QR factorization A = Q·R by Householder reflections. */
import { ValueError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { applyLeft, makeReflector, readReflector } from './householder.js';
import { type Matrix, type MatrixInput, fromData, readMatrix } from './input.js';

/** What `qr` returns: both factors, or only R for mode 'r'. */
export interface QRResult {
  /** m×k ('reduced', k = min(m, n)) or m×m ('complete') with orthonormal columns. */
  Q: NdArray<'float64'>;
  /** k×n ('reduced') or m×n ('complete') upper triangular (trapezoidal). */
  R: NdArray<'float64'>;
}

export type QRMode = 'reduced' | 'complete' | 'r';

/** The Householder factors of an m×n matrix, packed LAPACK-style. */
export interface HouseholderQR {
  /** R on and above the diagonal; reflector vectors (v[0] = 1 implied) below it. */
  packed: Matrix;
  /** τ of each reflector, k = min(m, n) of them. */
  tau: Float64Array;
}

/** Householder QR of `a`, overwriting its buffer: reflector k zeroes column k below row k. */
export function householderQR(a: Matrix): HouseholderQR {
  const { rows: m, cols: n, data: A } = a;
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  const v = new Float64Array(m);
  const work = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const len = m - j;
    tau[j] = makeReflector(A, j * n + j, len, n);
    if (tau[j] === 0) continue;
    readReflector(A, j * n + j, len, n, v);
    applyLeft(A, n, v, len, tau[j]!, j, j + 1, n, work);
  }
  return { packed: a, tau };
}

/**
 * Q's first `cols` columns (m×cols, row-major) from packed Householder factors:
 * Q = H₀·H₁⋯H_{k−1} applied to the first `cols` columns of the identity.
 */
export function formQ(f: HouseholderQR, cols: number): Float64Array {
  const { rows: m, cols: n, data: A } = f.packed;
  const k = f.tau.length;
  const Q = new Float64Array(m * cols);
  for (let i = 0; i < Math.min(m, cols); i++) Q[i * cols + i] = 1;
  const v = new Float64Array(m);
  const work = new Float64Array(cols);
  for (let j = k - 1; j >= 0; j--) {
    const t = f.tau[j]!;
    if (t === 0) continue;
    const len = m - j;
    readReflector(A, j * n + j, len, n, v);
    // Columns before j of the partial product are still unit vectors that H_j leaves alone.
    applyLeft(Q, cols, v, len, t, j, j, cols, work);
  }
  return Q;
}

/** The upper-triangular part of the first `rows` rows of the packed factors (rows × n). */
function extractR(f: HouseholderQR, rows: number): Float64Array {
  const { rows: m, cols: n, data: A } = f.packed;
  const R = new Float64Array(rows * n);
  for (let i = 0; i < Math.min(rows, m); i++) for (let j = i; j < n; j++) R[i * n + j] = A[i * n + j]!;
  return R;
}

/**
 * QR factorization A = Q·R by Householder reflections, like `numpy.linalg.qr`.
 *
 * Sign convention (the same as LAPACK and so NumPy): each reflector maps its column to −sign(a)·‖a‖·e₁,
 * so R's diagonal entries may be negative; Q and R then agree with NumPy's up to rounding.
 *
 * @param A - an m×n matrix
 * @param mode - 'reduced' (default): Q m×k, R k×n with k = min(m, n); 'complete': Q m×m, R m×n;
 *   'r': only R (k×n)
 * @returns `{ Q, R }`, or `{ R }` for mode 'r'
 *
 * @example
 * const { Q, R } = qr([[3, 1], [4, 2]]);
 * // R = [[-5, -2.2], [0, 0.4]]
 */
export function qr(A: MatrixInput, mode?: 'reduced' | 'complete'): QRResult;
export function qr(A: MatrixInput, mode: 'r'): { R: NdArray<'float64'> };
export function qr(A: MatrixInput, mode: QRMode = 'reduced'): QRResult | { R: NdArray<'float64'> } {
  if (mode !== 'reduced' && mode !== 'complete' && mode !== 'r') {
    throw new ValueError(`qr: unknown mode ${JSON.stringify(mode)}; use 'reduced', 'complete' or 'r'.`);
  }
  const a = readMatrix(A, 'qr');
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const f = householderQR(a);
  if (mode === 'r') return { R: fromData(extractR(f, k), [k, n]) };
  const qCols = mode === 'complete' ? m : k;
  const R = extractR(f, qCols);
  const Q = formQ(f, qCols);
  return { Q: fromData(Q, [m, qCols]), R: fromData(R, [qCols, n]) };
}
