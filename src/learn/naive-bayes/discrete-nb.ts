/**
 * What MultinomialNB and BernoulliNB share: per-class feature counts accumulated by fit or
 * partialFit, additive (Laplace/Lidstone) smoothing `alpha`, and the class log prior (given,
 * fitted from class frequencies, or uniform).
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { type Label, type Matrix, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { BaseNB, type NBState } from './base-nb.js';
import { codesFor } from './joint-log-likelihood.js';

export interface DiscreteNBParams {
  /** Additive smoothing (default 1; values below 1e-10 are raised to 1e-10, as scikit-learn does). */
  alpha: number;
  /** Learn class priors from the data (true) or use a uniform prior (false). */
  fitPrior: boolean;
  /** Prior probability of each class in sorted class order; overrides fitPrior. */
  classPrior: number[] | null;
}

export interface DiscreteNBState extends NBState {
  /** classes × features summed feature values. */
  featureCount: Float64Array;
  featureLogProb: Float64Array;
  classLogPrior: Float64Array;
}

export abstract class DiscreteNB<P extends DiscreteNBParams> extends BaseNB<P, DiscreteNBState> {
  /** Prepares X (checks, binarizes); returns the matrix used for counting and scoring. */
  protected abstract prepare(m: Matrix): Matrix;
  /** Log P(feature | class) from the smoothed counts. */
  protected abstract featureLogProb(featureCount: Float64Array, classCount: Float64Array, c: number, p: number, alpha: number): Float64Array;
  /** Joint log likelihood of prepared X (n × c). */
  protected abstract jll(m: Matrix, s: DiscreteNBState): Float64Array;

  private effectiveAlpha(): number {
    const { alpha } = this.params;
    if (!(alpha >= 0)) throw new ParamError(`${this.constructor.name}: alpha must be >= 0, got ${alpha}.`);
    return Math.max(alpha, 1e-10);
  }

  protected update(X: MatrixInput, labels: Label[], classes: Label[], prev: DiscreteNBState | undefined): this {
    const who = this.constructor.name;
    const alpha = this.effectiveAlpha();
    const m = this.prepare(toMatrix(X, { estimator: who }));
    if (labels.length !== m.rows) throw new DataError(`${who}: X has ${m.rows} samples but y has ${labels.length}; they must match.`);
    if (prev) checkFeatureCount(m, prev.nFeatures, who);
    const p = m.cols;
    const c = classes.length;
    const codes = codesFor(labels, classes, who);
    const featureCount = prev ? prev.featureCount.slice() : new Float64Array(c * p);
    const classCount = prev ? prev.classCount.slice() : new Float64Array(c);
    for (let i = 0; i < m.rows; i++) {
      const l = codes[i]!;
      classCount[l]! += 1;
      for (let j = 0; j < p; j++) featureCount[l * p + j]! += m.data[i * p + j]!;
    }
    const featureLogProb = this.featureLogProb(featureCount, classCount, c, p, alpha);
    const classLogPrior = new Float64Array(c);
    const { classPrior, fitPrior } = this.params;
    if (classPrior) {
      if (classPrior.length !== c) throw new ParamError(`${who}: classPrior has ${classPrior.length} values but there are ${c} classes; give one per class.`);
      for (let l = 0; l < c; l++) classLogPrior[l] = Math.log(classPrior[l]!);
    } else if (fitPrior) {
      let total = 0;
      for (const v of classCount) total += v;
      for (let l = 0; l < c; l++) classLogPrior[l] = Math.log(classCount[l]!) - Math.log(total);
    } else classLogPrior.fill(-Math.log(c));
    this.setFitted({ classes, nFeatures: p, featureCount, classCount, featureLogProb, classLogPrior });
    return this;
  }

  protected jointLogLikelihood(m: Matrix, s: DiscreteNBState): Float64Array {
    return this.jll(this.prepare(m), s);
  }

  /** log P(feature | class), classes × features. */
  get featureLogProbabilities(): NdArray {
    const s = this.fitted('featureLogProbabilities');
    return fromTyped(s.featureLogProb.slice(), [s.classes.length, s.nFeatures]);
  }

  get classLogPrior(): Float64Array {
    return this.fitted('classLogPrior').classLogPrior.slice();
  }

  get featureCount(): NdArray {
    const s = this.fitted('featureCount');
    return fromTyped(s.featureCount.slice(), [s.classes.length, s.nFeatures]);
  }
}

/** X · Wᵀ + b for W classes × features (row-major), b per class. */
export function linearScores(m: Matrix, w: Float64Array, b: Float64Array, c: number): Float64Array {
  const p = m.cols;
  const out = new Float64Array(m.rows * c);
  for (let i = 0; i < m.rows; i++) {
    for (let l = 0; l < c; l++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += m.data[i * p + j]! * w[l * p + j]!;
      out[i * c + l] = s + b[l]!;
    }
  }
  return out;
}
