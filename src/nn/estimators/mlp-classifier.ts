/**
 * MLPClassifier: scikit-learn's multi-layer perceptron classifier on nn. Softmax outputs with
 * cross-entropy for three or more classes, one logistic output with binary cross-entropy for
 * two; trained by Adam or SGD (see mlp-train.ts).
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import {
  Classifier, DataError, type FitOptions, type Label, type LabelInput, type MatrixInput, type ProbabilisticClassifier,
  checkFeatureCount, encodeLabels, registerEstimator, toLabels, toMatrix,
} from '../../learn/index.js';
import { Tensor } from '../tensor.js';
import { softmax } from '../ops/softmax.js';
import { sigmoid } from '../ops/elementwise.js';
import { bceWithLogits, crossEntropy } from '../losses/classification.js';
import { type MLPParams, checkMLPParams, mlpDefaults } from './mlp-params.js';
import { type MLPWeights, predictRaw } from './mlp-network.js';
import { trainMLP } from './mlp-train.js';

export type MLPClassifierParams = MLPParams;

export interface MLPClassifierState extends MLPWeights {
  classes: Label[];
  nFeatures: number;
  lossCurve: number[];
  validationScores: number[] | null;
  bestLoss: number | null;
  bestValidationScore: number | null;
  nIter: number;
  t: number;
}

function accuracyOf(raw: Tensor, y: Tensor): number {
  const n = y.size;
  const k = raw.size / n;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    let cls = 0;
    if (k === 1) cls = raw.data[i]! > 0 ? 1 : 0;
    else for (let j = 1; j < k; j++) if (raw.data[i * k + j]! > raw.data[i * k + cls]!) cls = j;
    if (cls === y.data[i]) hits++;
  }
  return hits / n;
}

/**
 * Multi-layer perceptron classifier with scikit-learn's options and defaults.
 *
 * @example
 * const clf = new MLPClassifier({ hiddenLayerSizes: [64], maxIter: 50, randomState: 0 }).fit(X, y);
 * clf.predict(X.slice(0, 3));
 */
export class MLPClassifier extends Classifier<MLPClassifierParams, MLPClassifierState> implements ProbabilisticClassifier {
  protected defaults(): MLPClassifierParams {
    return mlpDefaults();
  }

  fit(X: MatrixInput, y: LabelInput, options: FitOptions = {}): this {
    const name = 'MLPClassifier';
    checkMLPParams(this.params, name);
    const m = toMatrix(X, { estimator: name });
    const { classes, codes } = encodeLabels(toLabels(y, m.rows, name));
    if (classes.length < 2) throw new DataError(`${name}: y has a single class '${String(classes[0])}'; a classifier needs at least two.`);
    const binary = classes.length === 2;
    const res = trainMLP({
      x: m.data, rows: m.rows, cols: m.cols,
      y: Float64Array.from(codes), yCols: 1,
      outputs: binary ? 1 : classes.length,
      loss: binary ? (raw, t) => bceWithLogits(raw, t) : (raw, t) => crossEntropy(raw, t.data),
      score: accuracyOf,
    }, this.params, options.run);
    this.setFitted({ classes, nFeatures: m.cols, ...res });
    return this;
  }

  private raw(X: MatrixInput, what: string): { raw: Tensor; state: MLPClassifierState } {
    const state = this.fitted(what);
    const m = toMatrix(X, { estimator: 'MLPClassifier' });
    checkFeatureCount(m, state.nFeatures, 'MLPClassifier');
    return { raw: predictRaw(state, m.data, m.rows, this.params.activation), state };
  }

  /** Class probabilities, n × classes (columns in `classes` order). */
  predictProba(X: MatrixInput): NdArray<'float64'> {
    const { raw, state } = this.raw(X, 'predictProba');
    const n = raw.shape[0]!;
    if (state.classes.length > 2) return fromTyped(Float64Array.from(softmax(raw, 1).data), [n, state.classes.length]);
    const p = sigmoid(raw).data;
    const out = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      out[2 * i] = 1 - p[i]!;
      out[2 * i + 1] = p[i]!;
    }
    return fromTyped(out, [n, 2]);
  }

  /** The most probable class of each row. */
  predict(X: MatrixInput): Label[] {
    const { raw, state } = this.raw(X, 'predict');
    const n = raw.shape[0]!;
    const k = raw.size / n;
    const out: Label[] = new Array(n);
    for (let i = 0; i < n; i++) {
      let cls = 0;
      if (k === 1) cls = raw.data[i]! > 0 ? 1 : 0;
      else for (let j = 1; j < k; j++) if (raw.data[i * k + j]! > raw.data[i * k + cls]!) cls = j;
      out[i] = state.classes[cls]!;
    }
    return out;
  }

  /** Training loss after each epoch (scikit-learn's loss_curve_). */
  get lossCurve(): number[] {
    return [...this.fitted('lossCurve').lossCurve];
  }

  /** Validation accuracy after each epoch with earlyStopping, else null. */
  get validationScores(): number[] | null {
    const v = this.fitted('validationScores').validationScores;
    return v === null ? null : [...v];
  }

  /** Epochs run. */
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }

  /** Weight matrices, (in, out) per layer as in scikit-learn's coefs_. */
  get coefs(): NdArray<'float64'>[] {
    const s = this.fitted('coefs');
    return s.coefs.map((c, i) => fromTyped(Float64Array.from(c), [s.layerSizes[i + 1]!, s.layerSizes[i]!]).transpose().copy() as NdArray<'float64'>);
  }

  /** Bias vectors per layer (scikit-learn's intercepts_). */
  get intercepts(): NdArray<'float64'>[] {
    return this.fitted('intercepts').intercepts.map((b) => fromTyped(Float64Array.from(b), [b.length]));
  }
}

registerEstimator(MLPClassifier, 'mlp-classifier');
