/**
 * The standard gamma density x^(a-1) e^(-x) / Γ(a) and the prefix x^a e^(-x) / Γ(a+1) that
 * scales the incomplete gamma series, computed without the cancellation of
 * a·log(x) - x - lgamma(a) when a is large (internal building blocks).
 */
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import { log1pmx } from './log1pmx.js';
import { HALF_LOG_TWO_PI, stirlingError } from './stirling.js';

/** From this shape on, the Stirling-based forms below replace the plain logarithms. */
export const LARGE_SHAPE = 100;

/**
 * log(x^a e^(-x) / Γ(a+1)) for a ≥ LARGE_SHAPE, x ≥ 0. Written as a·log1pmx((x-a)/a) - …, its
 * absolute error stays a few ulps of the result, where the plain form loses digits in
 * proportion to a.
 */
function logPrefixLarge(a: number, x: number): number {
  return a * log1pmx((x - a) / a) - stirlingError(a) - HALF_LOG_TWO_PI - 0.5 * Math.log(a);
}

/** x^a e^(-x) / Γ(a+1) for a > 0, x ≥ 0: the first term of the series for P(a, x). */
export function gammaSeriesPrefix(a: number, x: number): number {
  if (x === 0) return 0;
  if (a >= LARGE_SHAPE) return Math.exp(logPrefixLarge(a, x));
  return Math.exp(a * Math.log(x) - x - stdlibGammaln(a + 1));
}

/**
 * log of the standard gamma density x^(a-1) e^(-x) / Γ(a) for a > 0 and x ≥ 0 (-∞ for x < 0).
 * At x = 0 it is +∞ for a < 1, 0 for a = 1 and -∞ for a > 1.
 */
export function logGammaDensity(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return NaN;
  if (x < 0 || x === Infinity) return -Infinity;
  if (x === 0) return a < 1 ? Infinity : a === 1 ? 0 : -Infinity;
  if (a >= LARGE_SHAPE) return logPrefixLarge(a, x) + Math.log(a / x);
  return (a - 1) * Math.log(x) - x - stdlibGammaln(a);
}

/** The standard gamma density x^(a-1) e^(-x) / Γ(a) for a > 0 (0 for x < 0). */
export function gammaDensity(a: number, x: number): number {
  return Math.exp(logGammaDensity(a, x));
}
