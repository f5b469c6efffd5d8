/**
 * Centering and weighting of the data for linear models with an intercept, as scikit-learn's
 * `_preprocess_data` + `_rescale_data`: subtract the (weighted) column means of X and the mean
 * of y, then multiply each row by √weight. The intercept is recovered as ȳ − x̄·w.
 */
import { gemmF64 } from '../../kernels/index.js';
import { gemmInPlace } from './gemm-in-place.js';

/** (Weighted) column means of a row-major n × p matrix; zeros when not fitting an intercept. */
export function columnMeans(X: Float64Array, n: number, p: number, sw: Float64Array | null): Float64Array {
  const mean = new Float64Array(p);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = sw ? sw[i]! : 1;
    total += w;
    const o = i * p;
    for (let j = 0; j < p; j++) mean[j] += w * X[o + j]!;
  }
  for (let j = 0; j < p; j++) mean[j] /= total;
  return mean;
}

/** (Weighted) mean of y. */
export function targetMean(y: Float64Array, sw: Float64Array | null): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < y.length; i++) {
    const w = sw ? sw[i]! : 1;
    s += w * y[i]!;
    t += w;
  }
  return s / t;
}

export interface Prepared {
  /** Row-major n × p, centered and scaled by √weight. */
  X: Float64Array;
  y: Float64Array;
  xOffset: Float64Array;
  yOffset: number;
}

/** Centered (when `fitIntercept`) and √weight-scaled copies of X and y. */
export function prepare(X: Float64Array, y: Float64Array, n: number, p: number, sw: Float64Array | null, fitIntercept: boolean): Prepared {
  const xOffset = fitIntercept ? columnMeans(X, n, p, sw) : new Float64Array(p);
  const yOffset = fitIntercept ? targetMean(y, sw) : 0;
  const Xc = new Float64Array(n * p);
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = sw ? Math.sqrt(sw[i]!) : 1;
    const o = i * p;
    for (let j = 0; j < p; j++) Xc[o + j] = (X[o + j]! - xOffset[j]!) * s;
    yc[i] = (y[i]! - yOffset) * s;
  }
  return { X: Xc, y: yc, xOffset, yOffset };
}

/** Column-major copy of a row-major n × p matrix. */
export function toColumnMajor(X: Float64Array, n: number, p: number): Float64Array {
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let j = 0; j < p; j++) out[j * n + i] = X[o + j]!;
  }
  return out;
}

/** ȳ − x̄·w. */
export function interceptOf(coef: Float64Array, xOffset: Float64Array, yOffset: number): number {
  let s = yOffset;
  for (let j = 0; j < coef.length; j++) s -= xOffset[j]! * coef[j]!;
  return s;
}

/**
 * Scores X·Wᵀ + b (n × k, row-major) of row-major X (n × p) under k coefficient rows W (k × p)
 * and intercepts b. A GEMM backend that reads X where it lies (a system BLAS) gets the whole
 * product in one call; otherwise one row of coefficients is applied in TypeScript, four rows
 * of X at a time (no copy of X into WebAssembly memory), and several rows by GEMMs on blocks
 * of rows that keep each copy small.
 */
export function linearScores(X: Float64Array, n: number, p: number, W: Float64Array, b: Float64Array): Float64Array {
  const k = b.length;
  const out = new Float64Array(n * k);
  const inPlace = gemmInPlace(n, k, p);
  if (k === 1 && !inPlace) {
    rowScores(X, p, 0, n, W, b[0]!, out);
    return out;
  }
  if (k === 1) out.fill(b[0]!);
  else for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) out[i * k + c] = b[c]!;
  if (n === 0 || p === 0) return out;
  const block = inPlace ? n : 4096;
  for (let start = 0; start < n; start += block) {
    const rows = Math.min(block, n - start);
    gemmF64(rows, k, p, X, start * p, p, W, 0, p, out, start * k, k, { transB: true, accumulate: true });
  }
  return out;
}

/** z[r] = b + X[start + r]·w for r < m, four rows at a time so each weight load feeds four sums. */
export function rowScores(X: Float64Array, p: number, start: number, m: number, w: Float64Array, b: number, z: Float64Array): void {
  let r = 0;
  for (; r + 4 <= m; r += 4) {
    const o0 = (start + r) * p;
    const o1 = o0 + p;
    const o2 = o1 + p;
    const o3 = o2 + p;
    let z0 = b;
    let z1 = b;
    let z2 = b;
    let z3 = b;
    for (let j = 0; j < p; j++) {
      const wj = w[j]!;
      z0 += X[o0 + j]! * wj;
      z1 += X[o1 + j]! * wj;
      z2 += X[o2 + j]! * wj;
      z3 += X[o3 + j]! * wj;
    }
    z[r] = z0;
    z[r + 1] = z1;
    z[r + 2] = z2;
    z[r + 3] = z3;
  }
  for (; r < m; r++) {
    const o = (start + r) * p;
    let s = b;
    for (let j = 0; j < p; j++) s += X[o + j]! * w[j]!;
    z[r] = s;
  }
}
