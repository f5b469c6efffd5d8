/**
 * The roles an estimator can play. Each adds the methods of its role on top of the contract in
 * estimator.ts, with `score` defined the way scikit-learn defines it for that role.
 */
import type { NdArray } from '../../tensor/index.js';
import { Estimator } from './estimator.js';
import type { FitOptions } from './run.js';
import { type Label, type LabelInput, type MatrixInput, toLabels, toTargets } from './input.js';
import { r2Score } from '../metrics/regression.js';

/** Predicts class labels (as given in y) and class probabilities. */
export abstract class Classifier<P extends object, S extends { classes: Label[] }> extends Estimator<P, S> {
  abstract fit(X: MatrixInput, y: LabelInput, options?: FitOptions): this;
  abstract predict(X: MatrixInput): Label[];

  /** The class labels seen in fit, sorted; columns of `predictProba` follow this order. */
  get classes(): Label[] {
    return [...this.fitted('classes').classes];
  }

  /**
   * `predict(X)` and, for a classifier with `predictProba`, `predictProba(X)` (else null) in one
   * call. This default calls both; classifiers that derive labels and probabilities from the
   * same scores override it to compute them once.
   */
  predictWithProba(X: MatrixInput): { labels: Label[]; proba: NdArray | null } {
    const proba = (this as Partial<ProbabilisticClassifier>).predictProba;
    return { labels: this.predict(X), proba: typeof proba === 'function' ? proba.call(this, X) : null };
  }

  /** Mean accuracy of `predict(X)` against y. */
  score(X: MatrixInput, y: LabelInput): number {
    const predicted = this.predict(X);
    const truth = toLabels(y, predicted.length, this.constructor.name);
    let hits = 0;
    for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) hits++;
    return hits / truth.length;
  }
}

/** A classifier that also gives probabilities. */
export interface ProbabilisticClassifier {
  /** n × classes matrix; column j is the probability of `classes[j]`. */
  predictProba(X: MatrixInput): NdArray;
}

/** Predicts numbers. */
export abstract class Regressor<P extends object, S extends object> extends Estimator<P, S> {
  abstract fit(X: MatrixInput, y: LabelInput, options?: FitOptions): this;
  abstract predict(X: MatrixInput): NdArray;

  /** Coefficient of determination R² of `predict(X)` against y. */
  score(X: MatrixInput, y: LabelInput): number {
    const predicted = this.predict(X).toFloat64Array();
    return r2Score(toTargets(y, predicted.length, this.constructor.name), predicted) as number;
  }
}

/** Maps X to a new feature space. */
export abstract class Transformer<P extends object, S extends object> extends Estimator<P, S> {
  abstract fit(X: MatrixInput, y?: LabelInput, options?: FitOptions): this;
  abstract transform(X: MatrixInput): NdArray;

  fitTransform(X: MatrixInput, y?: LabelInput, options?: FitOptions): NdArray {
    return this.fit(X, y, options).transform(X);
  }

  /** Names of the output columns, given the input's. */
  featureNamesOut(inputNames?: readonly string[]): string[] {
    return (inputNames ?? []).slice();
  }
}

/** Groups samples; `labels` are the cluster of each training sample. */
export abstract class Clusterer<P extends object, S extends { labels: Int32Array }> extends Estimator<P, S> {
  abstract fit(X: MatrixInput, y?: LabelInput, options?: FitOptions): this;

  fitPredict(X: MatrixInput): Int32Array {
    return this.fit(X).fitted('labels').labels.slice();
  }
}
