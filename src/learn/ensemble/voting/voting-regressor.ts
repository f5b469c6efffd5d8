/** VotingRegressor: a weighted average of member regressors' predictions. */
import { type NdArray, fromTyped } from '../../../tensor/index.js';
import { type EstimatorJSON, registerEstimator } from '../../base/estimator.js';
import { type LabelInput, type MatrixInput, toLabels, toTargets } from '../../base/input.js';
import { Regressor } from '../../base/kinds.js';
import type { FitOptions } from '../../base/run.js';
import { reviveEstimators } from '../../compose/nested.js';
import { type VotingParams, checkVoting, cloneMembers, votingJSON } from './voting.js';

interface VotingRegressorState {
  nMembers: number;
}

/**
 * Combines regressors (scikit-learn's VotingRegressor): `fit` fits every member on the same
 * data and `predict` is the weighted mean of their predictions.
 *
 * @example
 * new VotingRegressor({ estimators: [['ridge', new Ridge()], ['gb', new GradientBoostingRegressor()]] }).fit(X, y).predict(X);
 */
export class VotingRegressor extends Regressor<VotingParams, VotingRegressorState> {
  constructor(params: Partial<VotingParams> = {}) {
    super(reviveEstimators(params) as Partial<VotingParams>);
  }

  protected defaults(): VotingParams {
    return { estimators: [], weights: null };
  }

  fit(X: MatrixInput, y: LabelInput, _options?: FitOptions): this {
    checkVoting(this.params, 'VotingRegressor');
    const targets = Array.from(toTargets(y, toLabels(y).length, 'VotingRegressor'));
    for (const [, est] of this.params.estimators) est.fit(X, targets);
    this.setFitted({ nMembers: this.params.estimators.length });
    return this;
  }

  predict(X: MatrixInput): NdArray {
    this.fitted('predict');
    const w = checkVoting(this.params, 'VotingRegressor');
    let out: Float64Array | null = null;
    this.params.estimators.forEach(([, est], m) => {
      if (w[m] === 0) return;
      const p = (est.predict!(X) as NdArray).toFloat64Array();
      out ??= new Float64Array(p.length);
      for (let i = 0; i < p.length; i++) out[i]! += w[m]! * p[i]!;
    });
    return fromTyped(out!);
  }

  override clone(): this {
    const Ctor = this.constructor as new (p: Partial<VotingParams>) => this;
    return new Ctor({ ...this.params, estimators: cloneMembers(this.params.estimators) });
  }

  override toJSON(): EstimatorJSON {
    return votingJSON(this.constructor.name, this.params, this.isFitted ? this.encodeState(this.fitted()) : null);
  }
}

registerEstimator(VotingRegressor);
