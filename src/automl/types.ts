/** The public types of the AutoML search: its options, its progress events and its result. */
import type { Pipeline } from '../learn/index.js';

export type AutoMLTask = 'classification' | 'regression';

/** Metrics the search can optimize; higher is better after `metricDirection` is applied. */
export type ClassificationMetric = 'accuracy' | 'balanced_accuracy' | 'f1_macro' | 'roc_auc' | 'log_loss';
export type RegressionMetric = 'r2' | 'rmse' | 'mae';
export type AutoMLMetric = ClassificationMetric | RegressionMetric;

export interface AutoMLOptions {
  /** Column to predict. */
  target: string;
  /** Inferred from the target when absent: strings, booleans and small integer codes are classification. */
  task?: AutoMLTask;
  /** Wall-clock budget for the search in seconds (the final refit comes on top). Default 60. */
  timeBudgetSeconds?: number;
  /** Default `accuracy` for classification, `r2` for regression. */
  metric?: string;
  /** Cross-validation folds. Default 5, or 3 when rows × columns is large for the budget (see the notes). */
  cv?: number;
  /** Seed for folds, samplers and every model's randomState. Default 0. */
  seed?: number;
  /** Portfolio to search, as kebab-case model names (`random-forest`, `gradient-boosting`, …). Default: all that fit the task. */
  models?: string[];
  /** Build a greedy ensemble of the best models from their out-of-fold predictions. Default true. */
  ensemble?: boolean;
  /** Stop after this many trials even if time is left (with a generous budget, makes a run exactly reproducible). */
  maxTrials?: number;
  /** Called as the search advances (for a progress bar). */
  onProgress?: (p: AutoMLProgress) => void;
  /** Called after every finished or stopped trial (the CLI logs each as a nested run). */
  onTrial?: (t: TrialRecord) => void;
}

export interface AutoMLProgress {
  /** 'audit' | 'search' | 'ensemble' | 'refit' */
  phase: 'audit' | 'search' | 'ensemble' | 'refit';
  /** Seconds spent so far. */
  elapsedSeconds: number;
  /** The search budget in seconds. */
  budgetSeconds: number;
  /** Trials finished so far. */
  trials: number;
  /** Best cross-validated score so far (in the metric's own units), or null before the first trial. */
  bestScore: number | null;
  /** Model of the best trial so far. */
  bestModel: string | null;
}

/** One evaluated configuration. */
export interface TrialRecord {
  /** 1-based trial number. */
  id: number;
  /** Portfolio name, e.g. `random-forest`. */
  model: string;
  /** The registered estimator name actually fitted, e.g. `random-forest-classifier`. */
  estimator: string;
  params: Record<string, unknown>;
  /** The metric the folds were scored with. */
  metric: AutoMLMetric;
  /** Mean score over the folds that ran, in the metric's own units (NaN when it failed). */
  score: number;
  std: number;
  folds: number[];
  fitSeconds: number;
  predictSeconds: number;
  /** 'complete', 'pruned' (stopped early because its first folds were clearly worse) or 'failed'. */
  status: 'complete' | 'pruned' | 'failed';
  /** Why a trial failed or was pruned. */
  error?: string;
}

export interface LeaderboardEntry {
  model: string;
  params: Record<string, unknown>;
  /** Mean cross-validated score in the metric's own units (e.g. RMSE for `rmse`). */
  score: number;
  /** Population standard deviation of the fold scores. */
  std: number;
  /** Mean seconds to fit one fold model. */
  fitSeconds: number;
  /** Mean seconds to predict one fold's held-out rows. */
  predictSeconds: number;
  folds: number[];
  notes?: string;
}

export interface AutoMLResult {
  task: AutoMLTask;
  metric: AutoMLMetric;
  /** Best score first, one entry per portfolio model (its best configuration) plus the ensemble when it won. */
  leaderboard: LeaderboardEntry[];
  /**
   * The model chosen and refitted (its entry's notes start with 'selected'). It is the top of the
   * leaderboard unless a later-found model beat it by less than one standard error (see notes).
   */
  best: { model: string; score: number };
  /** The winner fitted on all rows: raw columns in (every column but the target), predictions out. */
  pipeline: Pipeline;
  /** Input columns the pipeline takes (the frame's columns minus the target and dropped columns). */
  features: string[];
  /** Preprocessing decisions, one line each. */
  preprocessing: string[];
  /** Audit findings and search notes (dropped ID/leaky/constant columns, skipped models, …). */
  notes: string[];
  /** Trials run, pruned ones included. */
  trials: number;
  /** Class labels (classification only). */
  classes?: (string | number | boolean)[];
  /** The winner's out-of-fold predictions on the rows searched (for diagnostic plots). */
  outOfFold: {
    truth: (string | number | boolean)[];
    predictions: (string | number | boolean)[];
    /** Row-wise class probabilities, columns in `classes` order (classification). */
    probabilities?: number[][];
    classes?: (string | number | boolean)[];
  };
  /** Search wall time in seconds. */
  elapsedSeconds: number;
}
