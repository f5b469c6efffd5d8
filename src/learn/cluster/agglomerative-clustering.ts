/**
 * Agglomerative (bottom-up hierarchical) clustering (scikit-learn's AgglomerativeClustering):
 * build the full merge tree with ward, complete, average or single linkage, then cut it into
 * `nClusters` clusters or where merges reach `distanceThreshold`.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { Clusterer } from '../base/kinds.js';
import { type MetricName, rdist, resolveMetric } from '../neighbors/metric.js';
import { type Linkage, cutTree, linkageTree } from './linkage.js';

export interface AgglomerativeClusteringParams {
  /** Clusters to find; null when distanceThreshold is set. */
  nClusters: number | null;
  linkage: Linkage;
  /** Distance between samples ('euclidean' only for ward). */
  metric: MetricName;
  /** Merges at or above this height are not made; nClusters must then be null. */
  distanceThreshold: number | null;
}

interface AgglomerativeState {
  labels: Int32Array;
  nClusters: number;
  /** Merge i joins children[2i], children[2i+1] (ids ≥ n are earlier merges). */
  children: Int32Array;
  distances: Float64Array;
  /** Training samples, for predict. */
  fitX: Float64Array;
  nFeatures: number;
}

/**
 * Labels are numbered by first appearance (sample 0 is in cluster 0); the partition equals
 * scikit-learn's, though scikit-learn numbers the clusters differently.
 *
 * @example
 * const agg = new AgglomerativeClustering({ nClusters: 3, linkage: 'average' }).fit(X);
 * agg.labels;
 * agg.children; // (n − 1) × 2 merge tree
 */
export class AgglomerativeClustering extends Clusterer<AgglomerativeClusteringParams, AgglomerativeState> {
  protected defaults(): AgglomerativeClusteringParams {
    return { nClusters: 2, linkage: 'ward', metric: 'euclidean', distanceThreshold: null };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const who = this.constructor.name;
    const { nClusters, linkage, distanceThreshold } = this.params;
    if ((nClusters === null) === (distanceThreshold === null)) {
      throw new ParamError(`${who}: set exactly one of nClusters and distanceThreshold (the other must be null).`);
    }
    if (nClusters !== null && (!Number.isInteger(nClusters) || nClusters < 1)) {
      throw new ParamError(`${who}: nClusters must be a positive integer, got ${nClusters}.`);
    }
    if (distanceThreshold !== null && !(distanceThreshold >= 0)) throw new ParamError(`${who}: distanceThreshold must be >= 0.`);
    if (!['ward', 'complete', 'average', 'single'].includes(linkage)) {
      throw new ParamError(`${who}: linkage must be 'ward', 'complete', 'average' or 'single', got '${String(linkage)}'.`);
    }
    const metric = resolveMetric(this.params.metric, 2, who);
    if (linkage === 'ward' && metric.kind !== 'l2') throw new ParamError(`${who}: ward linkage needs metric 'euclidean'.`);
    const m = toMatrix(X, { estimator: who });
    const n = m.rows;
    if (nClusters !== null && nClusters > n) throw new DataError(`${who}: nClusters=${nClusters} is more than the ${n} samples; use nClusters <= ${n}.`);
    const tree = linkageTree(m.data, n, m.cols, linkage, metric);
    let k = nClusters ?? 1;
    if (distanceThreshold !== null) {
      k = 1;
      for (const h of tree.distances) if (h >= distanceThreshold) k++;
    }
    this.setFitted({ labels: cutTree(tree, n, k), nClusters: k, children: tree.children, distances: tree.distances, fitX: m.data, nFeatures: m.cols });
    return this;
  }

  /** Not in scikit-learn: the cluster of the nearest training sample. */
  predict(X: MatrixInput): Int32Array {
    const s = this.fitted('predict');
    const who = this.constructor.name;
    const m = toMatrix(X, { estimator: who });
    checkFeatureCount(m, s.nFeatures, who);
    const metric = resolveMetric(this.params.metric, 2, who);
    const n = s.labels.length;
    const out = new Int32Array(m.rows);
    for (let i = 0; i < m.rows; i++) {
      let best = Infinity;
      for (let j = 0; j < n; j++) {
        const r = rdist(metric, m.data, i, s.fitX, j, s.nFeatures);
        if (r < best) {
          best = r;
          out[i] = s.labels[j]!;
        }
      }
    }
    return out;
  }

  get labels(): Int32Array {
    return this.fitted('labels').labels.slice();
  }

  get nClusters(): number {
    return this.fitted('nClusters').nClusters;
  }

  /** The merge tree, (n − 1) × 2: row i merges two nodes; ids ≥ n are the merges before it. */
  get children(): NdArray {
    const s = this.fitted('children');
    return fromTyped(s.children.slice(), [s.distances.length, 2], 'int32');
  }

  /** Height of each merge. */
  get distances(): Float64Array {
    return this.fitted('distances').distances.slice();
  }
}

registerEstimator(AgglomerativeClustering);
