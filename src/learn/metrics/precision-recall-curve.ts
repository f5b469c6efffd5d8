/** Precision-recall curve and average precision. */
import { DataError, ParamError } from '../base/errors.js';
import { type Label, type LabelInput, toLabels } from '../base/input.js';
import { binaryClfCurve } from './binary-curve.js';
import { type ScoreInput, type ScoreMatrixInput, checkLength, toScoreMatrix, toWeights, typeOfTarget, uniqueLabels } from './targets.js';

export interface PrecisionRecallCurve {
  /** Precision at each threshold (recall decreasing), ending with 1. */
  precision: Float64Array;
  /** Recall, decreasing, ending with 0. */
  recall: Float64Array;
  /** Increasing distinct scores. */
  thresholds: Float64Array;
}

/**
 * Precision and recall at every distinct score threshold (scikit-learn 1.2's
 * precision_recall_curve: the full curve, with the final point precision 1, recall 0).
 *
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
 */
export function precisionRecallCurve(
  yTrue: LabelInput,
  probasPred: ScoreInput,
  options: { posLabel?: Label; sampleWeight?: ScoreInput } = {},
): PrecisionRecallCurve {
  const { fps, tps, thresholds } = binaryClfCurve(yTrue, probasPred, options.posLabel, options.sampleWeight, 'precisionRecallCurve');
  const n = tps.length;
  const lastT = tps[n - 1]!;
  const precision = new Float64Array(n + 1);
  const recall = new Float64Array(n + 1);
  const thr = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = n - 1 - k;
    const ps = tps[i]! + fps[i]!;
    precision[k] = ps !== 0 ? tps[i]! / ps : 0;
    recall[k] = lastT === 0 ? 1 : tps[i]! / lastT;
    thr[k] = thresholds[i]!;
  }
  precision[n] = 1;
  recall[n] = 0;
  return { precision, recall, thresholds: thr };
}

function binaryAp(yTrue: readonly Label[], scores: ScoreInput, posLabel: Label, weights: Float64Array | undefined): number {
  const { precision, recall } = precisionRecallCurve(yTrue, scores, { posLabel, sampleWeight: weights });
  let s = 0;
  for (let i = 0; i < recall.length - 1; i++) s += (recall[i + 1]! - recall[i]!) * precision[i]!;
  return -s;
}

export interface AveragePrecisionOptions {
  /** Multiclass averaging: 'macro' (default), 'micro', 'weighted', or null for per-class values. */
  average?: 'micro' | 'macro' | 'weighted' | null;
  /** Binary positive class (default 1). */
  posLabel?: Label;
  sampleWeight?: ScoreInput;
}

/**
 * Average precision: the precision-recall curve summarized as Σ (R_n − R_{n−1}) P_n (no
 * interpolation). Multiclass targets are binarized one-vs-rest with yScore as n × classes.
 *
 * @example
 * averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.8333…
 */
export function averagePrecisionScore(yTrue: LabelInput, yScore: ScoreInput | ScoreMatrixInput, options?: AveragePrecisionOptions & { average?: 'micro' | 'macro' | 'weighted' }): number;
export function averagePrecisionScore(yTrue: LabelInput, yScore: ScoreInput | ScoreMatrixInput, options: AveragePrecisionOptions & { average: null }): number[];
export function averagePrecisionScore(yTrue: LabelInput, yScore: ScoreInput | ScoreMatrixInput, options: AveragePrecisionOptions = {}): number | number[] {
  const metric = 'averagePrecisionScore';
  const labels = toLabels(yTrue, undefined, metric);
  const S = toScoreMatrix(yScore as ScoreMatrixInput, metric);
  checkLength(labels.length, S.rows, metric, 'yScore');
  const w = toWeights(options.sampleWeight, labels.length, metric) ?? undefined;
  const type = typeOfTarget(labels);
  const posLabel = options.posLabel ?? 1;
  if (type === 'continuous') throw new DataError(`${metric}: yTrue holds continuous values; it needs class labels.`);
  if (type === 'binary') {
    const present = uniqueLabels(labels);
    if (present.length === 2 && !present.includes(posLabel)) {
      throw new DataError(`${metric}: posLabel=${JSON.stringify(posLabel)} is not a valid label; it should be one of ${present.map((p) => JSON.stringify(p)).join(', ')}.`);
    }
    if (S.cols !== 1) throw new DataError(`${metric}: for a binary target pass a 1-d yScore (the score of the positive class).`);
    return binaryAp(labels, S.data, posLabel, w);
  }
  if (options.posLabel !== undefined && options.posLabel !== 1) {
    throw new ParamError(`${metric}: posLabel is fixed to 1 for multiclass yTrue; do not set it.`);
  }
  const classes = uniqueLabels(labels);
  if (classes.length !== S.cols) {
    throw new DataError(`${metric}: yTrue has ${classes.length} classes but yScore has ${S.cols} columns; they must match.`);
  }
  const average = options.average === undefined ? 'macro' : options.average;
  if (average === 'micro') {
    const yy: number[] = [];
    const ss: number[] = [];
    const ww: number[] = [];
    for (let i = 0; i < S.rows; i++) {
      for (let j = 0; j < S.cols; j++) {
        yy.push(labels[i] === classes[j] ? 1 : 0);
        ss.push(S.data[i * S.cols + j]!);
        if (w) ww.push(w[i]!);
      }
    }
    return binaryAp(yy, ss, 1, w ? Float64Array.from(ww) : undefined);
  }
  const per = classes.map((c, j) => {
    const yc: number[] = labels.map((l) => (l === c ? 1 : 0));
    const sc = Float64Array.from({ length: S.rows }, (_, i) => S.data[i * S.cols + j]!);
    return { score: binaryAp(yc, sc, 1, w), weight: yc.reduce((a, b, i) => a + b * (w ? w[i]! : 1), 0) };
  });
  if (average === null) return per.map((p) => p.score);
  if (average === 'weighted') {
    const total = per.reduce((a, p) => a + p.weight, 0);
    if (Math.abs(total) < 1e-8) return 0;
    return per.reduce((a, p) => a + (p.weight === 0 ? 0 : p.score * p.weight), 0) / total;
  }
  return per.reduce((a, p) => a + p.score, 0) / per.length;
}
