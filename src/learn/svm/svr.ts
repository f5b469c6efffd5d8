/** Kernel support-vector regression, like scikit-learn's `SVR` (libsvm's ε-SVR). */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix, toTargets } from '../base/input.js';
import { Regressor } from '../base/kinds.js';
import type { FitOptions } from '../base/run.js';
import { checkNumber } from '../linear/checks.js';
import { type KernelSpec, RowCache, kernelValue, resolveGamma } from './kernels.js';
import { solveSMO } from './smo.js';
import { type KernelParams, checkKernelParams, iterationLimit, kernelDefaults } from './svm-params.js';

export interface SVRParams extends KernelParams {
  /** Half-width of the tube within which errors cost nothing, ≥ 0. Default 0.1. */
  epsilon: number;
}

export interface SVRState {
  kernel: KernelSpec;
  nFeatures: number;
  supportVectors: Float64Array;
  support: Int32Array;
  /** αᵢ − αᵢ* per support vector. */
  dualCoef: Float64Array;
  intercept: number;
  nIter: number;
}

/**
 * ε-support-vector regression: the libsvm dual over 2n variables (α, α*) solved by SMO with
 * WSS-2 and a kernel cache.
 *
 * @example
 * const model = new SVR({ C: 3, epsilon: 0.2 }).fit(X, y);
 * model.predict(Xtest);
 */
export class SVR extends Regressor<SVRParams, SVRState> {
  protected defaults(): SVRParams {
    return { ...kernelDefaults(), epsilon: 0.1 };
  }

  fit(X: MatrixInput, y: LabelInput, options: FitOptions = {}): this {
    const name = 'SVR';
    const params = this.params;
    checkKernelParams(params, name);
    const eps = checkNumber(name, 'epsilon', params.epsilon, 0);
    const m = toMatrix(X, { estimator: name });
    const t = toTargets(y, m.rows, name);
    const { rows: n, cols: p } = m;
    const spec: KernelSpec = { kernel: params.kernel, gamma: resolveGamma(params.gamma, m.data, p, name), degree: params.degree, coef0: params.coef0 };
    options.run?.logParams({ model: 'svr', ...params, gammaValue: spec.gamma });
    const L = 2 * n;
    const lin = new Float64Array(L);
    const ys = new Int8Array(L);
    for (let i = 0; i < n; i++) {
      lin[i] = eps - t[i]!;
      ys[i] = 1;
      lin[i + n] = eps + t[i]!;
      ys[i + n] = -1;
    }
    const krow = new Float64Array(n);
    const cache = new RowCache(L, (i, out) => {
      const ii = i % n;
      for (let j = 0; j < n; j++) krow[j] = kernelValue(spec, m.data, ii * p, m.data, j * p, p);
      const si = ys[i]!;
      for (let j = 0; j < n; j++) {
        out[j] = si * krow[j]!;
        out[j + n] = -si * krow[j]!;
      }
    }, params.cacheSize);
    const diag = new Float64Array(L);
    for (let i = 0; i < n; i++) diag[i] = diag[i + n] = kernelValue(spec, m.data, i * p, m.data, i * p, p);
    const run = options.run;
    const res = solveSMO({ row: (i) => cache.row(i), diag }, lin, ys, new Float64Array(L).fill(params.C), params.tol,
      iterationLimit(params.maxIter, L), run ? (it, v) => run.logMetric('kkt_violation', v, it) : undefined);
    run?.logMetric('dual_objective', res.objective);
    const support: number[] = [];
    const coef: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = res.alpha[i]! - res.alpha[i + n]!;
      if (c !== 0) {
        support.push(i);
        coef.push(c);
      }
    }
    const sv = new Float64Array(support.length * p);
    support.forEach((i, k) => sv.set(m.data.subarray(i * p, (i + 1) * p), k * p));
    this.setFitted({
      kernel: spec, nFeatures: p, supportVectors: sv, support: Int32Array.from(support), dualCoef: Float64Array.from(coef),
      intercept: -res.rho, nIter: res.iterations,
    });
    return this;
  }

  predict(X: MatrixInput): NdArray<'float64'> {
    const s = this.fitted('predict');
    const m = toMatrix(X, { estimator: 'SVR' });
    checkFeatureCount(m, s.nFeatures, 'SVR');
    const p = s.nFeatures;
    const out = new Float64Array(m.rows);
    for (let r = 0; r < m.rows; r++) {
      let sum = s.intercept;
      for (let k = 0; k < s.support.length; k++) sum += s.dualCoef[k]! * kernelValue(s.kernel, m.data, r * p, s.supportVectors, k * p, p);
      out[r] = sum;
    }
    return fromTyped(out, [m.rows]);
  }

  get support(): Int32Array {
    return this.fitted('support').support.slice();
  }

  get dualCoef(): NdArray<'float64'> {
    const s = this.fitted('dualCoef');
    return fromTyped(s.dualCoef.slice(), [1, s.dualCoef.length]);
  }

  get intercept(): number {
    return this.fitted('intercept').intercept;
  }
}

registerEstimator(SVR);
