/**
 * GEMM for the autograd ops on contiguous row-major operands: C (m×n) = op(A) · op(B)
 * (+ C when `accumulate`), op(X) = X or Xᵀ. The kernels read transposed operands in place, so
 * backward passes (g·Wᵀ, xᵀ·g) copy nothing here.
 */
import { gemmF32, gemmF64 } from '../../kernels/index.js';
import type { FloatArray } from '../tensor.js';

/**
 * C = op(A)·op(B): A is m×k (or k×m when `transA`), B is k×n (or n×k when `transB`), C is m×n at
 * `cOff`; all contiguous. With `accumulate`, the product is added to C.
 */
export function gemm<T extends FloatArray>(
  transA: boolean, transB: boolean, m: number, n: number, k: number,
  a: T, aOff: number, b: T, bOff: number, c: T, cOff: number, accumulate = false,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) c.fill(0, cOff, cOff + m * n);
    return;
  }
  const options = { transA, transB, accumulate };
  const lda = transA ? m : k;
  const ldb = transB ? k : n;
  if (a instanceof Float64Array) gemmF64(m, n, k, a, aOff, lda, b as Float64Array, bOff, ldb, c as Float64Array, cOff, n, options);
  else gemmF32(m, n, k, a as Float32Array, aOff, lda, b as Float32Array, bOff, ldb, c as Float32Array, cOff, n, options);
}
