/**
 * BFGS with a dense inverse-Hessian approximation (Nocedal & Wright, Algorithm 6.1), as SciPy's
 * `method='BFGS'`: H₀ = I, a strong-Wolfe line search (c1 = 1e-4, c2 = 0.9) whose first trial
 * step is scaled from the previous decrease, and the update
 *   H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ,   ρ = 1 / yᵀs,
 * skipped when yᵀs <= 0. Stops when the infinity norm of the gradient is <= gtol.
 * Memory is O(n²): for many variables use L-BFGS-B.
 */
import { NdArray } from '../ndarray.js';
import { type LinePoint, strongWolfeLineSearch } from './line-search.js';
import type { Evaluation, Objective } from './objective.js';
import { type OptimizeCallback, type OptimizeResult, STOPPED_BY_CALLBACK } from './result.js';
import { allFinite, dot, norm2, normInf, numberOption } from './vector.js';

export interface BfgsOptions {
  /** Stop when the infinity norm of the gradient is <= gtol (default 1e-5). */
  gtol?: number;
  /** Iteration limit (default 200 · n). */
  maxIter?: number;
  callback?: OptimizeCallback;
}

export const BFGS_MESSAGES = {
  success: 'Optimization terminated successfully.',
  maxIter: 'Maximum number of iterations has been exceeded.',
  precisionLoss: 'Desired error not necessarily achieved due to precision loss.',
  nan: 'NaN result encountered.',
} as const;

/** Runs BFGS on a prepared objective. */
export function bfgs(obj: Objective, x0: Float64Array, options: BfgsOptions = {}): OptimizeResult {
  const n = x0.length;
  const gtol = numberOption(options.gtol, 'gtol', 1e-5, { min: 0 });
  const maxIter = numberOption(options.maxIter, 'maxIter', 200 * n, { min: 0, integer: true });
  const { callback } = options;

  let x: Float64Array = x0.slice();
  let { f, g } = obj.checkStart(x, true) as Evaluation;
  const h = new Float64Array(n * n);
  const resetH = (): void => {
    h.fill(0);
    for (let i = 0; i < n; i++) h[i * n + i] = 1;
  };
  resetH();
  let hIsIdentity = true;
  let fPrev = f + norm2(g) / 2; // makes the first trial step 1.01 / ‖g‖ (capped at 1), as SciPy
  let nit = 0;
  let status = 0;
  let message: string = BFGS_MESSAGES.success;
  const hy = new Float64Array(n);

  while (normInf(g) > gtol) {
    if (nit >= maxIter) {
      status = 1;
      message = BFGS_MESSAGES.maxIter;
      break;
    }
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let t = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) t -= h[row + j]! * g[j]!;
      d[i] = t;
    }
    const dphi0 = dot(g, d);
    if (!(dphi0 < 0)) {
      if (!hIsIdentity) {
        resetH();
        hIsIdentity = true;
        continue;
      }
      status = 2;
      message = BFGS_MESSAGES.precisionLoss;
      break;
    }
    let alphaInit = Math.min(1, (1.01 * 2 * (f - fPrev)) / dphi0);
    if (!(alphaInit > 0)) alphaInit = 1;
    const xk = x;
    const phi = (alpha: number): LinePoint => {
      const xt = new Float64Array(n);
      for (let i = 0; i < n; i++) xt[i] = xk[i]! + alpha * d[i]!;
      const ev = obj.valueAndGrad(xt);
      return { alpha, f: ev.f, dphi: dot(ev.g, d), x: xt, g: ev.g };
    };
    const ls = strongWolfeLineSearch(phi, f, dphi0, { c1: 1e-4, c2: 0.9, alphaInit, alphaMax: 1e100, maxEvals: 40 });
    const p = ls.point;
    if (p === null || (ls.status === 'armijo' && f - p.f <= 2.220446049250313e-16 * Math.abs(f))) {
      status = 2;
      message = BFGS_MESSAGES.precisionLoss;
      if (p !== null) {
        x = p.x;
        f = p.f;
        g = p.g;
        nit++;
      }
      break;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = p.x[i]! - x[i]!;
      y[i] = p.g[i]! - g[i]!;
    }
    fPrev = f;
    x = p.x;
    f = p.f;
    g = p.g;
    nit++;
    if (callback !== undefined && callback(x.slice(), { nit, fun: f }) === true) {
      status = 99;
      message = STOPPED_BY_CALLBACK;
      break;
    }
    if (!Number.isFinite(f) || !allFinite(g)) {
      status = 3;
      message = BFGS_MESSAGES.nan;
      break;
    }
    const ys = dot(y, s);
    if (ys > 0 && Number.isFinite(ys)) {
      const rho = 1 / ys;
      let yhy = 0;
      for (let i = 0; i < n; i++) {
        let t = 0;
        const row = i * n;
        for (let j = 0; j < n; j++) t += h[row + j]! * y[j]!;
        hy[i] = t;
        yhy += y[i]! * t;
      }
      const ss = rho * rho * yhy + rho;
      for (let i = 0; i < n; i++) {
        const row = i * n;
        const si = s[i]!;
        const hyi = hy[i]!;
        for (let j = 0; j < n; j++) h[row + j] += -rho * (si * hy[j]! + hyi * s[j]!) + ss * si * s[j]!;
      }
      hIsIdentity = false;
    }
  }
  return {
    x,
    fun: f,
    jac: g,
    nit,
    nfev: obj.nfev,
    njev: obj.njev,
    success: status === 0,
    status,
    message,
    hessInv: new NdArray('float64', h, [n, n]),
  };
}
