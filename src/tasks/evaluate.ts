/** The metrics `evaluate` reports for tabular classifiers and regressors. */
import {
  type Label, accuracyScore, balancedAccuracyScore, confusionMatrix, f1Score, logLoss, meanAbsoluteError, r2Score, rocAucScore,
  rootMeanSquaredError,
} from '../learn/index.js';
import type { NdArray } from '../tensor/index.js';

export interface ClassificationMetrics {
  /** Rows evaluated. */
  rows: number;
  accuracy: number;
  balancedAccuracy: number;
  /** F1 averaged over classes with equal weight. */
  f1Macro: number;
  /** Mean negative log-likelihood of the true class under the predicted probabilities. */
  logLoss: number;
  /** ROC AUC of the second class's probability: binary targets whose rows hold both classes only. */
  auc?: number;
  /** Rows: true class; columns: predicted class; both in `labels` order. */
  confusionMatrix: { labels: Label[]; matrix: number[][] };
}

export interface RegressionMetrics {
  rows: number;
  r2: number;
  rmse: number;
  mae: number;
}

export function classificationMetrics(truth: Label[], predicted: Label[], proba: NdArray, classes: readonly Label[]): ClassificationMetrics {
  const metrics: ClassificationMetrics = {
    rows: truth.length,
    accuracy: accuracyScore(truth, predicted),
    balancedAccuracy: balancedAccuracyScore(truth, predicted),
    f1Macro: f1Score(truth, predicted, { average: 'macro' }),
    logLoss: logLoss(truth, proba, { labels: classes }),
    confusionMatrix: confusionMatrix(truth, predicted, { labels: [...classes] }),
  };
  if (classes.length === 2 && new Set(truth).size === 2) {
    const p = proba.toFloat64Array();
    metrics.auc = rocAucScore(truth, Float64Array.from(truth, (_, i) => p[2 * i + 1]!));
  }
  return metrics;
}

export function regressionMetrics(truth: Float64Array, predicted: Float64Array): RegressionMetrics {
  return {
    rows: truth.length,
    r2: r2Score(truth, predicted) as number,
    rmse: rootMeanSquaredError(truth, predicted) as number,
    mae: meanAbsoluteError(truth, predicted) as number,
  };
}
