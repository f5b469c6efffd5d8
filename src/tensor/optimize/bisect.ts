/** Bisection on a sign-changing bracket (SciPy's `bisect`): slow but certain. */
import { type BracketRootOptions, notConverged } from './brentq.js';
import type { RootResult } from './result.js';
import {
  type ScalarFunction, bracketTolerances, call, checkFiniteNumber, checkFunction, sameSign, signError,
} from './scalarFunction.js';

/** Bisection with full diagnostics; never throws for non-convergence. */
export function bisectResult(f: ScalarFunction, a: number, b: number, options: BracketRootOptions = {}): RootResult {
  checkFunction(f);
  checkFiniteNumber(a, 'a');
  checkFiniteNumber(b, 'b');
  const { xtol, rtol, maxIter } = bracketTolerances(options);
  const fa = call(f, a);
  const fb = call(f, b);
  let calls = 2;
  if (sameSign(fa, fb)) throw signError(a, fa, b, fb);
  const done = (root: number, iterations: number, converged: boolean): RootResult => ({
    root,
    iterations,
    functionCalls: calls,
    converged,
    flag: converged ? 'converged' : 'convergence error',
  });
  if (fa === 0) return done(a, 0, true);
  if (fb === 0) return done(b, 0, true);
  let xa = a;
  let dm = b - a;
  let xm = xa;
  const signA = Math.sign(fa);
  for (let i = 1; i <= maxIter; i++) {
    dm *= 0.5;
    xm = xa + dm;
    const fm = call(f, xm);
    calls++;
    if (Math.sign(fm) * signA >= 0) xa = xm;
    if (fm === 0 || Math.abs(dm) < xtol + rtol * Math.abs(xm)) return done(xm, i, true);
  }
  return done(xm, maxIter, false);
}

/**
 * A root of `f` in [a, b] by bisection (SciPy's `bisect`). f(a) and f(b) must differ in sign.
 *
 * @param options xtol (2e-12), rtol (4·eps), maxIter (100)
 * @throws ValueError when f(a) and f(b) have the same sign; ConvergenceError after maxIter
 * @example
 * bisect((x) => x ** 3 - 2 * x - 5, 2, 3); // 2.0945514815412025
 */
export function bisect(f: ScalarFunction, a: number, b: number, options: BracketRootOptions = {}): number {
  const r = bisectResult(f, a, b, options);
  if (!r.converged) throw notConverged('bisect', r);
  return r.root;
}
