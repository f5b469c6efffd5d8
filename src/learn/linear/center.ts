/**
 * Centering and weighting of the data for linear models with an intercept, as scikit-learn's
 * `_preprocess_data` + `_rescale_data`: subtract the (weighted) column means of X and the mean
 * of y, then multiply each row by √weight. The intercept is recovered as ȳ − x̄·w.
 */

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
 * X·w + b for row-major X, four rows at a time so each coefficient load feeds four independent
 * sums.
 */
export function linearPredict(X: Float64Array, n: number, p: number, coef: Float64Array, intercept: number): Float64Array {
  const out = new Float64Array(n);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o0 = i * p;
    const o1 = o0 + p;
    const o2 = o1 + p;
    const o3 = o2 + p;
    let s0 = intercept;
    let s1 = intercept;
    let s2 = intercept;
    let s3 = intercept;
    for (let j = 0; j < p; j++) {
      const w = coef[j]!;
      s0 += X[o0 + j]! * w;
      s1 += X[o1 + j]! * w;
      s2 += X[o2 + j]! * w;
      s3 += X[o3 + j]! * w;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) {
    let s = intercept;
    const o = i * p;
    for (let j = 0; j < p; j++) s += X[o + j]! * coef[j]!;
    out[i] = s;
  }
  return out;
}
