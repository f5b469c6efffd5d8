/** Turning a `cv` option into folds, and telling classifiers apart (for stratified defaults). */
import { ParamError } from '../base/errors.js';
import type { Estimator } from '../base/estimator.js';
import { type LabelInput, toLabels } from '../base/input.js';
import { Classifier } from '../base/kinds.js';
import type { FitOptions } from '../base/run.js';
import { Pipeline } from '../compose/pipeline.js';
import type { TableInput } from '../compose/table.js';
import type { ScorableEstimator } from '../metrics/scorer.js';
import { typeOfTarget } from '../metrics/targets.js';
import { KFold } from './k-fold.js';
import type { Fold, Splitter } from './splitter.js';
import { StratifiedKFold } from './stratified-k-fold.js';

/** An estimator cross-validation can clone, fit and score. */
export type CvEstimator = Estimator<any, any> & ScorableEstimator & { fit(X: any, y?: any, options?: FitOptions): unknown };

/** A fold count (stratified for classifiers), a splitter, or explicit folds. */
export type CvOption = number | Splitter | readonly Fold[];

/** True for classifiers, including pipelines that end in one. */
export function isClassifier(est: unknown): boolean {
  if (est instanceof Classifier) return true;
  if (est instanceof Pipeline) return isClassifier(est.finalEstimator);
  return typeof est === 'object' && est !== null && (est as { estimatorType?: string }).estimatorType === 'classifier';
}

/** The folds for X and y: StratifiedKFold for classifiers with class labels, else KFold (unshuffled). */
export function resolveFolds(cv: CvOption | undefined, estimator: unknown, X: TableInput, y?: LabelInput, groups?: LabelInput): Fold[] {
  if (Array.isArray(cv)) return cv as Fold[];
  let splitter: Splitter;
  if (cv === undefined || typeof cv === 'number') {
    const nSplits = cv ?? 5;
    const classes = y !== undefined && isClassifier(estimator) && typeOfTarget(toLabels(y)) !== 'continuous';
    splitter = classes ? new StratifiedKFold({ nSplits }) : new KFold({ nSplits });
  } else if (typeof (cv as Splitter).split === 'function') splitter = cv as Splitter;
  else throw new ParamError('cv must be a number of folds, a splitter (KFold, StratifiedKFold, …) or a list of { train, test } folds.');
  return splitter.split(X, y, groups);
}
