/**
 * Eigenvalues of a symmetric tridiagonal matrix by implicit QL sweeps with Wilkinson-type shifts
 * (the EISPACK tql2 recurrence); the second stage of eigh. Each plane rotation is also applied to
 * the rows of Zᵀ, so A = Z·T·Zᵀ stays true throughout.
 */
import { LinAlgError } from '../errors.js';
import { rotateRows } from './dense.js';

const EPS = Number.EPSILON;

/**
 * Drives (d, e) to diagonal form in place; on return `d` holds the eigenvalues, unsorted.
 * `e[i]` couples d[i] and d[i+1] (length n − 1). `Zt` (n×n row-major), when given, has its rows
 * rotated along.
 *
 * @throws LinAlgError when the iteration does not converge (it always has in practice)
 */
export function diagonalizeTridiagonal(d: Float64Array, eIn: Float64Array, Zt: Float64Array | null): void {
  const n = d.length;
  if (n <= 1) return;
  // Work on a copy padded with e[n−1] = 0 so the split search can always stop at n − 1.
  const e = new Float64Array(n);
  e.set(eIn.subarray(0, n - 1));
  const maxIterations = 30 * n + 100;
  let iterations = 0;
  for (let l = 0; l < n; l++) {
    for (;;) {
      // The first negligible coupling at or after l splits off the block l..m.
      let m = l;
      while (m < n - 1 && Math.abs(e[m]!) > EPS * (Math.abs(d[m]!) + Math.abs(d[m + 1]!))) m++;
      if (m === l) break;
      if (++iterations > maxIterations) {
        throw new LinAlgError(`eigh did not converge after ${maxIterations} QL iterations; check the input for extreme values.`);
      }
      // Shift: the eigenvalue of the leading 2×2 of the block nearer d[l].
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // Underflow: the block splits here; undo the partial shift and start again.
          d[i + 1]! -= p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        if (Zt) rotateRows(Zt, n, i, i + 1, c, -s);
      }
      if (r === 0 && i >= l) continue;
      d[l]! -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
}
