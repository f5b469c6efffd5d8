/** crossValidate and crossValScore: fit and score an estimator on each fold. */
import { type Label, type LabelInput, toLabels } from '../base/input.js';
import type { TrainingRun } from '../base/run.js';
import { type TableInput, takeRows } from '../compose/table.js';
import { type Scorer, getScorer } from '../metrics/scorer.js';
import { type CvEstimator, type CvOption, resolveFolds } from './cv.js';
import type { Fold } from './splitter.js';

/** One scorer (a name or function) or several (names, or name → function). */
export type Scoring = string | Scorer | readonly string[] | Readonly<Record<string, string | Scorer>>;

export interface CrossValidateOptions {
  /** Folds: a count (default 5; stratified for classifiers), a splitter, or explicit folds. */
  cv?: CvOption;
  /** Scorer(s); default the estimator's own `score`. */
  scoring?: Scoring;
  /** Also score on each training set (default false). */
  returnTrainScore?: boolean;
  /** Keep the fitted estimator of each fold (default false). */
  returnEstimator?: boolean;
  /** Group labels for group splitters. */
  groups?: LabelInput;
  /** Logs each fold's scores (`cv_test_<name>`, step = fold) and their means (`cv_mean_test_<name>`). */
  run?: TrainingRun;
}

export interface CrossValidateResult<E> {
  /** Seconds to fit, per fold. */
  fitTime: number[];
  /** Seconds to score, per fold. */
  scoreTime: number[];
  /** Test scores of the (first) scorer, per fold. */
  testScore: number[];
  /** Test scores by scorer name ('score' for a single scorer). */
  test: Record<string, number[]>;
  trainScore?: number[];
  train?: Record<string, number[]>;
  estimators?: E[];
  folds: Fold[];
}

/** Named scorers from the scoring option. */
export function resolveScorers(scoring: Scoring | undefined): [string, Scorer][] {
  if (scoring === undefined || typeof scoring === 'string' || typeof scoring === 'function') return [['score', getScorer(scoring as string | Scorer | undefined)]];
  if (Array.isArray(scoring)) return (scoring as string[]).map((s) => [s, getScorer(s)]);
  return Object.entries(scoring as Record<string, string | Scorer>).map(([k, s]) => [k, getScorer(s)]);
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now()) / 1000;

/** Fits a clone on train rows and scores it; shared by crossValidate, searches and curves. */
export function fitAndScore<E extends CvEstimator>(
  estimator: E,
  X: TableInput,
  y: Label[] | undefined,
  train: ArrayLike<number>,
  test: ArrayLike<number>,
  scorers: [string, Scorer][],
  returnTrain: boolean,
): { model: E; fitTime: number; scoreTime: number; test: Record<string, number>; train?: Record<string, number> } {
  const model = estimator.clone() as E;
  const Xtr = takeRows(X, train);
  const ytr = y ? Array.from(train, (i) => y[i]!) : undefined;
  let t0 = now();
  model.fit(Xtr, ytr);
  const fitTime = now() - t0;
  t0 = now();
  const Xte = takeRows(X, test);
  const yte = y ? Array.from(test, (i) => y[i]!) : [];
  const testScores = Object.fromEntries(scorers.map(([name, s]) => [name, s(model, Xte, yte)]));
  const scoreTime = now() - t0;
  const trainScores = returnTrain ? Object.fromEntries(scorers.map(([name, s]) => [name, s(model, Xtr, ytr ?? [])])) : undefined;
  return { model, fitTime, scoreTime, test: testScores, train: trainScores };
}

/**
 * Cross-validates an estimator: for each fold, fits a clone on the training rows and scores it on
 * the test rows (scikit-learn's cross_validate). X may be a matrix, rows or a DataFrame.
 *
 * @example
 * const r = crossValidate(new Pipeline({ steps }), X, y, { cv: 5, scoring: ['accuracy', 'roc_auc'] });
 * r.test.accuracy; // five scores
 */
export function crossValidate<E extends CvEstimator>(estimator: E, X: TableInput, y?: LabelInput, options: CrossValidateOptions = {}): CrossValidateResult<E> {
  const labels = y === undefined ? undefined : toLabels(y, undefined, 'crossValidate');
  const folds = resolveFolds(options.cv, estimator, X, labels, options.groups);
  const scorers = resolveScorers(options.scoring);
  const result: CrossValidateResult<E> = { fitTime: [], scoreTime: [], testScore: [], test: {}, folds };
  for (const [name] of scorers) result.test[name] = [];
  if (options.returnTrainScore) {
    result.train = {};
    for (const [name] of scorers) result.train[name] = [];
  }
  if (options.returnEstimator) result.estimators = [];
  folds.forEach((fold, f) => {
    const r = fitAndScore(estimator, X, labels, fold.train, fold.test, scorers, options.returnTrainScore ?? false);
    result.fitTime.push(r.fitTime);
    result.scoreTime.push(r.scoreTime);
    for (const [name] of scorers) {
      result.test[name]!.push(r.test[name]!);
      if (r.train) result.train![name]!.push(r.train[name]!);
      options.run?.logMetric(`cv_test_${name}`, r.test[name]!, f);
    }
    result.estimators?.push(r.model);
  });
  result.testScore = result.test[scorers[0]![0]]!;
  if (result.train) result.trainScore = result.train[scorers[0]![0]]!;
  if (options.run) {
    for (const [name] of scorers) {
      const s = result.test[name]!;
      options.run.logMetric(`cv_mean_test_${name}`, s.reduce((a, b) => a + b, 0) / s.length);
    }
  }
  return result;
}

/**
 * Test scores of one scorer on each fold (scikit-learn's cross_val_score).
 *
 * @example
 * crossValScore(model, X, y, { cv: 5, scoring: 'accuracy' }); // [0.93, 0.96, …]
 */
export function crossValScore(
  estimator: CvEstimator,
  X: TableInput,
  y?: LabelInput,
  options: Omit<CrossValidateOptions, 'scoring' | 'returnTrainScore' | 'returnEstimator'> & { scoring?: string | Scorer } = {},
): number[] {
  return crossValidate(estimator, X, y, options).testScore;
}
