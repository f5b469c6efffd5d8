/** Linear regression trained by SGD, like scikit-learn's `SGDRegressor`. */
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, toMatrix, toTargets } from '../base/input.js';
import { toSampleWeight } from './checks.js';
import { LinearRegressorBase, type LinearRegressorState } from './linear-regressor.js';
import type { LinearFitOptions } from './linear-regression.js';
import { plainSGD } from './sgd-core.js';
import { REGRESSOR_LOSSES, type SGDRegressorLoss } from './sgd-losses.js';
import { type SGDCommonParams, sgdCommonDefaults, sgdSettings } from './sgd-params.js';

export interface SGDRegressorParams extends SGDCommonParams {
  /** 'squared_error' (default), 'huber', 'epsilon_insensitive' or 'squared_epsilon_insensitive'. */
  loss: SGDRegressorLoss;
}

/**
 * A linear regressor fitted by plain SGD with scikit-learn's defaults ('invscaling' steps
 * eta0 / t^0.25 from eta0 = 0.01). Scale the features first.
 *
 * @example
 * const model = new SGDRegressor({ loss: 'huber', epsilon: 1 }).fit(X, y);
 * model.predict(X);
 */
export class SGDRegressor extends LinearRegressorBase<SGDRegressorParams, LinearRegressorState & { nIter: number }> {
  protected defaults(): SGDRegressorParams {
    return { ...sgdCommonDefaults(), loss: 'squared_error', learningRate: 'invscaling', eta0: 0.01, powerT: 0.25 };
  }

  fit(X: MatrixInput, y: LabelInput, options: LinearFitOptions = {}): this {
    const name = 'SGDRegressor';
    const settings = sgdSettings(this.params, name, REGRESSOR_LOSSES);
    const m = toMatrix(X, { estimator: name });
    const t = toTargets(y, m.rows, name);
    const sw = toSampleWeight(options.sampleWeight, m.rows, name) ?? new Float64Array(m.rows).fill(1);
    options.run?.logParams({ model: 'sgd-regressor', ...this.params });
    const run = options.run;
    const res = plainSGD(m.data, m.rows, m.cols, t, sw, 1, 1, settings, run ? (e, l) => run.logMetric('loss', l, e) : undefined);
    this.setFitted({ coef: res.coef, intercept: res.intercept, nFeatures: m.cols, nIter: res.nIter });
    return this;
  }

  get nIter(): number {
    return this.fitted('nIter').nIter;
  }
}

registerEstimator(SGDRegressor);
