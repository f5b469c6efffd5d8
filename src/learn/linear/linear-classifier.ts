/**
 * What linear classifiers share (LogisticRegression, LinearSVC, SGDClassifier): a coefficient
 * row and intercept per class (one row for two classes, scoring classes[1]), `decisionFunction`,
 * and `predict` that maps scores back to the labels given in fit.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { type Label, type LabelInput, type MatrixInput, allFinite, argmaxLabels, checkFeatureCount, checkFinite, encodeLabels, toLabels, toMatrix, type Matrix } from '../base/input.js';
import { Classifier } from '../base/kinds.js';
import { linearScores } from './center.js';
import { singleClassError } from './checks.js';

/** Fitted state of a linear classifier: `coef` is rows × nFeatures, row-major. */
export interface LinearClassifierState {
  classes: Label[];
  coef: Float64Array;
  intercept: Float64Array;
  nFeatures: number;
}

/** X and y checked and encoded for a classifier fit. */
export interface ClassifierData {
  m: Matrix;
  classes: Label[];
  codes: Int32Array;
}

/**
 * Converts X and y for a classifier, rejecting a single class with a clear error. `borrow`
 * passes through to `toMatrix` (for fits that neither write to nor keep X).
 */
export function classifierData(X: MatrixInput, y: LabelInput, estimator: string, borrow = false): ClassifierData {
  const m = toMatrix(X, { estimator, borrow });
  const labels = toLabels(y, m.rows, estimator);
  const { classes, codes } = encodeLabels(labels);
  if (classes.length < 2) throw singleClassError(classes);
  return { m, classes, codes };
}

export abstract class LinearClassifierBase<P extends object, S extends LinearClassifierState> extends Classifier<P, S> {
  /** Coefficients, shape (1, features) for two classes, else (classes, features). */
  get coef(): NdArray<'float64'> {
    const s = this.fitted('coef');
    return fromTyped(s.coef.slice(), [s.intercept.length, s.nFeatures]);
  }

  /** Intercepts, one per row of coef. */
  get intercept(): NdArray<'float64'> {
    const s = this.fitted('intercept');
    return fromTyped(s.intercept.slice(), [s.intercept.length]);
  }

  /** Raw scores X·coefᵀ + intercept as a flat row-major array (n × rows). */
  protected scores(X: MatrixInput, what: string): { scores: Float64Array; rows: number; k: number } {
    const s = this.fitted(what);
    const options = { estimator: this.constructor.name, borrow: true, deferFiniteCheck: true };
    const m = toMatrix(X, options);
    checkFeatureCount(m, s.nFeatures, this.constructor.name);
    const k = s.intercept.length;
    const out = linearScores(m.data, m.rows, s.nFeatures, s.coef, s.intercept);
    if (!allFinite(out)) checkFinite(m, options);
    return { scores: out, rows: m.rows, k };
  }

  /**
   * Signed distance to the decision boundary: shape (n,) for two classes (positive means
   * classes[1]), else (n, classes).
   */
  decisionFunction(X: MatrixInput): NdArray<'float64'> {
    const { scores, rows, k } = this.scores(X, 'decisionFunction');
    return fromTyped(scores, k === 1 ? [rows] : [rows, k]);
  }

  /** The label of the highest score (for two classes: classes[1] when the score is > 0). */
  predict(X: MatrixInput): Label[] {
    const classes = this.fitted('predict').classes;
    const { scores, rows, k } = this.scores(X, 'predict');
    if (k > 1) return argmaxLabels(scores, k, classes);
    const [negative, positive] = classes;
    const out: Label[] = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = scores[i]! > 0 ? positive! : negative!;
    return out;
  }
}

