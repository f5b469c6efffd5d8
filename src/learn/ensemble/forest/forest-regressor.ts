/**
 * The regressor side of forests: averaged leaf values, out-of-bag prediction and R²
 * (scikit-learn's `ForestRegressor`). RandomForestRegressor and ExtraTreesRegressor only set
 * defaults.
 */
import { type NdArray, fromTyped } from '../../../tensor/index.js';
import { type LabelInput, type MatrixInput, toTargets } from '../../base/input.js';
import { Regressor } from '../../base/kinds.js';
import type { RegressionCriterionName } from '../../tree/criterion.js';
import { checkPoissonTargets } from '../../tree/decision-tree-regressor.js';
import { type TreeFitOptions, treeMatrix } from '../../tree/decision-tree.js';
import { resolveGrowOptions } from '../../tree/params.js';
import { checkSampleWeight } from '../../tree/weights.js';
import { meanTreeOutputs, withForestInspection } from './forest-inspection.js';
import { type ForestParams, type ForestState, checkForestParams, fitForest, outOfBag } from './forest.js';

export interface ForestRegressorParams extends ForestParams {
  criterion: RegressionCriterionName;
}

interface State extends ForestState {
  /** Out-of-bag predictions of the training rows (with oobScore). */
  oobPrediction?: Float64Array;
}

const CRITERIA: readonly RegressionCriterionName[] = ['squared_error', 'friedman_mse', 'absolute_error', 'poisson'];

/** R² of predictions against targets. */
export function r2(y: Float64Array, pred: Float64Array): number {
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < y.length; i++) {
    res += (y[i]! - pred[i]!) ** 2;
    tot += (y[i]! - mean) ** 2;
  }
  return tot === 0 ? (res === 0 ? 1 : 0) : 1 - res / tot;
}

export abstract class ForestRegressor extends withForestInspection(Regressor<ForestRegressorParams, State>) {
  protected abstract readonly splitter: 'best' | 'random';

  /** Grows the trees (on `nJobs` threads); `options.sampleWeight` weighs rows. */
  fit(X: MatrixInput, y: LabelInput, options: TreeFitOptions = {}): this {
    const who = this.constructor.name;
    const p = this.params;
    const { m, Xcol } = treeMatrix(X, who);
    const targets = toTargets(y, m.rows, who);
    if (p.criterion === 'poisson') checkPoissonTargets(targets, who);
    const nBoot = checkForestParams(p, m.rows, who);
    const grow = resolveGrowOptions({ ...p, splitter: this.splitter }, m.rows, m.cols, who, CRITERIA);
    const w = checkSampleWeight(options.sampleWeight, m.rows, who);
    const data = { X: Xcol, nSamples: m.rows, nFeatures: m.cols, y: targets, nClasses: 0, sampleWeight: w, balancedSubsample: false };
    const { job, trees } = fitForest(p, data, grow, nBoot, who);
    const state: State = { nFeatures: m.cols, trees };
    if (p.oobScore) {
      const { mean } = outOfBag(job, trees, Float32Array.from(m.data), false);
      state.oobScore = r2(targets, mean);
      state.oobPrediction = mean;
      options.run?.logMetric('oob_r2', state.oobScore);
    }
    options.run?.logParams({ ...p });
    this.setFitted(state);
    return this;
  }

  /** Mean of the trees' predictions. */
  predict(X: MatrixInput): NdArray {
    const { out, rows } = meanTreeOutputs(this.fitted('predict'), X, this.constructor.name, false);
    return fromTyped(out, [rows]);
  }

  /** Out-of-bag predictions of the training rows. */
  get oobPrediction(): NdArray {
    const s = this.fitted('oobPrediction');
    if (s.oobPrediction === undefined) throw new Error(`${this.constructor.name} was fitted without oobScore: true; refit with it.`);
    return fromTyped(s.oobPrediction.slice(), [s.oobPrediction.length]);
  }
}
