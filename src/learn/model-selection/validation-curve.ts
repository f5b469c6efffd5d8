/** validationCurve: scores as one parameter varies. */
import { type LabelInput, toLabels } from '../base/input.js';
import type { TableInput } from '../compose/table.js';
import type { Scorer } from '../metrics/scorer.js';
import { fitAndScore, resolveScorers } from './cross-validate.js';
import { type CvEstimator, type CvOption, resolveFolds } from './cv.js';

export interface ValidationCurveOptions {
  /** The parameter to vary (`step__param` for pipelines). */
  paramName: string;
  paramRange: readonly unknown[];
  cv?: CvOption;
  scoring?: string | Scorer;
  groups?: LabelInput;
}

/**
 * Cross-validated train and test scores for each value of one parameter
 * (scikit-learn's validation_curve). Scores are values × folds.
 *
 * @example
 * validationCurve(new Ridge(), X, y, { paramName: 'alpha', paramRange: [0.1, 1, 10], cv: 3 });
 */
export function validationCurve(
  estimator: CvEstimator,
  X: TableInput,
  y: LabelInput | undefined,
  options: ValidationCurveOptions,
): { trainScores: number[][]; testScores: number[][] } {
  const labels = y === undefined ? undefined : toLabels(y, undefined, 'validationCurve');
  const folds = resolveFolds(options.cv, estimator, X, labels, options.groups);
  const scorers = resolveScorers(options.scoring);
  const trainScores: number[][] = [];
  const testScores: number[][] = [];
  for (const value of options.paramRange) {
    const est = estimator.clone().setParams({ [options.paramName]: value } as never) as CvEstimator;
    const tr: number[] = [];
    const te: number[] = [];
    for (const fold of folds) {
      const r = fitAndScore(est, X, labels, fold.train, fold.test, scorers, true);
      tr.push(r.train!.score!);
      te.push(r.test.score!);
    }
    trainScores.push(tr);
    testScores.push(te);
  }
  return { trainScores, testScores };
}
