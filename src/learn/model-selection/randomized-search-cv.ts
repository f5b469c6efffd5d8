/** RandomizedSearchCV: a seeded random sample of parameter settings. */
import type { CvEstimator } from './cv.js';
import { type ParamDistributions, parameterSampler } from './parameter-grid.js';
import { BaseSearchCV, type SearchOptions } from './search.js';

export interface RandomizedSearchOptions extends SearchOptions {
  /** Settings to try (default 10). */
  nIter?: number;
  seed?: number;
}

/**
 * Cross-validates `nIter` random settings drawn from lists or distributions (scikit-learn's
 * RandomizedSearchCV); the same seed gives the same settings.
 *
 * @example
 * const search = new RandomizedSearchCV(new Ridge(), { alpha: new distributions.Uniform(0, 10) }, { nIter: 20, seed: 0 });
 */
export class RandomizedSearchCV<E extends CvEstimator> extends BaseSearchCV<E> {
  readonly paramDistributions: ParamDistributions;
  readonly nIter: number;
  readonly seed: number | undefined;

  constructor(estimator: E, paramDistributions: ParamDistributions, options: RandomizedSearchOptions = {}) {
    super(estimator, options);
    this.paramDistributions = paramDistributions;
    this.nIter = options.nIter ?? 10;
    this.seed = options.seed;
  }

  protected candidates(): Record<string, unknown>[] {
    return parameterSampler(this.paramDistributions, this.nIter, this.seed);
  }
}
