/** Logistic regression, like scikit-learn's `LogisticRegression`. */
import { type NdArray, fromTyped, optimize } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import type { LabelInput, MatrixInput } from '../base/input.js';
import type { ProbabilisticClassifier } from '../base/kinds.js';
import type { LinearFitOptions } from './linear-regression.js';
import { type ClassWeight, checkChoice, checkInteger, checkNumber, classWeights, toSampleWeight } from './checks.js';
import { LinearClassifierBase, type LinearClassifierState, classifierData } from './linear-classifier.js';
import { type LogisticProblem, logisticLossGrad, parameterCount, sigmoid } from './logistic-loss.js';
import { fistaLogistic } from './logistic-proximal.js';
import { threadsFor } from '../base/threads.js';
import { parallelLoss } from './parallel-loss.js';

export type LogisticPenalty = 'l2' | 'l1' | 'elasticnet' | 'none';
export type LogisticSolver = 'auto' | 'lbfgs' | 'fista';

export interface LogisticRegressionParams {
  /** 'l2' (default), 'l1', 'elasticnet' or 'none'. */
  penalty: LogisticPenalty;
  /** Inverse regularization strength, > 0 (smaller = stronger). Default 1. */
  C: number;
  /** Elastic-net mixing in [0, 1] (penalty 'elasticnet' only). Default null. */
  l1Ratio: number | null;
  fitIntercept: boolean;
  /** 'balanced' (n / (k · count)), a map label → weight, or null. Default null. */
  classWeight: ClassWeight;
  /**
   * 'lbfgs' (L-BFGS-B on the smooth objective; penalties 'l2' and 'none'), 'fista'
   * (accelerated proximal gradient; any penalty), or 'auto' (default): 'lbfgs' for 'l2'/'none',
   * 'fista' for 'l1'/'elasticnet' (where scikit-learn would use 'saga').
   */
  solver: LogisticSolver;
  /** 'auto' (default: binary loss for two classes, multinomial softmax for more) or 'ovr'. */
  multiClass: 'auto' | 'ovr';
  /** Iteration limit. Default 100. */
  maxIter: number;
  /**
   * Threads that evaluate the loss and its gradient (worker threads on Node; this one included),
   * or -1 for every core. Default 1. The result is the same for any value.
   */
  nJobs: number;
  /**
   * Gradient tolerance: L-BFGS stops when the infinity norm of the gradient of the summed loss is
   * ≤ tol (scikit-learn's gtol) or the relative decrease of the objective is ≤ min(2.2e-9, tol·1e-5);
   * FISTA when the proximal gradient mapping is ≤ tol. Default 1e-4.
   */
  tol: number;
}

export interface LogisticRegressionState extends LinearClassifierState {
  /** Iterations per fitted problem. */
  nIter: number[];
  multinomial: boolean;
}

/**
 * Logistic regression minimizing Σᵢ sᵢ·loss(xᵢ) + penalty/C, with scikit-learn 1.2's objective
 * (loss summed over samples, ½‖W‖² for L2), so the same C gives the same coefficients.
 *
 * @example
 * const model = new LogisticRegression({ C: 0.5 }).fit(X, ['spam', 'ham', 'spam', 'ham']);
 * model.predict(X);        // labels as given
 * model.predictProba(X);   // n × 2, columns in model.classes order
 */
export class LogisticRegression
  extends LinearClassifierBase<LogisticRegressionParams, LogisticRegressionState>
  implements ProbabilisticClassifier
{
  protected defaults(): LogisticRegressionParams {
    return {
      penalty: 'l2', C: 1, l1Ratio: null, fitIntercept: true, classWeight: null, solver: 'auto',
      multiClass: 'auto', maxIter: 100, tol: 1e-4, nJobs: 1,
    };
  }

  fit(X: MatrixInput, y: LabelInput, options: LinearFitOptions = {}): this {
    const name = 'LogisticRegression';
    const params = this.params;
    const penalty = checkChoice(name, 'penalty', params.penalty, ['l2', 'l1', 'elasticnet', 'none'] as const);
    const C = checkNumber(name, 'C', params.C, 0, true, 'C is the inverse of the regularization strength; use a large C for weak regularization.');
    const maxIter = checkInteger(name, 'maxIter', params.maxIter, 1);
    const tol = checkNumber(name, 'tol', params.tol, 0);
    checkChoice(name, 'multiClass', params.multiClass, ['auto', 'ovr'] as const);
    if (!(Number.isInteger(params.nJobs) && (params.nJobs >= 1 || params.nJobs === -1))) {
      throw new ParamError(`${name}: nJobs must be an integer ≥ 1, or -1 for every core, got ${params.nJobs}.`);
    }
    let solver = checkChoice(name, 'solver', params.solver, ['auto', 'lbfgs', 'fista'] as const);
    if (solver === 'auto') solver = penalty === 'l1' || penalty === 'elasticnet' ? 'fista' : 'lbfgs';
    if (solver === 'lbfgs' && (penalty === 'l1' || penalty === 'elasticnet')) {
      throw new ParamError(`${name}: solver 'lbfgs' supports penalties 'l2' and 'none', got '${penalty}'; use solver 'fista' (or 'auto').`);
    }
    let l1Ratio = 0;
    if (penalty === 'elasticnet') {
      if (params.l1Ratio === null || params.l1Ratio === undefined) {
        throw new ParamError(`${name}: penalty 'elasticnet' needs l1Ratio in [0, 1], e.g. { l1Ratio: 0.5 }.`);
      }
      l1Ratio = checkNumber(name, 'l1Ratio', params.l1Ratio, 0);
      if (l1Ratio > 1) throw new ParamError(`${name}: l1Ratio must be in [0, 1], got ${l1Ratio}.`);
    } else if (penalty === 'l1') l1Ratio = 1;
    const { m, classes, codes } = classifierData(X, y, name, true);
    const sw = toSampleWeight(options.sampleWeight, m.rows, name) ?? new Float64Array(m.rows).fill(1);
    const cw = classWeights(params.classWeight, classes, codes, name);
    for (let i = 0; i < m.rows; i++) sw[i] = sw[i]! * cw[codes[i]!]!;
    const run = options.run;
    run?.logParams({ model: 'logistic-regression', ...params, solver });

    const reg = penalty === 'none' ? 0 : 1 / C;
    const l2 = reg * (1 - l1Ratio);
    const l1 = reg * l1Ratio;
    const K = classes.length;
    const multinomial = K > 2 && params.multiClass === 'auto';
    const problems: LogisticProblem[] = [];
    const base = { X: m.data, n: m.rows, p: m.cols, codes, sw, fitIntercept: params.fitIntercept };
    if (K === 2) problems.push({ ...base, k: 1, positive: 1 });
    else if (multinomial) problems.push({ ...base, k: K });
    else for (let c = 0; c < K; c++) problems.push({ ...base, k: 1, positive: c });

    const rows = K === 2 ? 1 : K;
    const p = m.cols;
    const coef = new Float64Array(rows * p);
    const intercept = new Float64Array(rows);
    const nIter: number[] = [];
    problems.forEach((pr, index) => {
      const nv = parameterCount(pr);
      const tag = problems.length > 1 ? `_${index}` : '';
      let v: Float64Array;
      const parallel = parallelLoss(pr, threadsFor(params.nJobs));
      const evaluate = parallel?.evaluate;
      try {
        if (solver === 'lbfgs') {
          const grad = new Float64Array(nv);
          const res = optimize.minimize(null, new Float64Array(nv), {
            method: 'L-BFGS-B',
            funAndGrad: (w) => ({ value: logisticLossGrad(pr, w, l2, grad, evaluate), grad }),
            maxIter,
            gtol: tol,
            // SciPy's default ftol (2.2e-9) stops scikit-learn's lbfgs well before gtol; tie it to tol
            // so that a small tol really gives a converged model.
            ftol: Math.min(2.220446049250313e-9, tol * 1e-5),
            callback: run ? (_x, st) => run.logMetric(`loss${tag}`, st.fun, st.nit) : undefined,
          });
          v = res.x;
          nIter.push(res.nit);
        } else {
          const res = fistaLogistic(pr, l2, l1, tol, maxIter, run ? (it, f) => run.logMetric(`loss${tag}`, f, it) : undefined, evaluate);
          v = res.v;
          nIter.push(res.nIter);
        }
      } finally {
        parallel?.close();
      }
      const d = p + (pr.fitIntercept ? 1 : 0);
      const k = pr.k;
      const row0 = k === 1 ? index : 0;
      for (let c = 0; c < k; c++) {
        for (let j = 0; j < p; j++) coef[(row0 + c) * p + j] = v[c * d + j]!;
        intercept[row0 + c] = pr.fitIntercept ? v[c * d + p]! : 0;
      }
    });
    this.setFitted({ classes, coef, intercept, nFeatures: p, nIter, multinomial });
    return this;
  }

  /** Iterations of the solver, one entry per fitted problem. */
  get nIter(): number[] {
    return [...this.fitted('nIter').nIter];
  }

  /**
   * Class probabilities, n × classes: the logistic function for two classes, softmax for the
   * multinomial model, normalized one-vs-rest sigmoids for 'ovr'.
   */
  predictProba(X: MatrixInput): NdArray<'float64'> {
    const { multinomial, classes } = this.fitted('predictProba');
    const { scores, rows, k } = this.scores(X, 'predictProba');
    const K = classes.length;
    const out = new Float64Array(rows * K);
    for (let i = 0; i < rows; i++) {
      if (k === 1) {
        const p1 = sigmoid(scores[i]!);
        out[i * 2] = 1 - p1;
        out[i * 2 + 1] = p1;
      } else if (multinomial) {
        let zmax = -Infinity;
        for (let c = 0; c < K; c++) zmax = Math.max(zmax, scores[i * K + c]!);
        let sum = 0;
        for (let c = 0; c < K; c++) sum += (out[i * K + c] = Math.exp(scores[i * K + c]! - zmax));
        for (let c = 0; c < K; c++) out[i * K + c] = out[i * K + c]! / sum;
      } else {
        let sum = 0;
        for (let c = 0; c < K; c++) sum += (out[i * K + c] = sigmoid(scores[i * K + c]!));
        for (let c = 0; c < K; c++) out[i * K + c] = out[i * K + c]! / sum;
      }
    }
    return fromTyped(out, [rows, K]);
  }

  /** Natural log of predictProba. */
  predictLogProba(X: MatrixInput): NdArray<'float64'> {
    const p = this.predictProba(X);
    return fromTyped(p.toFloat64Array().map(Math.log), [...p.shape]);
  }
}

registerEstimator(LogisticRegression);
