/** Determinants from the LU factorization: det and its overflow-safe form slogdet. */
import { type MatrixInput, readSquareMatrix } from './input.js';
import { luFactor } from './lu.js';

/** The sign and log of |det(A)| that `slogdet` returns. */
export interface SlogdetResult {
  /** +1, −1, or 0 when A is singular. */
  sign: number;
  /** log|det(A)|; −Infinity when A is singular. */
  logAbsDet: number;
}

/**
 * The sign and natural log of |det(A)|, like `numpy.linalg.slogdet`. Use it when det(A) itself
 * would overflow or underflow (a 500×500 covariance matrix easily has det below 1e-308);
 * det(A) = sign·exp(logAbsDet).
 *
 * @param A - an n×n matrix
 * @returns `{ sign, logAbsDet }`; a singular matrix gives `{ sign: 0, logAbsDet: -Infinity }`
 *
 * @example
 * slogdet([[1e-200, 0], [0, 1e-200]]); // { sign: 1, logAbsDet: -920.96... } (det underflows to 0)
 */
export function slogdet(A: MatrixInput): SlogdetResult {
  const a = readSquareMatrix(A, 'slogdet');
  const f = luFactor(a);
  if (f.zeroPivot >= 0) return { sign: 0, logAbsDet: -Infinity };
  const n = a.rows;
  let sign = f.permSign;
  let logAbsDet = 0;
  for (let i = 0; i < n; i++) {
    const d = f.lu[i * n + i]!;
    if (d < 0) sign = -sign;
    logAbsDet += Math.log(Math.abs(d));
  }
  return { sign, logAbsDet };
}

/**
 * The determinant of a square matrix, like `numpy.linalg.det`, as the signed product of the LU
 * pivots. The product is rescaled as it goes so that it only overflows or underflows when the
 * determinant itself does; for such matrices use `slogdet`.
 *
 * @param A - an n×n matrix
 * @returns det(A) (0 for a matrix whose LU has a zero pivot)
 *
 * @example
 * det([[1, 2], [3, 4]]); // -2 (NumPy, which goes through exp(log), prints -2.0000000000000004)
 */
export function det(A: MatrixInput): number {
  const a = readSquareMatrix(A, 'det');
  const f = luFactor(a);
  if (f.zeroPivot >= 0) return 0;
  const n = a.rows;
  // Keep the running product as mantissa·2^exponent (dividing by powers of two is exact), so
  // intermediate products can neither overflow nor underflow.
  let mantissa = f.permSign;
  let exponent = 0;
  for (let i = 0; i < n; i++) {
    const d = f.lu[i * n + i]!;
    const e = Math.floor(Math.log2(Math.abs(d)));
    mantissa *= d / 2 ** e;
    exponent += e;
    const em = Math.floor(Math.log2(Math.abs(mantissa)));
    mantissa /= 2 ** em;
    exponent += em;
  }
  // Apply the exponent in two halves so 2^exponent itself does not overflow when the result fits.
  const half = Math.trunc(exponent / 2);
  return mantissa * 2 ** half * 2 ** (exponent - half);
}
