/**
 * A random forest (Breiman 2001): each tree grows on a bootstrap sample with the best split among a random subset of features at each node; predictions are averaged.
 * Matches scikit-learn 1.2's `RandomForestRegressor` defaults.
 */
import { registerEstimator } from '../../base/estimator.js';
import { ForestRegressor, type ForestRegressorParams } from './forest-regressor.js';
import { FOREST_DEFAULTS } from './forest.js';

/**
 * @example
 * import { RandomForestRegressor } from 'strata/learn';
 * const X = [[0, 0], [1, 1], [0.1, 0.2], [0.9, 1.2]];
 * const clf = new RandomForestRegressor({ nEstimators: 50, randomState: 0 }).fit(X, [0.1, 0.9, 0.2, 1.1]);
 * clf.predict([[0.9, 0.8]]).toArray(); // close to 1
 */
export class RandomForestRegressor extends ForestRegressor {
  protected readonly splitter = 'best' as const;

  protected defaults(): ForestRegressorParams {
    return { ...FOREST_DEFAULTS, criterion: 'squared_error', maxFeatures: null, bootstrap: true };
  }
}

registerEstimator(RandomForestRegressor);
