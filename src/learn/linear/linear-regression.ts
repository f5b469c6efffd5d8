/** Ordinary least squares, like scikit-learn's `LinearRegression`. */
import { NdArray, fromTyped, linalg } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, toMatrix, toTargets } from '../base/input.js';
import type { FitOptions } from '../base/run.js';
import { interceptOf, prepare } from './center.js';
import { toSampleWeight } from './checks.js';
import { LinearRegressorBase, type LinearRegressorState } from './linear-regressor.js';

export interface LinearRegressionParams {
  /** Fit an intercept (center X and y first). Default true. */
  fitIntercept: boolean;
}

export interface LinearFitOptions extends FitOptions {
  /** One non-negative weight per sample. */
  sampleWeight?: ArrayLike<number> | NdArray;
}

/**
 * Least squares: minimizes Σ wᵢ (yᵢ − xᵢ·w − b)². Solved as scikit-learn does, by centering and
 * then the minimum-norm least-squares solution of the centered system (`linalg.lstsq`, SVD based),
 * so rank-deficient X gives the minimum-norm coefficients.
 *
 * @example
 * const model = new LinearRegression().fit([[0], [1], [2]], [1, 3, 5]);
 * model.coef.toArray();  // [2]
 * model.intercept;       // 1
 * model.predict([[3]]);  // array([7.])
 */
export class LinearRegression extends LinearRegressorBase<LinearRegressionParams, LinearRegressorState & { rank: number; singularValues: Float64Array }> {
  protected defaults(): LinearRegressionParams {
    return { fitIntercept: true };
  }

  fit(X: MatrixInput, y: LabelInput, options: LinearFitOptions = {}): this {
    const name = 'LinearRegression';
    const m = toMatrix(X, { estimator: name });
    const t = toTargets(y, m.rows, name);
    const sw = toSampleWeight(options.sampleWeight, m.rows, name);
    options.run?.logParams({ model: 'linear-regression', ...this.getParams() });
    const prep = prepare(m.data, t, m.rows, m.cols, sw, this.params.fitIntercept);
    const res = linalg.lstsq(fromTyped(prep.X, [m.rows, m.cols]), fromTyped(prep.y, [m.rows]));
    const coef = res.x.toFloat64Array();
    const intercept = this.params.fitIntercept ? interceptOf(coef, prep.xOffset, prep.yOffset) : 0;
    this.setFitted({ coef, intercept, nFeatures: m.cols, rank: res.rank, singularValues: res.singularValues.toFloat64Array() });
    return this;
  }

  /** Numerical rank of the (centered) X. */
  get rank(): number {
    return this.fitted('rank').rank;
  }
}

registerEstimator(LinearRegression);
