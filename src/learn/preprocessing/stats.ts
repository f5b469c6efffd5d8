/** Column statistics shared by the scalers and discretizers (NumPy conventions). */

/** Column `j` of a row-major matrix. */
export function columnOf(data: Float64Array, rows: number, cols: number, j: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = data[i * cols + j]!;
  return out;
}

/** NumPy's default (linear) quantile of already-sorted values, q in [0, 1]. */
export { quantileSorted as sortedQuantile } from '../../tensor/index.js';

/** Values sorted ascending (a copy). */
export function sortedCopy(values: Float64Array): Float64Array {
  return values.slice().sort();
}

/** Mean and population variance per column, with the compensated two-pass sum scikit-learn uses. */
export function meanVar(data: Float64Array, rows: number, cols: number): { mean: Float64Array; variance: Float64Array } {
  const mean = new Float64Array(cols);
  const variance = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += data[i * cols + j]!;
    const m = s / rows;
    let sq = 0;
    let corr = 0;
    for (let i = 0; i < rows; i++) {
      const d = data[i * cols + j]! - m;
      sq += d * d;
      corr += d;
    }
    mean[j] = m;
    variance[j] = (sq - (corr * corr) / rows) / rows;
  }
  return { mean, variance };
}

/** Zero (or near-zero) scales become 1, so constant features pass through unscaled. */
export function handleZerosInScale(scale: Float64Array): Float64Array {
  const eps = 10 * Number.EPSILON;
  return scale.map((s) => (s < eps ? 1 : s));
}
