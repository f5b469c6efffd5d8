/** Silhouette coefficient of a clustering (Euclidean distance). */
import { random } from '../../tensor/index.js';
import { DataError } from '../base/errors.js';
import { type LabelInput, type MatrixInput, encodeLabels, toLabels, toMatrix } from '../base/input.js';

/**
 * Silhouette of each sample: (b − a) / max(a, b) with a the mean distance to its own cluster and
 * b the mean distance to the nearest other cluster; 0 for samples alone in their cluster.
 *
 * @example
 * silhouetteSamples([[0], [1], [10], [11]], [0, 0, 1, 1]);
 */
export function silhouetteSamples(X: MatrixInput, labels: LabelInput): Float64Array {
  const m = toMatrix(X, { estimator: 'silhouetteSamples' });
  const y = toLabels(labels, m.rows, 'silhouetteSamples');
  const { classes, codes } = encodeLabels(y);
  const k = classes.length;
  if (k < 2 || k > m.rows - 1) {
    throw new DataError(`silhouette: the number of clusters is ${k}; it must be between 2 and n_samples − 1 (${m.rows - 1}).`);
  }
  const freq = new Float64Array(k);
  for (const c of codes) freq[c]!++;
  const n = m.rows;
  const p = m.cols;
  const out = new Float64Array(n);
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let d = 0;
      for (let f = 0; f < p; f++) {
        const diff = m.data[i * p + f]! - m.data[j * p + f]!;
        d += diff * diff;
      }
      sums[codes[j]!]! += Math.sqrt(d);
    }
    const own = codes[i]!;
    if (freq[own]! <= 1) {
      out[i] = 0;
      continue;
    }
    const a = sums[own]! / (freq[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[c]! / freq[c]!);
    const s = (b - a) / Math.max(a, b);
    out[i] = Number.isNaN(s) ? 0 : s;
  }
  return out;
}

/**
 * Mean silhouette coefficient over all samples (or over a seeded random subset of `sampleSize`).
 *
 * @example
 * silhouetteScore([[0], [1], [10], [11]], [0, 0, 1, 1]); // ≈ 0.9
 */
export function silhouetteScore(X: MatrixInput, labels: LabelInput, options: { sampleSize?: number; seed?: number } = {}): number {
  if (options.sampleSize !== undefined) {
    const m = toMatrix(X, { estimator: 'silhouetteScore' });
    const y = toLabels(labels, m.rows, 'silhouetteScore');
    const idx = random.defaultRng(options.seed).permutation(m.rows).toTypedArray().slice(0, options.sampleSize);
    const sub = Array.from(idx, (i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
    const s = silhouetteSamples(sub, Array.from(idx, (i) => y[i]!));
    return s.reduce((a, b) => a + b, 0) / s.length;
  }
  const s = silhouetteSamples(X, labels);
  return s.reduce((a, b) => a + b, 0) / s.length;
}
