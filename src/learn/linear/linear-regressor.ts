/**
 * What every linear regressor shares: the fitted coefficients and intercept, `predict` as
 * X·coef + intercept, and the checks on X at predict time.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { type MatrixInput, allFinite, checkFeatureCount, checkFinite, toMatrix } from '../base/input.js';
import { Regressor } from '../base/kinds.js';
import { linearScores } from './center.js';

/** Fitted state of a linear regressor. */
export interface LinearRegressorState {
  coef: Float64Array;
  intercept: number;
  nFeatures: number;
}

export abstract class LinearRegressorBase<P extends object, S extends LinearRegressorState> extends Regressor<P, S> {
  /** The coefficients, one per feature (a copy). */
  get coef(): NdArray<'float64'> {
    return fromTyped(this.fitted('coef').coef.slice(), [this.fitted('coef').nFeatures]);
  }

  /** The intercept (0 when fitIntercept is false). */
  get intercept(): number {
    return this.fitted('intercept').intercept;
  }

  /** X·coef + intercept, one value per row of X. */
  predict(X: MatrixInput): NdArray<'float64'> {
    const state = this.fitted('predict');
    const options = { estimator: this.constructor.name, borrow: true, deferFiniteCheck: true };
    const m = toMatrix(X, options);
    checkFeatureCount(m, state.nFeatures, this.constructor.name);
    const out = linearScores(m.data, m.rows, m.cols, state.coef, Float64Array.of(state.intercept));
    if (!allFinite(out)) checkFinite(m, options);
    return fromTyped(out, [m.rows]);
  }
}
