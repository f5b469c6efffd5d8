/**
 * What the bracket-based scalar minimizers (brent, golden) share: resolving the `bracket` option
 * to a checked bracket, validating xtol and maxIter, and the result they report (internal).
 */
import { ValueError } from '../errors.js';
import { type Bracket, bracket } from './bracket.js';
import type { ScalarMinimizeResult } from './result.js';
import { type ScalarFunction, call } from './scalar-function.js';

/** [xa, xb] to start a bracket search from, or [xa, xb, xc] with f(xb) < f(xa), f(xc). */
export type BracketOption = readonly [number, number] | readonly [number, number, number];

/** Resolves a 2- or 3-point bracket option to a checked bracket. */
export function resolveBracket(f: ScalarFunction, brack: BracketOption | undefined): Bracket {
  if (brack === undefined) return bracket(f);
  if (!Array.isArray(brack) || (brack.length !== 2 && brack.length !== 3)) {
    throw new ValueError(`bracket must be [a, b] or [a, b, c], got ${JSON.stringify(brack)}.`);
  }
  if (brack.length === 2) return bracket(f, brack[0], brack[1]);
  let [xa, xb, xc] = brack as readonly [number, number, number];
  if (xa > xc) [xa, xc] = [xc, xa];
  if (!(xa < xb && xb < xc)) {
    throw new ValueError(`A 3-point bracket [a, b, c] needs b strictly between a and c, got [${brack.join(', ')}].`);
  }
  const fa = call(f, xa);
  const fb = call(f, xb);
  const fc = call(f, xc);
  if (!(fb < fa && fb < fc)) {
    throw new ValueError(
      `A 3-point bracket needs f(b) below f(a) and f(c), got f(${xa}) = ${fa}, f(${xb}) = ${fb}, f(${xc}) = ${fc}; ` +
        'give only [a, b] to search for a bracket.',
    );
  }
  return { xa, xb, xc, fa, fb, fc, funcalls: 3 };
}

/** Checks a relative x tolerance (≥ 0) and an iteration limit (a whole number ≥ 0). */
export function checkXtolAndMaxIter(xtol: number, maxIter: number): void {
  if (typeof xtol !== 'number' || !(xtol >= 0)) throw new ValueError(`xtol must be >= 0, got ${String(xtol)}.`);
  if (!Number.isInteger(maxIter) || maxIter < 0) throw new ValueError(`maxIter must be a non-negative integer, got ${String(maxIter)}.`);
}

/**
 * The result of a bracketed search that stopped at (x, fun) after `nit` of at most `maxIter`
 * iterations: success unless the limit was reached (status 1) or x or fun is NaN (status 2).
 */
export function bracketedResult(
  x: number,
  fun: number,
  nit: number,
  nfev: number,
  maxIter: number,
  xtol: number,
): ScalarMinimizeResult {
  const nan = Number.isNaN(x) || Number.isNaN(fun);
  const success = nit < maxIter && !nan;
  return {
    x,
    fun,
    nit,
    nfev,
    success,
    status: success ? 0 : nan ? 2 : 1,
    message: success
      ? `Optimization terminated successfully (relative tolerance xtol = ${xtol}).`
      : nan
        ? 'NaN result encountered.'
        : 'Maximum number of iterations exceeded.',
  };
}
