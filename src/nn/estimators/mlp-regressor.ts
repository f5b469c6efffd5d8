/**
 * MLPRegressor: scikit-learn's multi-layer perceptron regressor on nn — identity outputs, loss
 * ½·mean squared error — trained by Adam or SGD (see mlp-train.ts). One or several targets.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import {
  DataError, type FitOptions, type LabelInput, type MatrixInput, Regressor, checkFeatureCount, registerEstimator, toMatrix, toTargets,
} from '../../learn/index.js';
import { Tensor } from '../tensor.js';
import { mseLoss } from '../losses/regression.js';
import { type MLPParams, checkMLPParams, mlpDefaults } from './mlp-params.js';
import { type MLPWeights, predictRaw } from './mlp-network.js';
import { trainMLP } from './mlp-train.js';

export type MLPRegressorParams = MLPParams;

export interface MLPRegressorState extends MLPWeights {
  nFeatures: number;
  nOutputs: number;
  lossCurve: number[];
  validationScores: number[] | null;
  bestLoss: number | null;
  bestValidationScore: number | null;
  nIter: number;
  t: number;
}

/** R² averaged over outputs (scikit-learn's uniform average). */
function r2Of(raw: Tensor, y: Tensor): number {
  const n = y.shape[0]!;
  const k = y.size / n;
  let total = 0;
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y.data[i * k + j]!;
    mean /= n;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      const d = y.data[i * k + j]! - raw.data[i * k + j]!;
      const c = y.data[i * k + j]! - mean;
      ssRes += d * d;
      ssTot += c * c;
    }
    total += ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  }
  return total / k;
}

function targets(y: LabelInput, rows: number, name: string): { data: Float64Array; cols: number } {
  const nd = y as NdArray;
  if (typeof nd === 'object' && nd !== null && 'shape' in nd && Array.isArray(nd.shape) && nd.shape.length === 2) {
    if (nd.shape[0] !== rows) throw new DataError(`${name}: y has ${nd.shape[0]} rows but X has ${rows}.`);
    const data = nd.toFloat64Array();
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i]!)) throw new DataError(`${name}: y has ${data[i]} at row ${Math.floor(i / nd.shape[1]!)}; targets must be finite numbers.`);
    }
    return { data, cols: nd.shape[1]! };
  }
  return { data: toTargets(y, rows, name), cols: 1 };
}

/**
 * Multi-layer perceptron regressor with scikit-learn's options and defaults.
 *
 * @example
 * const reg = new MLPRegressor({ hiddenLayerSizes: [32, 32], randomState: 0 }).fit(X, y);
 * reg.score(X, y); // R²
 */
export class MLPRegressor extends Regressor<MLPRegressorParams, MLPRegressorState> {
  protected defaults(): MLPRegressorParams {
    return mlpDefaults();
  }

  fit(X: MatrixInput, y: LabelInput, options: FitOptions = {}): this {
    const name = 'MLPRegressor';
    checkMLPParams(this.params, name);
    const m = toMatrix(X, { estimator: name });
    const t = targets(y, m.rows, name);
    const res = trainMLP({
      x: m.data, rows: m.rows, cols: m.cols, y: t.data, yCols: t.cols, outputs: t.cols,
      loss: (raw, target) => mseLoss(raw, target).mul(0.5),
      score: r2Of,
    }, this.params, options.run);
    this.setFitted({ nFeatures: m.cols, nOutputs: t.cols, ...res });
    return this;
  }

  /** Predictions: shape (n,) for one target, (n, targets) for several. */
  predict(X: MatrixInput): NdArray<'float64'> {
    const state = this.fitted('predict');
    const m = toMatrix(X, { estimator: 'MLPRegressor' });
    checkFeatureCount(m, state.nFeatures, 'MLPRegressor');
    const raw = predictRaw(state, m.data, m.rows, this.params.activation);
    const data = Float64Array.from(raw.data);
    return fromTyped(data, state.nOutputs === 1 ? [m.rows] : [m.rows, state.nOutputs]);
  }

  /** Training loss after each epoch (scikit-learn's loss_curve_). */
  get lossCurve(): number[] {
    return [...this.fitted('lossCurve').lossCurve];
  }

  /** Validation R² after each epoch with earlyStopping, else null. */
  get validationScores(): number[] | null {
    const v = this.fitted('validationScores').validationScores;
    return v === null ? null : [...v];
  }

  /** Epochs run. */
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }
}

registerEstimator(MLPRegressor, 'mlp-regressor');
