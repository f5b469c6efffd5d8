import { gemmF64 } from '../../kernels/index.js';

/**
 * The normal equations of a (weighted) least-squares fit in one pass over the raw row-major X:
 * G = Σᵢ wᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ, b = Σᵢ wᵢ (xᵢ − x̄)(yᵢ − ȳ) and the weighted means x̄, ȳ (zero,
 * and no centering, when `center` is false). Rows are shifted by the mean c of the first block
 * (close to x̄, so nothing cancels) and copied, with two more columns s·(y − c_y) and s = √w,
 * into a small buffer D; one GEMM per block accumulates DᵀD, which holds Σ w(x − c)(x − c)ᵀ,
 * Σ w(x − c)(y − c_y), the weighted sums of x − c and y − c_y, and W = Σ w. The centered
 * results follow exactly: G = Σ w(x − c)(x − c)ᵀ − W·(x̄ − c)(x̄ − c)ᵀ, and likewise b.
 */
export function centeredGram(
  X: Float64Array, y: Float64Array, n: number, p: number, sw: Float64Array | null, center: boolean,
): { G: Float64Array; b: Float64Array; xMean: Float64Array; yMean: number } {
  const q = p + 2;
  const BLOCK = Math.max(64, Math.min(n, Math.floor(262144 / q)));
  const c = new Float64Array(p);
  let cy = 0;
  if (center) {
    const m = Math.min(n, BLOCK);
    for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) c[j] += X[i * p + j]! / m;
    for (let i = 0; i < m; i++) cy += y[i]! / m;
  }
  const A = new Float64Array(q * q);
  const D = new Float64Array(BLOCK * q);
  for (let start = 0; start < n; start += BLOCK) {
    const m = Math.min(BLOCK, n - start);
    for (let k = 0; k < m; k++) {
      const i = start + k;
      const o = i * p;
      const dk = k * q;
      if (sw) {
        const s = Math.sqrt(sw[i]!);
        for (let j = 0; j < p; j++) D[dk + j] = (X[o + j]! - c[j]!) * s;
        D[dk + p] = (y[i]! - cy) * s;
        D[dk + p + 1] = s;
      } else {
        for (let j = 0; j < p; j++) D[dk + j] = X[o + j]! - c[j]!;
        D[dk + p] = y[i]! - cy;
        D[dk + p + 1] = 1;
      }
    }
    gemmF64(q, q, m, D, 0, q, D, 0, q, A, 0, q, { transA: true, accumulate: true });
  }
  const W = A[(p + 1) * q + p + 1]!;
  const sy = A[p * q + p + 1]!;
  const G = new Float64Array(p * p);
  const b = new Float64Array(p);
  const xMean = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    const sa = center ? A[a * q + p + 1]! : 0;
    b[a] = A[a * q + p]! - (sa * sy) / W;
    // Upper triangle, mirrored for exact symmetry whatever the GEMM's summation order.
    for (let e = a; e < p; e++) G[a * p + e] = G[e * p + a] = A[a * q + e]! - (center ? (sa * A[e * q + p + 1]!) / W : 0);
    xMean[a] = center ? c[a]! + sa / W : 0;
  }
  return { G, b, xMean, yMean: center ? cy + sy / W : 0 };
}

/**
 * Solves (A + αI)·x = b for a symmetric positive (semi-)definite p × p A by Cholesky, in place
 * on a copy. Returns null when the matrix is not positive definite (the caller falls back).
 */
export function choleskySolve(A: Float64Array, b: Float64Array, p: number, alpha = 0): Float64Array | null {
  const L = A.slice();
  for (let j = 0; j < p; j++) L[j * p + j] += alpha;
  for (let j = 0; j < p; j++) {
    let d = L[j * p + j]!;
    for (let k = 0; k < j; k++) d -= L[j * p + k]! ** 2;
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    L[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = L[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      L[i * p + j] = s / ljj;
    }
  }
  const x = b.slice();
  for (let i = 0; i < p; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  return x;
}
