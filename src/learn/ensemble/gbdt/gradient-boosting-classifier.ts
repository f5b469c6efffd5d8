/**
 * GradientBoostingClassifier: histogram gradient boosting for classification — the logistic
 * loss for two classes, softmax (one tree per class per round) for more. This file only
 * coordinates: label encoding and validation, then boosting.ts.
 */
import { type NdArray, fromTyped } from '../../../tensor/index.js';
import { DataError, ParamError } from '../../base/errors.js';
import { registerEstimator } from '../../base/estimator.js';
import { type Label, type LabelInput, type MatrixInput, encodeLabels, toLabels } from '../../base/input.js';
import { Classifier, type ProbabilisticClassifier } from '../../base/kinds.js';
import { withBoosterInspection } from './booster-inspection.js';
import {
  type BoosterState, type BoostingFitOptions, boost, featureMatrix, marginsOf, sampleWeights, shapOf,
} from './boosting.js';
import { makeLoss } from './losses.js';
import { resolveMetric } from './metrics.js';
import { type BoostingParams, boostingDefaults, validateBoostingParams } from './params.js';

export interface GradientBoostingClassifierParams extends BoostingParams {
  /** 'auto': logistic for two classes, softmax for more; 'softmax' also works for two. */
  loss: 'auto' | 'logistic' | 'softmax';
}

export type GradientBoostingClassifierState = BoosterState & { classes: Label[]; loss: 'logistic' | 'softmax' };

/**
 * Histogram gradient-boosted trees for classification (binary and multiclass), with the
 * features of GradientBoostingRegressor. Labels are kept as given.
 *
 * @example
 * const clf = new GradientBoostingClassifier({ nEstimators: 100, maxDepth: 6, learningRate: 0.1 }).fit(X, y);
 * clf.predict(Xnew);              // labels
 * clf.predictProba(Xnew);         // rows × classes
 * clf.shapValues(Xnew);           // binary: rows × (features + 1), in log-odds
 */
export class GradientBoostingClassifier
  extends withBoosterInspection(Classifier<GradientBoostingClassifierParams, GradientBoostingClassifierState>)
  implements ProbabilisticClassifier {
  protected defaults(): GradientBoostingClassifierParams {
    return { ...boostingDefaults(), loss: 'auto' };
  }

  fit(X: MatrixInput, y: LabelInput, options: BoostingFitOptions = {}): this {
    const who = 'GradientBoostingClassifier';
    const p = this.params;
    validateBoostingParams(p, who);
    if (!['auto', 'logistic', 'softmax'].includes(p.loss)) {
      throw new ParamError(`${who}: loss must be 'auto', 'logistic' or 'softmax', got ${JSON.stringify(p.loss)}.`);
    }
    const m = featureMatrix(X, who);
    const labels = toLabels(y, m.rows, who);
    const { classes, codes } = encodeLabels(labels);
    if (classes.length < 2) {
      throw new DataError(`${who}: y has a single class (${JSON.stringify(classes[0])}); a classifier needs at least two.`);
    }
    const lossName = p.loss === 'auto' ? (classes.length === 2 ? 'logistic' : 'softmax') : p.loss;
    if (lossName === 'logistic' && classes.length > 2) {
      throw new ParamError(`${who}: loss 'logistic' is for two classes but y has ${classes.length}; use 'softmax' or 'auto'.`);
    }
    const w = sampleWeights(options.sampleWeight, m.rows, who);
    const metric = resolveMetric(p.evalMetric, lossName);
    options.run?.logParams({ ...p, model: 'gradient-boosting-classifier' });
    const state = boost({
      X: m, y: Float64Array.from(codes), w, loss: makeLoss(lossName, { classes: classes.length }), metric, huberDelta: 1,
      params: p, run: options.run, who, strata: codes,
    });
    this.setFitted({ ...state, classes, loss: lossName });
    return this;
  }

  /** Raw margins: log-odds of the last class (binary, length rows) or rows × classes (softmax). */
  decisionFunction(X: MatrixInput): NdArray {
    const s = this.fitted('decisionFunction');
    const { margins, rows } = marginsOf(s, X, 'GradientBoostingClassifier', this.params.nThreads);
    return s.forest.outputs === 1 ? fromTyped(margins, [rows]) : fromTyped(margins, [rows, s.forest.outputs]);
  }

  /** Class probabilities, rows × classes in the order of `classes`. */
  predictProba(X: MatrixInput): NdArray {
    const s = this.fitted('predictProba');
    const { margins, rows } = marginsOf(s, X, 'GradientBoostingClassifier', this.params.nThreads);
    return fromTyped(probabilitiesOf(margins, rows, s.forest.outputs, s.classes.length), [rows, s.classes.length]);
  }

  /** Most probable class of each row (the first class on a tie). */
  predict(X: MatrixInput): Label[] {
    const s = this.fitted('predict');
    const { margins, rows } = marginsOf(s, X, 'GradientBoostingClassifier', this.params.nThreads);
    return labelsOf(margins, rows, s.forest.outputs, s.classes);
  }

  /** `predict` and `predictProba` from one pass over the trees. */
  override predictWithProba(X: MatrixInput): { labels: Label[]; proba: NdArray } {
    const s = this.fitted('predictWithProba');
    const { margins, rows } = marginsOf(s, X, 'GradientBoostingClassifier', this.params.nThreads);
    const K = s.classes.length;
    return { labels: labelsOf(margins, rows, s.forest.outputs, s.classes), proba: fromTyped(probabilitiesOf(margins, rows, s.forest.outputs, K), [rows, K]) };
  }

  /**
   * TreeSHAP values in margin (log-odds) units: binary `rows × (features + 1)`, softmax
   * `rows × classes × (features + 1)`; the last entry is the expected value and each row (per
   * class) sums to `decisionFunction`.
   */
  shapValues(X: MatrixInput): NdArray {
    const s = this.fitted('shapValues');
    const { values, rows } = shapOf(s, X, 'GradientBoostingClassifier');
    const F = s.nFeatures + 1;
    return s.forest.outputs === 1 ? fromTyped(values, [rows, F]) : fromTyped(values, [rows, s.forest.outputs, F]);
  }
}

/** Margins → probabilities: the logistic of the one margin (binary) or the softmax of K. */
function probabilitiesOf(margins: Float64Array, rows: number, outputs: number, K: number): Float64Array {
  const out = new Float64Array(rows * K);
  if (outputs === 1) {
    for (let i = 0; i < rows; i++) {
      const p1 = 1 / (1 + Math.exp(-margins[i]!));
      out[2 * i] = 1 - p1;
      out[2 * i + 1] = p1;
    }
    return out;
  }
  for (let i = 0; i < rows; i++) {
    const o = i * K;
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (margins[o + k]! > max) max = margins[o + k]!;
    let z = 0;
    for (let k = 0; k < K; k++) z += out[o + k] = Math.exp(margins[o + k]! - max);
    for (let k = 0; k < K; k++) out[o + k] = out[o + k]! / z;
  }
  return out;
}

/** Margins → labels: the sign of the one margin (binary), else the largest (first on a tie). */
function labelsOf(margins: Float64Array, rows: number, outputs: number, classes: readonly Label[]): Label[] {
  const out: Label[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    if (outputs === 1) out[i] = classes[margins[i]! > 0 ? 1 : 0]!;
    else {
      let arg = 0;
      for (let k = 1; k < outputs; k++) if (margins[i * outputs + k]! > margins[i * outputs + arg]!) arg = k;
      out[i] = classes[arg]!;
    }
  }
  return out;
}

registerEstimator(GradientBoostingClassifier);
