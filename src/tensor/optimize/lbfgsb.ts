/**
 * L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995; Zhu, Byrd, Lu & Nocedal 1997, with the subspace
 * projection of Morales & Nocedal 2011): limited-memory BFGS for bound-constrained problems.
 *
 * Each iteration (1) finds the generalized Cauchy point along the projected steepest-descent path
 * of the compact L-BFGS model (cauchy-point.ts), (2) minimizes the model over the variables still
 * free there (subspace.ts), and (3) does a strong-Wolfe line search (line-search.ts) from x toward
 * that point, with the step capped so the iterate stays feasible. Without bounds the direction is
 * the usual two-loop L-BFGS step. Stopping rules and messages follow SciPy's L-BFGS-B.
 */
import { type Box, projectInPlace, projectedGradientNorm } from './bounds.js';
import { generalizedCauchyPoint } from './cauchy-point.js';
import { LbfgsMemory } from './lbfgs-memory.js';
import { type LinePoint, strongWolfeLineSearch } from './line-search.js';
import type { Evaluation, Objective } from './objective.js';
import { type OptimizeCallback, type OptimizeResult, STOPPED_BY_CALLBACK } from './result.js';
import { subspaceMinimization } from './subspace.js';
import { dot, norm2, numberOption } from './vector.js';

const EPS = 2.220446049250313e-16;

export interface LbfgsbOptions {
  /** Number of correction pairs kept (default 10). */
  m?: number;
  /** Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) <= ftol (default 2.22e-9, SciPy's factr·eps). */
  ftol?: number;
  /** Stop when the infinity norm of the projected gradient is <= gtol (default 1e-5). */
  gtol?: number;
  /** Iteration limit (default 15000). */
  maxIter?: number;
  /** Limit on objective evaluations, finite-difference ones included (default 15000). */
  maxFun?: number;
  /** Most trial steps per line search (default 20). */
  maxLs?: number;
  callback?: OptimizeCallback;
}

export const LBFGSB_MESSAGES = {
  pgtol: 'CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL',
  ftol: 'CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH',
  maxIter: 'STOP: TOTAL NO. of ITERATIONS REACHED LIMIT',
  maxFun: 'STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT',
  lineSearch: 'ABNORMAL_TERMINATION_IN_LNSRCH',
} as const;

/** Runs L-BFGS-B on a prepared objective; x0 is projected into the box first. */
export function lbfgsb(obj: Objective, x0: Float64Array, box: Box | null, options: LbfgsbOptions = {}): OptimizeResult {
  const m = numberOption(options.m, 'm', 10, { min: 1, integer: true });
  const ftol = numberOption(options.ftol, 'ftol', 2.220446049250313e-9, { min: 0 });
  const gtol = numberOption(options.gtol, 'gtol', 1e-5, { min: 0 });
  const maxIter = numberOption(options.maxIter, 'maxIter', 15000, { min: 0, integer: true });
  const maxFun = numberOption(options.maxFun, 'maxFun', 15000, { min: 1, integer: true });
  const maxLs = numberOption(options.maxLs, 'maxLs', 20, { min: 1, integer: true });
  const { callback } = options;

  const n = x0.length;
  const mem = new LbfgsMemory(m);
  let x: Float64Array = projectInPlace(x0.slice(), box);
  let { f, g } = obj.checkStart(x, true) as Evaluation;
  let nit = 0;
  const finish = (status: number, message: string): OptimizeResult => ({
    x,
    fun: f,
    jac: g,
    nit,
    nfev: obj.nfev,
    njev: obj.njev,
    success: status === 0,
    status,
    message,
  });

  if (projectedGradientNorm(x, g, box) <= gtol) return finish(0, LBFGSB_MESSAGES.pgtol);

  for (;;) {
    if (nit >= maxIter) return finish(1, LBFGSB_MESSAGES.maxIter);
    if (obj.nfev >= maxFun) return finish(1, LBFGSB_MESSAGES.maxFun);

    // Search direction d = x̄ − x.
    const d = new Float64Array(n);
    if (box === null) {
      const hg = mem.size > 0 ? mem.inverseTimes(g) : g;
      for (let i = 0; i < n; i++) d[i] = -hg[i]!;
    } else {
      const cp = generalizedCauchyPoint(x, g, box, mem);
      const xbar = subspaceMinimization(x, g, box, mem, cp);
      for (let i = 0; i < n; i++) d[i] = xbar[i]! - x[i]!;
    }
    const dphi0 = dot(g, d);
    if (!(dphi0 < 0)) {
      if (mem.size > 0) {
        mem.reset(); // the model went bad: restart from steepest descent
        continue;
      }
      return finish(2, LBFGSB_MESSAGES.lineSearch);
    }

    const alphaMax = box === null ? 1e10 : mem.size === 0 ? 1 : maxFeasibleStep(x, d, box);
    const alphaInit = mem.size === 0 && !(box !== null && box.boxed) ? Math.min(1 / norm2(d), alphaMax) : 1;
    const xk = x;
    const phi = (alpha: number): LinePoint => {
      const xt = new Float64Array(n);
      for (let i = 0; i < n; i++) xt[i] = xk[i]! + alpha * d[i]!;
      projectInPlace(xt, box);
      const ev = obj.valueAndGrad(xt);
      return { alpha, f: ev.f, dphi: dot(ev.g, d), x: xt, g: ev.g };
    };
    const ls = strongWolfeLineSearch(phi, f, dphi0, { c1: 1e-3, c2: 0.9, alphaInit, alphaMax, maxEvals: maxLs });
    if (ls.point === null) {
      if (mem.size > 0) {
        mem.reset();
        continue;
      }
      return finish(2, LBFGSB_MESSAGES.lineSearch);
    }

    const p = ls.point;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = p.x[i]! - x[i]!;
      y[i] = p.g[i]! - g[i]!;
    }
    // Keep the pair only with enough positive curvature: sᵀy > eps·(−g_kᵀs).
    if (dot(s, y) > EPS * -dot(g, s)) mem.push(s, y);
    const fOld = f;
    x = p.x;
    f = p.f;
    g = p.g;
    nit++;

    if (callback !== undefined && callback(x.slice(), { nit, fun: f }) === true) return finish(99, STOPPED_BY_CALLBACK);
    if (projectedGradientNorm(x, g, box) <= gtol) return finish(0, LBFGSB_MESSAGES.pgtol);
    if ((fOld - f) / Math.max(Math.abs(fOld), Math.abs(f), 1) <= ftol) return finish(0, LBFGSB_MESSAGES.ftol);
  }
}

/** Largest alpha with x + alpha d inside the box (at least 1 when x + d is feasible). */
function maxFeasibleStep(x: Float64Array, d: Float64Array, box: Box): number {
  let step = 1e10;
  for (let i = 0; i < x.length; i++) {
    const di = d[i]!;
    if (di < 0 && box.lower[i]! > -Infinity) step = Math.min(step, (box.lower[i]! - x[i]!) / di);
    else if (di > 0 && box.upper[i]! < Infinity) step = Math.min(step, (box.upper[i]! - x[i]!) / di);
  }
  return Math.max(step, 0);
}
