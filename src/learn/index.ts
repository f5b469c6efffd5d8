/**
 * strata/learn — the estimator contract and classical machine learning (scikit-learn, XGBoost).
 *
 * @example
 * import { Ridge } from 'strata/learn';
 * const model = new Ridge({ alpha: 1 }).fit(X, y);
 * model.predict(Xnew);
 */
export { Estimator, type EstimatorJSON, registerEstimator, estimatorClass, registeredEstimators, kebabName } from './base/estimator.js';
export { Classifier, Regressor, Transformer, Clusterer, type ProbabilisticClassifier } from './base/kinds.js';
export { NotFittedError, DataError, ParamError } from './base/errors.js';
export type { TrainingRun, FitOptions } from './base/run.js';
export {
  type FrameLike, type MatrixInput, type Label, type LabelInput, type Matrix, type MatrixOptions,
  toMatrix, toLabels, toTargets, encodeLabels, checkFeatureCount, isFrameLike,
} from './base/input.js';
