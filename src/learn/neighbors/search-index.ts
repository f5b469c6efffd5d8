/**
 * One interface over the three ways to find neighbors (brute force, KD-tree, ball tree), the
 * rule that picks one for 'auto', and the batch queries the estimators call.
 */
import { gemmF64 } from '../../kernels/index.js';
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
 * Resolves 'auto' as scikit-learn does for Euclidean distance: brute force (distances from GEMM
 * products) above 15 features, for tiny training sets and when k is at least half the training
 * set, else a KD-tree. Other metrics have only a scalar brute-force scan, so they keep the tree
 * up to 30 features, where its pruning still pays off.
 */
export function resolveAlgorithm(
  algorithm: Algorithm, n: number, d: number, k: number | undefined, leafSize: number, metric?: Metric,
): 'kd_tree' | 'ball_tree' | 'brute' {
  if (algorithm !== 'auto') return algorithm;
  if (n <= leafSize || (k !== undefined && k >= Math.floor(n / 2))) return 'brute';
  return d <= (metric?.kind === 'l2' ? 15 : 30) ? 'kd_tree' : 'brute';
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

/** Queries and training rows per GEMM block of the brute-force search (the block of products stays in cache). */
const QUERY_BLOCK = 256;
const TRAIN_BLOCK = 1024;

function sqNorm(x: Float64Array, row: number, d: number): number {
  let s = 0;
  for (let j = 0, o = row * d; j < d; j++) s += x[o + j]! * x[o + j]!;
  return s;
}

class BruteIndex implements SearchIndex {
  readonly algorithm = 'brute' as const;
  /** The training rows with (1 − slack)·‖t‖²/2 appended, for the Euclidean search (built on first use). */
  private augmented: Float64Array | null = null;
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
    if (metric.kind === 'l2') this.l2Kneighbors(x, rows, k, distances, indices);
    else {
      const heap = new NeighborHeap(k);
      for (let i = 0; i < rows; i++) {
        heap.reset();
        for (let p = 0; p < n; p++) {
          const s = rdist(metric, x, i, data, p, d);
          if (s <= heap.largest()) heap.push(s, p);
        }
        heap.sortedInto(distances, indices, i * k);
      }
    }
    for (let i = 0; i < distances.length; i++) distances[i] = toDistance(metric, distances[i]!);
    return { distances, indices };
  }

  /**
   * Squared Euclidean k-nearest neighbors, blocks of queries against blocks of training rows.
   * ‖q‖² + ‖t‖² − 2q·t differs from the directly summed Σ(q − t)² by at most
   * slack·(‖q‖² + ‖t‖²), so t is skipped when h(t) − q·t > (worst − (1 − slack)‖q‖²)/2 with
   * h(t) = (1 − slack)‖t‖²/2, worst being the k-th best so far; one GEMM per pair of blocks
   * gives q·t − h(t) directly (the training rows carry h(t) as an extra column, the queries −1).
   * Rows not skipped get their exact distance (the sum the trees compute), so the result is
   * exactly the trees' and the plain scan's, while all but a few rows per query cost one
   * comparison.
   */
  private l2Kneighbors(x: Float64Array, rows: number, k: number, distances: Float64Array, indices: Int32Array): void {
    const { data, n, d, metric } = this;
    const e = d + 1;
    const slack = 8 * (d + 3) * Number.EPSILON;
    if (this.augmented === null) {
      const aug = new Float64Array(n * e);
      for (let t = 0; t < n; t++) {
        aug.set(data.subarray(t * d, t * d + d), t * e);
        aug[t * e + d] = 0.5 * (1 - slack) * sqNorm(data, t, d);
      }
      this.augmented = aug;
    }
    const train = this.augmented;
    const qRows = Math.min(rows, QUERY_BLOCK);
    const query = new Float64Array(qRows * e);
    const dots = new Float64Array(qRows * Math.min(n, TRAIN_BLOCK));
    const heaps = Array.from({ length: qRows }, () => new NeighborHeap(k));
    const qHalf = new Float64Array(qRows);
    for (let q0 = 0; q0 < rows; q0 += QUERY_BLOCK) {
      const qb = Math.min(QUERY_BLOCK, rows - q0);
      for (let r = 0; r < qb; r++) {
        heaps[r]!.reset();
        query.set(x.subarray((q0 + r) * d, (q0 + r) * d + d), r * e);
        query[r * e + d] = -1;
        qHalf[r] = 0.5 * (1 - slack) * sqNorm(x, q0 + r, d);
      }
      for (let t0 = 0; t0 < n; t0 += TRAIN_BLOCK) {
        const tb = Math.min(TRAIN_BLOCK, n - t0);
        gemmF64(qb, tb, e, query, 0, e, train, t0 * e, e, dots, 0, tb, { transB: true });
        for (let r = 0; r < qb; r++) {
          const heap = heaps[r]!;
          const i = q0 + r;
          const o = r * tb;
          let worst = heap.largest();
          // Skip t when q·t − h(t) < qHalf − worst/2.
          let floor = qHalf[r]! - 0.5 * worst;
          for (let c = 0; c < tb; c++) {
            // Four at a time: almost every group is skipped whole.
            if (c + 4 <= tb && dots[o + c]! < floor && dots[o + c + 1]! < floor && dots[o + c + 2]! < floor && dots[o + c + 3]! < floor) {
              c += 3;
              continue;
            }
            if (dots[o + c]! < floor) continue;
            const t = t0 + c;
            const s = rdist(metric, x, i, data, t, d);
            if (s <= worst) {
              heap.push(s, t);
              worst = heap.largest();
              floor = qHalf[r]! - 0.5 * worst;
            }
          }
        }
      }
      for (let r = 0; r < qb; r++) heaps[r]!.sortedInto(distances, indices, (q0 + r) * k);
    }
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
