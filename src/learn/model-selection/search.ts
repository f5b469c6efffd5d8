/** The machinery shared by GridSearchCV and RandomizedSearchCV. */
import type { NdArray } from '../../tensor/index.js';
import { NotFittedError } from '../base/errors.js';
import { type Label, type LabelInput, toLabels } from '../base/input.js';
import type { TrainingRun } from '../base/run.js';
import type { TableInput } from '../compose/table.js';
import type { Scorer } from '../metrics/scorer.js';
import { fitAndScore, resolveScorers } from './cross-validate.js';
import { type CvEstimator, type CvOption, resolveFolds } from './cv.js';

export interface SearchOptions {
  /** One scorer by name or function (default: the estimator's score). */
  scoring?: string | Scorer;
  /** Folds (default 5; stratified for classifiers). */
  cv?: CvOption;
  /** Refit the best setting on all the data (default true). */
  refit?: boolean;
  /** Also record training scores (default false). */
  returnTrainScore?: boolean;
}

/** Per-candidate results, like scikit-learn's cv_results_. */
export interface CvResults {
  params: Record<string, unknown>[];
  meanTestScore: number[];
  stdTestScore: number[];
  /** 1 is best; ties share the lowest rank. */
  rankTestScore: number[];
  /** candidates × folds */
  splitTestScores: number[][];
  meanTrainScore?: number[];
  stdTrainScore?: number[];
  splitTrainScores?: number[][];
  meanFitTime: number[];
  stdFitTime: number[];
  meanScoreTime: number[];
  stdScoreTime: number[];
}

const mean = (x: number[]): number => x.reduce((a, b) => a + b, 0) / x.length;
const std = (x: number[]): number => {
  const m = mean(x);
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / x.length);
};

/** Minimum ranks of -scores (NaN ranks last). */
function rankMin(scores: number[]): number[] {
  return scores.map((s) => {
    if (Number.isNaN(s)) return scores.filter((t) => !Number.isNaN(t)).length + 1;
    return 1 + scores.filter((t) => !Number.isNaN(t) && t > s).length;
  });
}

export abstract class BaseSearchCV<E extends CvEstimator> {
  readonly estimator: E;
  readonly options: Required<Pick<SearchOptions, 'refit' | 'returnTrainScore'>> & SearchOptions;
  #results: CvResults | undefined;
  #best: E | undefined;
  #bestIndex = -1;

  constructor(estimator: E, options: SearchOptions) {
    this.estimator = estimator;
    this.options = { refit: true, returnTrainScore: false, ...options };
  }

  /** The parameter settings to try. */
  protected abstract candidates(): Record<string, unknown>[];

  /**
   * Cross-validates every candidate setting (on the same folds), ranks them by mean test score
   * and, with refit, fits the best on all of X.
   */
  fit(X: TableInput, y?: LabelInput, options: { groups?: LabelInput; run?: TrainingRun } = {}): this {
    const labels: Label[] | undefined = y === undefined ? undefined : toLabels(y, undefined, this.constructor.name);
    const folds = resolveFolds(this.options.cv, this.estimator, X, labels, options.groups);
    const scorers = resolveScorers(this.options.scoring);
    const params = this.candidates();
    const split: number[][] = [];
    const splitTrain: number[][] = [];
    const fitTimes: number[][] = [];
    const scoreTimes: number[][] = [];
    params.forEach((p, c) => {
      const est = this.estimator.clone().setParams(p as never) as E;
      const row: number[] = [];
      const rowTrain: number[] = [];
      const ft: number[] = [];
      const st: number[] = [];
      for (const fold of folds) {
        const r = fitAndScore(est, X, labels, fold.train, fold.test, scorers, this.options.returnTrainScore);
        row.push(r.test.score!);
        if (r.train) rowTrain.push(r.train.score!);
        ft.push(r.fitTime);
        st.push(r.scoreTime);
      }
      split.push(row);
      splitTrain.push(rowTrain);
      fitTimes.push(ft);
      scoreTimes.push(st);
      options.run?.logMetric('search_mean_test_score', mean(row), c);
    });
    const meanTest = split.map(mean);
    const results: CvResults = {
      params,
      meanTestScore: meanTest,
      stdTestScore: split.map(std),
      rankTestScore: rankMin(meanTest),
      splitTestScores: split,
      meanFitTime: fitTimes.map(mean),
      stdFitTime: fitTimes.map(std),
      meanScoreTime: scoreTimes.map(mean),
      stdScoreTime: scoreTimes.map(std),
    };
    if (this.options.returnTrainScore) {
      results.splitTrainScores = splitTrain;
      results.meanTrainScore = splitTrain.map(mean);
      results.stdTrainScore = splitTrain.map(std);
    }
    this.#results = results;
    this.#bestIndex = results.rankTestScore.indexOf(Math.min(...results.rankTestScore));
    this.#best = undefined;
    if (this.options.refit) {
      const best = this.estimator.clone().setParams(params[this.#bestIndex] as never) as E;
      best.fit(X, labels);
      this.#best = best;
    }
    return this;
  }

  #need<T>(v: T | undefined, what: string): T {
    if (v === undefined) throw new NotFittedError(this.constructor.name, what);
    return v;
  }

  get cvResults(): CvResults {
    return this.#need(this.#results, 'cvResults');
  }

  get bestIndex(): number {
    this.#need(this.#results, 'bestIndex');
    return this.#bestIndex;
  }

  get bestParams(): Record<string, unknown> {
    return { ...this.cvResults.params[this.bestIndex]! };
  }

  get bestScore(): number {
    return this.cvResults.meanTestScore[this.bestIndex]!;
  }

  /** The best setting refitted on all data (needs refit: true). */
  get bestEstimator(): E {
    this.#need(this.#results, 'bestEstimator');
    if (!this.#best) throw new NotFittedError(this.constructor.name, 'bestEstimator (construct with refit: true)');
    return this.#best;
  }

  predict(X: TableInput): Label[] | NdArray {
    return this.bestEstimator.predict!(X);
  }

  predictProba(X: TableInput): NdArray {
    return this.bestEstimator.predictProba!(X);
  }

  /** Score of the best estimator with the search's scorer. */
  score(X: TableInput, y: LabelInput): number {
    const [[, scorer]] = resolveScorers(this.options.scoring) as [[string, Scorer]];
    return scorer(this.bestEstimator, X, toLabels(y));
  }

  get classes(): Label[] | undefined {
    return this.bestEstimator.classes;
  }
}
