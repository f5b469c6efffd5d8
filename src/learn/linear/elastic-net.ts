/** Linear regression with combined L1 and L2 penalties, like scikit-learn's `ElasticNet`. */
import { registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import { type LabelInput, type MatrixInput, toMatrix, toTargets } from '../base/input.js';
import { interceptOf, prepare, toColumnMajor } from './center.js';
import { checkInteger, checkNumber, toSampleWeight } from './checks.js';
import { enetCoordinateDescent } from './coordinate-descent.js';
import { LinearRegressorBase, type LinearRegressorState } from './linear-regressor.js';
import type { LinearFitOptions } from './linear-regression.js';

export interface ElasticNetParams {
  /** Overall penalty strength, ≥ 0. Default 1. */
  alpha: number;
  /** Share of L1 in the penalty, in [0, 1] (1 = lasso, 0 = ridge). Default 0.5. */
  l1Ratio: number;
  fitIntercept: boolean;
  /** Most sweeps of coordinate descent. Default 1000. */
  maxIter: number;
  /** Duality-gap tolerance (relative to ‖y‖²). Default 1e-4. */
  tol: number;
  /** Start from the previous fit's coefficients. Default false. */
  warmStart: boolean;
  /** Constrain coefficients to be ≥ 0. Default false. */
  positive: boolean;
}

export interface ElasticNetState extends LinearRegressorState {
  nIter: number;
  dualGap: number;
}

/** Shared fit for ElasticNet and Lasso. */
export function fitElasticNet(
  est: { name: string; previous: Float64Array | null; params: ElasticNetParams },
  X: MatrixInput, y: LabelInput, options: LinearFitOptions,
): ElasticNetState {
  const { name, params } = est;
  const alpha = checkNumber(name, 'alpha', params.alpha, 0);
  const l1Ratio = checkNumber(name, 'l1Ratio', params.l1Ratio, 0);
  if (l1Ratio > 1) throw new ParamError(`${name}: l1Ratio must be in [0, 1], got ${l1Ratio}.`);
  const maxIter = checkInteger(name, 'maxIter', params.maxIter, 1);
  const tol = checkNumber(name, 'tol', params.tol, 0);
  const m = toMatrix(X, { estimator: name });
  const t = toTargets(y, m.rows, name);
  let sw = toSampleWeight(options.sampleWeight, m.rows, name);
  const { rows: n, cols: p } = m;
  if (sw) {
    // scikit-learn rescales the weights to sum to n, so alpha keeps its meaning.
    let total = 0;
    for (const v of sw) total += v;
    sw = sw.map((v) => (v * n) / total);
  }
  options.run?.logParams({ model: name === 'Lasso' ? 'lasso' : 'elastic-net', ...params });
  const prep = prepare(m.data, t, n, p, sw, params.fitIntercept);
  const Xc = toColumnMajor(prep.X, n, p);
  const w = params.warmStart && est.previous && est.previous.length === p ? est.previous.slice() : new Float64Array(p);
  const run = options.run;
  const res = enetCoordinateDescent(
    w, alpha * l1Ratio * n, alpha * (1 - l1Ratio) * n, Xc, prep.y, n, p, maxIter, tol, params.positive,
    run ? (iter, change) => run.logMetric('max_coef_change', change, iter) : undefined,
  );
  run?.logMetric('dual_gap', res.gap / n);
  const intercept = params.fitIntercept ? interceptOf(res.coef, prep.xOffset, prep.yOffset) : 0;
  return { coef: res.coef, intercept, nFeatures: p, nIter: res.nIter, dualGap: res.gap / n };
}

/**
 * Elastic net by cyclic coordinate descent, minimizing
 * (1/2n)‖y − Xw − b‖² + α·l1Ratio·‖w‖₁ + α(1 − l1Ratio)/2·‖w‖² (scikit-learn's scaling, so the
 * same α gives the same model).
 *
 * @example
 * const model = new ElasticNet({ alpha: 0.1, l1Ratio: 0.5 }).fit(X, y);
 * model.coef; model.nIter; model.dualGap;
 */
export class ElasticNet extends LinearRegressorBase<ElasticNetParams, ElasticNetState> {
  protected defaults(): ElasticNetParams {
    return { alpha: 1, l1Ratio: 0.5, fitIntercept: true, maxIter: 1000, tol: 1e-4, warmStart: false, positive: false };
  }

  fit(X: MatrixInput, y: LabelInput, options: LinearFitOptions = {}): this {
    const previous = this.isFitted ? this.fitted().coef : null;
    this.setFitted(fitElasticNet({ name: 'ElasticNet', previous, params: this.params }, X, y, options));
    return this;
  }

  /** Coordinate-descent sweeps run by the last fit. */
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }

  /** Duality gap at the end of the last fit (objective scale). */
  get dualGap(): number {
    return this.fitted('dualGap').dualGap;
  }
}

registerEstimator(ElasticNet);
