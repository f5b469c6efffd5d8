/** Checked evaluation of the user's scalar function for the root finders and scalar minimizers (internal). */
import { ValueError } from '../errors.js';

export type ScalarFunction = (x: number) => number;

export function checkFunction(f: unknown, name = 'f'): asserts f is ScalarFunction {
  if (typeof f !== 'function') throw new ValueError(`${name} must be a function (x: number) => number, got ${typeof f}.`);
}

/** f(x), checked to be a number (NaN allowed unless `allowNaN` is false). */
export function call(f: ScalarFunction, x: number, allowNaN = false, name = 'f'): number {
  const v = f(x);
  if (typeof v !== 'number') throw new ValueError(`${name}(${x}) returned ${v === null ? 'null' : typeof v}; it must return a number.`);
  if (!allowNaN && Number.isNaN(v)) {
    throw new ValueError(`${name}(${x}) is NaN; the function must be defined everywhere the solver looks (check its domain).`);
  }
  return v;
}

export function checkFiniteNumber(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ValueError(`${name} must be a finite number, got ${String(v)}.`);
  }
  return v;
}

/** Options of the bracketing root finders (brentq, bisect). */
export interface BracketRootOptions {
  /** Absolute tolerance on the root (default 2e-12). */
  xtol?: number;
  /** Relative tolerance on the root (default 4·eps, the smallest allowed). */
  rtol?: number;
  /** Iteration limit (default 100). */
  maxIter?: number;
}

/** The shared validation of SciPy's bracketing root finders' tolerances. */
function bracketTolerances(options: BracketRootOptions): {
  xtol: number;
  rtol: number;
  maxIter: number;
} {
  const xtol = options.xtol ?? 2e-12;
  const rtol = options.rtol ?? 4 * 2.220446049250313e-16;
  const maxIter = options.maxIter ?? 100;
  if (typeof xtol !== 'number' || !(xtol > 0)) throw new ValueError(`xtol must be positive, got ${String(xtol)}.`);
  if (typeof rtol !== 'number' || !(rtol >= 4 * 2.220446049250313e-16)) {
    throw new ValueError(`rtol is too small (${String(rtol)} < ${4 * 2.220446049250313e-16}); use at least 4 * machine epsilon.`);
  }
  if (!Number.isInteger(maxIter) || maxIter < 0) throw new ValueError(`maxIter must be a non-negative integer, got ${String(maxIter)}.`);
  return { xtol, rtol, maxIter };
}

/** The error for a bracket whose ends do not straddle a root. */
function signError(a: number, fa: number, b: number, fb: number): ValueError {
  return new ValueError(
    `f(a) and f(b) must have different signs, got f(${a}) = ${fa} and f(${b}) = ${fb}; ` +
      'choose a bracket [a, b] over which f changes sign.',
  );
}

function sameSign(fa: number, fb: number): boolean {
  return Math.sign(fa) * Math.sign(fb) > 0;
}

/**
 * The checked start shared by the bracketing root finders: f is a function, a and b are finite,
 * the tolerances are valid, and f(a), f(b) (two calls) differ in sign.
 */
export function startBracket(
  f: ScalarFunction,
  a: number,
  b: number,
  options: BracketRootOptions,
): { xtol: number; rtol: number; maxIter: number; fa: number; fb: number } {
  checkFunction(f);
  checkFiniteNumber(a, 'a');
  checkFiniteNumber(b, 'b');
  const { xtol, rtol, maxIter } = bracketTolerances(options);
  const fa = call(f, a);
  const fb = call(f, b);
  if (sameSign(fa, fb)) throw signError(a, fa, b, fb);
  return { xtol, rtol, maxIter, fa, fb };
}
