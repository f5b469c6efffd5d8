/**
 * Trustworthiness of an embedding (Venna & Kaski; scikit-learn's sklearn.manifold.trustworthiness):
 * 1 when every point's k nearest neighbors in the embedding are also among its nearest in the
 * input space; penalizes intruders by how far down the input-space ranking they sit.
 */
import { DataError } from '../base/errors.js';
import { type MatrixInput, toMatrix } from '../base/input.js';
import { resolveMetric } from '../neighbors/metric.js';
import { buildIndex } from '../neighbors/search-index.js';

/**
 * @example
 * trustworthiness(X, new TSNE().fitTransform(X), 5); // ≈ 0.99 on well-separated data
 */
export function trustworthiness(X: MatrixInput, embedded: MatrixInput, nNeighbors = 5): number {
  const a = toMatrix(X, { estimator: 'trustworthiness' });
  const b = toMatrix(embedded, { estimator: 'trustworthiness' });
  const n = a.rows;
  if (b.rows !== n) throw new DataError(`trustworthiness: X has ${n} rows but the embedding has ${b.rows}.`);
  const k = nNeighbors;
  if (!(k >= 1 && k < n / 2)) throw new DataError(`trustworthiness: nNeighbors (${k}) must be >= 1 and < n_samples / 2 (${n / 2}).`);
  const l2 = resolveMetric('euclidean', 2, 'trustworthiness');
  // Rank of every point in each point's input-space ordering (1 = nearest).
  const all = buildIndex(a.data, n, a.cols, l2, 'brute', 30).kneighbors(a.data, n, n);
  const rank = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let t = 0; t < n; t++) {
      const j = all.indices[i * n + t]!;
      if (j === i) continue;
      rank[i * n + j] = ++r;
    }
  }
  const emb = buildIndex(b.data, n, b.cols, l2, 'brute', 30).kneighbors(b.data, n, k + 1);
  let t = 0;
  for (let i = 0; i < n; i++) {
    let taken = 0;
    for (let s = 0; s <= k && taken < k; s++) {
      const j = emb.indices[i * (k + 1) + s]!;
      if (j === i) continue;
      taken++;
      const excess = rank[i * n + j]! - k;
      if (excess > 0) t += excess;
    }
  }
  return 1 - (t * 2) / (n * k * (2 * n - 3 * k - 1));
}
