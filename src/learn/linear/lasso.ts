/** L1-regularized linear regression, like scikit-learn's `Lasso`. */
import { registerEstimator } from '../base/estimator.js';
import type { LabelInput, MatrixInput } from '../base/input.js';
import { type ElasticNetState, fitElasticNet } from './elastic-net.js';
import { LinearRegressorBase } from './linear-regressor.js';
import type { LinearFitOptions } from './linear-regression.js';

export interface LassoParams {
  /** L1 penalty strength, ≥ 0. Default 1. */
  alpha: number;
  fitIntercept: boolean;
  /** Most coordinate-descent sweeps. Default 1000. */
  maxIter: number;
  /** Duality-gap tolerance (relative to ‖y‖²). Default 1e-4. */
  tol: number;
  warmStart: boolean;
  positive: boolean;
}

/**
 * The lasso: minimizes (1/2n)‖y − Xw − b‖² + α‖w‖₁ by cyclic coordinate descent with a
 * duality-gap stopping rule (an ElasticNet with l1Ratio = 1).
 *
 * @example
 * const model = new Lasso({ alpha: 0.1 }).fit(X, y);
 * model.coef.toArray(); // some coefficients exactly 0
 */
export class Lasso extends LinearRegressorBase<LassoParams, ElasticNetState> {
  protected defaults(): LassoParams {
    return { alpha: 1, fitIntercept: true, maxIter: 1000, tol: 1e-4, warmStart: false, positive: false };
  }

  fit(X: MatrixInput, y: LabelInput, options: LinearFitOptions = {}): this {
    const previous = this.isFitted ? this.fitted().coef : null;
    this.setFitted(fitElasticNet({ name: 'Lasso', previous, params: { ...this.params, l1Ratio: 1 } }, X, y, options));
    return this;
  }

  get nIter(): number {
    return this.fitted('nIter').nIter;
  }

  get dualGap(): number {
    return this.fitted('dualGap').dualGap;
  }
}

registerEstimator(Lasso);
