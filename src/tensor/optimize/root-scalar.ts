/** `rootScalar`: one entry point to the scalar root finders, like `scipy.optimize.root_scalar`. */
import { ValueError } from '../errors.js';
import { bisectResult } from './bisect.js';
import { brentqResult } from './brentq.js';
import { newtonResult } from './newton.js';
import type { RootResult } from './result.js';
import type { ScalarFunction } from './scalar-function.js';

export type RootScalarMethod = 'brentq' | 'bisect' | 'newton' | 'halley' | 'secant';

export interface RootScalarOptions {
  /**
   * The solver. Default: 'brentq' with a bracket; otherwise 'halley' with fprime and fprime2,
   * 'newton' with fprime, 'secant' with x0 (and optionally x1).
   */
  method?: RootScalarMethod;
  /** [a, b] with f(a), f(b) of opposite signs (brentq, bisect). */
  bracket?: readonly [number, number];
  /** Starting point (newton, halley, secant). */
  x0?: number;
  /** Second starting point (secant). */
  x1?: number;
  fprime?: ScalarFunction;
  fprime2?: ScalarFunction;
  /** Absolute tolerance (bracketing default 2e-12; Newton-type default 1.48e-8). */
  xtol?: number;
  /** Relative tolerance. */
  rtol?: number;
  maxIter?: number;
}

/**
 * Finds a root of a scalar function. Unlike `brentq`/`newton`, it does not throw when the
 * iteration fails to converge: check `converged` (bad input still throws).
 *
 * @example
 * rootScalar((x) => x ** 3 - 1, { bracket: [0, 3] }).root;                  // 1 (brentq)
 * rootScalar((x) => x ** 3 - 1, { x0: 0.2, fprime: (x) => 3 * x ** 2 });   // newton: { root: 1, converged: true, ... }
 */
export function rootScalar(f: ScalarFunction, options: RootScalarOptions = {}): RootResult {
  const method = options.method ?? defaultMethod(options);
  const { bracket, x0 } = options;
  const tol = { xtol: options.xtol, rtol: options.rtol, maxIter: options.maxIter };
  const defined = Object.fromEntries(Object.entries(tol).filter(([, v]) => v !== undefined));
  switch (method) {
    case 'brentq':
    case 'bisect': {
      if (bracket === undefined) throw new ValueError(`Method '${method}' needs a bracket: give bracket: [a, b].`);
      if (!Array.isArray(bracket) || bracket.length !== 2) {
        throw new ValueError(`bracket must be a pair [a, b], got ${JSON.stringify(bracket)}.`);
      }
      return (method === 'brentq' ? brentqResult : bisectResult)(f, bracket[0], bracket[1], defined);
    }
    case 'newton':
    case 'halley':
    case 'secant': {
      if (x0 === undefined) throw new ValueError(`Method '${method}' needs a starting point: give x0.`);
      if (method !== 'secant' && options.fprime === undefined) {
        throw new ValueError(`Method '${method}' needs the derivative: give fprime (or use method 'secant').`);
      }
      if (method === 'halley' && options.fprime2 === undefined) {
        throw new ValueError("Method 'halley' needs the second derivative: give fprime2.");
      }
      return newtonResult(f, x0, {
        ...(method !== 'secant' ? { fprime: options.fprime } : {}),
        ...(method === 'halley' ? { fprime2: options.fprime2 } : {}),
        ...(method === 'secant' && options.x1 !== undefined ? { x1: options.x1 } : {}),
        ...(options.xtol !== undefined ? { tol: options.xtol } : {}),
        ...(options.rtol !== undefined ? { rtol: options.rtol } : {}),
        ...(options.maxIter !== undefined ? { maxIter: options.maxIter } : {}),
      });
    }
    default:
      throw new ValueError(
        `Unknown method ${JSON.stringify(method)}; use one of 'brentq', 'bisect', 'newton', 'halley', 'secant'.`,
      );
  }
}

function defaultMethod(options: RootScalarOptions): RootScalarMethod {
  if (options.bracket !== undefined) return 'brentq';
  if (options.x0 !== undefined) {
    if (options.fprime !== undefined) return options.fprime2 !== undefined ? 'halley' : 'newton';
    return 'secant';
  }
  throw new ValueError('rootScalar needs either bracket: [a, b] (for brentq) or a starting point x0 (for newton/secant).');
}
