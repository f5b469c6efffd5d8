/**
 * Matrix products. The 2-D kernel works on contiguous row-major blocks: it walks k in blocks,
 * and for four rows of A at a time streams one row of B into four rows of C, so each loaded B
 * value is used four times while the block stays in cache. (The `kernels` stratum is where a
 * SIMD/WebAssembly GEMM belongs; this is the portable baseline.)
 */
import { type DType, type TypedArray, allocate, promoteTypes } from './dtype.js';
import { ShapeError, formatShape } from './errors.js';
import { type ArrayLikeInput, NdArray } from './ndarray.js';
import { asArray } from './create.js';
import { broadcastShapes, sizeOf } from './shape.js';
import { broadcastTo, expandDims, squeeze } from './views.js';

const K_BLOCK = 128;
const N_BLOCK = 512;

/** C (m×n, zeroed) += A (m×k) · B (k×n); all contiguous row-major, starting at the given offsets. */
export function gemm(
  m: number, n: number, k: number,
  a: TypedArray, aOff: number,
  b: TypedArray, bOff: number,
  c: TypedArray, cOff: number,
): void {
  for (let j0 = 0; j0 < n; j0 += N_BLOCK) {
    const j1 = Math.min(j0 + N_BLOCK, n);
    for (let p0 = 0; p0 < k; p0 += K_BLOCK) {
      const p1 = Math.min(p0 + K_BLOCK, k);
      let i = 0;
      for (; i + 4 <= m; i += 4) {
        const c0 = cOff + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        const a0 = aOff + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        for (let p = p0; p < p1; p++) {
          const v0 = a[a0 + p]!, v1 = a[a1 + p]!, v2 = a[a2 + p]!, v3 = a[a3 + p]!;
          const br = bOff + p * n;
          for (let j = j0; j < j1; j++) {
            const bv = b[br + j]!;
            c[c0 + j]! += v0 * bv;
            c[c1 + j]! += v1 * bv;
            c[c2 + j]! += v2 * bv;
            c[c3 + j]! += v3 * bv;
          }
        }
      }
      for (; i < m; i++) {
        const ci = cOff + i * n;
        const ai = aOff + i * k;
        for (let p = p0; p < p1; p++) {
          const v = a[ai + p]!;
          const br = bOff + p * n;
          for (let j = j0; j < j1; j++) c[ci + j]! += v * b[br + j]!;
        }
      }
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
  const ac = contiguousAs(broadcastTo(a, [...batch, m, k]), dtype);
  const bc = contiguousAs(broadcastTo(b, [...batch, k, n]), dtype);
  const count = sizeOf(batch);
  const out = allocate(dtype, count * m * n);
  for (let t = 0; t < count; t++) gemm(m, n, k, ac, t * m * k, bc, t * k * n, out, t * m * n);
  let result = new NdArray(dtype, out, [...batch, m, n]);
  if (aVec) result = squeeze(result, result.ndim - 2);
  if (bVec) result = squeeze(result, result.ndim - 1);
  return result;
}

function contiguousAs(x: NdArray, dtype: DType): TypedArray {
  return x.dtype === dtype ? x.toTypedArray() : x.astype(dtype).data;
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
