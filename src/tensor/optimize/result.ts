/** The result objects the optimizers return, shaped like SciPy's `OptimizeResult`. */
import type { NdArray } from '../ndarray.js';

/** What `minimize` returns. */
export interface OptimizeResult {
  /** The solution. */
  x: Float64Array;
  /** The objective at x. */
  fun: number;
  /** The gradient at x (gradient-based methods). */
  jac?: Float64Array;
  /** Iterations performed. */
  nit: number;
  /** Objective evaluations, finite-difference ones included. */
  nfev: number;
  /** Gradient evaluations. */
  njev: number;
  /** True when the method met its convergence test (status 0). */
  success: boolean;
  /**
   * 0 converged; 1 an iteration or evaluation limit was hit; 2 the line search could not make
   * progress (precision loss); 3 NaN encountered (BFGS); 99 stopped by the callback.
   */
  status: number;
  /** A human-readable reason for stopping (SciPy's wording). */
  message: string;
  /** BFGS's final inverse-Hessian approximation, shape (n, n). */
  hessInv?: NdArray<'float64'>;
  /** Nelder–Mead's final simplex, best vertex first, with the objective at each vertex. */
  finalSimplex?: { vertices: Float64Array[]; values: Float64Array };
}

/**
 * Called after each iteration with the current point (a copy) and iteration state. Return
 * `true` to stop early; the result then has status 99.
 */
export type OptimizeCallback = (x: Float64Array, state: { nit: number; fun: number }) => boolean | void;

export const STOPPED_BY_CALLBACK = 'Stopped by the callback.';

/** What `rootScalar` returns (SciPy's `RootResults`). */
export interface RootResult {
  /** The estimated root. */
  root: number;
  iterations: number;
  functionCalls: number;
  converged: boolean;
  /** 'converged' or 'convergence error' (with the reason after a colon). */
  flag: string;
}

/** A RootResult; `why` (a non-convergence reason) is appended to the flag after a colon. */
export function rootResult(root: number, iterations: number, functionCalls: number, converged: boolean, why = ''): RootResult {
  return {
    root,
    iterations,
    functionCalls,
    converged,
    flag: converged ? 'converged' : `convergence error${why ? `: ${why}` : ''}`,
  };
}

/** What `minimizeScalar` returns. */
export interface ScalarMinimizeResult {
  x: number;
  fun: number;
  nit: number;
  nfev: number;
  success: boolean;
  /** 0 converged; 1 evaluation or iteration limit reached; 2 NaN encountered. */
  status: number;
  message: string;
}
