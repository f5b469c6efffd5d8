/**
 * GradientBoostingRegressor: histogram gradient boosting for regression (XGBoost `hist` /
 * LightGBM style). This file only coordinates: validation, then boosting.ts, with prediction
 * through predictor.ts, SHAP through shap.ts and importances through importance.ts.
 */
import { type NdArray, fromTyped } from '../../../tensor/index.js';
import { DataError, ParamError } from '../../base/errors.js';
import { registerEstimator } from '../../base/estimator.js';
import { type LabelInput, type MatrixInput, toTargets } from '../../base/input.js';
import { Regressor } from '../../base/kinds.js';
import { withBoosterInspection } from './booster-inspection.js';
import {
  type BoosterState, type BoostingFitOptions, boost, featureMatrix, marginsOf, sampleWeights, shapOf,
} from './boosting.js';
import { type RegressionLoss, makeLoss, marginToPrediction } from './losses.js';
import { resolveMetric } from './metrics.js';
import { type BoostingParams, boostingDefaults, validateBoostingParams } from './params.js';

export interface GradientBoostingRegressorParams extends BoostingParams {
  /** 'squared' (default), 'absolute', 'huber' or 'poisson' (y ≥ 0; predicts exp of the margin). */
  loss: RegressionLoss;
  /** Residual size where the Huber loss turns from quadratic to linear. Default 1. */
  huberDelta: number;
}

export type GradientBoostingRegressorState = BoosterState & { loss: RegressionLoss };

/**
 * Histogram gradient-boosted trees for regression: quantile binning, second-order splits with
 * L1/L2 penalties, native missing values and categories, monotone constraints, early
 * stopping, sample weights, TreeSHAP and feature importances.
 *
 * @example
 * const model = new GradientBoostingRegressor({ nEstimators: 200, learningRate: 0.05, maxDepth: 4 }).fit(X, y);
 * model.predict(Xnew);          // NdArray of predictions
 * model.shapValues(Xnew);       // rows × (features + 1), the last column the expected value
 * model.featureImportances();   // normalized total gain per feature
 */
export class GradientBoostingRegressor
  extends withBoosterInspection(Regressor<GradientBoostingRegressorParams, GradientBoostingRegressorState>) {
  protected defaults(): GradientBoostingRegressorParams {
    return { ...boostingDefaults(), loss: 'squared', huberDelta: 1 };
  }

  fit(X: MatrixInput, y: LabelInput, options: BoostingFitOptions = {}): this {
    const who = 'GradientBoostingRegressor';
    const p = this.params;
    validateBoostingParams(p, who);
    if (!['squared', 'absolute', 'huber', 'poisson'].includes(p.loss)) {
      throw new ParamError(`${who}: loss must be 'squared', 'absolute', 'huber' or 'poisson', got ${JSON.stringify(p.loss)}.`);
    }
    if (!(p.huberDelta > 0)) throw new ParamError(`${who}: huberDelta must be > 0, got ${p.huberDelta}.`);
    const m = featureMatrix(X, who);
    const targets = toTargets(y, m.rows, who);
    if (p.loss === 'poisson') {
      const neg = targets.findIndex((v) => v < 0);
      if (neg >= 0) throw new DataError(`${who}: the Poisson loss needs y >= 0, but y[${neg}] = ${targets[neg]}; use loss 'squared' for signed targets.`);
    }
    const w = sampleWeights(options.sampleWeight, m.rows, who);
    const metric = resolveMetric(p.evalMetric, p.loss);
    options.run?.logParams({ ...p, model: 'gradient-boosting-regressor' });
    const state = boost({
      X: m, y: targets, w, loss: makeLoss(p.loss, { huberDelta: p.huberDelta }), metric, huberDelta: p.huberDelta, params: p,
      run: options.run, who, strata: null,
    });
    this.setFitted({ ...state, loss: p.loss });
    return this;
  }

  /** Predictions (the mean for Poisson: exp of the margin). */
  predict(X: MatrixInput): NdArray {
    const s = this.fitted('predict');
    const { margins } = marginsOf(s, X, 'GradientBoostingRegressor', this.params.nThreads);
    if (s.loss === 'poisson') for (let i = 0; i < margins.length; i++) margins[i] = marginToPrediction('poisson', margins[i]!);
    return fromTyped(margins, [margins.length]);
  }

  /** Raw margins: equal to `predict` except for Poisson (its log). */
  predictRaw(X: MatrixInput): NdArray {
    const { margins } = marginsOf(this.fitted('predictRaw'), X, 'GradientBoostingRegressor', this.params.nThreads);
    return fromTyped(margins, [margins.length]);
  }

  /**
   * TreeSHAP values: `rows × (features + 1)`; the last column is the expected value, and each
   * row sums to `predictRaw` of that row.
   */
  shapValues(X: MatrixInput): NdArray {
    const s = this.fitted('shapValues');
    const { values, rows } = shapOf(s, X, 'GradientBoostingRegressor');
    return fromTyped(values, [rows, s.nFeatures + 1]);
  }
}

registerEstimator(GradientBoostingRegressor);
