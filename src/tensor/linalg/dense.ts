/**
 * Small dense kernels over row-major Float64Arrays, used inside the linalg algorithms.
 * Loops are ordered so the innermost one walks memory contiguously (i-k-j for products).
 */
import type { Matrix } from './input.js';

/** C = A·B for row-major A (m×k) and B (k×n). */
export function multiply(a: Matrix, b: Matrix): Matrix {
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const A = a.data;
  const B = b.data;
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = A[i * k + p]!;
      if (aip === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) C[ci + j]! += aip * B[bp + j]!;
    }
  }
  return { rows: m, cols: n, data: C };
}

/** Aᵀ as a fresh row-major matrix. */
export function transpose(a: Matrix): Matrix {
  const { rows: m, cols: n, data: A } = a;
  const T = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const ai = i * n;
    for (let j = 0; j < n; j++) T[j * m + i] = A[ai + j]!;
  }
  return { rows: n, cols: m, data: T };
}

/** The n×n identity. */
export function identity(n: number): Matrix {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return { rows: n, cols: n, data: I };
}

/** Largest absolute value of the entries (0 for an empty buffer). */
export function maxAbs(data: Float64Array): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const v = Math.abs(data[i]!);
    if (v > m) m = v;
  }
  return m;
}

/**
 * Euclidean norm of `n` entries of `x` starting at `start` with step `step`, scaled so that it
 * neither overflows nor underflows (the LAPACK dnrm2 idea: accumulate (x/scale)²).
 */
export function norm2(x: Float64Array, start: number, n: number, step = 1): number {
  let scale = 0;
  let ssq = 1;
  for (let k = 0, i = start; k < n; k++, i += step) {
    const v = x[i]!;
    if (v !== 0) {
      const a = Math.abs(v);
      if (scale < a) {
        const r = scale / a;
        ssq = 1 + ssq * r * r;
        scale = a;
      } else {
        const r = a / scale;
        ssq += r * r;
      }
    }
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Applies the plane rotation [c s; -s c] to rows i and j (length `len`, row stride `stride`):
 * row_i ← c·row_i + s·row_j, row_j ← −s·row_i + c·row_j.
 */
export function rotateRows(x: Float64Array, stride: number, i: number, j: number, c: number, s: number, len = stride): void {
  const oi = i * stride;
  const oj = j * stride;
  for (let k = 0; k < len; k++) {
    const a = x[oi + k]!;
    const b = x[oj + k]!;
    x[oi + k] = c * a + s * b;
    x[oj + k] = c * b - s * a;
  }
}

/** Swaps rows i and j of a row-major buffer with `stride` columns. */
export function swapRows(x: Float64Array, stride: number, i: number, j: number): void {
  if (i === j) return;
  const oi = i * stride;
  const oj = j * stride;
  for (let k = 0; k < stride; k++) {
    const t = x[oi + k]!;
    x[oi + k] = x[oj + k]!;
    x[oj + k] = t;
  }
}

/**
 * A power of two close to 1/maxAbs, so that scaling by it is exact (no rounding) and brings the
 * entries near 1; used to keep squares of entries away from overflow and underflow.
 */
export function exactScaleFor(maxAbsValue: number): number {
  if (maxAbsValue === 0 || !Number.isFinite(maxAbsValue)) return 1;
  const e = Math.floor(Math.log2(maxAbsValue));
  return 2 ** -Math.max(-1000, Math.min(1000, e));
}
