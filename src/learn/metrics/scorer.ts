/**
 * Scorers: functions (estimator, X, y) → number where greater is better, by scikit-learn's names
 * ('accuracy', 'roc_auc', 'neg_mean_squared_error', …), used by cross-validation and searches.
 */
import { NdArray } from '../../tensor/index.js';
import { ParamError } from '../base/errors.js';
import { type Label, type LabelInput, toLabels } from '../base/input.js';
import { accuracyScore, balancedAccuracyScore } from './accuracy.js';
import { brierScoreLoss, logLoss } from './log-loss.js';
import { averagePrecisionScore } from './precision-recall-curve.js';
import { f1Score, precisionScore, recallScore } from './precision-recall-fscore.js';
import { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, r2Score, rootMeanSquaredError } from './regression.js';
import { rocAucScore } from './roc.js';

/** What a scorer needs from an estimator (duck-typed). */
export interface ScorableEstimator {
  predict?(X: any): Label[] | NdArray;
  predictProba?(X: any): NdArray;
  decisionFunction?(X: any): NdArray;
  score?(X: any, y: any): number;
  readonly classes?: Label[];
}

/** Greater is better. */
export type Scorer = (estimator: ScorableEstimator, X: any, y: LabelInput) => number;

function predictions(est: ScorableEstimator, X: unknown, name: string): Label[] {
  if (typeof est.predict !== 'function') throw new ParamError(`Scorer '${name}' needs an estimator with predict().`);
  const p = est.predict(X);
  return p instanceof NdArray ? (Array.from(p.toFloat64Array()) as Label[]) : p;
}

function numbers(est: ScorableEstimator, X: unknown, name: string): Float64Array {
  const p = predictions(est, X, name);
  return Float64Array.from(p, (v) => Number(v));
}

function proba(est: ScorableEstimator, X: unknown, name: string): NdArray {
  if (typeof est.predictProba !== 'function') throw new ParamError(`Scorer '${name}' needs an estimator with predictProba().`);
  return est.predictProba(X);
}

/** Scores for threshold metrics: the positive-class probability, or the decision function. */
function positiveScores(est: ScorableEstimator, X: unknown, name: string): NdArray | Float64Array {
  if (typeof est.predictProba === 'function') {
    const P = est.predictProba(X);
    if (P.ndim === 2 && P.shape[1] === 2) {
      const d = P.toFloat64Array();
      return Float64Array.from({ length: P.shape[0]! }, (_, i) => d[i * 2 + 1]!);
    }
    return P;
  }
  if (typeof est.decisionFunction === 'function') return est.decisionFunction(X);
  throw new ParamError(`Scorer '${name}' needs an estimator with predictProba() or decisionFunction().`);
}

const neg = (f: Scorer): Scorer => (e, X, y) => -f(e, X, y);
const numericTruth = (y: LabelInput): Float64Array => Float64Array.from(toLabels(y), (v) => Number(v));

const SCORERS: Record<string, Scorer> = {
  accuracy: (e, X, y) => accuracyScore(y, predictions(e, X, 'accuracy')),
  balanced_accuracy: (e, X, y) => balancedAccuracyScore(y, predictions(e, X, 'balanced_accuracy')),
  f1: (e, X, y) => f1Score(y, predictions(e, X, 'f1')),
  f1_micro: (e, X, y) => f1Score(y, predictions(e, X, 'f1_micro'), { average: 'micro' }),
  f1_macro: (e, X, y) => f1Score(y, predictions(e, X, 'f1_macro'), { average: 'macro' }),
  f1_weighted: (e, X, y) => f1Score(y, predictions(e, X, 'f1_weighted'), { average: 'weighted' }),
  precision: (e, X, y) => precisionScore(y, predictions(e, X, 'precision')),
  precision_macro: (e, X, y) => precisionScore(y, predictions(e, X, 'precision_macro'), { average: 'macro' }),
  precision_weighted: (e, X, y) => precisionScore(y, predictions(e, X, 'precision_weighted'), { average: 'weighted' }),
  recall: (e, X, y) => recallScore(y, predictions(e, X, 'recall')),
  recall_macro: (e, X, y) => recallScore(y, predictions(e, X, 'recall_macro'), { average: 'macro' }),
  recall_weighted: (e, X, y) => recallScore(y, predictions(e, X, 'recall_weighted'), { average: 'weighted' }),
  roc_auc: (e, X, y) => rocAucScore(y, positiveScores(e, X, 'roc_auc')),
  roc_auc_ovr: (e, X, y) => rocAucScore(y, proba(e, X, 'roc_auc_ovr'), { multiClass: 'ovr', labels: e.classes }),
  roc_auc_ovr_weighted: (e, X, y) => rocAucScore(y, proba(e, X, 'roc_auc_ovr_weighted'), { multiClass: 'ovr', average: 'weighted', labels: e.classes }),
  roc_auc_ovo: (e, X, y) => rocAucScore(y, proba(e, X, 'roc_auc_ovo'), { multiClass: 'ovo', labels: e.classes }),
  average_precision: (e, X, y) => averagePrecisionScore(y, positiveScores(e, X, 'average_precision')),
  neg_log_loss: (e, X, y) => -logLoss(y, proba(e, X, 'neg_log_loss'), { labels: e.classes }),
  neg_brier_score: (e, X, y) => -brierScoreLoss(y, positiveScores(e, X, 'neg_brier_score') as Float64Array, { posLabel: e.classes?.[1] }),
  r2: (e, X, y) => r2Score(numericTruth(y), numbers(e, X, 'r2')),
  neg_mean_squared_error: neg((e, X, y) => meanSquaredError(numericTruth(y), numbers(e, X, 'neg_mean_squared_error'))),
  neg_root_mean_squared_error: neg((e, X, y) => rootMeanSquaredError(numericTruth(y), numbers(e, X, 'neg_root_mean_squared_error'))),
  neg_mean_absolute_error: neg((e, X, y) => meanAbsoluteError(numericTruth(y), numbers(e, X, 'neg_mean_absolute_error'))),
  neg_mean_absolute_percentage_error: neg((e, X, y) => meanAbsolutePercentageError(numericTruth(y), numbers(e, X, 'neg_mean_absolute_percentage_error'))),
};

/** The names `getScorer` knows. */
export function scorerNames(): string[] {
  return Object.keys(SCORERS).sort();
}

/**
 * A scorer by name, or the function itself; undefined means the estimator's own `score`.
 *
 * @example
 * const acc = getScorer('accuracy');
 * acc(model, Xtest, ytest);
 */
export function getScorer(scoring: string | Scorer | undefined): Scorer {
  if (typeof scoring === 'function') return scoring;
  if (scoring === undefined) {
    return (e, X, y) => {
      if (typeof e.score !== 'function') throw new ParamError('The estimator has no score(); pass scoring, e.g. "accuracy" or "r2".');
      return e.score(X, y);
    };
  }
  const s = SCORERS[scoring];
  if (!s) throw new ParamError(`Unknown scoring '${scoring}'. Known scorers: ${scorerNames().join(', ')}.`);
  return s;
}
