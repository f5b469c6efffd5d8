/**
 * Diagonalizing an upper-bidiagonal matrix by implicit-shift QR sweeps (Golub & Kahan's SVD
 * step with a Wilkinson shift), the second stage of the SVD. Every rotation applied to B on the
 * left is applied to the rows of Uᵀ and every rotation on the right to the rows of Vᵀ, so
 * A = U·B·Vᵀ stays true throughout.
 */
import { LinAlgError } from '../errors.js';
import { rotateRows } from './dense.js';

const EPS = Number.EPSILON;

/** r = hypot(a, b) and the rotation (c, s) = (a/r, b/r) that maps (a, b) to (r, 0). */
function givens(a: number, b: number): [number, number, number] {
  if (b === 0) return [1, 0, a];
  const r = Math.hypot(a, b);
  return [a / r, b / r, r];
}

/**
 * Drives the bidiagonal (d, e) to diagonal form in place. On return `d` holds the singular values
 * (with arbitrary signs, unsorted). `Ut` (row stride `uStride`) and `Vt` (row stride n) are updated
 * when given.
 *
 * @throws LinAlgError when the iteration does not converge (it always has in practice)
 */
export function diagonalizeBidiagonal(
  d: Float64Array,
  e: Float64Array,
  Ut: Float64Array | null,
  uStride: number,
  Vt: Float64Array | null,
): void {
  const n = d.length;
  if (n <= 1) return;
  let bnorm = 0;
  for (let i = 0; i < n; i++) bnorm = Math.max(bnorm, Math.abs(d[i]!) + (i < n - 1 ? Math.abs(e[i]!) : 0));
  if (bnorm === 0) return;
  const tiny = EPS * bnorm; // diagonal entries this small are set to zero (an absolute error of ε‖B‖)
  const maxSweeps = 60 * n + 100;
  let sweeps = 0;
  let hi = n - 1;
  while (hi > 0) {
    // Deflate: a negligible superdiagonal at the bottom splits off a converged singular value.
    if (Math.abs(e[hi - 1]!) <= EPS * (Math.abs(d[hi - 1]!) + Math.abs(d[hi]!))) {
      e[hi - 1] = 0;
      hi--;
      continue;
    }
    // Find the top of the unreduced block lo..hi.
    let lo = hi - 1;
    while (lo > 0) {
      if (Math.abs(e[lo - 1]!) <= EPS * (Math.abs(d[lo - 1]!) + Math.abs(d[lo]!))) {
        e[lo - 1] = 0;
        break;
      }
      lo--;
    }
    // A (numerically) zero diagonal entry: rotate its row or column out of the block.
    let zeroAt = -1;
    for (let i = lo; i <= hi; i++) {
      if (Math.abs(d[i]!) <= tiny) {
        zeroAt = i;
        break;
      }
    }
    if (zeroAt >= 0) {
      const i = zeroAt;
      d[i] = 0;
      if (i < hi) {
        // Zero row i: chase e[i] to the right with rotations of rows (j, i).
        let f = e[i]!;
        e[i] = 0;
        for (let j = i + 1; j <= hi && f !== 0; j++) {
          const [c, s, r] = givens(d[j]!, f);
          d[j] = r;
          if (j < hi) {
            f = -s * e[j]!;
            e[j] = c * e[j]!;
          }
          if (Ut) rotateRows(Ut, uStride, j, i, c, s);
        }
      } else {
        // Zero column hi: chase e[hi−1] upwards with rotations of columns (j, hi).
        let f = e[hi - 1]!;
        e[hi - 1] = 0;
        for (let j = hi - 1; j >= lo && f !== 0; j--) {
          const [c, s, r] = givens(d[j]!, f);
          d[j] = r;
          if (j > lo) {
            f = -s * e[j - 1]!;
            e[j - 1] = c * e[j - 1]!;
          }
          if (Vt) rotateRows(Vt, n, j, hi, c, s);
        }
      }
      continue;
    }

    if (++sweeps > maxSweeps) {
      throw new LinAlgError(`SVD did not converge after ${maxSweeps} QR sweeps; check the input for extreme values.`);
    }
    // Wilkinson shift: the eigenvalue of the trailing 2×2 of BᵀB nearer its last diagonal entry.
    const dm = d[hi - 1]!;
    const dn = d[hi]!;
    const em = e[hi - 1]!;
    const el = hi - 1 > lo ? e[hi - 2]! : 0;
    const t11 = dm * dm + el * el;
    const t22 = dn * dn + em * em;
    const t12 = dm * em;
    const delta = (t11 - t22) / 2;
    const denom = delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, t12);
    const mu = denom === 0 ? t22 : t22 - (t12 / denom) * t12;

    // Chase the bulge from the top of the block to the bottom.
    let y = d[lo]! * d[lo]! - mu;
    let z = d[lo]! * e[lo]!;
    for (let k = lo; k < hi; k++) {
      // Right rotation of columns k, k+1.
      let [c, s, r] = givens(y, z);
      if (k > lo) e[k - 1] = r;
      const dk = d[k]!;
      const ek = e[k]!;
      y = c * dk + s * ek;
      e[k] = c * ek - s * dk;
      z = s * d[k + 1]!;
      d[k + 1] = c * d[k + 1]!;
      if (Vt) rotateRows(Vt, n, k, k + 1, c, s);
      // Left rotation of rows k, k+1 to remove the bulge at (k+1, k).
      [c, s, r] = givens(y, z);
      d[k] = r;
      const ek2 = e[k]!;
      const dk1 = d[k + 1]!;
      e[k] = c * ek2 + s * dk1;
      d[k + 1] = c * dk1 - s * ek2;
      if (k + 1 < hi) {
        y = e[k]!;
        z = s * e[k + 1]!;
        e[k + 1] = c * e[k + 1]!;
      }
      if (Ut) rotateRows(Ut, uStride, k, k + 1, c, s);
    }
  }
}
