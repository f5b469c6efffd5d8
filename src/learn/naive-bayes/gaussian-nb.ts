/**
 * Gaussian naive Bayes (scikit-learn's GaussianNB): each feature is normal within each class,
 * with per-class means and variances, updated online by partialFit with the Chan–Golub–LeVeque
 * pooled-variance formulas. Every variance gets `varSmoothing` × the largest feature variance
 * added for numerical stability.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type Label, type Matrix, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { BaseNB, type NBState } from './base-nb.js';
import { codesFor } from './joint-log-likelihood.js';

export interface GaussianNBParams {
  /** Prior probability of each class (in sorted class order); null: class frequencies. */
  priors: number[] | null;
  /** Fraction of the largest feature variance added to every variance (default 1e-9). */
  varSmoothing: number;
}

interface GaussianNBState extends NBState {
  /** Per-class feature means, classes × features. */
  theta: Float64Array;
  /** Per-class feature variances (epsilon included), classes × features. */
  variance: Float64Array;
  classPrior: Float64Array;
  epsilon: number;
}

/** Population variance of each column of rows `rows` (or all rows) of m. */
function columnMoments(data: Float64Array, cols: number, rows: ArrayLike<number>): { mean: Float64Array; variance: Float64Array } {
  const mean = new Float64Array(cols);
  const variance = new Float64Array(cols);
  const n = rows.length;
  for (let r = 0; r < n; r++) {
    const o = rows[r]! * cols;
    for (let j = 0; j < cols; j++) mean[j]! += data[o + j]!;
  }
  for (let j = 0; j < cols; j++) mean[j]! /= n;
  for (let r = 0; r < n; r++) {
    const o = rows[r]! * cols;
    for (let j = 0; j < cols; j++) {
      const t = data[o + j]! - mean[j]!;
      variance[j]! += t * t;
    }
  }
  for (let j = 0; j < cols; j++) variance[j]! /= n;
  return { mean, variance };
}

/**
 * @example
 * const nb = new GaussianNB().fit(X, y);
 * nb.predictProba(X);                  // n × classes
 * nb.partialFit(moreX, moreY);         // online update
 */
export class GaussianNB extends BaseNB<GaussianNBParams, GaussianNBState> {
  protected defaults(): GaussianNBParams {
    return { priors: null, varSmoothing: 1e-9 };
  }

  protected update(X: MatrixInput, labels: Label[], classes: Label[], prev: GaussianNBState | undefined): this {
    const who = this.constructor.name;
    const { varSmoothing, priors } = this.params;
    if (!(varSmoothing >= 0)) throw new ParamError(`${who}: varSmoothing must be >= 0, got ${varSmoothing}.`);
    const m = toMatrix(X, { estimator: who });
    if (labels.length !== m.rows) throw new DataError(`${who}: X has ${m.rows} samples but y has ${labels.length}; they must match.`);
    if (prev) checkFeatureCount(m, prev.nFeatures, who);
    const p = m.cols;
    const c = classes.length;
    const codes = codesFor(labels, classes, who);
    const all = Array.from({ length: m.rows }, (_, i) => i);
    let maxVar = 0;
    for (const v of columnMoments(m.data, p, all).variance) maxVar = Math.max(maxVar, v);
    const epsilon = varSmoothing * maxVar;
    const theta = prev ? prev.theta.slice() : new Float64Array(c * p);
    const variance = prev ? prev.variance.slice() : new Float64Array(c * p);
    const classCount = prev ? prev.classCount.slice() : new Float64Array(c);
    // As scikit-learn: take the smoothing back out with this batch's epsilon, then add it again.
    if (prev) for (let i = 0; i < variance.length; i++) variance[i]! -= epsilon;
    const members: number[][] = Array.from({ length: c }, () => []);
    codes.forEach((code, i) => members[code]!.push(i));
    for (let l = 0; l < c; l++) {
      const rows = members[l]!;
      if (rows.length === 0) continue;
      const nNew = rows.length;
      const nPast = classCount[l]!;
      const { mean, variance: v } = columnMoments(m.data, p, rows);
      for (let j = 0; j < p; j++) {
        const o = l * p + j;
        if (nPast === 0) {
          theta[o] = mean[j]!;
          variance[o] = v[j]!;
        } else {
          const total = nPast + nNew;
          const mu = theta[o]!;
          const ssd = nPast * variance[o]! + nNew * v[j]! + ((nNew * nPast) / total) * (mu - mean[j]!) ** 2;
          theta[o] = (nNew * mean[j]! + nPast * mu) / total;
          variance[o] = ssd / total;
        }
      }
      classCount[l]! += nNew;
    }
    for (let i = 0; i < variance.length; i++) variance[i]! += epsilon;
    let classPrior: Float64Array;
    if (priors) {
      if (priors.length !== c) throw new ParamError(`${who}: priors has ${priors.length} values but there are ${c} classes; give one prior per class.`);
      const sum = priors.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 1e-8 + 1e-5) throw new ParamError(`${who}: priors must sum to 1, they sum to ${sum}.`);
      if (priors.some((v) => v < 0)) throw new ParamError(`${who}: priors must be non-negative.`);
      classPrior = Float64Array.from(priors);
    } else {
      let total = 0;
      for (const v of classCount) total += v;
      classPrior = classCount.map((v) => v / total);
    }
    this.setFitted({ classes, nFeatures: p, theta, variance, classCount, classPrior, epsilon });
    return this;
  }

  protected jointLogLikelihood(m: Matrix, s: GaussianNBState): Float64Array {
    const p = s.nFeatures;
    const c = s.classes.length;
    const jll = new Float64Array(m.rows * c);
    for (let l = 0; l < c; l++) {
      let norm = 0;
      for (let j = 0; j < p; j++) norm += Math.log(2 * Math.PI * s.variance[l * p + j]!);
      const base = Math.log(s.classPrior[l]!) - 0.5 * norm;
      for (let i = 0; i < m.rows; i++) {
        let q = 0;
        for (let j = 0; j < p; j++) q += (m.data[i * p + j]! - s.theta[l * p + j]!) ** 2 / s.variance[l * p + j]!;
        jll[i * c + l] = base - 0.5 * q;
      }
    }
    return jll;
  }

  /** Per-class feature means (classes × features). */
  get theta(): NdArray {
    const s = this.fitted('theta');
    return fromTyped(s.theta.slice(), [s.classes.length, s.nFeatures]);
  }

  /** Per-class feature variances (classes × features), smoothing included. */
  get variance(): NdArray {
    const s = this.fitted('variance');
    return fromTyped(s.variance.slice(), [s.classes.length, s.nFeatures]);
  }

  get classPrior(): Float64Array {
    return this.fitted('classPrior').classPrior.slice();
  }

  /** The variance added to every feature (varSmoothing × largest feature variance of the last batch). */
  get epsilon(): number {
    return this.fitted('epsilon').epsilon;
  }
}

registerEstimator(GaussianNB);
