/**
 * The metrics AutoML optimizes, computed from out-of-fold predictions (labels or class
 * probabilities), with their direction so the search can always maximize a "gain".
 */
import {
  ParamError, type Label, accuracyScore, balancedAccuracyScore, f1Score, logLoss, meanAbsoluteError, r2Score, rocAucScore, rootMeanSquaredError,
} from '../learn/index.js';
import type { AutoMLMetric, AutoMLTask } from './types.js';

/** Predictions for some rows: labels and, for classifiers, probabilities (columns in `classes` order). */
export interface Predictions {
  labels?: Label[];
  values?: Float64Array;
  /** Row-major n × classes. */
  proba?: Float64Array;
}

export interface MetricSpec {
  name: AutoMLMetric;
  task: AutoMLTask;
  /** True when a larger value is better (accuracy, r2); false for losses (log_loss, rmse, mae). */
  greaterIsBetter: boolean;
  /** Needs class probabilities rather than labels. */
  needsProba: boolean;
  /** The metric of predictions `p` against the truth. `classes` is the probability column order. */
  compute(truth: readonly Label[], p: Predictions, classes: readonly Label[]): number;
}

function probaRows(p: Predictions, k: number): number[][] {
  const flat = p.proba!;
  const n = flat.length / k;
  return Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * k, (i + 1) * k)));
}

const METRICS: Record<AutoMLMetric, MetricSpec> = {
  accuracy: { name: 'accuracy', task: 'classification', greaterIsBetter: true, needsProba: false, compute: (t, p) => accuracyScore(t as Label[], p.labels!) },
  balanced_accuracy: {
    name: 'balanced_accuracy', task: 'classification', greaterIsBetter: true, needsProba: false,
    compute: (t, p) => balancedAccuracyScore(t as Label[], p.labels!),
  },
  f1_macro: {
    name: 'f1_macro', task: 'classification', greaterIsBetter: true, needsProba: false,
    compute: (t, p, classes) => f1Score(t as Label[], p.labels!, { average: 'macro', labels: classes as Label[] }),
  },
  roc_auc: {
    name: 'roc_auc', task: 'classification', greaterIsBetter: true, needsProba: true,
    compute: (t, p, classes) => {
      if (classes.length === 2) {
        const pos = probaRows(p, 2).map((r) => r[1]!);
        return rocAucScore(t.map((l) => (l === classes[1] ? 1 : 0)), pos);
      }
      return rocAucScore(t as Label[], probaRows(p, classes.length), { multiClass: 'ovr', labels: classes as Label[] });
    },
  },
  log_loss: {
    name: 'log_loss', task: 'classification', greaterIsBetter: false, needsProba: true,
    compute: (t, p, classes) => logLoss(t as Label[], probaRows(p, classes.length), { labels: classes as Label[], eps: 1e-15 }),
  },
  r2: { name: 'r2', task: 'regression', greaterIsBetter: true, needsProba: false, compute: (t, p) => r2Score(t as number[], p.values!) as number },
  rmse: { name: 'rmse', task: 'regression', greaterIsBetter: false, needsProba: false, compute: (t, p) => rootMeanSquaredError(t as number[], p.values!) as number },
  mae: { name: 'mae', task: 'regression', greaterIsBetter: false, needsProba: false, compute: (t, p) => meanAbsoluteError(t as number[], p.values!) as number },
};

/** Metric names for a task, the default first. */
export function metricNames(task: AutoMLTask): AutoMLMetric[] {
  return (Object.keys(METRICS) as AutoMLMetric[]).filter((m) => METRICS[m].task === task);
}

/** The spec of `name` for `task` (default accuracy / r2); an unknown or mismatched name lists the valid ones. */
export function resolveMetric(name: string | undefined, task: AutoMLTask): MetricSpec {
  const chosen = name ?? (task === 'classification' ? 'accuracy' : 'r2');
  const spec = METRICS[chosen as AutoMLMetric];
  if (!spec || spec.task !== task) {
    throw new ParamError(`Metric '${chosen}' does not apply to ${task}; use one of ${metricNames(task).join(', ')}.`);
  }
  return spec;
}
