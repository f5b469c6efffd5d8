/**
 * Small dense kernels the decomposition estimators need on row-major Float64Arrays: column
 * means, centering, the Gram matrix XᵀX (four rows at a time), products with a thin matrix,
 * and scikit-learn's svd_flip sign convention.
 */
import { gemmF64 } from '../../kernels/index.js';

export function columnMeans(x: Float64Array, n: number, p: number): Float64Array {
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j]! += x[i * p + j]!;
  for (let j = 0; j < p; j++) mean[j]! /= n;
  return mean;
}

export function centered(x: Float64Array, n: number, p: number, mean: Float64Array): Float64Array {
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) out[i * p + j] = x[i * p + j]! - mean[j]!;
  return out;
}

/** Rows per block: the centered block stays cache-resident between centering and its GEMM. */
function rowBlock(p: number): number {
  return Math.max(16, Math.floor(131072 / Math.max(1, p)));
}

/** Rows [start, start + rows) of x minus `shift` into `out` (compact, row-major). */
function centerBlock(x: Float64Array, p: number, shift: Float64Array, start: number, rows: number, out: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    const o = (start + r) * p;
    const q = r * p;
    for (let j = 0; j < p; j++) out[q + j] = x[o + j]! - shift[j]!;
  }
}

/** (X − mean)ᵀ(X − mean), p × p, symmetric: blocks of rows are centered, then accumulated by GEMM. */
export function centeredGram(x: Float64Array, n: number, p: number, mean: Float64Array): Float64Array {
  const g = new Float64Array(p * p);
  const block = Math.min(n, rowBlock(p));
  const buf = new Float64Array(block * p);
  for (let start = 0; start < n; start += block) {
    const rows = Math.min(block, n - start);
    centerBlock(x, p, mean, start, rows, buf);
    gemmF64(p, p, rows, buf, 0, p, buf, 0, p, g, 0, p, { transA: true, accumulate: true });
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) g[a * p + b] = g[b * p + a]!;
  return g;
}

/**
 * (X − shift) · Wᵀ for X n × p and W k × p (rows are directions): n × k. Each block of rows is
 * centred first (as scikit-learn centres X, so large offsets cost no precision), then multiplied
 * by the kernels' GEMM.
 */
export function projectRows(x: Float64Array, n: number, p: number, shift: Float64Array | null, w: Float64Array, k: number): Float64Array {
  const out = new Float64Array(n * k);
  if (n === 0 || k === 0 || p === 0) return out;
  if (!shift) {
    gemmF64(n, k, p, x, 0, p, w, 0, p, out, 0, k, { transB: true });
    return out;
  }
  const block = Math.min(n, rowBlock(p));
  const buf = new Float64Array(block * p);
  for (let start = 0; start < n; start += block) {
    const rows = Math.min(block, n - start);
    centerBlock(x, p, shift, start, rows, buf);
    gemmF64(rows, k, p, buf, 0, p, w, 0, p, out, start * k, k, { transB: true });
  }
  return out;
}

/**
 * scikit-learn's svd_flip (U-based): flips each component so that the entry of largest
 * magnitude in its column of U (first one on ties) is positive. `u` is n × k, `vt` k × p;
 * both are changed in place.
 */
export function svdFlip(u: Float64Array, n: number, k: number, vt: Float64Array, p: number): void {
  for (let c = 0; c < k; c++) {
    let best = 0;
    let bestAbs = -1;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(u[i * k + c]!);
      if (a > bestAbs) {
        bestAbs = a;
        best = i;
      }
    }
    if (u[best * k + c]! < 0) {
      for (let i = 0; i < n; i++) u[i * k + c] = -u[i * k + c]!;
      for (let j = 0; j < p; j++) vt[c * p + j] = -vt[c * p + j]!;
    }
  }
}
