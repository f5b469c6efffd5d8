/** Solves a small dense system A u = b by Gaussian elimination with partial pivoting (internal). */

/**
 * `a` is row-major n×n and is overwritten; returns u, or null when A is singular to working
 * precision.
 */
export function solveSmallDense(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const u = b.slice();
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]!));
  const tiny = scale * n * 2.220446049250313e-16;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[piv * n + col]!)) piv = r;
    const pv = a[piv * n + col]!;
    if (!(Math.abs(pv) > tiny)) return null;
    if (piv !== col) {
      for (let j = 0; j < n; j++) {
        const tmp = a[col * n + j]!;
        a[col * n + j] = a[piv * n + j]!;
        a[piv * n + j] = tmp;
      }
      const tb = u[col]!;
      u[col] = u[piv]!;
      u[piv] = tb;
    }
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col]! / pv;
      if (f === 0) continue;
      for (let j = col; j < n; j++) a[r * n + j] -= f * a[col * n + j]!;
      u[r] -= f * u[col]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let t = u[r]!;
    for (let j = r + 1; j < n; j++) t -= a[r * n + j]! * u[j]!;
    u[r] = t / a[r * n + r]!;
  }
  return u;
}
