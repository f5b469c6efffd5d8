/**
 * What MultinomialNB and BernoulliNB share: per-class feature counts accumulated by fit or
 * partialFit, additive (Laplace/Lidstone) smoothing `alpha`, and the class log prior (given,
 * fitted from class frequencies, or uniform).
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { type Label, type LabelInput, type Matrix, type MatrixInput, checkFeatureCount, compareLabels, encodeLabels, toLabels, toMatrix } from '../base/input.js';
import { Classifier, type ProbabilisticClassifier } from '../base/kinds.js';
import { argmaxClasses, codesFor, logPosterior } from './joint-log-likelihood.js';

export interface DiscreteNBParams {
  /** Additive smoothing (default 1; values below 1e-10 are raised to 1e-10, as scikit-learn does). */
  alpha: number;
  /** Learn class priors from the data (true) or use a uniform prior (false). */
  fitPrior: boolean;
  /** Prior probability of each class in sorted class order; overrides fitPrior. */
  classPrior: number[] | null;
}

export interface DiscreteNBState {
  classes: Label[];
  nFeatures: number;
  /** classes × features summed feature values. */
  featureCount: Float64Array;
  classCount: Float64Array;
  featureLogProb: Float64Array;
  classLogPrior: Float64Array;
}

export abstract class DiscreteNB<P extends DiscreteNBParams> extends Classifier<P, DiscreteNBState> implements ProbabilisticClassifier {
  /** Prepares X (checks, binarizes); returns the matrix used for counting and scoring. */
  protected abstract prepare(m: Matrix): Matrix;
  /** Log P(feature | class) from the smoothed counts. */
  protected abstract featureLogProb(featureCount: Float64Array, classCount: Float64Array, c: number, p: number, alpha: number): Float64Array;
  /** Joint log likelihood of prepared X (n × c). */
  protected abstract jll(m: Matrix, s: DiscreteNBState): Float64Array;

  fit(X: MatrixInput, y: LabelInput): this {
    const labels = toLabels(y, undefined, this.constructor.name);
    return this.update(X, labels, encodeLabels(labels).classes, undefined);
  }

  /**
   * Adds a batch to the counts. The first call (on an unfitted model) must list every class in
   * `classes`; later calls may omit it.
   */
  partialFit(X: MatrixInput, y: LabelInput, classes?: readonly Label[]): this {
    const labels = toLabels(y, undefined, this.constructor.name);
    const prev = this.isFitted ? this.fitted() : undefined;
    if (!prev && !classes) {
      throw new ParamError(`${this.constructor.name}: the first partialFit call needs classes: every class label that y can take.`);
    }
    return this.update(X, labels, prev ? prev.classes : [...new Set(classes)].sort(compareLabels), prev);
  }

  private effectiveAlpha(): number {
    const { alpha } = this.params;
    if (!(alpha >= 0)) throw new ParamError(`${this.constructor.name}: alpha must be >= 0, got ${alpha}.`);
    return Math.max(alpha, 1e-10);
  }

  private update(X: MatrixInput, labels: Label[], classes: Label[], prev: DiscreteNBState | undefined): this {
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

  private scores(X: MatrixInput, what: string): { jll: Float64Array; n: number; s: DiscreteNBState } {
    const s = this.fitted(what);
    const who = this.constructor.name;
    const m = toMatrix(X, { estimator: who });
    checkFeatureCount(m, s.nFeatures, who);
    return { jll: this.jll(this.prepare(m), s), n: m.rows, s };
  }

  predict(X: MatrixInput): Label[] {
    const { jll, n, s } = this.scores(X, 'predict');
    return argmaxClasses(jll, n, s.classes.length, s.classes);
  }

  predictLogProba(X: MatrixInput): NdArray {
    const { jll, n, s } = this.scores(X, 'predictLogProba');
    return logPosterior(jll, n, s.classes.length);
  }

  predictProba(X: MatrixInput): NdArray {
    const { jll, n, s } = this.scores(X, 'predictProba');
    return fromTyped(logPosterior(jll, n, s.classes.length).toFloat64Array().map(Math.exp), [n, s.classes.length]);
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

  get classCount(): Float64Array {
    return this.fitted('classCount').classCount.slice();
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
