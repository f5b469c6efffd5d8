/** The Moore–Penrose pseudo-inverse through the SVD. */
import { ValueError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { type MatrixInput, fromData, readMatrix } from './input.js';
import { svdFactors } from './svd.js';

/**
 * The Moore–Penrose pseudo-inverse A⁺ = V·S⁺·Uᵀ, like `numpy.linalg.pinv`: singular values at or
 * below rcond·S[0] are treated as zero (their reciprocals dropped).
 *
 * @param A - an m×n matrix
 * @param rcond - relative cut-off for small singular values (default 1e-15, NumPy's)
 * @returns A⁺, n×m
 *
 * @example
 * pinv([[1, 2], [2, 4]]); // [[0.04, 0.08], [0.08, 0.16]] (a rank-1 matrix)
 */
export function pinv(A: MatrixInput, rcond = 1e-15): NdArray<'float64'> {
  if (typeof rcond !== 'number' || Number.isNaN(rcond)) {
    throw new ValueError(`pinv: rcond must be a number, got ${String(rcond)}.`);
  }
  const a = readMatrix(A, 'pinv');
  const { rows: m, cols: n } = a;
  const f = svdFactors(a, 'thin');
  const k = f.S.length;
  const U = f.U!;
  const Vt = f.Vt!;
  const cutoff = rcond * f.S[0]!;
  const out = new Float64Array(n * m);
  for (let r = 0; r < k; r++) {
    const s = f.S[r]!;
    if (!(s > cutoff)) break;
    const inv = 1 / s;
    // out += (V[:, r] / s)·U[:, r]ᵀ
    for (let i = 0; i < n; i++) {
      const vi = Vt[r * n + i]! * inv;
      if (vi === 0) continue;
      const row = i * m;
      for (let j = 0; j < m; j++) out[row + j]! += vi * U[j * k + r]!;
    }
  }
  return fromData(out, [n, m]);
}
