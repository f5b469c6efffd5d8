/**
 * A random forest (Breiman 2001): each tree grows on a bootstrap sample with the best split among a random subset of features at each node; predictions are averaged.
 * Matches scikit-learn 1.2's `RandomForestClassifier` defaults.
 */
import { registerEstimator } from '../../base/estimator.js';
import { ForestClassifier, type ForestClassifierParams } from './forest-classifier.js';
import { FOREST_DEFAULTS } from './forest.js';

/**
 * @example
 * import { RandomForestClassifier } from 'strata/learn';
 * const X = [[0, 0], [1, 1], [0.1, 0.2], [0.9, 1.2]];
 * const clf = new RandomForestClassifier({ nEstimators: 50, randomState: 0 }).fit(X, ['a', 'b', 'a', 'b']);
 * clf.predict([[0.9, 0.8]]); // ['b']
 */
export class RandomForestClassifier extends ForestClassifier {
  protected readonly splitter = 'best' as const;

  protected defaults(): ForestClassifierParams {
    return { ...FOREST_DEFAULTS, criterion: 'gini', maxFeatures: 'sqrt', bootstrap: true, classWeight: null };
  }
}

registerEstimator(RandomForestClassifier);
