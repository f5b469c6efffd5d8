/**
 * The portable GEMM: pure TypeScript, no WebAssembly. B is packed into panels of four columns
 * (contiguous along k, widened to float64), then each 4×4 block of C is computed in sixteen local
 * accumulators: per step of k it loads four values of A and four of B for sixteen multiply-adds,
 * instead of re-reading and re-writing C. Sums are float64 whatever the element type, rounded
 * once when stored (so a float32 result is at least as accurate as float32 accumulation).
 */

/** The element arrays the kernels take. */
export type FloatArray = Float32Array | Float64Array;

/** How a GEMM reads its operands and treats C. */
export interface GemmOptions {
  /** A is stored k×m (row-major, leading dimension lda ≥ m) and multiplied transposed. */
  transA?: boolean;
  /** B is stored n×k (leading dimension ldb ≥ k) and multiplied transposed. */
  transB?: boolean;
  /** Add the product to C instead of overwriting it. */
  accumulate?: boolean;
}

/**
 * The signature shared by every GEMM backend: C (m×n) = op(A) (m×k) · op(B) (k×n), all
 * row-major, op(X) = X or Xᵀ per `options`. Element (i, j) of the stored A is
 * `a[aOff + i·lda + j]`, and likewise for B and C. C is overwritten unless `options.accumulate`.
 */
export type GemmFn<T extends FloatArray> = (
  m: number, n: number, k: number,
  a: T, aOff: number, lda: number,
  b: T, bOff: number, ldb: number,
  c: T, cOff: number, ldc: number,
  options?: GemmOptions,
) => void;

const NR = 4;

/**
 * B (k×n, element (p, j) at off + p·rs + j·cs) as ⌈n/4⌉ panels of k×4 values, zero-padded on
 * the right.
 */
function packPanels(b: FloatArray, off: number, rs: number, cs: number, k: number, n: number): Float64Array {
  const panels = Math.ceil(n / NR);
  const out = new Float64Array(panels * k * NR);
  for (let jp = 0; jp < panels; jp++) {
    const j0 = jp * NR;
    const width = Math.min(NR, n - j0);
    for (let p = 0; p < k; p++) {
      const src = off + p * rs + j0 * cs;
      const dst = (jp * k + p) * NR;
      for (let q = 0; q < width; q++) out[dst + q] = b[src + q * cs]!;
    }
  }
  return out;
}

/**
 * C = op(A)·op(B) (+ C) in pure TypeScript, for float32 or float64 arrays (A, B and C of one
 * type); see `GemmFn`.
 *
 * @example
 * const c = new Float64Array(4);
 * gemmTs(2, 2, 2, Float64Array.of(1, 2, 3, 4), 0, 2, Float64Array.of(5, 6, 7, 8), 0, 2, c, 0, 2);
 * // c = [19, 22, 43, 50]
 */
export function gemmTs<T extends FloatArray>(
  m: number, n: number, k: number,
  a: T, aOff: number, lda: number,
  b: T, bOff: number, ldb: number,
  c: T, cOff: number, ldc: number,
  options: GemmOptions = {},
): void {
  if (m <= 0 || n <= 0) return;
  const add = options.accumulate === true;
  const bp = options.transB === true ? packPanels(b, bOff, 1, ldb, k, n) : packPanels(b, bOff, ldb, 1, k, n);
  if (options.transA === true) {
    // Row-major copy of Aᵀ, so the loop below reads each row of op(A) contiguously.
    const at = new Float64Array(m * k);
    for (let p = 0; p < k; p++) for (let i = 0; i < m; i++) at[i * k + p] = a[aOff + p * lda + i]!;
    a = at as unknown as T;
    aOff = 0;
    lda = k;
  }
  const panels = Math.ceil(n / NR);
  const tile = new Float64Array(16);
  for (let i = 0; i < m; i += 4) {
    const rows = Math.min(4, m - i);
    // Rows past the edge re-read row i; their sums are computed and then not stored.
    const a0 = aOff + i * lda;
    const a1 = rows > 1 ? a0 + lda : a0;
    const a2 = rows > 2 ? a0 + 2 * lda : a0;
    const a3 = rows > 3 ? a0 + 3 * lda : a0;
    for (let jp = 0; jp < panels; jp++) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0, q = jp * k * NR; p < k; p++, q += NR) {
        const b0 = bp[q]!, b1 = bp[q + 1]!, b2 = bp[q + 2]!, b3 = bp[q + 3]!;
        let x = a[a0 + p]!;
        c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
        x = a[a1 + p]!;
        c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
        x = a[a2 + p]!;
        c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
        x = a[a3 + p]!;
        c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
      }
      const j = jp * NR;
      const cols = Math.min(NR, n - j);
      const row0 = cOff + i * ldc + j;
      if (rows === 4 && cols === 4 && !add) {
        c[row0] = c00; c[row0 + 1] = c01; c[row0 + 2] = c02; c[row0 + 3] = c03;
        let r = row0 + ldc;
        c[r] = c10; c[r + 1] = c11; c[r + 2] = c12; c[r + 3] = c13;
        r += ldc;
        c[r] = c20; c[r + 1] = c21; c[r + 2] = c22; c[r + 3] = c23;
        r += ldc;
        c[r] = c30; c[r + 1] = c31; c[r + 2] = c32; c[r + 3] = c33;
        continue;
      }
      tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
      tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
      tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
      tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
      for (let r = 0; r < rows; r++) {
        for (let t = 0; t < cols; t++) c[row0 + r * ldc + t] = add ? c[row0 + r * ldc + t]! + tile[r * 4 + t]! : tile[r * 4 + t]!;
      }
    }
  }
}
