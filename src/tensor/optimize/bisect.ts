/** Bisection on a sign-changing bracket (SciPy's `bisect`): slow but certain. */
import { notConverged } from './errors.js';
import { type RootResult, rootResult } from './result.js';
import { type BracketRootOptions, type ScalarFunction, call, startBracket } from './scalar-function.js';

/** Bisection with full diagnostics; never throws for non-convergence. */
export function bisectResult(f: ScalarFunction, a: number, b: number, options: BracketRootOptions = {}): RootResult {
  const { xtol, rtol, maxIter, fa, fb } = startBracket(f, a, b, options);
  let calls = 2;
  const done = (root: number, iterations: number, converged: boolean): RootResult =>
    rootResult(root, iterations, calls, converged);
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
