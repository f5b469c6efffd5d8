/**
 * Isolation forest anomaly detection (Liu, Ting & Zhou 2008; scikit-learn 1.2's
 * `IsolationForest`): random trees grown on small subsamples, one random feature and one random
 * threshold per split, to depth ⌈log₂ maxSamples⌉. Anomalies are isolated in few splits, so a
 * short mean path gives a score near −1 and a typical point a score near −0.5.
 */
import { NdArray, fromTyped, random } from '../../../tensor/index.js';
import { ParamError } from '../../base/errors.js';
import { Estimator, registerEstimator } from '../../base/estimator.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../../base/input.js';
import type { FitOptions } from '../../base/run.js';
import { type FlatTree, LEAF } from '../../tree/flat-tree.js';
import { type GrowOptions, growTree } from '../../tree/grow.js';
import { bootstrapCounts } from '../forest/forest-job.js';
import { treeSeeds } from '../forest/forest.js';
import { averagePathLength, nodePathLengths } from './path-length.js';

export interface IsolationForestParams {
  nEstimators: number;
  /** Rows per tree: 'auto' = min(256, n), a count (capped at n), or a fraction in (0, 1]. */
  maxSamples: 'auto' | number;
  /** Share of outliers in the training data, in (0, 0.5], or 'auto' (offset −0.5 as in the paper). */
  contamination: 'auto' | number;
  /** Features per tree: a count, or a fraction in (0, 1]. */
  maxFeatures: number;
  /** Draw each tree's rows with replacement. */
  bootstrap: boolean;
  randomState: number | null;
}

interface State {
  nFeatures: number;
  maxSamples: number;
  trees: FlatTree[];
  /** The features each tree was grown on (its columns, in its order). */
  treeFeatures: Int32Array[];
  /** decisionFunction = scoreSamples − offset. */
  offset: number;
}

/** NumPy's default (linear) percentile of unsorted values. */
function percentile(values: Float64Array, q: number): number {
  const s = Float64Array.from(values).sort();
  const pos = (q / 100) * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** `count` distinct indices from 0…n−1 (partial Fisher–Yates). */
function choose(bits: random.BitGenerator, n: number, count: number): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + random.boundedInteger(bits, n - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, count);
}

/**
 * @example
 * import { IsolationForest } from 'strata/learn';
 * const X = [[0, 0], [0.1, -0.2], [-0.1, 0.1], [0.2, 0.1], [8, 8]];
 * const iso = new IsolationForest({ randomState: 0, contamination: 0.2 }).fit(X);
 * iso.predict(X).toArray(); // [1, 1, 1, 1, -1]
 */
export class IsolationForest extends Estimator<IsolationForestParams, State> {
  protected defaults(): IsolationForestParams {
    return { nEstimators: 100, maxSamples: 'auto', contamination: 'auto', maxFeatures: 1, bootstrap: false, randomState: null };
  }

  /** Grows the trees on X (y is ignored) and sets the offset from `contamination`. */
  fit(X: MatrixInput, _y?: LabelInput, options: FitOptions = {}): this {
    const who = this.constructor.name;
    const p = this.params;
    const m = toMatrix(X, { estimator: who });
    const n = m.rows;
    if (!(Number.isInteger(p.nEstimators) && p.nEstimators >= 1)) throw new ParamError(`${who}: nEstimators must be an integer ≥ 1, got ${p.nEstimators}.`);
    let maxSamples: number;
    if (p.maxSamples === 'auto') maxSamples = Math.min(256, n);
    else if (Number.isInteger(p.maxSamples) && p.maxSamples > 1) maxSamples = Math.min(p.maxSamples, n);
    else if (typeof p.maxSamples === 'number' && p.maxSamples > 0 && p.maxSamples <= 1) maxSamples = Math.max(1, Math.floor(p.maxSamples * n));
    else throw new ParamError(`${who}: maxSamples must be 'auto', a count ≥ 2 or a fraction in (0, 1], got ${JSON.stringify(p.maxSamples)}.`);
    let nFeat: number;
    if (Number.isInteger(p.maxFeatures) && p.maxFeatures > 1) {
      if (p.maxFeatures > m.cols) throw new ParamError(`${who}: maxFeatures is ${p.maxFeatures} but X has only ${m.cols} features.`);
      nFeat = p.maxFeatures;
    } else if (p.maxFeatures > 0 && p.maxFeatures <= 1) nFeat = Math.max(1, Math.floor(p.maxFeatures * m.cols));
    else throw new ParamError(`${who}: maxFeatures must be a count ≥ 2 or a fraction in (0, 1], got ${p.maxFeatures}.`);
    if (p.contamination !== 'auto' && !(typeof p.contamination === 'number' && p.contamination > 0 && p.contamination <= 0.5)) {
      throw new ParamError(`${who}: contamination must be 'auto' or a number in (0, 0.5], got ${JSON.stringify(p.contamination)}.`);
    }
    const grow: GrowOptions = {
      criterion: 'squared_error', splitter: 'random', maxDepth: Math.ceil(Math.log2(Math.max(maxSamples, 2))),
      minSamplesSplit: 2, minSamplesLeaf: 1, minWeightFractionLeaf: 0, maxFeatures: 1, maxLeafNodes: -1,
      minImpurityDecrease: 0, ccpAlpha: 0,
    };
    const seeds = treeSeeds(p.randomState, p.nEstimators, who);
    const trees: FlatTree[] = [];
    const treeFeatures: Int32Array[] = [];
    for (let t = 0; t < p.nEstimators; t++) {
      const bits = random.defaultRng(seeds[t]!).bitGenerator;
      const features = nFeat === m.cols ? Int32Array.from({ length: m.cols }, (_, j) => j) : choose(bits, m.cols, nFeat);
      let rows: Int32Array;
      let weights: Float64Array | null = null;
      if (p.bootstrap) {
        const counts = bootstrapCounts(bits, n, maxSamples);
        const picked: number[] = [];
        for (let i = 0; i < n; i++) if (counts[i]! > 0) picked.push(i);
        rows = Int32Array.from(picked);
        weights = Float64Array.from(picked, (i) => counts[i]!);
      } else rows = choose(bits, n, maxSamples);
      const r = rows.length;
      const Xt = new Float32Array(r * nFeat);
      for (let f = 0; f < nFeat; f++) for (let i = 0; i < r; i++) Xt[f * r + i] = m.data[rows[i]! * m.cols + features[f]!]!;
      // The targets are noise: they only keep nodes with more than one sample splittable.
      const y = new Float64Array(r);
      for (let i = 0; i < r; i++) y[i] = bits.nextDouble();
      trees.push(growTree({ X: Xt, nSamples: r, nFeatures: nFeat, y, nClasses: 0, sampleWeight: weights }, grow, bits));
      treeFeatures.push(features);
    }
    const state: State = { nFeatures: m.cols, maxSamples, trees, treeFeatures, offset: -0.5 };
    if (p.contamination !== 'auto') state.offset = percentile(this.scores(state, m.data, n), 100 * p.contamination);
    options.run?.logParams({ ...p });
    this.setFitted(state);
    return this;
  }

  private scores(s: State, data: Float64Array, rows: number): Float64Array {
    const cols = s.nFeatures;
    const X = Float32Array.from(data);
    const depth = new Float64Array(rows);
    s.trees.forEach((tree, t) => {
      const lengths = nodePathLengths(tree);
      const feats = s.treeFeatures[t]!;
      const { feature, threshold, left, right } = tree;
      for (let i = 0; i < rows; i++) {
        let node = 0;
        while (left[node] !== LEAF) node = X[i * cols + feats[feature[node]!]!]! <= threshold[node]! ? left[node]! : right[node]!;
        depth[i] += lengths[node]!;
      }
    });
    const denominator = s.trees.length * averagePathLength(s.maxSamples);
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = -(2 ** -(denominator !== 0 ? depth[i]! / denominator : 1));
    return out;
  }

  /** Anomaly score of each row, the opposite of the paper's: about −1 for anomalies, −0.5 for typical points. */
  scoreSamples(X: MatrixInput): NdArray {
    const s = this.fitted('scoreSamples');
    const m = toMatrix(X, { estimator: this.constructor.name });
    checkFeatureCount(m, s.nFeatures, this.constructor.name);
    return fromTyped(this.scores(s, m.data, m.rows), [m.rows]);
  }

  /** scoreSamples − offset: negative for outliers. */
  decisionFunction(X: MatrixInput): NdArray {
    const s = this.fitted('decisionFunction');
    const scores = this.scoreSamples(X).toFloat64Array();
    for (let i = 0; i < scores.length; i++) scores[i] -= s.offset;
    return fromTyped(scores, [scores.length]);
  }

  /** 1 for inliers, −1 for outliers (int32). */
  predict(X: MatrixInput): NdArray {
    const d = this.decisionFunction(X).toFloat64Array();
    const out = new Int32Array(d.length);
    for (let i = 0; i < d.length; i++) out[i] = d[i]! < 0 ? -1 : 1;
    return fromTyped(out, [out.length], 'int32');
  }

  fitPredict(X: MatrixInput): NdArray {
    return this.fit(X).predict(X);
  }

  /** The threshold subtracted in `decisionFunction` (−0.5 for contamination 'auto'). */
  get offset(): number {
    return this.fitted('offset').offset;
  }

  /** Rows each tree was grown on. */
  get maxSamples(): number {
    return this.fitted('maxSamples').maxSamples;
  }
}

registerEstimator(IsolationForest);
