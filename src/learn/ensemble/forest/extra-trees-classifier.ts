/**
 * Extremely randomized trees (Geurts et al. 2006): each split takes the best of one random threshold per candidate feature, and trees grow on the whole data by default.
 * Matches scikit-learn 1.2's `ExtraTreesClassifier` defaults.
 */
import { registerEstimator } from '../../base/estimator.js';
import { ForestClassifier, type ForestClassifierParams } from './forest-classifier.js';
import { FOREST_DEFAULTS } from './forest.js';

/**
 * @example
 * import { ExtraTreesClassifier } from 'strata/learn';
 * const X = [[0, 0], [1, 1], [0.1, 0.2], [0.9, 1.2]];
 * const clf = new ExtraTreesClassifier({ nEstimators: 50, randomState: 0 }).fit(X, ['a', 'b', 'a', 'b']);
 * clf.predict([[0.9, 0.8]]); // ['b']
 */
export class ExtraTreesClassifier extends ForestClassifier {
  protected readonly splitter = 'random' as const;

  protected defaults(): ForestClassifierParams {
    return { ...FOREST_DEFAULTS, criterion: 'gini', maxFeatures: 'sqrt', bootstrap: false, classWeight: null };
  }
}

registerEstimator(ExtraTreesClassifier);
