/** learningCurve: scores as the training set grows. */
import { random } from '../../tensor/index.js';
import { ParamError } from '../base/errors.js';
import { type LabelInput, toLabels } from '../base/input.js';
import type { TableInput } from '../compose/table.js';
import type { Scorer } from '../metrics/scorer.js';
import { fitAndScore, resolveScorers } from './cross-validate.js';
import { type CvEstimator, type CvOption, resolveFolds } from './cv.js';

export interface LearningCurveOptions {
  /** Fractions in (0, 1] or counts of the largest training fold (default [0.1, 0.325, 0.55, 0.775, 1]). */
  trainSizes?: readonly number[];
  cv?: CvOption;
  scoring?: string | Scorer;
  /** Shuffle each training fold before taking prefixes (default false). */
  shuffle?: boolean;
  seed?: number;
  groups?: LabelInput;
}

export interface LearningCurve {
  /** Distinct absolute training sizes, ascending. */
  trainSizes: number[];
  /** sizes × folds */
  trainScores: number[][];
  testScores: number[][];
  fitTimes: number[][];
}

/**
 * Trains on growing prefixes of each training fold and scores on train and test
 * (scikit-learn's learning_curve).
 *
 * @example
 * const lc = learningCurve(model, X, y, { cv: 5, trainSizes: [0.2, 0.6, 1] });
 * lc.testScores.map((s) => mean(s));
 */
export function learningCurve(estimator: CvEstimator, X: TableInput, y?: LabelInput, options: LearningCurveOptions = {}): LearningCurve {
  const labels = y === undefined ? undefined : toLabels(y, undefined, 'learningCurve');
  const folds = resolveFolds(options.cv, estimator, X, labels, options.groups);
  const nMax = folds[0]!.train.length;
  const sizes = options.trainSizes ?? [0.1, 0.325, 0.55, 0.775, 1];
  const allFractions = sizes.every((s) => !Number.isInteger(s) || s === 1) && sizes.some((s) => !Number.isInteger(s));
  const abs = sizes.map((s) => {
    if (allFractions || (!Number.isInteger(s))) {
      if (!(s > 0 && s <= 1)) throw new ParamError(`learningCurve: fractional trainSizes must be in (0, 1], got ${s}.`);
      return Math.min(nMax, Math.max(1, Math.floor(s * nMax)));
    }
    if (s < 1 || s > nMax) throw new ParamError(`learningCurve: trainSizes counts must be in [1, ${nMax}], got ${s}.`);
    return s;
  });
  const unique = [...new Set(abs)].sort((a, b) => a - b);
  const scorers = resolveScorers(options.scoring);
  const rng = options.shuffle ? random.defaultRng(options.seed) : null;
  const out: LearningCurve = {
    trainSizes: unique,
    trainScores: unique.map(() => []),
    testScores: unique.map(() => []),
    fitTimes: unique.map(() => []),
  };
  for (const fold of folds) {
    const train = rng ? rng.permutation(Array.from(fold.train)) : Array.from(fold.train);
    unique.forEach((n, k) => {
      const r = fitAndScore(estimator, X, labels, train.slice(0, n), fold.test, scorers, true);
      out.trainScores[k]!.push(r.train!.score!);
      out.testScores[k]!.push(r.test.score!);
      out.fitTimes[k]!.push(r.fitTime);
    });
  }
  return out;
}
