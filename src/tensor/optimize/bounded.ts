/**
 * Bounded scalar minimization on [lo, hi] (SciPy's `fminbound`, Brent's `fmin` from Forsythe,
 * Malcolm & Moler): golden section with parabolic interpolation, never evaluating outside the
 * interval; stops when the minimizer is located to within xatol.
 */
import { ValueError } from '../errors.js';
import type { ScalarMinimizeResult } from './result.js';
import { type ScalarFunction, call } from './scalar-function.js';

const SQRT_EPS = Math.sqrt(2.2e-16);
const GOLDEN_MEAN = 0.5 * (3 - Math.sqrt(5));

export interface BoundedOptions {
  /** Absolute tolerance on x (default 1e-5). */
  xatol?: number;
  /** Limit on function evaluations (default 500). */
  maxIter?: number;
}

export function boundedMinimize(
  f: ScalarFunction,
  bounds: readonly [number, number],
  options: BoundedOptions = {},
): ScalarMinimizeResult {
  if (!Array.isArray(bounds) || bounds.length !== 2) {
    throw new ValueError(`bounds must be a pair [lo, hi], got ${JSON.stringify(bounds)}.`);
  }
  const [lo, hi] = bounds;
  if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new ValueError(`bounds must be two finite numbers, got [${String(lo)}, ${String(hi)}].`);
  }
  if (lo > hi) throw new ValueError(`The lower bound ${lo} exceeds the upper bound ${hi}; give bounds as [lo, hi].`);
  const xatol = options.xatol ?? 1e-5;
  const maxFun = options.maxIter ?? 500;
  if (typeof xatol !== 'number' || !(xatol >= 0)) throw new ValueError(`xatol must be >= 0, got ${String(xatol)}.`);
  if (!Number.isInteger(maxFun) || maxFun < 1) throw new ValueError(`maxIter must be a positive integer, got ${String(maxFun)}.`);

  let flag = 0;
  let a = lo;
  let b = hi;
  // fulc/nfc/xf: the three best points so far (xf best), with values ffulc/fnfc/fx
  let fulc = a + GOLDEN_MEAN * (b - a);
  let nfc = fulc;
  let xf = fulc;
  let rat = 0;
  let e = 0;
  let fx = call(f, xf, true);
  let num = 1;
  let fu = Infinity;
  let ffulc = fx;
  let fnfc = fx;
  let xm = 0.5 * (a + b);
  let tol1 = SQRT_EPS * Math.abs(xf) + xatol / 3;
  let tol2 = 2 * tol1;
  while (Math.abs(xf - xm) > tol2 - 0.5 * (b - a)) {
    let golden = true;
    if (Math.abs(e) > tol1) {
      golden = false;
      let r = (xf - nfc) * (fx - ffulc);
      let q = (xf - fulc) * (fx - fnfc);
      let p = (xf - fulc) * q - (xf - nfc) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      r = e;
      e = rat;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf)) {
        rat = p / q;
        const x = xf + rat;
        if (x - a < tol2 || b - x < tol2) {
          const si = Math.sign(xm - xf) + (xm - xf === 0 ? 1 : 0);
          rat = tol1 * si;
        }
      } else {
        golden = true;
      }
    }
    if (golden) {
      e = xf >= xm ? a - xf : b - xf;
      rat = GOLDEN_MEAN * e;
    }
    const si = Math.sign(rat) + (rat === 0 ? 1 : 0);
    const x = xf + si * Math.max(Math.abs(rat), tol1);
    fu = call(f, x, true);
    num++;
    if (fu <= fx) {
      if (x >= xf) a = xf;
      else b = xf;
      fulc = nfc;
      ffulc = fnfc;
      nfc = xf;
      fnfc = fx;
      xf = x;
      fx = fu;
    } else {
      if (x < xf) a = x;
      else b = x;
      if (fu <= fnfc || nfc === xf) {
        fulc = nfc;
        ffulc = fnfc;
        nfc = x;
        fnfc = fu;
      } else if (fu <= ffulc || fulc === xf || fulc === nfc) {
        fulc = x;
        ffulc = fu;
      }
    }
    xm = 0.5 * (a + b);
    tol1 = SQRT_EPS * Math.abs(xf) + xatol / 3;
    tol2 = 2 * tol1;
    if (num >= maxFun) {
      flag = 1;
      break;
    }
  }
  if (Number.isNaN(xf) || Number.isNaN(fx) || Number.isNaN(fu)) flag = 2;
  return {
    x: xf,
    fun: fx,
    nit: num,
    nfev: num,
    success: flag === 0,
    status: flag,
    message: flag === 0 ? 'Solution found.' : flag === 1 ? 'Maximum number of function calls reached.' : 'NaN result encountered.',
  };
}
