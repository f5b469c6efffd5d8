/**
 * Brent's root finder on a sign-changing bracket (Brent 1973, "Algorithms for Minimization
 * without Derivatives", ch. 4), in the form SciPy's `brentq` uses: each step tries inverse
 * quadratic interpolation (or the secant when only two points are distinct) and falls back to
 * bisection unless the interpolated step is short enough, so it converges at least as surely
 * as bisection and usually superlinearly.
 */
import { notConverged } from './errors.js';
import { type RootResult, rootResult } from './result.js';
import { type BracketRootOptions, type ScalarFunction, call, startBracket } from './scalar-function.js';

/** Brent's method with full diagnostics; never throws for non-convergence. */
export function brentqResult(f: ScalarFunction, a: number, b: number, options: BracketRootOptions = {}): RootResult {
  const { xtol, rtol, maxIter, fa, fb } = startBracket(f, a, b, options);
  let xpre = a;
  let xcur = b;
  let fpre = fa;
  let fcur = fb;
  let calls = 2;
  const done = (root: number, iterations: number, converged: boolean): RootResult =>
    rootResult(root, iterations, calls, converged);
  if (fpre === 0) return done(xpre, 0, true);
  if (fcur === 0) return done(xcur, 0, true);

  let xblk = 0;
  let fblk = 0;
  let spre = 0;
  let scur = 0;
  let iterations = 0;
  for (let i = 0; i < maxIter; i++) {
    iterations++;
    if (fpre !== 0 && fcur !== 0 && Math.sign(fpre) !== Math.sign(fcur)) {
      // the root lies between xpre and xcur: make xpre the far ("block") end
      xblk = xpre;
      fblk = fpre;
      spre = scur = xcur - xpre;
    }
    if (Math.abs(fblk) < Math.abs(fcur)) {
      // keep the best estimate in xcur
      xpre = xcur;
      xcur = xblk;
      xblk = xpre;
      fpre = fcur;
      fcur = fblk;
      fblk = fpre;
    }
    const delta = (xtol + rtol * Math.abs(xcur)) / 2;
    const sbis = (xblk - xcur) / 2;
    if (fcur === 0 || Math.abs(sbis) < delta) return done(xcur, iterations, true);

    if (Math.abs(spre) > delta && Math.abs(fcur) < Math.abs(fpre)) {
      let stry: number;
      if (xpre === xblk) {
        stry = (-fcur * (xcur - xpre)) / (fcur - fpre); // secant
      } else {
        const dpre = (fpre - fcur) / (xpre - xcur);
        const dblk = (fblk - fcur) / (xblk - xcur);
        stry = (-fcur * (fblk * dblk - fpre * dpre)) / (dblk * dpre * (fblk - fpre)); // inverse quadratic
      }
      if (2 * Math.abs(stry) < Math.min(Math.abs(spre), 3 * Math.abs(sbis) - delta)) {
        spre = scur;
        scur = stry;
      } else {
        spre = sbis;
        scur = sbis;
      }
    } else {
      spre = sbis;
      scur = sbis;
    }
    xpre = xcur;
    fpre = fcur;
    xcur += Math.abs(scur) > delta ? scur : sbis > 0 ? delta : -delta;
    fcur = call(f, xcur);
    calls++;
  }
  return done(xcur, iterations, false);
}

/**
 * A root of `f` in [a, b] by Brent's method (SciPy's `brentq`). f(a) and f(b) must differ in sign.
 *
 * @param f a continuous function
 * @param a one end of the bracket
 * @param b the other end
 * @param options xtol (2e-12), rtol (4·eps), maxIter (100)
 * @returns x with |x − root| <= xtol + rtol·|x|
 * @throws ValueError when f(a) and f(b) have the same sign; ConvergenceError after maxIter
 * @example
 * brentq((x) => x * x - 2, 0, 2); // 1.4142135623731364 (within xtol = 2e-12 of √2)
 */
export function brentq(f: ScalarFunction, a: number, b: number, options: BracketRootOptions = {}): number {
  const r = brentqResult(f, a, b, options);
  if (!r.converged) throw notConverged('brentq', r);
  return r.root;
}
