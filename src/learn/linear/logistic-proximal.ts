/**
 * The L1 and elastic-net logistic objectives, solved by accelerated proximal gradient (FISTA,
 * Beck & Teboulle 2009) with backtracking on the step and gradient-based adaptive restart
 * (O'Donoghue & Candès 2015):
 *
 *   minimize Σᵢ sᵢ loss(zᵢ) + (1/C)·[(1 − l1Ratio)/2 ‖W‖² + l1Ratio ‖W‖₁]
 *
 * — the objective scikit-learn's 'saga' solver minimizes, so at convergence the coefficients
 * agree. Intercepts are not penalized. Stops when the infinity norm of the composite gradient
 * mapping L·(y − prox(y − ∇f(y)/L)) is ≤ tol (the proximal analogue of L-BFGS's gtol).
 */
import { type LogisticProblem, type LossEvaluator, isIntercept, logisticLossGrad, parameterCount } from './logistic-loss.js';

export interface ProximalResult {
  v: Float64Array;
  nIter: number;
  converged: boolean;
}

export function fistaLogistic(
  pr: LogisticProblem, l2: number, l1: number, tol: number, maxIter: number,
  onIter?: (iter: number, objective: number) => void, evaluate?: LossEvaluator,
): ProximalResult {
  const m = parameterCount(pr);
  const penalized = new Uint8Array(m);
  for (let i = 0; i < m; i++) penalized[i] = isIntercept(pr, i) ? 0 : 1;
  const prox = (u: Float64Array, thr: number, out: Float64Array): void => {
    for (let i = 0; i < m; i++) {
      const a = u[i]!;
      out[i] = penalized[i] ? Math.sign(a) * Math.max(Math.abs(a) - thr, 0) : a;
    }
  };
  const l1Norm = (v: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < m; i++) if (penalized[i]) s += Math.abs(v[i]!);
    return s;
  };
  let x = new Float64Array(m);
  let y = new Float64Array(m);
  const gy = new Float64Array(m);
  const gz = new Float64Array(m);
  const z = new Float64Array(m);
  const u = new Float64Array(m);
  let t = 1;
  let L = 1;
  let iter = 0;
  let converged = false;
  for (; iter < maxIter; iter++) {
    const fy = logisticLossGrad(pr, y, l2, gy, evaluate);
    let fz: number;
    for (;;) {
      for (let i = 0; i < m; i++) u[i] = y[i]! - gy[i]! / L;
      prox(u, l1 / L, z);
      fz = logisticLossGrad(pr, z, l2, gz, evaluate);
      let lin = 0;
      let sq = 0;
      for (let i = 0; i < m; i++) {
        const d = z[i]! - y[i]!;
        lin += gy[i]! * d;
        sq += d * d;
      }
      if (fz <= fy + lin + 0.5 * L * sq + 1e-12 * Math.abs(fy) || sq === 0) break;
      L *= 2;
    }
    let gmap = 0;
    for (let i = 0; i < m; i++) gmap = Math.max(gmap, Math.abs(L * (y[i]! - z[i]!)));
    onIter?.(iter, fz + l1 * l1Norm(z));
    if (gmap <= tol) {
      x = z.slice();
      converged = true;
      iter++;
      break;
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    let restart = 0;
    for (let i = 0; i < m; i++) restart += (y[i]! - z[i]!) * (z[i]! - x[i]!);
    const next = new Float64Array(m);
    if (restart > 0) {
      t = 1;
      next.set(z);
    } else {
      const beta = (t - 1) / tNext;
      for (let i = 0; i < m; i++) next[i] = z[i]! + beta * (z[i]! - x[i]!);
      t = tNext;
    }
    x = z.slice();
    y = next;
    L *= 0.9;
  }
  return { v: x, nIter: iter, converged };
}
