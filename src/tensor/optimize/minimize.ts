/**
 * `minimize`: one entry point to the multivariate optimizers, like `scipy.optimize.minimize`.
 */
import { ValueError } from '../errors.js';
import { type BoundsInput, parseBounds } from './bounds.js';
import { bfgs } from './bfgs.js';
import type { FiniteDifferenceScheme } from './finite-difference.js';
import { lbfgsb } from './lbfgsb.js';
import { nelderMead } from './nelder-mead.js';
import type { NdArray } from '../ndarray.js';
import { type GradientFunction, Objective, type ObjectiveFunction, type ValueAndGradientFunction } from './objective.js';
import type { OptimizeCallback, OptimizeResult } from './result.js';
import { type VectorInput, numberOption, toVector } from './vector.js';

export type MinimizeMethod = 'L-BFGS-B' | 'BFGS' | 'Nelder-Mead';

export interface MinimizeOptions {
  /**
   * The algorithm. As in SciPy, the default is 'L-BFGS-B' when `bounds` is given and 'BFGS'
   * otherwise. Names are matched case-insensitively. For many variables choose 'L-BFGS-B':
   * BFGS keeps a dense n×n matrix.
   */
  method?: MinimizeMethod;
  /**
   * The gradient: a function returning one partial derivative per variable, or a
   * finite-difference scheme ('2-point', the default when no gradient is given, or '3-point').
   */
  jac?: GradientFunction | FiniteDifferenceScheme;
  /**
   * Value and gradient in one call, for losses that compute both together. Pass `null` as `fun`
   * to use it alone; when `fun` is also given, `fun` serves value-only evaluations.
   */
  funAndGrad?: ValueAndGradientFunction;
  /** One [lo, hi] pair per variable (null/undefined for no bound). L-BFGS-B and Nelder–Mead. */
  bounds?: BoundsInput;
  /** Iteration limit (L-BFGS-B 15000, BFGS 200·n, Nelder–Mead 200·n). */
  maxIter?: number;
  /** Limit on objective evaluations (L-BFGS-B 15000; Nelder–Mead 200·n). */
  maxFun?: number;
  /** Gradient tolerance: infinity norm of the (projected) gradient (default 1e-5). L-BFGS-B, BFGS. */
  gtol?: number;
  /** Relative reduction of f that stops L-BFGS-B (default 2.22e-9). */
  ftol?: number;
  /** Absolute x tolerance of Nelder–Mead (default 1e-4). */
  xatol?: number;
  /** Absolute f tolerance of Nelder–Mead (default 1e-4). */
  fatol?: number;
  /** L-BFGS-B history size (default 10). */
  m?: number;
  /** Most trial steps per L-BFGS-B line search (default 20). */
  maxLs?: number;
  /** Absolute finite-difference step (default: relative, sqrt(eps)·max(1, |x_i|) for '2-point'). */
  eps?: number;
  /** Nelder–Mead: dimension-adapted coefficients. */
  adaptive?: boolean;
  /** Nelder–Mead: the n + 1 starting vertices. */
  initialSimplex?: ReadonlyArray<ArrayLike<number>> | NdArray;
  /** Called after each iteration; return true to stop. */
  callback?: OptimizeCallback;
}

const METHODS: Record<string, MinimizeMethod> = {
  'l-bfgs-b': 'L-BFGS-B',
  bfgs: 'BFGS',
  'nelder-mead': 'Nelder-Mead',
};

/** Options each method accepts (besides method, callback and maxIter, which all take). */
const ACCEPTS: Record<MinimizeMethod, readonly (keyof MinimizeOptions)[]> = {
  'L-BFGS-B': ['jac', 'funAndGrad', 'bounds', 'maxFun', 'gtol', 'ftol', 'm', 'maxLs', 'eps'],
  BFGS: ['jac', 'funAndGrad', 'gtol', 'eps'],
  'Nelder-Mead': ['funAndGrad', 'bounds', 'maxFun', 'xatol', 'fatol', 'adaptive', 'initialSimplex'],
};
const COMMON: readonly string[] = ['method', 'callback', 'maxIter'];

/**
 * Minimizes a scalar function of one or more variables.
 *
 * @param fun the objective, called with a fresh Float64Array; or null when `funAndGrad` is given
 * @param x0 the starting point (numbers, a Float64Array or a 1-D NdArray)
 * @param options method, gradient, bounds, tolerances and limits (see MinimizeOptions)
 * @returns an OptimizeResult: x, fun, jac, nit, nfev, njev, success, status, message
 * @example
 * const rosen = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
 * const res = minimize(rosen, [-1.2, 1], { method: 'L-BFGS-B' });
 * res.x; // ≈ Float64Array [1, 1]
 *
 * // With bounds and an analytic gradient:
 * minimize((x) => (x[0]! - 3) ** 2, [0], { jac: (x) => [2 * (x[0]! - 3)], bounds: [[0, 2]] }).x; // [2]
 */
export function minimize(fun: ObjectiveFunction | null, x0: VectorInput, options: MinimizeOptions = {}): OptimizeResult {
  if (options === null || typeof options !== 'object') {
    throw new ValueError('options must be an object, e.g. { method: "L-BFGS-B" }.');
  }
  const method = resolveMethod(options);
  const allowed = new Set<string>([...COMMON, ...ACCEPTS[method]]);
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || allowed.has(key)) continue;
    if (key === 'bounds') {
      throw new ValueError(`Method '${method}' does not support bounds; use method 'L-BFGS-B' (or 'Nelder-Mead').`);
    }
    if (key === 'jac') {
      throw new ValueError(`Method '${method}' does not use gradients; drop the jac option or choose 'L-BFGS-B' or 'BFGS'.`);
    }
    const takes = [...COMMON.slice(1), ...ACCEPTS[method]].join(', ');
    throw new ValueError(`Option '${key}' does not apply to method '${method}'; it takes: ${takes}.`);
  }
  const x = toVector(x0, 'x0');
  const box = parseBounds(options.bounds, x.length);
  const objective = new Objective(
    {
      fun,
      jac: options.jac,
      funAndGrad: options.funAndGrad,
      eps: options.eps === undefined ? undefined : numberOption(options.eps, 'eps', 0, { min: 0, exclusiveMin: true }),
    },
    x.length,
    box,
  );
  if (options.callback !== undefined && typeof options.callback !== 'function') {
    throw new ValueError(`callback must be a function (x, state) => boolean | void, got ${typeof options.callback}.`);
  }
  switch (method) {
    case 'L-BFGS-B':
      return lbfgsb(objective, x, box, options);
    case 'BFGS':
      return bfgs(objective, x, options);
    case 'Nelder-Mead':
      return nelderMead(objective, x, box, options);
  }
}

function resolveMethod(options: MinimizeOptions): MinimizeMethod {
  if (options.method === undefined) return options.bounds !== undefined && options.bounds !== null ? 'L-BFGS-B' : 'BFGS';
  const m = typeof options.method === 'string' ? METHODS[options.method.toLowerCase()] : undefined;
  if (m === undefined) {
    throw new ValueError(`Unknown method ${JSON.stringify(options.method)}; use one of 'L-BFGS-B', 'BFGS', 'Nelder-Mead'.`);
  }
  return m;
}
