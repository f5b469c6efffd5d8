/**
 * CART regression tree (scikit-learn 1.2's `DecisionTreeRegressor`): squared error, Friedman
 * MSE, absolute error (median leaves) or Poisson deviance; the same limits, weights and pruning
 * as the classifier.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { DataError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, toTargets } from '../base/input.js';
import { Regressor } from '../base/kinds.js';
import type { RegressionCriterionName } from './criterion.js';
import {
  type DecisionTreeParams, TREE_DEFAULTS, type TreeFitOptions, type TreeState, fitTree, leavesOf, treeMatrix,
} from './decision-tree.js';
import { withTreeInspection } from './tree-inspection.js';
import { checkSampleWeight } from './weights.js';

export interface DecisionTreeRegressorParams extends DecisionTreeParams {
  criterion: RegressionCriterionName;
}

const CRITERIA: readonly RegressionCriterionName[] = ['squared_error', 'friedman_mse', 'absolute_error', 'poisson'];

/** Checks that Poisson targets are non-negative with a positive sum. */
export function checkPoissonTargets(y: Float64Array, who: string): void {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i]! < 0) throw new DataError(`${who}: criterion 'poisson' needs y ≥ 0, but y[${i}] is ${y[i]}; use 'squared_error' or shift y.`);
    sum += y[i]!;
  }
  if (sum <= 0) throw new DataError(`${who}: criterion 'poisson' needs sum(y) > 0, but every target is 0.`);
}

/**
 * A decision tree regressor.
 *
 * @example
 * import { DecisionTreeRegressor } from 'strata/learn';
 * const tree = new DecisionTreeRegressor({ maxDepth: 2 }).fit([[1], [2], [3], [4]], [1, 1, 5, 5]);
 * tree.predict([[3.5]]).toArray(); // [5]
 */
export class DecisionTreeRegressor extends withTreeInspection(Regressor<DecisionTreeRegressorParams, TreeState>) {
  protected defaults(): DecisionTreeRegressorParams {
    return { ...TREE_DEFAULTS, criterion: 'squared_error', splitter: 'best', randomState: null };
  }

  /** Grows the tree; `options.sampleWeight` weighs rows. */
  fit(X: MatrixInput, y: LabelInput, options: TreeFitOptions = {}): this {
    const who = this.constructor.name;
    const { m, Xcol } = treeMatrix(X, who);
    const targets = toTargets(y, m.rows, who);
    if (this.params.criterion === 'poisson') checkPoissonTargets(targets, who);
    const w = checkSampleWeight(options.sampleWeight, m.rows, who);
    const data = { X: Xcol, nSamples: m.rows, nFeatures: m.cols, y: targets, nClasses: 0, sampleWeight: w };
    const tree = fitTree(this.params, data, who, CRITERIA);
    options.run?.logParams({ ...this.params });
    this.setFitted({ nFeatures: m.cols, tree });
    return this;
  }

  /** The value of each row's leaf (its weighted mean, or median for 'absolute_error'). */
  predict(X: MatrixInput): NdArray {
    const s = this.fitted('predict');
    const leaves = leavesOf(s.tree, X, s.nFeatures, this.constructor.name);
    const out = new Float64Array(leaves.length);
    for (let i = 0; i < leaves.length; i++) out[i] = s.tree.value[leaves[i]!]!;
    return fromTyped(out, [out.length]);
  }
}

registerEstimator(DecisionTreeRegressor);
