/** L2-regularized least squares, like scikit-learn's `Ridge`. */
import { fromTyped, linalg } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, allFinite, checkFinite, toMatrix, toTargets } from '../base/input.js';
import { interceptOf, prepare } from './center.js';
import { checkChoice, checkNumber, toSampleWeight } from './checks.js';
import { centeredGram, choleskySolve } from './gram.js';
import { LinearRegressorBase, type LinearRegressorState } from './linear-regressor.js';
import type { LinearFitOptions } from './linear-regression.js';

export type RidgeSolver = 'auto' | 'cholesky' | 'svd';

export interface RidgeParams {
  /** Strength of the L2 penalty, ≥ 0. Default 1. */
  alpha: number;
  /** Fit an (unpenalized) intercept. Default true. */
  fitIntercept: boolean;
  /**
   * 'cholesky' solves the normal equations (XᵀX + αI)w = Xᵀy, or the dual (XXᵀ + αI)a = y when
   * there are more features than samples; 'svd' uses the SVD of X (most stable, slowest);
   * 'auto' (default) is 'cholesky'.
   */
  solver: RidgeSolver;
}

/**
 * Ridge regression: minimizes Σ wᵢ (yᵢ − xᵢ·w − b)² + α‖w‖².
 *
 * @example
 * const model = new Ridge({ alpha: 0.5 }).fit([[0, 0], [1, 1], [2, 2]], [0, 1, 2]);
 * model.coef.toArray();   // [0.4444…, 0.4444…]
 * model.predict([[3, 3]]);
 */
export class Ridge extends LinearRegressorBase<RidgeParams, LinearRegressorState & { solver: string }> {
  protected defaults(): RidgeParams {
    return { alpha: 1, fitIntercept: true, solver: 'auto' };
  }

  fit(X: MatrixInput, y: LabelInput, options: LinearFitOptions = {}): this {
    const name = 'Ridge';
    const alpha = checkNumber(name, 'alpha', this.params.alpha, 0, false, 'Use alpha = 0 for ordinary least squares.');
    const solver = checkChoice(name, 'solver', this.params.solver, ['auto', 'cholesky', 'svd'] as const);
    const matrixOptions = { estimator: name, borrow: true, deferFiniteCheck: true };
    const m = toMatrix(X, matrixOptions);
    const t = toTargets(y, m.rows, name);
    const sw = toSampleWeight(options.sampleWeight, m.rows, name);
    options.run?.logParams({ model: 'ridge', ...this.getParams() });
    const { rows: n, cols: p } = m;
    const fi = this.params.fitIntercept;
    let coef: Float64Array | null = null;
    let used = solver === 'auto' ? 'cholesky' : solver;
    let xOffset: Float64Array;
    let yOffset: number;
    if (used === 'cholesky' && p <= n) {
      const gram = centeredGram(m.data, t, n, p, sw, fi);
      // A NaN or ±Infinity anywhere in X reaches the diagonal of G.
      if (!allFinite(gram.G)) checkFinite(m, matrixOptions);
      xOffset = gram.xMean;
      yOffset = gram.yMean;
      coef = choleskySolve(gram.G, gram.b, p, alpha);
      if (coef === null) used = 'svd'; // singular XᵀX with alpha = 0: fall back like scikit-learn
    } else {
      checkFinite(m, matrixOptions);
      const prep = prepare(m.data, t, n, p, sw, fi);
      xOffset = prep.xOffset;
      yOffset = prep.yOffset;
      if (used === 'cholesky') coef = dualSolve(prep.X, prep.y, n, p, alpha);
      if (coef === null) used = 'svd';
    }
    if (coef === null) {
      const prep = prepare(m.data, t, n, p, sw, fi);
      coef = svdSolve(prep.X, prep.y, n, p, alpha);
    }
    const intercept = fi ? interceptOf(coef, xOffset, yOffset) : 0;
    this.setFitted({ coef, intercept, nFeatures: p, solver: used });
    return this;
  }
}

/** Kernel (dual) form for p > n: a = (XXᵀ + αI)⁻¹ y, w = Xᵀa. */
function dualSolve(X: Float64Array, y: Float64Array, n: number, p: number, alpha: number): Float64Array | null {
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += X[i * p + k]! * X[j * p + k]!;
      K[i * n + j] = s;
      K[j * n + i] = s;
    }
  }
  const a = choleskySolve(K, y, n, alpha);
  if (a === null) return null;
  const w = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) w[k] += X[i * p + k]! * a[i]!;
  return w;
}

/** w = V · diag(s / (s² + α)) · Uᵀ y, ignoring singular values ≤ 1e-15 (scikit-learn's rule). */
function svdSolve(X: Float64Array, y: Float64Array, n: number, p: number, alpha: number): Float64Array {
  const { U, S, Vt } = linalg.svd(fromTyped(X, [n, p]), { fullMatrices: false });
  const u = U.toFloat64Array();
  const s = S.toFloat64Array();
  const vt = Vt.toFloat64Array();
  const k = s.length;
  const w = new Float64Array(p);
  for (let c = 0; c < k; c++) {
    if (!(s[c]! > 1e-15)) continue;
    let uty = 0;
    for (let i = 0; i < n; i++) uty += u[i * k + c]! * y[i]!;
    const d = (s[c]! / (s[c]! ** 2 + alpha)) * uty;
    for (let j = 0; j < p; j++) w[j] += vt[c * p + j]! * d;
  }
  return w;
}

registerEstimator(Ridge);
