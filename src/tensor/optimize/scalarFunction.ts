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

/** The shared validation of SciPy's bracketing root finders' tolerances. */
export function bracketTolerances(options: { xtol?: number; rtol?: number; maxIter?: number }): {
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
export function signError(a: number, fa: number, b: number, fb: number): ValueError {
  return new ValueError(
    `f(a) and f(b) must have different signs, got f(${a}) = ${fa} and f(${b}) = ${fb}; ` +
      'choose a bracket [a, b] over which f changes sign.',
  );
}

export function sameSign(fa: number, fb: number): boolean {
  return Math.sign(fa) * Math.sign(fb) > 0;
}
