/**
 * The boosting loop shared by GradientBoostingClassifier and GradientBoostingRegressor: bin the
 * data once, then each round compute gradients from the current margins, grow one tree per
 * output on a row/column sample, add its (shrunk) leaves to the margins, log the metric and
 * check early stopping. The result is a flattened Forest plus what prediction needs.
 */
import { NdArray, random } from '../../../tensor/index.js';
import { type MatrixInput, checkFeatureCount, toMatrix } from '../../base/input.js';
import type { FitOptions, TrainingRun } from '../../base/run.js';
import { DataError } from '../../base/errors.js';
import { applyBins, fitBins } from './binning.js';
import { rowStride } from './histogram.js';
import { Grower, type BinnedData, type Tree, featureMajor } from './grower.js';
import { type Loss, weightedMedian } from './losses.js';
import { type EvalMetric, evaluateMetric, higherIsBetter } from './metrics.js';
import { availableThreads, createBackend } from './parallel.js';
import { type BoostingParams, categoricalMask, monotoneVector } from './params.js';
import { type Forest, addTreeBinned, flattenTrees, predictMargins } from './predictor.js';
import { shapValues } from './shap.js';

/** What a fitted boosting model keeps (JSON-serializable). */
export interface BoosterState {
  forest: Forest;
  /** Starting margin per output. */
  baseMargin: Float64Array;
  nFeatures: number;
  featureNames: string[];
  /** 1 per categorical feature. */
  categorical: Uint8Array;
  /** Per feature: the category values seen in fit (categorical features). */
  categories: Float64Array[];
  /** Rounds kept (the best round + 1 with early stopping). */
  nRounds: number;
  /** Metric per round on the training rows and on the validation rows (when held out). */
  trainCurve: Float64Array;
  validCurve: Float64Array;
  metric: EvalMetric;
}

/**
 * Row-major features as boosting reads them: a float32 or float64 buffer, possibly the
 * caller's own (boosting only reads it, during the call).
 */
export interface FeatureMatrix {
  data: Float32Array | Float64Array;
  rows: number;
  cols: number;
  featureNames: readonly string[];
}

const positionalNames: (readonly string[])[] = [];

/** x0, x1, … for `cols` columns, made once per width: a single-row predict should not build them. */
function namesFor(cols: number): readonly string[] {
  return (positionalNames[cols] ??= Object.freeze(Array.from({ length: cols }, (_, j) => `x${j}`)));
}

/**
 * X as a FeatureMatrix. A contiguous 2-d float32/float64 NdArray is used in place (no float64
 * copy of the whole matrix, which would be the largest allocation of a fit); anything else,
 * and any X with ±Infinity (to get its error), goes through `toMatrix`. NaN is allowed.
 */
export function featureMatrix(X: MatrixInput, who: string): FeatureMatrix {
  if (X instanceof NdArray && X.ndim === 2 && X.shape[0]! > 0 && X.isContiguous && (X.dtype === 'float32' || X.dtype === 'float64')) {
    const rows = X.shape[0]!;
    const cols = X.shape[1]!;
    const data = (X.data as Float32Array | Float64Array).subarray(X.offset, X.offset + rows * cols);
    let infinite = false;
    for (let i = 0; i < data.length; i++) {
      const v = data[i]!;
      if (v === Infinity || v === -Infinity) {
        infinite = true;
        break;
      }
    }
    if (!infinite) return { data, rows, cols, featureNames: namesFor(cols) };
  }
  return toMatrix(X, { allowNaN: true, estimator: who });
}

export interface BoostInput {
  X: FeatureMatrix;
  /** Targets (regression) or class codes (classification). */
  y: Float64Array;
  w: Float64Array | null;
  loss: Loss;
  metric: EvalMetric;
  huberDelta: number;
  params: BoostingParams;
  run?: TrainingRun;
  who: string;
  /** Class codes, for a stratified validation split; null for regression. */
  strata: Int32Array | null;
}

function subsetRows(X: FeatureMatrix, rows: Int32Array): Float64Array {
  const { cols, data } = X;
  const out = new Float64Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) out.set(data.subarray(rows[i]! * cols, rows[i]! * cols + cols), i * cols);
  return out;
}

function take(a: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = a[rows[i]!]!;
  return out;
}

/** A seeded split of 0..n-1 into training and validation rows (stratified when strata given). */
export function validationSplit(n: number, fraction: number, seed: number, strata: Int32Array | null): { train: Int32Array; valid: Int32Array } {
  const rng = random.defaultRng(seed);
  const isValid = new Uint8Array(n);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const g = strata ? strata[i]! : 0;
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(i);
  }
  for (const g of [...groups.keys()].sort((a, b) => a - b)) {
    const list = Int32Array.from(groups.get(g)!);
    rng.shuffle(list);
    const k = Math.round(list.length * fraction);
    for (let i = 0; i < k; i++) isValid[list[i]!] = 1;
  }
  const nValid = isValid.reduce((s, v) => s + v, 0);
  if (nValid === 0 || nValid === n) {
    throw new DataError(`validationFraction leaves ${nValid === 0 ? 'no validation rows' : 'no training rows'} out of ${n}; use more data or another validationFraction.`);
  }
  const train = new Int32Array(n - nValid);
  const valid = new Int32Array(nValid);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (isValid[i]) valid[b++] = i;
    else train[a++] = i;
  }
  return { train, valid };
}

/** Runs boosting and returns the fitted state. */
export function boost(input: BoostInput): BoosterState {
  const { X, loss, params: p, run, who, metric } = input;
  const K = loss.outputs;
  const cols = X.cols;
  const categorical = categoricalMask(p.categoricalFeatures, X.featureNames, who);
  const monotone = monotoneVector(p.monotoneConstraints, X.featureNames, categorical, who);

  // Training / validation rows.
  let xTrain: Float32Array | Float64Array = X.data;
  let y = input.y;
  let w = input.w;
  let xValid: Float64Array | null = null;
  let yValid: Float64Array | null = null;
  let wValid: Float64Array | null = null;
  if (p.earlyStoppingRounds > 0) {
    const split = validationSplit(X.rows, p.validationFraction, p.randomState, input.strata);
    xTrain = subsetRows(X, split.train);
    xValid = subsetRows(X, split.valid);
    y = take(input.y, split.train);
    yValid = take(input.y, split.valid);
    if (input.w) {
      w = take(input.w, split.train);
      wValid = take(input.w, split.valid);
    }
  }
  const n = y.length;
  const nValid = yValid ? yValid.length : 0;

  const stride = rowStride(cols);
  const backend = createBackend(p.nThreads, n, stride);
  try {
    const mapper = fitBins(xTrain, n, cols, p.maxBins, categorical, X.featureNames, p.randomState);
    const bins = applyBins(mapper, xTrain, n, stride, backend.uint8(n * stride));
    const data: BinnedData = { bins, columns: featureMajor(bins, n, cols, stride, backend.uint8(n * cols)), rows: n, cols, stride };
    backend.attach(data);
    const validData = xValid ? { bins: applyBins(mapper, xValid, nValid, stride), stride } : null;

    const baseMargin = loss.baseMargin(y, w, p.baseScore);
    const margins = new Float64Array(n * K);
    for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) margins[i * K + k] = baseMargin[k]!;
    const validMargins = new Float64Array(nValid * K);
    for (let i = 0; i < nValid; i++) for (let k = 0; k < K; k++) validMargins[i * K + k] = baseMargin[k]!;

    const grower = new Grower(data, {
      regLambda: p.regLambda, regAlpha: p.regAlpha, minChildWeight: p.minChildWeight, nBins: mapper.nBins, categorical,
      monotone, maxDepth: p.maxDepth, maxLeaves: p.maxLeaves, growPolicy: p.growPolicy, minSplitGain: p.minSplitGain,
      learningRate: p.learningRate,
    }, backend);
    const gh: Float64Array[] = [];
    for (let k = 0; k < K; k++) gh.push(backend.float64(2 * n));
    const rowIdx = backend.int32(n);
    const rng = random.defaultRng(p.randomState);
    const nCols = Math.max(1, Math.round(p.colsampleByTree * cols));
    const allFeatures = Int32Array.from({ length: cols }, (_, j) => j);
    const residual = loss.medianLeaves ? new Float64Array(n) : null;
    const sampled = p.subsample < 1 ? new Int32Array(n) : null;
    const outOfSample = p.subsample < 1 ? new Int32Array(n) : null;

    const trees: Tree[] = [];
    const trainCurve: number[] = [];
    const validCurve: number[] = [];
    const better = higherIsBetter(metric) ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
    let bestRound = -1;
    let bestScore = NaN;
    for (let round = 0; round < p.nEstimators; round++) {
      loss.gradients(y, margins, w, gh);
      // Rows of this round.
      let count = n;
      let outCount = 0;
      if (sampled && outOfSample) {
        count = 0;
        for (let i = 0; i < n; i++) {
          if (rng.random() < p.subsample) sampled[count++] = i;
          else outOfSample[outCount++] = i;
        }
        if (count === 0) sampled[count++] = outOfSample[--outCount]!;
      }
      for (let k = 0; k < K; k++) {
        let features = allFeatures;
        if (nCols < cols) {
          const picked = rng.choice(cols, [nCols], { replace: false }).toTypedArray() as Int32Array;
          features = Int32Array.from(picked).sort();
        }
        if (sampled) rowIdx.set(sampled.subarray(0, count));
        else for (let i = 0; i < n; i++) rowIdx[i] = i;
        const tree = grower.grow(gh[k]!, rowIdx, count, features);
        if (residual) {
          for (let i = 0; i < count; i++) {
            const r = rowIdx[i]!;
            residual[r] = y[r]! - margins[r * K + k]!;
          }
          for (let node = 0; node < tree.feature.length; node++) {
            if (tree.feature[node]! >= 0) continue;
            tree.value[node] = p.learningRate * weightedMedian(residual, w, rowIdx, tree.begin[node]!, tree.end[node]!);
          }
        }
        for (let node = 0; node < tree.feature.length; node++) {
          if (tree.feature[node]! >= 0) continue;
          const v = tree.value[node]!;
          const end = tree.end[node]!;
          for (let i = tree.begin[node]!; i < end; i++) margins[rowIdx[i]! * K + k] += v;
        }
        if (outCount > 0) addTreeBinned(tree, data, outOfSample, outCount, margins, K, k);
        if (validData) addTreeBinned(tree, validData, null, nValid, validMargins, K, k);
        trees.push(tree);
      }
      if (run) {
        const v = evaluateMetric(metric, y, margins, w, K, input.huberDelta);
        trainCurve.push(v);
        run.logMetric(`train-${metric}`, v, round);
      }
      if (validData) {
        const v = evaluateMetric(metric, yValid!, validMargins, wValid, K, input.huberDelta);
        validCurve.push(v);
        run?.logMetric(`valid-${metric}`, v, round);
        if (bestRound < 0 || better(v, bestScore)) {
          bestRound = round;
          bestScore = v;
        } else if (round - bestRound >= p.earlyStoppingRounds) break;
      }
    }
    const nRounds = validData ? bestRound + 1 : trees.length / K;
    if (run && validData) run.logMetric('best-round', nRounds);
    const forest = flattenTrees(trees.slice(0, nRounds * K), K, mapper);
    return {
      forest, baseMargin, nFeatures: cols, featureNames: [...X.featureNames], categorical, categories: mapper.categories,
      nRounds, trainCurve: Float64Array.from(trainCurve), validCurve: Float64Array.from(validCurve), metric,
    };
  } finally {
    backend.close();
  }
}

/** Options of `fit` for the boosting estimators. */
export interface BoostingFitOptions extends FitOptions {
  /** Weight of each training row (non-negative, finite; default all 1). */
  sampleWeight?: ArrayLike<number> | NdArray;
}

/** Validated sample weights, or null when none were given. */
export function sampleWeights(sw: ArrayLike<number> | NdArray | undefined, rows: number, who: string): Float64Array | null {
  if (sw === undefined) return null;
  const w = sw instanceof NdArray ? sw.toFloat64Array() : Float64Array.from(sw as ArrayLike<number>);
  if (w.length !== rows) throw new DataError(`${who}: sampleWeight has ${w.length} entries but X has ${rows} rows; give one weight per row.`);
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i]!;
    if (!(v >= 0) || !Number.isFinite(v)) throw new DataError(`${who}: sampleWeight[${i}] is ${v}; weights must be finite and >= 0.`);
    total += v;
  }
  if (!(total > 0)) throw new DataError(`${who}: sampleWeight sums to 0; at least one row needs a positive weight.`);
  return w;
}

/** Raw margins (`rows × outputs`) of new data under a fitted state, on `nThreads` threads (0: all cores). */
export function marginsOf(state: BoosterState, X: MatrixInput, who: string, nThreads = 1): { margins: Float64Array; rows: number } {
  const m = featureMatrix(X, who);
  if (m.cols !== state.nFeatures) checkFeatureCount(toMatrix(X, { allowNaN: true, estimator: who }), state.nFeatures, who);
  const threads = nThreads === 0 ? Math.min(8, availableThreads()) : nThreads;
  const margins = predictMargins(state.forest, state.categories, m.data, m.rows, m.cols, state.baseMargin, undefined, threads);
  return { margins, rows: m.rows };
}

/** SHAP values (`rows × outputs × (cols + 1)`, the expected value last) of new data. */
export function shapOf(state: BoosterState, X: MatrixInput, who: string): { values: Float64Array; rows: number } {
  const m = toMatrix(X, { allowNaN: true, estimator: who });
  checkFeatureCount(m, state.nFeatures, who);
  return { values: shapValues(state.forest, state.categories, m.data, m.rows, m.cols, state.baseMargin), rows: m.rows };
}
