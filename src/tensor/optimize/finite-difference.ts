/**
 * Finite-difference gradients, the fallback when no analytic gradient is given. Steps that would
 * leave the box are flipped or shortened so the function is only evaluated at feasible points
 * (as SciPy's `approx_derivative` does).
 */
import type { Box } from './bounds.js';
import { ValueError } from '../errors.js';
import { type VectorInput, toVector } from './vector.js';

/** `'2-point'`: forward differences (n extra evaluations); `'3-point'`: central (2n, more accurate). */
export type FiniteDifferenceScheme = '2-point' | '3-point';

export interface FiniteDifferenceOptions {
  scheme?: FiniteDifferenceScheme;
  /**
   * Absolute step. Default: a relative step of sqrt(eps)·max(1, |x_i|) for '2-point' and
   * cbrt(eps)·max(1, |x_i|) for '3-point'.
   */
  absStep?: number;
  /** f(x), when already known (saves one evaluation). */
  f0?: number;
  /** Keep every evaluation point inside this box. */
  box?: Box | null;
}

const EPS = 2.220446049250313e-16;

/** The gradient of `f` at `x` by finite differences; `f` is called at copies of `x`. */
export function finiteDifferenceGradient(
  f: (x: Float64Array) => number,
  x: Float64Array,
  options: FiniteDifferenceOptions = {},
): Float64Array {
  const scheme = options.scheme ?? '2-point';
  if (scheme !== '2-point' && scheme !== '3-point') {
    throw new ValueError(`Unknown finite-difference scheme '${String(scheme)}'; use '2-point' or '3-point'.`);
  }
  const n = x.length;
  const box = options.box ?? null;
  const f0 = options.f0 ?? f(x.slice());
  const rel = scheme === '2-point' ? Math.sqrt(EPS) : Math.cbrt(EPS);
  const g = new Float64Array(n);
  const xt = x.slice();
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const sign = xi >= 0 ? 1 : -1;
    let h = options.absStep ?? rel * sign * Math.max(1, Math.abs(xi));
    if ((xi + h) - xi === 0) h = rel * sign * Math.max(1, Math.abs(xi));
    const lowerDist = box === null ? Infinity : xi - box.lower[i]!;
    const upperDist = box === null ? Infinity : box.upper[i]! - xi;
    if (lowerDist === 0 && upperDist === 0) {
      g[i] = 0; // a fixed variable: no feasible direction
      continue;
    }
    const at = (step: number): number => {
      xt[i] = xi + step;
      const v = f(xt.slice());
      xt[i] = xi;
      return v;
    };
    if (scheme === '2-point') {
      if (xi + h < xi - lowerDist || xi + h > xi + upperDist) {
        if (Math.abs(h) <= Math.max(lowerDist, upperDist)) h = -h;
        else h = upperDist >= lowerDist ? upperDist : -lowerDist;
      }
      h = (xi + h) - xi;
      g[i] = (at(h) - f0) / h;
    } else {
      const a = Math.abs(h);
      if (lowerDist >= a && upperDist >= a) {
        g[i] = (at(a) - at(-a)) / (2 * a);
      } else {
        // one-sided second-order formula toward the side with more room
        let s = upperDist >= lowerDist ? Math.min(a, upperDist / 2) : -Math.min(a, lowerDist / 2);
        s = (xi + s) - xi;
        g[i] = (-3 * f0 + 4 * at(s) - at(2 * s)) / (2 * s);
      }
    }
  }
  return g;
}

/**
 * Forward-difference gradient of a scalar function (SciPy's `approx_fprime`).
 *
 * @param x where to differentiate
 * @param f the function
 * @param epsilon absolute step (default sqrt(machine epsilon) ≈ 1.49e-8)
 * @example
 * approxFprime([1, 2], (x) => x[0]! ** 2 + 3 * x[1]!); // ≈ Float64Array [2, 3]
 */
export function approxFprime(x: VectorInput, f: (x: Float64Array) => number, epsilon = Math.sqrt(EPS)): Float64Array {
  const xv = toVector(x, 'x');
  return finiteDifferenceGradient(f, xv, { absStep: epsilon });
}

/**
 * The 2-norm of the difference between an analytic gradient and a forward-difference one
 * (SciPy's `check_grad`): small (≈1e-6 relative) when `grad` is right.
 *
 * @example
 * checkGrad((x) => x[0]! ** 2, (x) => Float64Array.of(2 * x[0]!), [3]); // ≈ 0 (a wrong gradient gives ≈ its error)
 */
export function checkGrad(
  fun: (x: Float64Array) => number,
  grad: (x: Float64Array) => ArrayLike<number>,
  x: VectorInput,
  epsilon = Math.sqrt(EPS),
): number {
  const xv = toVector(x, 'x');
  const analytic = grad(xv.slice());
  if (analytic.length !== xv.length) {
    throw new ValueError(`grad returned ${analytic.length} values for ${xv.length} variables; return one per variable.`);
  }
  const numeric = approxFprime(xv, fun, epsilon);
  let s = 0;
  for (let i = 0; i < xv.length; i++) s += (analytic[i]! - numeric[i]!) ** 2;
  return Math.sqrt(s);
}
