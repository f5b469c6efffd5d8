/** GridSearchCV: exhaustive search over a parameter grid. */
import type { CvEstimator } from './cv.js';
import { type ParamGrid, parameterGrid } from './parameter-grid.js';
import { BaseSearchCV, type SearchOptions } from './search.js';

/**
 * Cross-validates every combination in a grid and keeps the best (scikit-learn's GridSearchCV).
 * Nested parameters use `step__param` names.
 *
 * @example
 * const search = new GridSearchCV(makePipeline(new StandardScaler(), new Ridge()), { ridge__alpha: [0.1, 1, 10] }, { cv: 5, scoring: 'r2' });
 * search.fit(X, y).bestParams; // { ridge__alpha: 1 }
 */
export class GridSearchCV<E extends CvEstimator> extends BaseSearchCV<E> {
  readonly paramGrid: ParamGrid | readonly ParamGrid[];

  constructor(estimator: E, paramGrid: ParamGrid | readonly ParamGrid[], options: SearchOptions = {}) {
    super(estimator, options);
    this.paramGrid = paramGrid;
    parameterGrid(paramGrid);
  }

  protected candidates(): Record<string, unknown>[] {
    return parameterGrid(this.paramGrid);
  }
}
