/** Precision, recall, F-beta and support, per class or averaged. */
import { DataError, ParamError } from '../base/errors.js';
import type { Label, LabelInput } from '../base/input.js';
import { type ScoreInput, checkTargets, toWeights, uniqueLabels } from './targets.js';

export type Average = 'binary' | 'micro' | 'macro' | 'weighted' | null;

export interface PrecisionRecallOptions {
  /** 'binary' (default for the scores; only posLabel), 'micro', 'macro', 'weighted', or null for per-class values. */
  average?: Average;
  /** The positive class for average 'binary' (default 1). */
  posLabel?: Label;
  /** Labels to include, in output order (default: all labels, sorted). */
  labels?: readonly Label[];
  /** Value when a ratio is 0/0: 0 (default, 'warn' in scikit-learn) or 1. */
  zeroDivision?: 0 | 1 | 'warn';
  sampleWeight?: ScoreInput;
}

export interface PrecisionRecallFscoreSupport<T> {
  precision: T;
  recall: T;
  fscore: T;
  /** Samples of each class in yTrue (per class), or null when averaged. */
  support: number[] | null;
  /** The labels the per-class values refer to. */
  labels: Label[];
}

function divide(num: number[], den: number[], zd: number): number[] {
  return num.map((v, i) => (den[i] === 0 ? zd : v / den[i]!));
}

const weightedMean = (x: number[], w: number[] | null): number => {
  if (!w) return x.reduce((a, b) => a + b, 0) / x.length;
  let s = 0;
  let t = 0;
  x.forEach((v, i) => ((s += v * w[i]!), (t += w[i]!)));
  return s / t;
};

/**
 * Precision, recall, F-beta and support (scikit-learn's precision_recall_fscore_support).
 * With `average: null` (the default here) the values are per label; otherwise single numbers.
 *
 * @example
 * precisionRecallFscoreSupport(['a', 'b', 'b'], ['a', 'b', 'a']);
 * // { precision: [0.5, 1], recall: [1, 0.5], fscore: [0.667, 0.667], support: [1, 2], labels: ['a', 'b'] }
 */
export function precisionRecallFscoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: PrecisionRecallOptions & { beta?: number; average: Exclude<Average, null> },
): PrecisionRecallFscoreSupport<number>;
export function precisionRecallFscoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: PrecisionRecallOptions & { beta?: number; average?: null },
): PrecisionRecallFscoreSupport<number[]>;
export function precisionRecallFscoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: PrecisionRecallOptions & { beta?: number } = {},
): PrecisionRecallFscoreSupport<number | number[]> {
  const metric = 'precisionRecallFscoreSupport';
  const beta = options.beta ?? 1;
  if (!(beta >= 0)) throw new ParamError(`${metric}: beta must be >= 0, got ${beta}.`);
  const average = options.average ?? null;
  if (![null, 'binary', 'micro', 'macro', 'weighted'].includes(average)) {
    throw new ParamError(`${metric}: average must be 'binary', 'micro', 'macro', 'weighted' or null, got '${String(average)}'.`);
  }
  const zd = options.zeroDivision === 1 ? 1 : 0;
  const t = checkTargets(yTrue, yPred, metric);
  const w = toWeights(options.sampleWeight, t.yTrue.length, metric);
  const present = uniqueLabels(t.yTrue, t.yPred);
  let labels = options.labels ? [...options.labels] : null;
  if (average === 'binary') {
    const pos = options.posLabel ?? 1;
    if (t.type !== 'binary') {
      throw new DataError(`${metric}: the target is multiclass but average is 'binary'; choose average 'micro', 'macro', 'weighted' or null.`);
    }
    if (!present.includes(pos) && present.length >= 2) {
      throw new DataError(`${metric}: posLabel=${JSON.stringify(pos)} is not a valid label; it should be one of ${present.map((p) => JSON.stringify(p)).join(', ')}.`);
    }
    labels = [pos];
  }
  const used = labels ?? present;
  const index = new Map(used.map((l, i) => [l, i]));
  const k = used.length;
  const tp = new Array<number>(k).fill(0);
  const predSum = new Array<number>(k).fill(0);
  const trueSum = new Array<number>(k).fill(0);
  for (let i = 0; i < t.yTrue.length; i++) {
    const wi = w ? w[i]! : 1;
    const a = index.get(t.yTrue[i]!);
    const b = index.get(t.yPred[i]!);
    if (a !== undefined) trueSum[a]! += wi;
    if (b !== undefined) predSum[b]! += wi;
    if (a !== undefined && t.yTrue[i] === t.yPred[i]) tp[a]! += wi;
  }
  let [tpS, predS, trueS] = [tp, predSum, trueSum];
  if (average === 'micro') {
    const sum = (x: number[]): number[] => [x.reduce((p, q) => p + q, 0)];
    [tpS, predS, trueS] = [sum(tp), sum(predSum), sum(trueSum)];
  }
  const precision = divide(tpS, predS, zd);
  const recall = divide(tpS, trueS, zd);
  const b2 = beta * beta;
  const fscore = precision.map((p, i) => {
    if (beta === Infinity) return recall[i]!;
    let den = b2 * p + recall[i]!;
    if (den === 0) den = 1;
    return ((1 + b2) * p * recall[i]!) / den;
  });
  if (average === null) return { precision, recall, fscore, support: trueSum, labels: used };
  let weights: number[] | null = null;
  if (average === 'weighted') {
    weights = trueS;
    if (weights.reduce((a, b) => a + b, 0) === 0) {
      const allNegative = predS.reduce((a, b) => a + b, 0) === 0;
      return { precision: allNegative ? zd : 0, recall: zd, fscore: allNegative ? zd : 0, support: null, labels: used };
    }
  }
  return {
    precision: weightedMean(precision, weights),
    recall: weightedMean(recall, weights),
    fscore: weightedMean(fscore, weights),
    support: null,
    labels: used,
  };
}

type ScoreOptions = PrecisionRecallOptions;

function single(yTrue: LabelInput, yPred: LabelInput, options: ScoreOptions, beta: number, pick: 'precision' | 'recall' | 'fscore'): number | number[] {
  const average = options.average === undefined ? 'binary' : options.average;
  if (average === null) return precisionRecallFscoreSupport(yTrue, yPred, { ...options, beta, average: null })[pick];
  return precisionRecallFscoreSupport(yTrue, yPred, { ...options, beta, average })[pick];
}

/**
 * Precision tp / (tp + fp). Default average 'binary' with posLabel 1; per-label values with average null.
 *
 * @example
 * precisionScore([0, 1, 1, 0], [0, 1, 0, 1]);                         // 0.5
 * precisionScore(['a', 'b', 'c'], ['a', 'b', 'b'], { average: 'macro' }); // 0.5
 */
export function precisionScore(yTrue: LabelInput, yPred: LabelInput, options?: ScoreOptions & { average?: Exclude<Average, null> }): number;
export function precisionScore(yTrue: LabelInput, yPred: LabelInput, options: ScoreOptions & { average: null }): number[];
export function precisionScore(yTrue: LabelInput, yPred: LabelInput, options: ScoreOptions = {}): number | number[] {
  return single(yTrue, yPred, options, 1, 'precision');
}

/**
 * Recall tp / (tp + fn).
 *
 * @example
 * recallScore([0, 1, 1, 0], [0, 1, 0, 1]); // 0.5
 */
export function recallScore(yTrue: LabelInput, yPred: LabelInput, options?: ScoreOptions & { average?: Exclude<Average, null> }): number;
export function recallScore(yTrue: LabelInput, yPred: LabelInput, options: ScoreOptions & { average: null }): number[];
export function recallScore(yTrue: LabelInput, yPred: LabelInput, options: ScoreOptions = {}): number | number[] {
  return single(yTrue, yPred, options, 1, 'recall');
}

/**
 * F1, the harmonic mean of precision and recall.
 *
 * @example
 * f1Score(['a', 'b', 'b'], ['a', 'b', 'a'], { average: 'weighted' });
 */
export function f1Score(yTrue: LabelInput, yPred: LabelInput, options?: ScoreOptions & { average?: Exclude<Average, null> }): number;
export function f1Score(yTrue: LabelInput, yPred: LabelInput, options: ScoreOptions & { average: null }): number[];
export function f1Score(yTrue: LabelInput, yPred: LabelInput, options: ScoreOptions = {}): number | number[] {
  return single(yTrue, yPred, options, 1, 'fscore');
}

/**
 * F-beta: recall weighted beta times as much as precision.
 *
 * @example
 * fbetaScore([0, 1, 1, 0], [0, 1, 0, 1], 2);
 */
export function fbetaScore(yTrue: LabelInput, yPred: LabelInput, beta: number, options?: ScoreOptions & { average?: Exclude<Average, null> }): number;
export function fbetaScore(yTrue: LabelInput, yPred: LabelInput, beta: number, options: ScoreOptions & { average: null }): number[];
export function fbetaScore(yTrue: LabelInput, yPred: LabelInput, beta: number, options: ScoreOptions = {}): number | number[] {
  return single(yTrue, yPred, options, beta, 'fscore');
}
