/**
 * DBSCAN (scikit-learn's DBSCAN): core samples have at least `minSamples` points (themselves
 * included) within `eps`; clusters are the connected groups of core samples plus the non-core
 * points within reach of them; everything else is noise (label −1). Neighborhoods come from the
 * KD-tree (or ball tree / brute force) radius search. Labels are numbered in order of each
 * cluster's first core sample, and a border point reachable from two clusters joins the one
 * numbered first — exactly as scikit-learn assigns them.
 */
import { ParamError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { Clusterer } from '../base/kinds.js';
import { type MetricName, resolveMetric } from '../neighbors/metric.js';
import { type Algorithm, buildIndex, resolveAlgorithm, validateSearchParams } from '../neighbors/search-index.js';

export interface DBSCANParams {
  /** Neighborhood radius (inclusive), > 0. */
  eps: number;
  /** Points (self included) within eps that make a core sample. */
  minSamples: number;
  metric: MetricName;
  /** Minkowski exponent when metric is 'minkowski'. */
  p: number;
  algorithm: Algorithm;
  leafSize: number;
}

interface DBSCANState {
  labels: Int32Array;
  coreSampleIndices: Int32Array;
  /** The core samples themselves (rows × features) and their labels, for predict. */
  components: Float64Array;
  coreLabels: Int32Array;
  nFeatures: number;
}

/**
 * @example
 * const db = new DBSCAN({ eps: 0.5, minSamples: 5 }).fit(X);
 * db.labels;             // -1 for noise
 * db.coreSampleIndices;
 */
export class DBSCAN extends Clusterer<DBSCANParams, DBSCANState> {
  protected defaults(): DBSCANParams {
    return { eps: 0.5, minSamples: 5, metric: 'euclidean', p: 2, algorithm: 'auto', leafSize: 30 };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const who = this.constructor.name;
    const { eps, minSamples, algorithm, leafSize } = this.params;
    if (!(eps > 0) || !Number.isFinite(eps)) throw new ParamError(`${who}: eps must be a positive number, got ${eps}; it is the neighborhood radius.`);
    if (!Number.isInteger(minSamples) || minSamples < 1) throw new ParamError(`${who}: minSamples must be a positive integer, got ${minSamples}.`);
    validateSearchParams(algorithm, leafSize, who);
    const metric = resolveMetric(this.params.metric, this.params.p, who);
    const m = toMatrix(X, { estimator: who });
    const { data: x, rows: n, cols: d } = m;
    const index = buildIndex(x, n, d, metric, resolveAlgorithm(algorithm, n, d, undefined, leafSize), leafSize);
    const hoods = index.radiusNeighbors(x, n, eps);
    const core = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (hoods[i]!.length >= minSamples) core[i] = 1;
    const labels = new Int32Array(n).fill(-1);
    let next = 0;
    const stack: number[] = [];
    for (let start = 0; start < n; start++) {
      if (labels[start] !== -1 || !core[start]) continue;
      let i = start;
      for (;;) {
        if (labels[i] === -1) {
          labels[i] = next;
          if (core[i]) for (const j of hoods[i]!) if (labels[j] === -1) stack.push(j);
        }
        if (stack.length === 0) break;
        i = stack.pop()!;
      }
      next++;
    }
    const coreIdx: number[] = [];
    for (let i = 0; i < n; i++) if (core[i]) coreIdx.push(i);
    const components = new Float64Array(coreIdx.length * d);
    coreIdx.forEach((c, r) => components.set(x.subarray(c * d, c * d + d), r * d));
    this.setFitted({
      labels, coreSampleIndices: Int32Array.from(coreIdx), components,
      coreLabels: Int32Array.from(coreIdx.map((c) => labels[c]!)), nFeatures: d,
    });
    return this;
  }

  /**
   * Not in scikit-learn: labels new points with the cluster of their nearest core sample when it
   * lies within eps, and −1 (noise) otherwise. Training points that are core samples keep their
   * labels; border points may join a different adjacent cluster than in fit.
   */
  predict(X: MatrixInput): Int32Array {
    const s = this.fitted('predict');
    const who = this.constructor.name;
    const m = toMatrix(X, { estimator: who });
    checkFeatureCount(m, s.nFeatures, who);
    const out = new Int32Array(m.rows).fill(-1);
    const nCore = s.coreLabels.length;
    if (nCore === 0) return out;
    const metric = resolveMetric(this.params.metric, this.params.p, who);
    const index = buildIndex(s.components, nCore, s.nFeatures, metric, resolveAlgorithm(this.params.algorithm, nCore, s.nFeatures, 1, this.params.leafSize), this.params.leafSize);
    const { distances, indices } = index.kneighbors(m.data, m.rows, 1);
    for (let i = 0; i < m.rows; i++) if (distances[i]! <= this.params.eps) out[i] = s.coreLabels[indices[i]!]!;
    return out;
  }

  get labels(): Int32Array {
    return this.fitted('labels').labels.slice();
  }

  /** Indices of the core samples, ascending. */
  get coreSampleIndices(): Int32Array {
    return this.fitted('coreSampleIndices').coreSampleIndices.slice();
  }

  /** Number of clusters found (noise excluded). */
  get nClusters(): number {
    const labels = this.fitted('nClusters').labels;
    let max = -1;
    for (const l of labels) max = Math.max(max, l);
    return max + 1;
  }
}

registerEstimator(DBSCAN);
