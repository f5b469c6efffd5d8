/** Golden-section search for a scalar minimum inside a bracket (SciPy's `golden`). */
import { type BracketOption, bracketedResult, checkXtolAndMaxIter, resolveBracket } from './bracketed-minimum.js';
import type { ScalarMinimizeResult } from './result.js';
import { type ScalarFunction, call } from './scalar-function.js';

const R = 0.61803399;
const C = 1 - R;

export interface GoldenOptions {
  /** [xa, xb] to start a bracket search from, or [xa, xb, xc] with f(xb) < f(xa), f(xc). Default [0, 1]. */
  bracket?: BracketOption;
  /** Relative tolerance on x (default sqrt(eps) ≈ 1.49e-8). */
  xtol?: number;
  /** Iteration limit (default 5000). */
  maxIter?: number;
}

export function goldenMinimize(f: ScalarFunction, options: GoldenOptions = {}): ScalarMinimizeResult {
  const tol = options.xtol ?? Math.sqrt(2.220446049250313e-16);
  const maxIter = options.maxIter ?? 5000;
  checkXtolAndMaxIter(tol, maxIter);
  const br = resolveBracket(f, options.bracket);
  let funcalls = br.funcalls;
  const { xa, xb, xc } = br;
  let x0 = xa;
  let x3 = xc;
  let x1: number;
  let x2: number;
  if (Math.abs(xc - xb) > Math.abs(xb - xa)) {
    x1 = xb;
    x2 = xb + C * (xc - xb);
  } else {
    x2 = xb;
    x1 = xb - C * (xb - xa);
  }
  let f1 = call(f, x1, true);
  let f2 = call(f, x2, true);
  funcalls += 2;
  let nit = 0;
  for (let i = 0; i < maxIter; i++) {
    if (Math.abs(x3 - x0) <= tol * (Math.abs(x1) + Math.abs(x2))) break;
    if (f2 < f1) {
      x0 = x1;
      x1 = x2;
      x2 = R * x1 + C * x3;
      f1 = f2;
      f2 = call(f, x2, true);
    } else {
      x3 = x2;
      x2 = x1;
      x1 = R * x2 + C * x0;
      f2 = f1;
      f1 = call(f, x1, true);
    }
    funcalls++;
    nit++;
  }
  const [x, fun] = f1 < f2 ? [x1, f1] : [x2, f2];
  return bracketedResult(x, fun, nit, funcalls, maxIter, tol);
}
