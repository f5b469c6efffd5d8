/**
 * The error of Stirling's formula, log Γ(n+1) - [(n + 1/2) log n - n + log √(2π)]: the small
 * correction that turns log-densities with huge, nearly cancelling terms into sums of small
 * ones (an internal building block of the gamma, binomial and Poisson densities).
 */
import stdlibGammaln from '@stdlib/math-base-special-gammaln';

/** log √(2π). */
export const HALF_LOG_TWO_PI = 0.9189385332046728;

/** Above this n the asymptotic series is exact to double precision in five terms. */
const SERIES_FROM = 15;

/**
 * log Γ(n+1) - (n + 1/2) log n + n - log √(2π) for n > 0. About 1/(12n) for large n.
 *
 * For n > 15 the asymptotic series 1/(12n) - 1/(360n³) + 1/(1260n⁵) - 1/(1680n⁷) + 1/(1188n⁹)
 * is summed (the next term is below 3e-16 there); below, the direct difference of small
 * numbers keeps an absolute error of a few ulps.
 */
export function stirlingError(n: number): number {
  if (n > SERIES_FROM) {
    const r = 1 / n;
    const r2 = r * r;
    return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
  }
  return stdlibGammaln(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_TWO_PI;
}
