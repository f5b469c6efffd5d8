/** Accuracy and balanced accuracy. */
import type { LabelInput } from '../base/input.js';
import { confusionMatrix } from './confusion-matrix.js';
import { type ScoreInput, checkTargets, toWeights } from './targets.js';

export interface AccuracyOptions {
  /** Fraction correct (default true) or the count. */
  normalize?: boolean;
  sampleWeight?: ScoreInput;
}

/**
 * Fraction (or number) of samples whose predicted label equals the true one.
 *
 * @example
 * accuracyScore(['a', 'b', 'b'], ['a', 'b', 'a']); // 0.6666…
 */
export function accuracyScore(yTrue: LabelInput, yPred: LabelInput, options: AccuracyOptions = {}): number {
  const t = checkTargets(yTrue, yPred, 'accuracyScore');
  const w = toWeights(options.sampleWeight, t.yTrue.length, 'accuracyScore');
  let hits = 0;
  let total = 0;
  for (let i = 0; i < t.yTrue.length; i++) {
    const wi = w ? w[i]! : 1;
    if (t.yTrue[i] === t.yPred[i]) hits += wi;
    total += wi;
  }
  return options.normalize === false ? hits : hits / total;
}

export interface BalancedAccuracyOptions {
  /** Rescale so that chance scores 0 and perfect 1 (default false). */
  adjusted?: boolean;
  sampleWeight?: ScoreInput;
}

/**
 * The mean of per-class recall over the classes present in yTrue (robust to class imbalance).
 *
 * @example
 * balancedAccuracyScore([0, 0, 0, 1], [0, 0, 0, 0]); // 0.5
 */
export function balancedAccuracyScore(yTrue: LabelInput, yPred: LabelInput, options: BalancedAccuracyOptions = {}): number {
  const { matrix } = confusionMatrix(yTrue, yPred, { sampleWeight: options.sampleWeight });
  const perClass: number[] = [];
  matrix.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    if (total > 0) perClass.push(row[i]! / total);
  });
  let score = perClass.reduce((a, b) => a + b, 0) / perClass.length;
  if (options.adjusted) {
    const chance = 1 / perClass.length;
    score = (score - chance) / (1 - chance);
  }
  return score;
}
