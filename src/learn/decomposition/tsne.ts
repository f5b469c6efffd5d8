/**
 * t-distributed stochastic neighbor embedding (scikit-learn's TSNE): perplexity-calibrated
 * Gaussian affinities in the input space, Student-t affinities in the embedding, and gradient
 * descent on KL(P‖Q) — 250 iterations with P exaggerated and momentum 0.5, then the rest with
 * momentum 0.8. 'exact' computes all pairs; 'barnes_hut' uses the 3·perplexity nearest
 * neighbors (KD-tree) for P and a quadtree for the repulsion (2-D embeddings).
 */
import { type NdArray, fromTyped, random } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { Transformer } from '../base/kinds.js';
import { resolveMetric } from '../neighbors/metric.js';
import { buildIndex } from '../neighbors/search-index.js';
import { PCA } from './pca.js';
import { conditionalRow, denseJointP, sparseJointP } from './tsne/affinities.js';
import { barnesHutKlGradient } from './tsne/barnes-hut-gradient.js';
import { exactKlGradient } from './tsne/exact-gradient.js';
import { gradientDescent } from './tsne/gradient-descent.js';

export interface TSNEParams {
  nComponents: number;
  /** Effective number of neighbors each point attends to (5–50 typical; < n_samples). */
  perplexity: number;
  /** Factor on P during the first 250 iterations, to form tight, well-separated clusters. */
  earlyExaggeration: number;
  /** 'auto': max(n / earlyExaggeration / 4, 50). */
  learningRate: number | 'auto';
  /** Total iterations (at least 250). */
  nIter: number;
  nIterWithoutProgress: number;
  minGradNorm: number;
  /** 'pca' (scaled to standard deviation 1e-4) or 'random' (N(0, 1e-4²)). */
  init: 'pca' | 'random';
  method: 'barnes_hut' | 'exact';
  /** Barnes–Hut accuracy/speed trade-off θ. */
  angle: number;
  randomState: number;
}

interface TSNEState {
  embedding: Float64Array;
  klDivergence: number;
  nIter: number;
  learningRate: number;
  /** Training samples, for transform of new points. */
  fitX: Float64Array;
  nSamples: number;
  nFeatures: number;
}

const EXPLORATION_ITERS = 250;

/**
 * @example
 * const tsne = new TSNE({ perplexity: 30, randomState: 0 });
 * const Y = tsne.fitTransform(X);  // n × 2
 * tsne.klDivergence;
 */
export class TSNE extends Transformer<TSNEParams, TSNEState> {
  protected defaults(): TSNEParams {
    return {
      nComponents: 2, perplexity: 30, earlyExaggeration: 12, learningRate: 'auto', nIter: 1000, nIterWithoutProgress: 300,
      minGradNorm: 1e-7, init: 'pca', method: 'barnes_hut', angle: 0.5, randomState: 0,
    };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const who = this.constructor.name;
    const p = this.params;
    const m = toMatrix(X, { estimator: who });
    const { rows: n, cols: d } = m;
    const dim = p.nComponents;
    if (!Number.isInteger(dim) || dim < 1) throw new ParamError(`${who}: nComponents must be a positive integer, got ${dim}.`);
    if (p.method !== 'exact' && p.method !== 'barnes_hut') throw new ParamError(`${who}: method must be 'barnes_hut' or 'exact', got '${String(p.method)}'.`);
    if (p.method === 'barnes_hut' && dim !== 2) {
      throw new ParamError(`${who}: the Barnes–Hut method embeds in 2 dimensions; use nComponents: 2 or method: 'exact'.`);
    }
    if (!(p.perplexity > 0)) throw new ParamError(`${who}: perplexity must be > 0, got ${p.perplexity}.`);
    if (p.perplexity >= n) throw new DataError(`${who}: perplexity (${p.perplexity}) must be less than the number of samples (${n}).`);
    if (!(p.earlyExaggeration >= 1)) throw new ParamError(`${who}: earlyExaggeration must be >= 1, got ${p.earlyExaggeration}.`);
    if (!Number.isInteger(p.nIter) || p.nIter < EXPLORATION_ITERS) throw new ParamError(`${who}: nIter must be an integer >= 250, got ${p.nIter}.`);
    if (p.init !== 'pca' && p.init !== 'random') throw new ParamError(`${who}: init must be 'pca' or 'random'.`);
    if (p.init === 'pca' && dim > d) throw new DataError(`${who}: init 'pca' needs nComponents (${dim}) <= features (${d}); use init: 'random'.`);
    const learningRate = p.learningRate === 'auto' ? Math.max(n / p.earlyExaggeration / 4, 50) : p.learningRate;
    if (!(learningRate > 0)) throw new ParamError(`${who}: learningRate must be 'auto' or > 0.`);

    // Input affinities.
    let objective: (y: Float64Array, grad: Float64Array, withError: boolean, exaggeration: number) => number;
    if (p.method === 'exact') {
      const P = denseJointP(m.data, n, d, p.perplexity);
      const Pex = P.map((v) => v * p.earlyExaggeration);
      objective = (y, grad, withError, ex) => exactKlGradient(ex === 1 ? P : Pex, y, n, dim, grad, withError);
    } else {
      const k = Math.min(n - 1, Math.floor(3 * p.perplexity + 1));
      const index = buildIndex(m.data, n, d, resolveMetric('euclidean', 2, who), d <= 30 ? 'kd_tree' : 'ball_tree', 30);
      const found = index.kneighbors(m.data, n, k + 1);
      const neighbors = new Int32Array(n * k);
      const sq = new Float64Array(n * k);
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j <= k && t < k; j++) {
          const idx = found.indices[i * (k + 1) + j]!;
          if (idx === i) continue; // the point itself
          neighbors[i * k + t] = idx;
          sq[i * k + t++] = found.distances[i * (k + 1) + j]! ** 2;
        }
      }
      const P = sparseJointP(neighbors, sq, n, k, p.perplexity);
      const Pex = { ...P, values: P.values.map((v) => v * p.earlyExaggeration) };
      objective = (y, grad, withError, ex) => barnesHutKlGradient(ex === 1 ? P : Pex, y, n, p.angle, grad, withError);
    }

    // Initial embedding.
    let y: Float64Array;
    if (p.init === 'pca') {
      y = new PCA({ nComponents: dim, svdSolver: 'full' }).fit(fromTyped(m.data, [n, d])).transform(fromTyped(m.data, [n, d])).toFloat64Array();
      let mean = 0;
      for (let i = 0; i < n; i++) mean += y[i * dim]!;
      mean /= n;
      let v = 0;
      for (let i = 0; i < n; i++) v += (y[i * dim]! - mean) ** 2;
      const scale = 1e-4 / Math.sqrt(v / n || 1);
      for (let t = 0; t < y.length; t++) y[t]! *= scale;
    } else {
      y = random.defaultRng(p.randomState).standardNormal([n * dim]).toFloat64Array().map((v) => v * 1e-4);
    }

    const state = { update: new Float64Array(n * dim), gains: new Float64Array(n * dim).fill(1) };
    const common = { learningRate, minGradNorm: p.minGradNorm, checkEvery: 50, minGain: 0.01 };
    let r = gradientDescent(y, state, (g, e) => objective(y, g, e, p.earlyExaggeration), {
      ...common, start: 0, end: EXPLORATION_ITERS, momentum: 0.5, nIterWithoutProgress: EXPLORATION_ITERS,
    });
    if (r.iter < EXPLORATION_ITERS - 1 || p.nIter > EXPLORATION_ITERS) {
      r = gradientDescent(y, state, (g, e) => objective(y, g, e, 1), {
        ...common, start: r.iter + 1, end: p.nIter, momentum: 0.8, nIterWithoutProgress: p.nIterWithoutProgress,
      });
    }
    this.setFitted({ embedding: y, klDivergence: r.error, nIter: r.iter, learningRate, fitX: m.data, nSamples: n, nFeatures: d });
    return this;
  }

  override fitTransform(X: MatrixInput, y?: LabelInput): NdArray {
    this.fit(X, y);
    return this.embedding;
  }

  /**
   * Not in scikit-learn (whose t-SNE cannot embed new points): places each row of X at the
   * average of the embeddings of its 16 nearest training samples, weighted by Gaussian
   * affinities calibrated to perplexity 5. A training sample lands near, not exactly on, its
   * fitted position.
   */
  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const who = this.constructor.name;
    const m = toMatrix(X, { estimator: who });
    checkFeatureCount(m, s.nFeatures, who);
    const { nSamples: n, nFeatures: d } = s;
    const dim = this.params.nComponents;
    const k = Math.min(n, 16);
    const index = buildIndex(s.fitX, n, d, resolveMetric('euclidean', 2, who), d <= 30 ? 'kd_tree' : 'ball_tree', 30);
    const found = index.kneighbors(m.data, m.rows, k);
    const out = new Float64Array(m.rows * dim);
    const sq = new Float64Array(k);
    const w = new Float64Array(k);
    const perplexity = Math.min(5, Math.max(k - 1, 1));
    for (let i = 0; i < m.rows; i++) {
      for (let t = 0; t < k; t++) sq[t] = found.distances[i * k + t]! ** 2;
      conditionalRow(sq, k, perplexity, w);
      for (let t = 0; t < k; t++) {
        const j = found.indices[i * k + t]!;
        for (let c = 0; c < dim; c++) out[i * dim + c]! += w[t]! * s.embedding[j * dim + c]!;
      }
    }
    return fromTyped(out, [m.rows, dim]);
  }

  /** The fitted embedding of the training samples (n × nComponents). */
  get embedding(): NdArray {
    const s = this.fitted('embedding');
    return fromTyped(s.embedding.slice(), [s.nSamples, this.params.nComponents]);
  }

  /** KL(P‖Q) at the end of the optimization. */
  get klDivergence(): number {
    return this.fitted('klDivergence').klDivergence;
  }

  /** Index of the last iteration run. */
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }

  get learningRate(): number {
    return this.fitted('learningRate').learningRate;
  }
}

registerEstimator(TSNE);
