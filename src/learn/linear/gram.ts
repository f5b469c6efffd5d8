/**
 * Normal-equation pieces computed straight from the raw row-major X without a centered copy of
 * the whole matrix: G = Σᵢ wᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ and b = Σᵢ wᵢ (xᵢ − x̄)(yᵢ − ȳ). Rows are
 * centered a block at a time into a small column-major buffer, and each entry of G gets one
 * unrolled dot product per block, so the inner loop runs over contiguous, cache-resident data.
 */
export function centeredGram(
  X: Float64Array, y: Float64Array, n: number, p: number, xOffset: Float64Array, yOffset: number, sw: Float64Array | null,
): { G: Float64Array; b: Float64Array } {
  const G = new Float64Array(p * p);
  const b = new Float64Array(p);
  const BLOCK = 256;
  const D = new Float64Array(BLOCK * p);
  const r = new Float64Array(BLOCK);
  for (let start = 0; start < n; start += BLOCK) {
    const m = Math.min(BLOCK, n - start);
    for (let k = 0; k < m; k++) {
      const i = start + k;
      const s = sw ? Math.sqrt(sw[i]!) : 1;
      const o = i * p;
      for (let j = 0; j < p; j++) D[j * BLOCK + k] = (X[o + j]! - xOffset[j]!) * s;
      r[k] = (y[i]! - yOffset) * s;
    }
    for (let a = 0; a < p; a++) {
      const oa = a * BLOCK;
      b[a] += dotBlock(D, oa, r, 0, m);
      for (let c = a; c < p; c++) G[a * p + c] += dotBlock(D, oa, D, c * BLOCK, m);
    }
  }
  for (let a = 0; a < p; a++) for (let c = 0; c < a; c++) G[a * p + c] = G[c * p + a]!;
  return { G, b };
}

function dotBlock(A: Float64Array, ao: number, B: Float64Array, bo: number, m: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 4 <= m; k += 4) {
    s0 += A[ao + k]! * B[bo + k]!;
    s1 += A[ao + k + 1]! * B[bo + k + 1]!;
    s2 += A[ao + k + 2]! * B[bo + k + 2]!;
    s3 += A[ao + k + 3]! * B[bo + k + 3]!;
  }
  for (; k < m; k++) s0 += A[ao + k]! * B[bo + k]!;
  return s0 + s1 + s2 + s3;
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
