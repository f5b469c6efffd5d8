/**
 * Matrix products. The 2-D work is done by the `kernels` stratum's GEMM (WebAssembly SIMD where
 * available, else its portable TypeScript kernel; chosen per call by size).
 */
import { gemmF32, gemmF64 } from '../kernels/index.js';
import { type DType, promoteTypes } from './dtype.js';
import { ShapeError, formatShape } from './errors.js';
import { type ArrayLikeInput, NdArray } from './ndarray.js';
import { asArray } from './create.js';
import { broadcastShapes, sizeOf } from './shape.js';
import { broadcastTo, expandDims, squeeze } from './views.js';

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
  const count = sizeOf(batch);
  const ld = (x: number): number => Math.max(1, x);
  let out: Float32Array | Float64Array;
  if (dtype === 'float32') {
    // float32 products accumulate in float32, as NumPy's do.
    const ac = broadcastTo(a, [...batch, m, k]).astype('float32').data;
    const bc = broadcastTo(b, [...batch, k, n]).astype('float32').data;
    const product = new Float32Array(count * m * n);
    for (let t = 0; t < count; t++) gemmF32(m, n, k, ac, t * m * k, ld(k), bc, t * k * n, ld(n), product, t * m * n, ld(n));
    out = product;
  } else {
    const ac = broadcastTo(a, [...batch, m, k]).toFloat64Array();
    const bc = broadcastTo(b, [...batch, k, n]).toFloat64Array();
    const product = new Float64Array(count * m * n);
    for (let t = 0; t < count; t++) gemmF64(m, n, k, ac, t * m * k, ld(k), bc, t * k * n, ld(n), product, t * m * n, ld(n));
    out = product;
  }
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
