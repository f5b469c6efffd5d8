/**
 * Extremely randomized trees (Geurts et al. 2006): each split takes the best of one random threshold per candidate feature, and trees grow on the whole data by default.
 * Matches scikit-learn 1.2's `ExtraTreesRegressor` defaults.
 */
import { registerEstimator } from '../../base/estimator.js';
import { ForestRegressor, type ForestRegressorParams } from './forest-regressor.js';
import { FOREST_DEFAULTS } from './forest.js';

/**
 * @example
 * import { ExtraTreesRegressor } from 'strata/learn';
 * const X = [[0, 0], [1, 1], [0.1, 0.2], [0.9, 1.2]];
 * const clf = new ExtraTreesRegressor({ nEstimators: 50, randomState: 0 }).fit(X, [0.1, 0.9, 0.2, 1.1]);
 * clf.predict([[0.9, 0.8]]).toArray(); // close to 1
 */
export class ExtraTreesRegressor extends ForestRegressor {
  protected readonly splitter = 'random' as const;

  protected defaults(): ForestRegressorParams {
    return { ...FOREST_DEFAULTS, criterion: 'squared_error', maxFeatures: null, bootstrap: false };
  }
}

registerEstimator(ExtraTreesRegressor);
