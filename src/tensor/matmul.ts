/**
 * Matrix products. The 2-D kernel packs B into panels of four columns (contiguous along k),
 * then computes each 4×4 block of C in sixteen local accumulators: per step of k it loads four
 * values of A and four of B for sixteen multiply-adds, instead of re-reading and re-writing C.
 * (The `kernels` stratum is where a SIMD/WebAssembly GEMM belongs; this is the portable path.)
 */
import { type DType, promoteTypes } from './dtype.js';
import { ShapeError, formatShape } from './errors.js';
import { type ArrayLikeInput, NdArray } from './ndarray.js';
import { asArray } from './create.js';
import { broadcastShapes, sizeOf } from './shape.js';
import { broadcastTo, expandDims, squeeze } from './views.js';

const NR = 4;

/** B (k×n, row-major at `off`) as ⌈n/4⌉ panels of k×4 values, zero-padded on the right. */
function packPanels(b: Float64Array, off: number, k: number, n: number): Float64Array {
  const panels = Math.ceil(n / NR);
  const out = new Float64Array(panels * k * NR);
  for (let jp = 0; jp < panels; jp++) {
    const j0 = jp * NR;
    const width = Math.min(NR, n - j0);
    for (let p = 0; p < k; p++) {
      const src = off + p * n + j0;
      const dst = (jp * k + p) * NR;
      for (let q = 0; q < width; q++) out[dst + q] = b[src + q]!;
    }
  }
  return out;
}

/** C (m×n) = A (m×k) · B (k×n); all contiguous row-major, starting at the given offsets. */
export function gemm(
  m: number, n: number, k: number,
  a: Float64Array, aOff: number,
  b: Float64Array, bOff: number,
  c: Float64Array, cOff: number,
): void {
  const bp = packPanels(b, bOff, k, n);
  const panels = Math.ceil(n / NR);
  const tile = new Float64Array(16);
  for (let i = 0; i < m; i += 4) {
    const rows = Math.min(4, m - i);
    // Rows past the edge re-read row 0; their sums are computed and then not stored.
    const a0 = aOff + i * k;
    const a1 = rows > 1 ? a0 + k : a0;
    const a2 = rows > 2 ? a0 + 2 * k : a0;
    const a3 = rows > 3 ? a0 + 3 * k : a0;
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
      const row0 = cOff + i * n + j;
      if (rows === 4 && cols === 4) {
        c[row0] = c00; c[row0 + 1] = c01; c[row0 + 2] = c02; c[row0 + 3] = c03;
        c[row0 + n] = c10; c[row0 + n + 1] = c11; c[row0 + n + 2] = c12; c[row0 + n + 3] = c13;
        c[row0 + 2 * n] = c20; c[row0 + 2 * n + 1] = c21; c[row0 + 2 * n + 2] = c22; c[row0 + 2 * n + 3] = c23;
        c[row0 + 3 * n] = c30; c[row0 + 3 * n + 1] = c31; c[row0 + 3 * n + 2] = c32; c[row0 + 3 * n + 3] = c33;
        continue;
      }
      tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
      tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
      tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
      tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
      for (let r = 0; r < rows; r++) for (let t = 0; t < cols; t++) c[row0 + r * n + t] = tile[r * 4 + t]!;
    }
  }
}

/**
 * Matrix product with NumPy's `matmul` rules: 1-d operands are promoted to a row (left) or a
 * column (right) and that axis is removed again; leading axes are batch axes and broadcast.
 *
 * @example
 * matmul(array([[1, 2], [3, 4]]), array([[5], [6]])); // [[17], [39]]
 */
export function matmul(left: ArrayLikeInput, right: ArrayLikeInput): NdArray {
  let a = asArray(left);
  let b = asArray(right);
  if (a.ndim === 0 || b.ndim === 0) {
    throw new ShapeError('matmul does not take 0-d arrays (scalars); use mul for scaling.');
  }
  const aVec = a.ndim === 1;
  const bVec = b.ndim === 1;
  if (aVec) a = expandDims(a, 0);
  if (bVec) b = expandDims(b, 1);
  const m = a.shape[a.ndim - 2]!;
  const k = a.shape[a.ndim - 1]!;
  const k2 = b.shape[b.ndim - 2]!;
  const n = b.shape[b.ndim - 1]!;
  if (k !== k2) {
    throw new ShapeError(
      `matmul: shapes ${formatShape(asArray(left).shape)} and ${formatShape(asArray(right).shape)} are not aligned: ` +
        `the inner dimensions are ${k} and ${k2} (the last axis of the first must equal the second-to-last of the second).`,
    );
  }
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  let dtype: DType = promoteTypes(a.dtype, b.dtype);
  if (dtype !== 'float32') dtype = 'float64';
  // The kernel always runs on float64 (one element type keeps V8's loads monomorphic); a float32
  // product is rounded once at the end, which is at least as accurate as float32 accumulation.
  const ac = broadcastTo(a, [...batch, m, k]).toFloat64Array();
  const bc = broadcastTo(b, [...batch, k, n]).toFloat64Array();
  const count = sizeOf(batch);
  const product = new Float64Array(count * m * n);
  for (let t = 0; t < count; t++) gemm(m, n, k, ac, t * m * k, bc, t * k * n, product, t * m * n);
  const out = dtype === 'float64' ? product : Float32Array.from(product);
  let result = new NdArray(dtype, out, [...batch, m, n]);
  if (aVec) result = squeeze(result, result.ndim - 2);
  if (bVec) result = squeeze(result, result.ndim - 1);
  return result;
}

/** Dot product: inner product of vectors, matrix product of matrices (`matmul` for ≤ 2-d). */
export function dot(a: ArrayLikeInput, b: ArrayLikeInput): NdArray {
  const x = asArray(a);
  const y = asArray(b);
  if (x.ndim > 2 || y.ndim > 2) {
    throw new ShapeError(`dot takes arrays of at most 2 dimensions (got ${formatShape(x.shape)} and ${formatShape(y.shape)}); use matmul for batches.`);
  }
  return matmul(x, y);
}
