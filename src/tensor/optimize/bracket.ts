/**
 * Bracketing a minimum of a scalar function (SciPy's `bracket`, after Numerical Recipes'
 * `mnbrak`): step downhill from (xa, xb) with golden-ratio growth plus parabolic extrapolation
 * until f(xb) < f(xa) and f(xb) <= f(xc).
 */
import { ConvergenceError } from './errors.js';
import { type ScalarFunction, call, checkFiniteNumber, checkFunction } from './scalar-function.js';

const GOLD = 1.618034;
const VERY_SMALL = 1e-21;

export interface Bracket {
  xa: number;
  xb: number;
  xc: number;
  fa: number;
  fb: number;
  fc: number;
  /** Function evaluations used. */
  funcalls: number;
}

export interface BracketOptions {
  /** Farthest a parabolic step may reach, in multiples of the last interval (default 110). */
  growLimit?: number;
  /** Most expansion steps (default 1000). */
  maxIter?: number;
}

/**
 * Three points xa, xb, xc with f(xb) below f at both ends, so a minimum lies between xa and xc.
 *
 * @param f the function
 * @param xa first starting point (default 0)
 * @param xb second starting point (default 1)
 * @throws ConvergenceError when no bracket is found (f may decrease without bound)
 * @example
 * bracket((x) => (x - 5) ** 2); // { xa: 2.618034, xb: 5, xc: 8.854102, fa: 5.67, fb: 0, fc: 14.85, funcalls: 5 }
 */
export function bracket(f: ScalarFunction, xa = 0, xb = 1, options: BracketOptions = {}): Bracket {
  checkFunction(f);
  checkFiniteNumber(xa, 'xa');
  checkFiniteNumber(xb, 'xb');
  const growLimit = options.growLimit ?? 110;
  const maxIter = options.maxIter ?? 1000;
  let fa = call(f, xa);
  let fb = call(f, xb);
  if (fa < fb) {
    [xa, xb] = [xb, xa];
    [fa, fb] = [fb, fa];
  }
  let xc = xb + GOLD * (xb - xa);
  let fc = call(f, xc);
  let funcalls = 3;
  const done = (): Bracket => ({ xa, xb, xc, fa, fb, fc, funcalls });
  let iter = 0;
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denom = Math.abs(val) < VERY_SMALL ? 2 * VERY_SMALL : 2 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const wlim = xb + growLimit * (xc - xb);
    if (iter > maxIter || !Number.isFinite(xc) || !Number.isFinite(fc)) {
      throw new ConvergenceError(
        `No minimum was bracketed after ${iter} steps downhill from (${xa}, ${xb}); ` +
          'f may decrease without bound. Give a bracket [a, b, c] with f(b) < f(a), f(c), or use bounds.',
      );
    }
    iter++;
    let fw: number;
    if ((w - xc) * (xb - w) > 0) {
      fw = call(f, w);
      funcalls++;
      if (fw < fc) {
        xa = xb;
        xb = w;
        fa = fb;
        fb = fw;
        return done();
      } else if (fw > fb) {
        xc = w;
        fc = fw;
        return done();
      }
      w = xc + GOLD * (xc - xb);
      fw = call(f, w);
      funcalls++;
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      w = wlim;
      fw = call(f, w);
      funcalls++;
    } else if ((w - wlim) * (xc - w) > 0) {
      fw = call(f, w);
      funcalls++;
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + GOLD * (xc - xb);
        fb = fc;
        fc = fw;
        fw = call(f, w);
        funcalls++;
      }
    } else {
      w = xc + GOLD * (xc - xb);
      fw = call(f, w);
      funcalls++;
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }
  return done();
}
