/** Linear support-vector classification, like scikit-learn's `LinearSVC` (liblinear). */
import { random } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import type { LabelInput, MatrixInput } from '../base/input.js';
import { type ClassWeight, checkInteger, checkNumber, classWeights } from '../linear/checks.js';
import { LinearClassifierBase, type LinearClassifierState, classifierData } from '../linear/linear-classifier.js';
import type { LinearFitOptions } from '../linear/linear-regression.js';
import { toSampleWeight } from '../linear/checks.js';

export interface LinearSVCParams {
  /** Penalty on margin violations, > 0. Default 1. */
  C: number;
  /** Stopping tolerance on the projected-gradient spread. Default 1e-4. */
  tol: number;
  /** Most passes over the data. Default 1000. */
  maxIter: number;
  fitIntercept: boolean;
  /**
   * Value of the constant feature appended for the intercept (liblinear's bias); the intercept is
   * regularized like the other weights, as in liblinear. Default 1.
   */
  interceptScaling: number;
  classWeight: ClassWeight;
  /** Seed of the order in which coordinates are visited. Default 0. */
  randomState: number;
}

export interface LinearSVCState extends LinearClassifierState {
  nIter: number;
}

/**
 * Linear SVM with the squared hinge loss and L2 penalty,
 * minimizing ½‖w‖² + C Σᵢ cᵢ max(0, 1 − yᵢ w·xᵢ)², solved in the dual by coordinate descent
 * with shrinking (Hsieh et al. 2008, liblinear's solver 1); one-vs-rest for more than two classes.
 *
 * @example
 * const model = new LinearSVC({ C: 0.5 }).fit(X, y);
 * model.decisionFunction(X);
 */
export class LinearSVC extends LinearClassifierBase<LinearSVCParams, LinearSVCState> {
  protected defaults(): LinearSVCParams {
    return { C: 1, tol: 1e-4, maxIter: 1000, fitIntercept: true, interceptScaling: 1, classWeight: null, randomState: 0 };
  }

  fit(X: MatrixInput, y: LabelInput, options: LinearFitOptions = {}): this {
    const name = 'LinearSVC';
    const params = this.params;
    const C = checkNumber(name, 'C', params.C, 0, true, 'C weighs margin violations; use a small C for strong regularization.');
    const tol = checkNumber(name, 'tol', params.tol, 0, true);
    const maxIter = checkInteger(name, 'maxIter', params.maxIter, 1);
    const B = params.fitIntercept ? checkNumber(name, 'interceptScaling', params.interceptScaling, 0, true) : 0;
    const { m, classes, codes } = classifierData(X, y, name);
    const cw = classWeights(params.classWeight, classes, codes, name);
    const sw = toSampleWeight(options.sampleWeight, m.rows, name);
    options.run?.logParams({ model: 'linear-svc', ...params });
    const K = classes.length;
    const targets = K === 2 ? [1] : classes.map((_, c) => c);
    const p = m.cols;
    const coef = new Float64Array(targets.length * p);
    const intercept = new Float64Array(targets.length);
    let nIter = 0;
    targets.forEach((pos, r) => {
      const Cs = new Float64Array(m.rows);
      for (let i = 0; i < m.rows; i++) Cs[i] = C * cw[codes[i]!]! * (sw ? sw[i]! : 1);
      const ys = Int8Array.from(codes, (c) => (c === pos ? 1 : -1));
      const rng = random.defaultRng(params.randomState);
      const tag = targets.length > 1 ? `_${r}` : '';
      const run = options.run;
      const res = dualCD(m.data, m.rows, p, B, ys, Cs, tol, maxIter, rng, run ? (it, v) => run.logMetric(`pg_spread${tag}`, v, it) : undefined);
      coef.set(res.w.subarray(0, p), r * p);
      intercept[r] = B * res.w[p]!;
      nIter = Math.max(nIter, res.iter);
    });
    this.setFitted({ classes, coef, intercept, nFeatures: p, nIter });
    return this;
  }

  /** Passes over the data of the slowest one-vs-rest problem. */
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }
}

/** Dual coordinate descent for the squared hinge loss; w has p + 1 entries (the last for the bias feature B). */
function dualCD(
  X: Float64Array, n: number, p: number, B: number, y: Int8Array, Cs: Float64Array, eps: number, maxIter: number,
  rng: random.Generator, onIter?: (iter: number, spread: number) => void,
): { w: Float64Array; iter: number } {
  const w = new Float64Array(p + 1);
  const alpha = new Float64Array(n);
  const D = new Float64Array(n);
  const QD = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    D[i] = Cs[i]! > 0 ? 0.5 / Cs[i]! : Infinity;
    let s = B * B;
    for (let j = 0; j < p; j++) s += X[i * p + j]! ** 2;
    QD[i] = s + D[i]!;
  }
  const index = Int32Array.from({ length: n }, (_, i) => i);
  let active = n;
  let PGmaxOld = Infinity;
  let iter = 0;
  while (iter < maxIter) {
    let PGmax = -Infinity;
    let PGmin = Infinity;
    for (let k = 0; k < active; k++) {
      const t = k + Math.floor(rng.random() * (active - k));
      const tmp = index[k]!;
      index[k] = index[t]!;
      index[t] = tmp;
    }
    for (let s = 0; s < active; s++) {
      const i = index[s]!;
      if (!Number.isFinite(D[i]!)) continue; // zero weight: the sample does not count
      const yi = y[i]!;
      const o = i * p;
      let wx = w[p]! * B;
      for (let j = 0; j < p; j++) wx += w[j]! * X[o + j]!;
      const G = yi * wx - 1 + D[i]! * alpha[i]!;
      let PG = 0;
      if (alpha[i] === 0) {
        if (G > PGmaxOld) {
          active--;
          index[s] = index[active]!;
          index[active] = i;
          s--;
          continue;
        } else if (G < 0) PG = G;
      } else PG = G;
      if (PG > PGmax) PGmax = PG;
      if (PG < PGmin) PGmin = PG;
      if (Math.abs(PG) > 1e-12) {
        const old = alpha[i]!;
        alpha[i] = Math.max(old - G / QD[i]!, 0);
        const d = (alpha[i]! - old) * yi;
        for (let j = 0; j < p; j++) w[j] += d * X[o + j]!;
        w[p] += d * B;
      }
    }
    iter++;
    onIter?.(iter, PGmax - PGmin);
    if (PGmax - PGmin <= eps) {
      if (active === n) break;
      active = n;
      PGmaxOld = Infinity;
      continue;
    }
    PGmaxOld = PGmax <= 0 ? Infinity : PGmax;
  }
  return { w, iter };
}

registerEstimator(LinearSVC);
