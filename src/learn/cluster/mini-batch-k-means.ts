/**
 * Mini-batch k-means (scikit-learn's MiniBatchKMeans): centers move toward the mean of small
 * random batches with per-center learning rates 1/count; stops on an exponentially weighted
 * average of batch inertia that no longer improves (or on small center moves when tol > 0).
 * Centers that attract too little mass are re-seeded at random batch points.
 */
import { random } from '../../tensor/index.js';
import { ParamError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import type { LabelInput, MatrixInput } from '../base/input.js';
import { type CentroidState, CentroidClusterer } from './centroid-clusterer.js';
import { kmeansInput, meanVariance } from './k-means.js';
import { assignLabels } from './kmeans-core.js';
import { kmeansPlusPlus, randomCenters } from './kmeans-init.js';

export interface MiniBatchKMeansParams {
  nClusters: number;
  init: 'k-means++' | 'random' | number[][];
  /** Passes over the data (at most maxIter × n / batchSize batches). */
  maxIter: number;
  batchSize: number;
  /** Stop when the squared center move of a batch is ≤ tol × mean feature variance (0: off). */
  tol: number;
  /** Stop after this many batches without improvement of the smoothed inertia. */
  maxNoImprovement: number;
  /** Samples used for initialization (default 3 × batchSize). */
  initSize: number | null;
  /** Initializations tried (each scored on one validation sample); the best is kept. */
  nInit: number;
  /** Centers with fewer than this fraction of the largest center's count are re-seeded. */
  reassignmentRatio: number;
  randomState: number;
}

interface MiniBatchKMeansState extends CentroidState {
  counts: Float64Array;
  nSteps: number;
  nIter: number;
}

type Rng = ReturnType<typeof random.defaultRng>;

function drawIndices(rng: Rng, n: number, size: number): Int32Array {
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.integers(n) as number;
  return out;
}

function gather(x: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(x.subarray(r * d, r * d + d), i * d));
  return out;
}

/**
 * @example
 * const mb = new MiniBatchKMeans({ nClusters: 8, batchSize: 1024, randomState: 0 }).fit(X);
 * mb.predict(Xnew);
 */
export class MiniBatchKMeans extends CentroidClusterer<MiniBatchKMeansParams, MiniBatchKMeansState> {
  protected defaults(): MiniBatchKMeansParams {
    return {
      nClusters: 8, init: 'k-means++', maxIter: 100, batchSize: 1024, tol: 0, maxNoImprovement: 10,
      initSize: null, nInit: 3, reassignmentRatio: 0.01, randomState: 0,
    };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const who = this.constructor.name;
    const p = this.params;
    const k = p.nClusters;
    const m = kmeansInput(X, k, p.init, who);
    for (const key of ['maxIter', 'batchSize', 'nInit'] as const) {
      if (!Number.isInteger(p[key]) || p[key] < 1) throw new ParamError(`${who}: ${key} must be a positive integer, got ${p[key]}.`);
    }
    if (!(p.reassignmentRatio >= 0)) throw new ParamError(`${who}: reassignmentRatio must be >= 0.`);
    const { data: x, rows: n, cols: d } = m;
    const batch = Math.min(p.batchSize, n);
    let initSize = p.initSize ?? 3 * batch;
    if (initSize < k) initSize = 3 * k;
    initSize = Math.min(initSize, n);
    const tol = p.tol > 0 ? p.tol * meanVariance(x, n, d) : 0;
    const rng = random.defaultRng(p.randomState);
    const nSteps = Math.floor((p.maxIter * n) / batch);
    const valid = gather(x, d, drawIndices(rng, n, initSize));
    let centers: Float64Array = new Float64Array(k * d);
    let bestInertia = Infinity;
    const scratch = new Int32Array(initSize);
    const nInit = Array.isArray(p.init) ? 1 : p.nInit;
    for (let r = 0; r < nInit; r++) {
      let start: Float64Array;
      if (Array.isArray(p.init)) start = Float64Array.from(p.init.flat());
      else {
        const sub = gather(x, d, drawIndices(rng, n, initSize));
        start = p.init === 'random' ? randomCenters(sub, initSize, d, k, rng) : kmeansPlusPlus(sub, initSize, d, k, rng);
      }
      const inertia = assignLabels(valid, initSize, d, start, k, scratch);
      if (inertia < bestInertia) {
        bestInertia = inertia;
        centers = start;
      }
    }
    let next: Float64Array = new Float64Array(k * d);
    const counts = new Float64Array(k);
    const labels = new Int32Array(batch);
    const sums = new Float64Array(k * d);
    const inBatch = new Float64Array(k);
    let sinceReassign = 0;
    let ewa: number | undefined;
    let ewaMin: number | undefined;
    let noImprovement = 0;
    let step = 0;
    for (; step < nSteps; step++) {
      const rows = drawIndices(rng, n, batch);
      const xb = gather(x, d, rows);
      const batchInertia = assignLabels(xb, batch, d, centers, k, labels);
      sums.fill(0);
      inBatch.fill(0);
      for (let i = 0; i < batch; i++) {
        const c = labels[i]!;
        inBatch[c]! += 1;
        for (let j = 0; j < d; j++) sums[c * d + j]! += xb[i * d + j]!;
      }
      for (let c = 0; c < k; c++) {
        for (let j = 0; j < d; j++) {
          const o = c * d + j;
          next[o] = inBatch[c]! > 0 ? (centers[o]! * counts[c]! + sums[o]!) / (counts[c]! + inBatch[c]!) : centers[o]!;
        }
        counts[c]! += inBatch[c]!;
      }
      // Re-seed starved centers every 10·k samples (or whenever one has no mass at all).
      sinceReassign += batch;
      if (p.reassignmentRatio > 0 && (counts.some((v) => v === 0) || sinceReassign >= 10 * k)) {
        sinceReassign = 0;
        let max = 0;
        for (const v of counts) max = Math.max(max, v);
        const starved = Array.from({ length: k }, (_, c) => counts[c]! < p.reassignmentRatio * max);
        if (starved.filter(Boolean).length > 0.5 * batch) {
          const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => counts[a]! - counts[b]! || a - b);
          for (const c of order.slice(Math.floor(0.5 * batch))) starved[c] = false;
        }
        const chosen = starved.map((s, c) => (s ? c : -1)).filter((c) => c >= 0);
        if (chosen.length > 0) {
          const picks = (rng.permutation(batch) as { toArray(): number[] }).toArray().slice(0, chosen.length);
          chosen.forEach((c, t) => next.set(xb.subarray(picks[t]! * d, picks[t]! * d + d), c * d));
          let minKept = Infinity;
          for (let c = 0; c < k; c++) if (!starved[c]) minKept = Math.min(minKept, counts[c]!);
          for (const c of chosen) counts[c] = minKept;
        }
      }
      let moved = 0;
      if (tol > 0) for (let o = 0; o < k * d; o++) moved += (next[o]! - centers[o]!) ** 2;
      [centers, next] = [next, centers];
      // Convergence on the smoothed batch inertia (the first batch is ignored).
      if (step === 0) continue;
      const bi = batchInertia / batch;
      const alpha = Math.min((batch * 2) / (n + 1), 1);
      ewa = ewa === undefined ? bi : ewa * (1 - alpha) + bi * alpha;
      if (tol > 0 && moved <= tol) break;
      if (ewaMin === undefined || ewa < ewaMin) {
        noImprovement = 0;
        ewaMin = ewa;
      } else noImprovement++;
      if (noImprovement >= p.maxNoImprovement) break;
    }
    const done = Math.min(step + 1, nSteps);
    const all = new Int32Array(n);
    const inertia = assignLabels(x, n, d, centers, k, all);
    this.setFitted({ labels: all, centers, counts, inertia, nSteps: done, nIter: Math.ceil((done * batch) / n), nFeatures: d });
    return this;
  }

  /** Mini-batches processed. */
  get nSteps(): number {
    return this.fitted('nSteps').nSteps;
  }
}

registerEstimator(MiniBatchKMeans);
