/**
 * One interface over the three ways to find neighbors (brute force, KD-tree, ball tree), the
 * rule that picks one for 'auto', and the batch queries the estimators call.
 */
import { ParamError } from '../base/errors.js';
import { BallTree } from './ball-tree.js';
import type { BinaryTree } from './binary-tree.js';
import { KDTree } from './kd-tree.js';
import { type Metric, rdist, toDistance, toReduced } from './metric.js';
import { NeighborHeap } from './neighbor-heap.js';

export type Algorithm = 'auto' | 'kd_tree' | 'ball_tree' | 'brute';

/** Neighbors of a batch of queries: row i holds the k neighbors of query i, nearest first. */
export interface KnnResult {
  /** True distances, rows × k. */
  distances: Float64Array;
  /** Training indices, rows × k. */
  indices: Int32Array;
}

/** A searchable copy of the training points. */
export interface SearchIndex {
  readonly algorithm: 'kd_tree' | 'ball_tree' | 'brute';
  /** k nearest training points of each row of x (rows × d), sorted by (distance, index). */
  kneighbors(x: Float64Array, rows: number, k: number): KnnResult;
  /** Training indices within distance `radius` (inclusive) of each row of x, in search order. */
  radiusNeighbors(x: Float64Array, rows: number, radius: number): Int32Array[];
}

/**
 * Resolves 'auto'. Unlike scikit-learn (which switches to brute force above 15 features because
 * its brute force runs on BLAS), Strata keeps a tree up to 30 features, where pruning still
 * pays off against a scalar brute-force scan; brute force is used for tiny training sets and
 * when k is at least half the training set, as in scikit-learn.
 */
export function resolveAlgorithm(algorithm: Algorithm, n: number, d: number, k: number | undefined, leafSize: number): 'kd_tree' | 'ball_tree' | 'brute' {
  if (algorithm !== 'auto') return algorithm;
  if (n <= leafSize || (k !== undefined && k >= Math.floor(n / 2))) return 'brute';
  return d <= 30 ? 'kd_tree' : 'brute';
}

class TreeIndex implements SearchIndex {
  constructor(
    readonly algorithm: 'kd_tree' | 'ball_tree',
    private readonly tree: BinaryTree,
  ) {}

  kneighbors(x: Float64Array, rows: number, k: number): KnnResult {
    const distances = new Float64Array(rows * k);
    const indices = new Int32Array(rows * k);
    for (let i = 0; i < rows; i++) this.tree.queryRow(x, i, k, distances, indices, i * k);
    for (let i = 0; i < distances.length; i++) distances[i] = toDistance(this.tree.metric, distances[i]!);
    return { distances, indices };
  }

  radiusNeighbors(x: Float64Array, rows: number, radius: number): Int32Array[] {
    const rr = toReduced(this.tree.metric, radius);
    const out: Int32Array[] = new Array(rows);
    const found: number[] = [];
    for (let i = 0; i < rows; i++) {
      found.length = 0;
      this.tree.radiusRow(x, i, rr, found);
      out[i] = Int32Array.from(found);
    }
    return out;
  }
}

class BruteIndex implements SearchIndex {
  readonly algorithm = 'brute' as const;
  constructor(
    private readonly data: Float64Array,
    private readonly n: number,
    private readonly d: number,
    private readonly metric: Metric,
  ) {}

  kneighbors(x: Float64Array, rows: number, k: number): KnnResult {
    const { data, n, d, metric } = this;
    const distances = new Float64Array(rows * k);
    const indices = new Int32Array(rows * k);
    const heap = new NeighborHeap(k);
    for (let i = 0; i < rows; i++) {
      heap.reset();
      const qo = i * d;
      for (let p = 0; p < n; p++) {
        let s: number;
        if (metric.kind === 'l2') {
          s = 0;
          const po = p * d;
          for (let j = 0; j < d; j++) {
            const t = x[qo + j]! - data[po + j]!;
            s += t * t;
          }
        } else s = rdist(metric, x, i, data, p, d);
        if (s <= heap.largest()) heap.push(s, p);
      }
      heap.sortedInto(distances, indices, i * k);
    }
    for (let i = 0; i < distances.length; i++) distances[i] = toDistance(metric, distances[i]!);
    return { distances, indices };
  }

  radiusNeighbors(x: Float64Array, rows: number, radius: number): Int32Array[] {
    const rr = toReduced(this.metric, radius);
    const out: Int32Array[] = new Array(rows);
    const found: number[] = [];
    for (let i = 0; i < rows; i++) {
      found.length = 0;
      for (let p = 0; p < this.n; p++) if (rdist(this.metric, x, i, this.data, p, this.d) <= rr) found.push(p);
      out[i] = Int32Array.from(found);
    }
    return out;
  }
}

/**
 * Builds the index over `data` (n × d, row-major; kept by reference, not copied).
 * @example
 * const index = buildIndex(X, n, d, resolveMetric('euclidean', 2, 'demo'), 'kd_tree', 30);
 * const { distances, indices } = index.kneighbors(Q, m, 5);
 */
export function buildIndex(
  data: Float64Array, n: number, d: number, metric: Metric,
  algorithm: 'kd_tree' | 'ball_tree' | 'brute', leafSize: number,
): SearchIndex {
  if (algorithm === 'brute') return new BruteIndex(data, n, d, metric);
  if (algorithm === 'kd_tree') {
    if (metric.kind === 'lp' && !(metric.p >= 1)) throw new ParamError('kd_tree needs p >= 1.');
    return new TreeIndex('kd_tree', new KDTree(data, n, d, metric, leafSize));
  }
  return new TreeIndex('ball_tree', new BallTree(data, n, d, metric, leafSize));
}

/** Checks the algorithm/leafSize params shared by the neighbors estimators. */
export function validateSearchParams(algorithm: string, leafSize: number, who: string): void {
  if (!['auto', 'kd_tree', 'ball_tree', 'brute'].includes(algorithm)) {
    throw new ParamError(`${who}: algorithm must be 'auto', 'kd_tree', 'ball_tree' or 'brute', got '${algorithm}'.`);
  }
  if (!Number.isInteger(leafSize) || leafSize < 1) {
    throw new ParamError(`${who}: leafSize must be a positive integer, got ${leafSize}.`);
  }
}
