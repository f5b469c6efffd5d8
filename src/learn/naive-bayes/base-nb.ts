/**
 * What every naive Bayes classifier shares: fit as one partialFit from scratch, the
 * partialFit contract (classes on the first call), and predictions from the per-class joint
 * log likelihood log P(x, c) that each model computes in its own way.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { ParamError } from '../base/errors.js';
import {
  type Label, type LabelInput, type Matrix, type MatrixInput, checkFeatureCount, compareLabels, encodeLabels, toLabels, toMatrix,
} from '../base/input.js';
import { Classifier, type ProbabilisticClassifier } from '../base/kinds.js';
import { logPosterior } from './joint-log-likelihood.js';
import { argmaxLabels } from '../base/input.js';

/** Fitted state every naive Bayes model has. */
export interface NBState {
  classes: Label[];
  nFeatures: number;
  /** Samples seen per class. */
  classCount: Float64Array;
}

/**
 * Base of the naive Bayes classifiers (GaussianNB, and MultinomialNB/BernoulliNB through
 * DiscreteNB).
 *
 * @example
 * class MyNB extends BaseNB<MyParams, MyState> { ... } // implements update and jointLogLikelihood
 */
export abstract class BaseNB<P extends object, S extends NBState> extends Classifier<P, S> implements ProbabilisticClassifier {
  /** Adds a batch (with its sorted `classes`) to `prev`, or starts afresh; records the state. */
  protected abstract update(X: MatrixInput, labels: Label[], classes: Label[], prev: S | undefined): this;
  /** Joint log likelihood log P(x, c) of each row of `m` (checked) and class, n × classes. */
  protected abstract jointLogLikelihood(m: Matrix, s: S): Float64Array;

  fit(X: MatrixInput, y: LabelInput): this {
    const labels = toLabels(y, undefined, this.constructor.name);
    return this.update(X, labels, encodeLabels(labels).classes, undefined);
  }

  /**
   * Updates the model with a batch. The first call (on an unfitted model) must list every class
   * in `classes`; later calls may omit it.
   */
  partialFit(X: MatrixInput, y: LabelInput, classes?: readonly Label[]): this {
    const labels = toLabels(y, undefined, this.constructor.name);
    const prev = this.isFitted ? this.fitted() : undefined;
    if (!prev && !classes) {
      throw new ParamError(`${this.constructor.name}: the first partialFit call needs classes: every class label that y can take.`);
    }
    return this.update(X, labels, prev ? prev.classes : [...new Set(classes)].sort(compareLabels), prev);
  }

  private scores(X: MatrixInput, what: string): { jll: Float64Array; n: number; s: S } {
    const s = this.fitted(what);
    const who = this.constructor.name;
    const m = toMatrix(X, { estimator: who });
    checkFeatureCount(m, s.nFeatures, who);
    return { jll: this.jointLogLikelihood(m, s), n: m.rows, s };
  }

  predict(X: MatrixInput): Label[] {
    const { jll, s } = this.scores(X, 'predict');
    return argmaxLabels(jll, s.classes.length, s.classes);
  }

  predictLogProba(X: MatrixInput): NdArray {
    const { jll, n, s } = this.scores(X, 'predictLogProba');
    return logPosterior(jll, n, s.classes.length);
  }

  predictProba(X: MatrixInput): NdArray {
    const { jll, n, s } = this.scores(X, 'predictProba');
    return fromTyped(logPosterior(jll, n, s.classes.length).toFloat64Array().map(Math.exp), [n, s.classes.length]);
  }

  get classCount(): Float64Array {
    return this.fitted('classCount').classCount.slice();
  }
}
