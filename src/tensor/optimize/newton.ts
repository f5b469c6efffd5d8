/**
 * Newton–Raphson, Halley and secant iterations for a root near a starting point (SciPy's
 * scalar `newton`): Newton when `fprime` is given, Halley's correction on top when `fprime2` is
 * also given, otherwise the secant method started from x0 and x1 (default x1 = x0·(1 + 1e-4) ± 1e-4).
 * Converged when two successive estimates p, p₀ satisfy |p − p₀| <= tol + rtol·|p₀|.
 */
import { ValueError } from '../errors.js';
import { notConverged } from './errors.js';
import { type RootResult, rootResult } from './result.js';
import { type ScalarFunction, call, checkFiniteNumber, checkFunction } from './scalar-function.js';

export interface NewtonOptions {
  /** The derivative f′; without it the secant method is used. */
  fprime?: ScalarFunction;
  /** The second derivative f″ (with fprime: Halley's method). */
  fprime2?: ScalarFunction;
  /** A second starting point for the secant method. */
  x1?: number;
  /** Absolute tolerance (default 1.48e-8). */
  tol?: number;
  /** Relative tolerance (default 0). */
  rtol?: number;
  /** Iteration limit (default 50). */
  maxIter?: number;
}

/** Newton/Halley/secant with full diagnostics; never throws for non-convergence. */
export function newtonResult(f: ScalarFunction, x0: number, options: NewtonOptions = {}): RootResult {
  checkFunction(f);
  checkFiniteNumber(x0, 'x0');
  const { fprime, fprime2, x1 } = options;
  if (fprime !== undefined) checkFunction(fprime, 'fprime');
  if (fprime2 !== undefined) checkFunction(fprime2, 'fprime2');
  const tol = options.tol ?? 1.48e-8;
  const rtol = options.rtol ?? 0;
  const maxIter = options.maxIter ?? 50;
  if (typeof tol !== 'number' || !(tol > 0)) throw new ValueError(`tol must be positive, got ${String(tol)}.`);
  if (typeof rtol !== 'number' || !(rtol >= 0)) throw new ValueError(`rtol must be non-negative, got ${String(rtol)}.`);
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new ValueError(`maxIter must be a positive integer, got ${String(maxIter)}.`);
  const close = (p: number, q: number): boolean => Math.abs(p - q) <= tol + rtol * Math.abs(q);
  let calls = 0;
  const result = (root: number, iterations: number, converged: boolean, why = ''): RootResult =>
    rootResult(root, iterations, calls, converged, why);

  if (fprime !== undefined) {
    let p0 = x0;
    for (let itr = 0; itr < maxIter; itr++) {
      const fval = call(f, p0);
      calls++;
      if (fval === 0) return result(p0, itr + 1, true);
      const fder = call(fprime, p0, false, 'fprime');
      calls++;
      if (fder === 0) return result(p0, itr + 1, false, 'derivative was zero');
      let step = fval / fder;
      if (fprime2 !== undefined) {
        const fder2 = call(fprime2, p0, false, 'fprime2');
        calls++;
        const adj = (step * fder2) / fder / 2;
        if (Math.abs(adj) < 1) step /= 1 - adj;
      }
      const p = p0 - step;
      if (close(p, p0)) return result(p, itr + 1, true);
      p0 = p;
    }
    return result(p0, maxIter, false);
  }

  let p0 = x0;
  let p1: number;
  if (x1 !== undefined) {
    checkFiniteNumber(x1, 'x1');
    if (x1 === x0) throw new ValueError(`x1 and x0 must be different, both are ${x0}.`);
    p1 = x1;
  } else {
    p1 = x0 * (1 + 1e-4);
    p1 += p1 >= 0 ? 1e-4 : -1e-4;
  }
  let q0 = call(f, p0);
  let q1 = call(f, p1);
  calls += 2;
  if (Math.abs(q1) < Math.abs(q0)) [p0, p1, q0, q1] = [p1, p0, q1, q0];
  let p = p1;
  for (let itr = 0; itr < maxIter; itr++) {
    if (q1 === q0) {
      p = (p1 + p0) / 2;
      if (p1 !== p0) return result(p, itr + 1, false, `f is flat between ${p0} and ${p1} (tolerance of ${p1 - p0} reached)`);
      return result(p, itr + 1, true);
    }
    p = Math.abs(q1) > Math.abs(q0) ? ((-q0 / q1) * p1 + p0) / (1 - q0 / q1) : ((-q1 / q0) * p0 + p1) / (1 - q1 / q0);
    if (close(p, p1)) return result(p, itr + 1, true);
    p0 = p1;
    q0 = q1;
    p1 = p;
    q1 = call(f, p1);
    calls++;
  }
  return result(p, maxIter, false);
}

/**
 * A root of `f` near `x0` by Newton's method (with `fprime`), Halley's (with `fprime2` too) or
 * the secant method (without derivatives), like SciPy's scalar `newton`.
 *
 * @throws ConvergenceError when the iteration does not converge or the derivative is zero
 * @example
 * newton((x) => x * x - 2, 1, { fprime: (x) => 2 * x }); // 1.4142135623730951
 * newton((x) => Math.cos(x) - x, 0.5);                    // secant: 0.7390851332151601
 */
export function newton(f: ScalarFunction, x0: number, options: NewtonOptions = {}): number {
  const r = newtonResult(f, x0, options);
  if (!r.converged) {
    const why = r.flag.includes(': ') ? ` (${r.flag.slice(r.flag.indexOf(': ') + 2)})` : '';
    const err = notConverged(options.fprime === undefined ? 'newton (secant)' : 'newton', r);
    err.message = err.message.replace('; raise', `${why}; raise`);
    throw err;
  }
  return r.root;
}
