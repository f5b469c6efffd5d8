/** ROC curve, area under a curve, and ROC AUC (binary, one-vs-rest, one-vs-one). */
import { DataError, ParamError } from '../base/errors.js';
import { type Label, type LabelInput, toLabels } from '../base/input.js';
import { binaryClfCurve } from './binary-curve.js';
import { type ScoreInput, type ScoreMatrixInput, checkLength, toScoreMatrix, toWeights, typeOfTarget, uniqueLabels } from './targets.js';

export interface RocCurveOptions {
  /** The positive class (default 1 for labels {0, 1} or {-1, 1}). */
  posLabel?: Label;
  /** Drop thresholds that do not change the curve's shape (default true). */
  dropIntermediate?: boolean;
  sampleWeight?: ScoreInput;
}

export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** Decreasing; the first is max score + 1, so the curve starts at (0, 0) (scikit-learn 1.2). */
  thresholds: Float64Array;
}

/**
 * Receiver operating characteristic: false and true positive rates at each score threshold.
 *
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [1.8, 0.8, 0.4, 0.35, 0.1] }
 */
export function rocCurve(yTrue: LabelInput, yScore: ScoreInput, options: RocCurveOptions = {}): RocCurve {
  let { fps, tps, thresholds } = binaryClfCurve(yTrue, yScore, options.posLabel, options.sampleWeight, 'rocCurve');
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const d2f = fps[i + 1]! - 2 * fps[i]! + fps[i - 1]!;
      const d2t = tps[i + 1]! - 2 * tps[i]! + tps[i - 1]!;
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]!);
    tps = Float64Array.from(keep, (i) => tps[i]!);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]!);
  }
  const m = fps.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const thr = new Float64Array(m);
  const lastF = fps[fps.length - 1]!;
  const lastT = tps[tps.length - 1]!;
  thr[0] = thresholds[0]! + 1;
  for (let i = 1; i < m; i++) {
    fpr[i] = lastF <= 0 ? NaN : fps[i - 1]! / lastF;
    tpr[i] = lastT <= 0 ? NaN : tps[i - 1]! / lastT;
    thr[i] = thresholds[i - 1]!;
  }
  if (lastF <= 0) fpr[0] = NaN;
  if (lastT <= 0) tpr[0] = NaN;
  return { fpr, tpr, thresholds: thr };
}

/**
 * Area under a curve by the trapezoidal rule; x must be monotonic (either direction).
 *
 * @example
 * auc([0, 0.5, 1], [0, 0.75, 1]); // 0.625
 */
export function auc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new DataError(`auc: x has ${x.length} points but y has ${y.length}.`);
  if (x.length < 2) throw new DataError(`auc: at least 2 points are needed to compute an area, got ${x.length}.`);
  let direction = 1;
  let anyNeg = false;
  let allNonPos = true;
  for (let i = 1; i < x.length; i++) {
    const d = x[i]! - x[i - 1]!;
    if (d < 0) anyNeg = true;
    if (d > 0) allNonPos = false;
  }
  if (anyNeg) {
    if (!allNonPos) throw new DataError('auc: x is neither increasing nor decreasing; sort the points by x first.');
    direction = -1;
  }
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return direction * area;
}

function binaryRocAuc(yTrue: Label[], scores: Float64Array, posLabel: Label, weights: Float64Array | undefined, maxFpr: number | null): number {
  if (new Set(yTrue).size !== 2) {
    throw new DataError('rocAucScore: only one class is present in yTrue, so ROC AUC is not defined; evaluate on data with both classes (e.g. a stratified split).');
  }
  const { fpr, tpr } = rocCurve(yTrue, scores, { posLabel, sampleWeight: weights });
  if (maxFpr === null || maxFpr === 1) return auc(fpr, tpr);
  if (!(maxFpr > 0 && maxFpr <= 1)) throw new ParamError(`rocAucScore: maxFpr must be in (0, 1], got ${maxFpr}.`);
  // McClish-corrected partial AUC up to maxFpr.
  let stop = 0;
  while (stop < fpr.length && fpr[stop]! <= maxFpr) stop++;
  const x0 = fpr[stop - 1]!;
  const x1 = fpr[stop]!;
  const y0 = tpr[stop - 1]!;
  const y1 = tpr[stop]!;
  const yInterp = x1 === x0 ? y1 : y0 + ((maxFpr - x0) * (y1 - y0)) / (x1 - x0);
  const xs = [...fpr.subarray(0, stop), maxFpr];
  const ys = [...tpr.subarray(0, stop), yInterp];
  const partial = auc(xs, ys);
  const minArea = 0.5 * maxFpr ** 2;
  return 0.5 * (1 + (partial - minArea) / (maxFpr - minArea));
}

export interface RocAucOptions {
  /** Multiclass averaging: 'macro' (default) or 'weighted' by class prevalence; null for per-class values (ovr). */
  average?: 'macro' | 'weighted' | null;
  /** Multiclass strategy: 'ovr' (one-vs-rest) or 'ovo' (one-vs-one); required for more than two classes. */
  multiClass?: 'raise' | 'ovr' | 'ovo';
  /** Class order of yScore's columns (default: sorted labels of yTrue). */
  labels?: readonly Label[];
  /** Binary only: standardized partial AUC up to this false positive rate. */
  maxFpr?: number | null;
  sampleWeight?: ScoreInput;
}

/**
 * Area under the ROC curve. Binary: yScore holds the score of the greater label. Multiclass:
 * yScore is an n × classes matrix of probabilities (rows sum to 1) and `multiClass` is 'ovr' or 'ovo'.
 *
 * @example
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);                          // 0.75
 * rocAucScore(['a', 'b', 'c'], proba, { multiClass: 'ovr', average: 'weighted' });
 */
export function rocAucScore(yTrue: LabelInput, yScore: ScoreInput | ScoreMatrixInput, options?: RocAucOptions & { average?: 'macro' | 'weighted' }): number;
export function rocAucScore(yTrue: LabelInput, yScore: ScoreInput | ScoreMatrixInput, options: RocAucOptions & { average: null }): number[];
export function rocAucScore(yTrue: LabelInput, yScore: ScoreInput | ScoreMatrixInput, options: RocAucOptions = {}): number | number[] {
  const metric = 'rocAucScore';
  const labels = toLabels(yTrue, undefined, metric);
  const S = toScoreMatrix(yScore as ScoreMatrixInput, metric);
  checkLength(labels.length, S.rows, metric, 'yScore');
  const w = toWeights(options.sampleWeight, labels.length, metric) ?? undefined;
  const type = typeOfTarget(labels);
  if (type === 'continuous') throw new DataError(`${metric}: yTrue holds continuous values; it needs class labels.`);
  if (type === 'multiclass' || (type === 'binary' && S.cols > 2)) {
    if (options.maxFpr !== undefined && options.maxFpr !== null && options.maxFpr !== 1) {
      throw new ParamError(`${metric}: partial AUC (maxFpr) is only defined for binary targets.`);
    }
    const mc = options.multiClass ?? 'raise';
    if (mc !== 'ovr' && mc !== 'ovo') {
      throw new ParamError(`${metric}: yTrue has more than two classes, so set multiClass to 'ovr' (one-vs-rest) or 'ovo' (one-vs-one).`);
    }
    return multiclassRocAuc(labels, S, mc, options, w);
  }
  if (S.cols !== 1) {
    throw new DataError(`${metric}: for a binary target pass a 1-d yScore (the score of the greater label, e.g. proba column 1), got ${S.cols} columns.`);
  }
  const classes = uniqueLabels(labels);
  return binaryRocAuc(labels, S.data, classes[classes.length - 1]!, w, options.maxFpr ?? null);
}

function multiclassRocAuc(
  labels: Label[],
  S: { data: Float64Array; rows: number; cols: number },
  mc: 'ovr' | 'ovo',
  options: RocAucOptions,
  w: Float64Array | undefined,
): number | number[] {
  const metric = 'rocAucScore';
  for (let i = 0; i < S.rows; i++) {
    let s = 0;
    for (let j = 0; j < S.cols; j++) s += S.data[i * S.cols + j]!;
    if (Math.abs(s - 1) > 1e-8 + 1e-5) {
      throw new DataError(`${metric}: yScore row ${i} sums to ${s}; multiclass ROC AUC needs probabilities that sum to 1 over classes (use predictProba).`);
    }
  }
  const average = options.average === undefined ? 'macro' : options.average;
  if (average !== 'macro' && average !== 'weighted' && average !== null) {
    throw new ParamError(`${metric}: average must be 'macro', 'weighted' or null for multiclass problems.`);
  }
  let classes: Label[];
  if (options.labels) {
    classes = [...options.labels];
    const sorted = uniqueLabels(classes);
    if (sorted.length !== classes.length) throw new ParamError(`${metric}: labels must be unique.`);
    if (sorted.some((c, i) => c !== classes[i])) throw new ParamError(`${metric}: labels must be sorted.`);
    if (classes.length !== S.cols) throw new DataError(`${metric}: ${classes.length} labels given but yScore has ${S.cols} columns.`);
    const known = new Set(classes);
    const stray = labels.find((l) => !known.has(l));
    if (stray !== undefined) throw new DataError(`${metric}: yTrue contains ${JSON.stringify(stray)}, which is not in labels.`);
  } else {
    classes = uniqueLabels(labels);
    if (classes.length !== S.cols) {
      throw new DataError(`${metric}: yTrue has ${classes.length} classes but yScore has ${S.cols} columns; they must match (pass labels if some classes are absent).`);
    }
  }
  const col = (j: number, rows?: number[]): Float64Array =>
    rows ? Float64Array.from(rows, (i) => S.data[i * S.cols + j]!) : Float64Array.from({ length: S.rows }, (_, i) => S.data[i * S.cols + j]!);
  if (mc === 'ovr') {
    const scores = classes.map((c, j) => {
      const yc: number[] = labels.map((l) => (l === c ? 1 : 0));
      return { score: binaryRocAuc(yc, col(j), 1, w, null), weight: yc.reduce((a, b, i) => a + b * (w ? w[i]! : 1), 0) };
    });
    if (average === null) return scores.map((s) => s.score);
    if (average === 'weighted') {
      const total = scores.reduce((a, s) => a + s.weight, 0);
      if (Math.abs(total) < 1e-8) return 0;
      return scores.reduce((a, s) => a + (s.weight === 0 ? 0 : s.score * s.weight), 0) / total;
    }
    return scores.reduce((a, s) => a + s.score, 0) / scores.length;
  }
  if (average === null) throw new ParamError(`${metric}: average null is not implemented for multiClass 'ovo'.`);
  const index = new Map(classes.map((c, i) => [c, i]));
  const codes = labels.map((l) => index.get(l)!);
  const present = [...new Set(codes)].sort((a, b) => a - b);
  let total = 0;
  let weightSum = 0;
  for (let x = 0; x < present.length; x++) {
    for (let y = x + 1; y < present.length; y++) {
      const a = present[x]!;
      const b = present[y]!;
      const rows = codes.flatMap((c, i) => (c === a || c === b ? [i] : []));
      const aTrue = rows.map((i) => (codes[i] === a ? 1 : 0));
      const bTrue = rows.map((i) => (codes[i] === b ? 1 : 0));
      const score = (binaryRocAuc(aTrue, col(a, rows), 1, undefined, null) + binaryRocAuc(bTrue, col(b, rows), 1, undefined, null)) / 2;
      const weight = average === 'weighted' ? rows.length / codes.length : 1;
      total += score * weight;
      weightSum += weight;
    }
  }
  return total / weightSum;
}
