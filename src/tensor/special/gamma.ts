/**
 * The gamma function and its relatives: gamma, log|gamma| (lgamma / gammaln), digamma and the
 * factorial. The numerics come from @stdlib; this file fixes the conventions at the poles to
 * SciPy's and lifts each function to NdArrays.
 */
import stdlibGamma from '@stdlib/math-base-special-gamma';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import stdlibFactorial from '@stdlib/math-base-special-factorial';
import { type UnaryUfunc, unary } from './ufunc.js';

/**
 * The gamma function Γ(x) for real x; Γ(n) = (n-1)! for positive integers.
 *
 * Conventions at the poles: Γ(+0) = +∞, Γ(-0) = -∞ and Γ(-n) = NaN for negative integers
 * (C99 `tgamma`; SciPy 1.10 returns +∞ at every pole). Overflows to +∞ above x ≈ 171.62.
 * Numbers give a number; an NdArray gives a float64 NdArray of the same shape.
 *
 * @example
 * gamma(5); // 24
 * gamma(0.5); // 1.7724538509055159 (√π)
 */
export const gamma: UnaryUfunc = unary((x) => stdlibGamma(x));

/**
 * The natural logarithm of |Γ(x)|, accurate where Γ itself overflows (SciPy's `gammaln`).
 * +∞ at zero and the negative integers.
 *
 * @example
 * lgamma(100); // 359.13420536957545
 * lgamma(-2.5); // -0.05624371649767412 (log|Γ(-2.5)|)
 */
export const lgamma: UnaryUfunc = unary((x) => stdlibGammaln(x));

/**
 * SciPy's name for {@link lgamma}: log|Γ(x)|.
 *
 * @example
 * gammaln(10); // 12.80182748008147 (log 9!)
 */
export const gammaln: UnaryUfunc = lgamma;

/**
 * The digamma function ψ(x) = Γ'(x)/Γ(x). ψ(+0) = -∞, ψ(-0) = +∞ and NaN at the negative
 * integers, as in SciPy's `psi`.
 *
 * @example
 * digamma(1); // -0.5772156649015329 (minus the Euler–Mascheroni constant)
 */
export const digamma: UnaryUfunc = unary((x) => {
  if (x === 0) return Object.is(x, -0) ? Infinity : -Infinity;
  return stdlibDigamma(x);
});

/**
 * n! as a float (SciPy's `factorial(n, exact=False)`): exact for integers up to 22, Γ(n+1) for
 * non-integer n ≥ 0, 0 for n < 0 (SciPy's convention), +∞ above 170.
 *
 * @example
 * factorial(5); // 120
 * factorial(-3); // 0
 */
export const factorial: UnaryUfunc = unary((n) => {
  if (Number.isNaN(n)) return NaN;
  if (n < 0) return 0;
  return stdlibFactorial(n);
});
