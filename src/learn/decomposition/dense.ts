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

/** (X − mean)ᵀ(X − mean), p × p, symmetric; centering is done on the fly, four rows per pass. */
export function centeredGram(x: Float64Array, n: number, p: number, mean: Float64Array): Float64Array {
  const g = new Float64Array(p * p);
  const r0 = new Float64Array(p);
  const r1 = new Float64Array(p);
  const r2 = new Float64Array(p);
  const r3 = new Float64Array(p);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    for (let j = 0; j < p; j++) {
      r0[j] = x[i * p + j]! - mean[j]!;
      r1[j] = x[(i + 1) * p + j]! - mean[j]!;
      r2[j] = x[(i + 2) * p + j]! - mean[j]!;
      r3[j] = x[(i + 3) * p + j]! - mean[j]!;
    }
    for (let a = 0; a < p; a++) {
      const a0 = r0[a]!, a1 = r1[a]!, a2 = r2[a]!, a3 = r3[a]!;
      const o = a * p;
      for (let b = a; b < p; b++) g[o + b]! += a0 * r0[b]! + a1 * r1[b]! + a2 * r2[b]! + a3 * r3[b]!;
    }
  }
  for (; i < n; i++) {
    for (let j = 0; j < p; j++) r0[j] = x[i * p + j]! - mean[j]!;
    for (let a = 0; a < p; a++) {
      const o = a * p;
      for (let b = a; b < p; b++) g[o + b]! += r0[a]! * r0[b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) g[a * p + b] = g[b * p + a]!;
  return g;
}

/**
 * (X − shift) · Wᵀ for X n × p and W k × p (rows are directions): n × k. X is centred first (as
 * scikit-learn does, so large offsets cost no precision), then multiplied by the kernels' GEMM.
 */
export function projectRows(x: Float64Array, n: number, p: number, shift: Float64Array | null, w: Float64Array, k: number): Float64Array {
  const xc = shift ? centered(x, n, p, shift) : x;
  const wt = new Float64Array(p * k);
  for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) wt[j * k + c] = w[c * p + j]!;
  const out = new Float64Array(n * k);
  if (n > 0 && k > 0) gemmF64(n, k, p, xc, 0, Math.max(1, p), wt, 0, Math.max(1, k), out, 0, Math.max(1, k));
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
