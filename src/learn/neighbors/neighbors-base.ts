/**
 * What the k-nearest-neighbors classifier and regressor share: the params, checking them,
 * keeping the training points, the (lazily built, never serialized) search index, `kneighbors`,
 * and the per-neighbor weights.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { type MetricName, resolveMetric } from './metric.js';
import { type Algorithm, type KnnResult, type SearchIndex, buildIndex, resolveAlgorithm, validateSearchParams } from './search-index.js';

export interface KNeighborsParams {
  /** Number of neighbors used by predict (default 5). */
  nNeighbors: number;
  /** 'uniform': all neighbors count the same; 'distance': weight 1/distance (exact matches win). */
  weights: 'uniform' | 'distance';
  /** Search structure: 'kd_tree', 'ball_tree', 'brute' or 'auto' (see resolveAlgorithm). */
  algorithm: Algorithm;
  /** Points per tree leaf (default 30); changes speed, never results. */
  leafSize: number;
  /** Minkowski exponent for metric 'minkowski' (default 2, Euclidean). */
  p: number;
  metric: MetricName;
}

export function neighborsDefaults(): KNeighborsParams {
  return { nNeighbors: 5, weights: 'uniform', algorithm: 'auto', leafSize: 30, p: 2, metric: 'minkowski' };
}

/** Fitted state shared by both estimators. */
export interface NeighborsFit {
  fitX: Float64Array;
  nSamples: number;
  nFeatures: number;
  /** The algorithm 'auto' resolved to. */
  fitMethod: 'kd_tree' | 'ball_tree' | 'brute';
}

/** The distances and training indices returned by `kneighbors`. */
export interface Kneighbors {
  /** n × k true distances, nearest first. */
  distances: NdArray;
  /** n × k int32 training-row indices; ties in distance are ordered by index. */
  indices: NdArray;
}

export function checkNeighborsParams(p: KNeighborsParams, who: string): void {
  if (!Number.isInteger(p.nNeighbors) || p.nNeighbors < 1) {
    throw new ParamError(`${who}: nNeighbors must be a positive integer, got ${p.nNeighbors}.`);
  }
  if (p.weights !== 'uniform' && p.weights !== 'distance') {
    throw new ParamError(`${who}: weights must be 'uniform' or 'distance', got '${String(p.weights)}'.`);
  }
  validateSearchParams(p.algorithm, p.leafSize, who);
  resolveMetric(p.metric, p.p, who);
}

/** Validates params and X and copies the training points. */
export function fitNeighbors(X: MatrixInput, p: KNeighborsParams, who: string): NeighborsFit {
  checkNeighborsParams(p, who);
  const m = toMatrix(X, { estimator: who });
  if (p.nNeighbors > m.rows) {
    throw new DataError(
      `${who}: nNeighbors=${p.nNeighbors} is larger than the ${m.rows} training samples; use nNeighbors <= ${m.rows} or more data.`,
    );
  }
  const fitMethod = resolveAlgorithm(p.algorithm, m.rows, m.cols, p.nNeighbors, p.leafSize, resolveMetric(p.metric, p.p, who));
  return { fitX: m.data, nSamples: m.rows, nFeatures: m.cols, fitMethod };
}

const INDEXES = new WeakMap<NeighborsFit, SearchIndex>();

/** The search index of a fit, built on first use (deterministically, so a reloaded model finds the same neighbors). */
export function indexOf(fit: NeighborsFit, p: KNeighborsParams, who: string): SearchIndex {
  let index = INDEXES.get(fit);
  if (!index) {
    index = buildIndex(fit.fitX, fit.nSamples, fit.nFeatures, resolveMetric(p.metric, p.p, who), fit.fitMethod, p.leafSize);
    INDEXES.set(fit, index);
  }
  return index;
}

/**
 * k nearest training points of each row of X; without X, of each training point excluding the
 * point itself (as scikit-learn does).
 */
export function queryNeighbors(fit: NeighborsFit, p: KNeighborsParams, who: string, X: MatrixInput | undefined, k: number): KnnResult & { rows: number } {
  if (!Number.isInteger(k) || k < 1) throw new ParamError(`${who}: the number of neighbors must be a positive integer, got ${k}.`);
  const self = X === undefined;
  const available = self ? fit.nSamples - 1 : fit.nSamples;
  if (k > available) {
    throw new DataError(
      `${who}: asked for ${k} neighbors but only ${available} training samples are available` +
        `${self ? ' (excluding each point itself)' : ''}; use k <= ${available}.`,
    );
  }
  const index = indexOf(fit, p, who);
  if (!self) {
    const m = toMatrix(X, { estimator: who });
    checkFeatureCount(m, fit.nFeatures, who);
    return { ...index.kneighbors(m.data, m.rows, k), rows: m.rows };
  }
  const n = fit.nSamples;
  const raw = index.kneighbors(fit.fitX, n, k + 1);
  const distances = new Float64Array(n * k);
  const indices = new Int32Array(n * k);
  for (let i = 0; i < n; i++) {
    let skip = -1;
    for (let j = 0; j <= k; j++) if (raw.indices[i * (k + 1) + j] === i) skip = j;
    if (skip < 0) skip = 0; // Duplicates pushed the point itself out: drop the first instead.
    let o = i * k;
    for (let j = 0; j <= k; j++) {
      if (j === skip) continue;
      distances[o] = raw.distances[i * (k + 1) + j]!;
      indices[o++] = raw.indices[i * (k + 1) + j]!;
    }
  }
  return { distances, indices, rows: n };
}

export function toKneighbors(r: KnnResult & { rows: number }, k: number): Kneighbors {
  return { distances: fromTyped(r.distances, [r.rows, k]), indices: fromTyped(r.indices, [r.rows, k], 'int32') };
}

/**
 * Weights of the k neighbors of row i: 1 each for 'uniform'; 1/distance for 'distance', except
 * that a row with a zero distance gives weight 1 to its exact matches and 0 to the rest.
 */
export function neighborWeights(weights: 'uniform' | 'distance', distances: Float64Array, i: number, k: number, out: Float64Array): void {
  if (weights === 'uniform') {
    out.fill(1);
    return;
  }
  let exact = false;
  for (let j = 0; j < k; j++) if (distances[i * k + j] === 0) exact = true;
  for (let j = 0; j < k; j++) {
    const dist = distances[i * k + j]!;
    out[j] = exact ? (dist === 0 ? 1 : 0) : 1 / dist;
  }
}
