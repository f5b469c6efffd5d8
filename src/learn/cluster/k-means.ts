/**
 * k-means clustering (scikit-learn's KMeans): `nInit` runs from k-means++ (or random, or given)
 * centers, each iterated with Lloyd's algorithm or Elkan's bounded variant, keeping the run of
 * lowest inertia.
 */
import { type NdArray, fromTyped, random } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, toMatrix } from '../base/input.js';
import { type CentroidState, CentroidClusterer } from './centroid-clusterer.js';
import { type KMeansRun, assignLabels, rowSqNorms, sameClustering } from './kmeans-core.js';
import { kmeansPlusPlusDraws, randomCenters } from './kmeans-init.js';
import type { KMeansJob } from './kmeans-job.js';
import { threadsFor } from '../base/threads.js';
import { runKMeansJob, sharesMemory } from './parallel.js';

export interface KMeansParams {
  nClusters: number;
  /** 'k-means++' (greedy), 'random' (k distinct samples) or explicit k × features centers. */
  init: 'k-means++' | 'random' | number[][];
  /** Number of initializations; 'auto' is 1 for k-means++ and given centers, 10 for random. */
  nInit: number | 'auto';
  maxIter: number;
  /** Relative tolerance: stop when the total squared center shift is ≤ tol × mean feature variance. */
  tol: number;
  /** 'lloyd' or 'elkan' (same result, Elkan skips most distance computations). */
  algorithm: 'lloyd' | 'elkan';
  /** Seed of the initialization. */
  randomState: number;
  /**
   * Threads the nInit runs are spread over (worker threads on Node; this one included), or -1
   * for every core. Default 1. The result is the same for any value.
   */
  nJobs: number;
}

interface KMeansState extends CentroidState {
  nIter: number;
}

/** Checks X and the params shared with MiniBatchKMeans; returns the matrix. */
export function kmeansInput(X: MatrixInput, nClusters: number, init: KMeansParams['init'], who: string, borrow = false): { data: Float64Array; rows: number; cols: number } {
  if (!Number.isInteger(nClusters) || nClusters < 1) throw new ParamError(`${who}: nClusters must be a positive integer, got ${nClusters}.`);
  const m = toMatrix(X, { estimator: who, borrow });
  if (m.rows < nClusters) {
    throw new DataError(`${who}: X has ${m.rows} samples but nClusters=${nClusters}; use nClusters <= ${m.rows}.`);
  }
  if (Array.isArray(init)) {
    if (init.length !== nClusters || init.some((row) => row.length !== m.cols)) {
      throw new ParamError(`${who}: init centers must be ${nClusters} × ${m.cols} (nClusters × features).`);
    }
  } else if (init !== 'k-means++' && init !== 'random') {
    throw new ParamError(`${who}: init must be 'k-means++', 'random' or an array of centers, got '${String(init)}'.`);
  }
  return m;
}

/** Mean of the per-feature variances (scales tol). */
export function meanVariance(x: Float64Array, n: number, d: number): number {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0, o = i * d; j < d; j++) mean[j] += x[o + j]!;
  for (let j = 0; j < d; j++) mean[j] /= n;
  const v = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0, o = i * d; j < d; j++) {
      const t = x[o + j]! - mean[j]!;
      v[j] += t * t;
    }
  }
  let total = 0;
  for (let j = 0; j < d; j++) total += v[j]! / n;
  return total / d;
}

/**
 * @example
 * const km = new KMeans({ nClusters: 3, randomState: 0 }).fit(X);
 * km.labels;          // cluster of each sample
 * km.clusterCenters;  // 3 × features
 * km.predict(Xnew);
 */
export class KMeans extends CentroidClusterer<KMeansParams, KMeansState> {
  protected defaults(): KMeansParams {
    return { nClusters: 8, init: 'k-means++', nInit: 10, maxIter: 300, tol: 1e-4, algorithm: 'lloyd', randomState: 0, nJobs: 1 };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const who = this.constructor.name;
    const { nClusters: k, init, maxIter, tol, algorithm, randomState, nJobs } = this.params;
    const m = kmeansInput(X, k, init, who, true); // read only: the runs work on a centered copy
    const given = Array.isArray(init);
    const nInit = this.params.nInit === 'auto' ? (init === 'random' ? 10 : 1) : given ? 1 : this.params.nInit;
    if (!Number.isInteger(nInit) || nInit < 1) throw new ParamError(`${who}: nInit must be a positive integer or 'auto', got ${this.params.nInit}.`);
    if (!Number.isInteger(maxIter) || maxIter < 1) throw new ParamError(`${who}: maxIter must be a positive integer, got ${maxIter}.`);
    if (!(tol >= 0)) throw new ParamError(`${who}: tol must be >= 0, got ${tol}.`);
    if (algorithm !== 'lloyd' && algorithm !== 'elkan') throw new ParamError(`${who}: algorithm must be 'lloyd' or 'elkan', got '${String(algorithm)}'.`);
    if (!(Number.isInteger(nJobs) && (nJobs >= 1 || nJobs === -1))) {
      throw new ParamError(`${who}: nJobs must be an integer ≥ 1, or -1 for every core, got ${nJobs}.`);
    }
    const threads = threadsFor(nJobs);
    const shared = sharesMemory(threads, nInit);
    const { rows: n, cols: d } = m;
    const array = (length: number): Float64Array =>
      shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
    // Center the data (as scikit-learn does) for accuracy; shift the centers back at the end.
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += m.data[i * d + j]!;
    for (let j = 0; j < d; j++) mean[j]! /= n;
    const x = array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = m.data[i * d + j]! - mean[j]!;
    const absTol = tol * meanVariance(m.data, n, d);
    const xNorms = array(n);
    xNorms.set(rowSqNorms(x, n, d));
    const rng = random.defaultRng(randomState);
    // Every run's random numbers are drawn here, in run order, so threads change nothing.
    const runs: KMeansJob['runs'] = [];
    for (let run = 0; run < nInit; run++) {
      if (given) {
        const start = new Float64Array(k * d);
        (init as number[][]).forEach((row, c) => row.forEach((v, j) => (start[c * d + j] = v - mean[j]!)));
        runs.push({ start });
      } else if (init === 'random') runs.push({ start: randomCenters(x, n, d, k, rng) });
      else runs.push({ draws: kmeansPlusPlusDraws(rng, n, k) });
    }
    let best: KMeansRun | undefined;
    for (const r of runKMeansJob({ x, xNorms, n, d, k, maxIter, tol: absTol, algorithm, runs }, threads)) {
      if (!best || (r.inertia < best.inertia && !sameClustering(r.labels, best.labels, k))) best = r;
    }
    const centers = best!.centers;
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) centers[c * d + j]! += mean[j]!;
    this.setFitted({ labels: best!.labels, centers, inertia: best!.inertia, nIter: best!.nIter, nFeatures: d });
    return this;
  }

  /** Euclidean distance from each row of X to each center (n × k). */
  transform(X: MatrixInput): NdArray {
    const { s, m } = this.fittedInput(X, 'transform');
    const k = this.params.nClusters;
    const d = m.cols;
    const out = new Float64Array(m.rows * k);
    for (let i = 0; i < m.rows; i++) {
      for (let c = 0; c < k; c++) {
        let t = 0;
        for (let j = 0; j < d; j++) t += (m.data[i * d + j]! - s.centers[c * d + j]!) ** 2;
        out[i * k + c] = Math.sqrt(t);
      }
    }
    return fromTyped(out, [m.rows, k]);
  }

  /** Negative inertia of X under the fitted centers (higher is better, as in scikit-learn). */
  score(X: MatrixInput): number {
    const { s, m } = this.fittedInput(X, 'score');
    return -assignLabels(m.data, m.rows, m.cols, s.centers, this.params.nClusters, new Int32Array(m.rows));
  }

  /** Iterations of the best run. */
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }
}

registerEstimator(KMeans);
