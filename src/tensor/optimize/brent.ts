/**
 * Brent's method for a scalar minimum (Brent 1973, ch. 5; SciPy's `brent`): golden-section steps
 * safeguard successive parabolic interpolation through the three best points, inside a bracket.
 */
import { type BracketOption, bracketedResult, checkXtolAndMaxIter, resolveBracket } from './bracketed-minimum.js';
import type { ScalarMinimizeResult } from './result.js';
import { type ScalarFunction, call } from './scalar-function.js';

const CGOLD = 0.381966;
const MINTOL = 1e-11;

export interface BrentOptions {
  /** [xa, xb] to start a bracket search from, or [xa, xb, xc] with f(xb) < f(xa), f(xc). Default [0, 1]. */
  bracket?: BracketOption;
  /** Relative tolerance on x (default 1.48e-8). */
  xtol?: number;
  /** Iteration limit (default 500). */
  maxIter?: number;
}

export function brentMinimize(f: ScalarFunction, options: BrentOptions = {}): ScalarMinimizeResult {
  const tol = options.xtol ?? 1.48e-8;
  const maxIter = options.maxIter ?? 500;
  checkXtolAndMaxIter(tol, maxIter);
  const br = resolveBracket(f, options.bracket);
  let funcalls = br.funcalls;
  let x = br.xb;
  let w = x;
  let v = x;
  let fx = br.fb;
  let fw = fx;
  let fv = fx;
  let a = Math.min(br.xa, br.xc);
  let b = Math.max(br.xa, br.xc);
  let deltax = 0;
  let rat = 0;
  let iter = 0;
  while (iter < maxIter) {
    const tol1 = tol * Math.abs(x) + MINTOL;
    const tol2 = 2 * tol1;
    const xmid = 0.5 * (a + b);
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x; // golden section
      rat = CGOLD * deltax;
    } else {
      // try a parabola through x, w, v
      const t1 = (x - w) * (fx - fv);
      let t2 = (x - v) * (fx - fw);
      let p = (x - v) * t2 - (x - w) * t1;
      t2 = 2 * (t2 - t1);
      if (t2 > 0) p = -p;
      t2 = Math.abs(t2);
      const prevDelta = deltax;
      deltax = rat;
      if (p > t2 * (a - x) && p < t2 * (b - x) && Math.abs(p) < Math.abs(0.5 * t2 * prevDelta)) {
        rat = p / t2;
        const u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = CGOLD * deltax;
      }
    }
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const fu = call(f, u, true);
    funcalls++;
    if (fu > fx) {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        w = u;
        fv = fw;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    } else {
      if (u >= x) a = x;
      else b = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    }
    iter++;
  }
  return bracketedResult(x, fx, iter, funcalls, maxIter, tol);
}
