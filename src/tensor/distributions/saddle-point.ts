/**
 * Loader's saddle-point forms of the binomial and Poisson probabilities (C. Loader, "Fast and
 * Accurate Computation of Binomial Probabilities", 2000). Written as sums of small terms (the
 * deviance bd0 and Stirling's error) instead of k·log(p) + lgamma(…) - …, they keep full
 * relative accuracy for counts in the millions, where the plain formula loses digits.
 */
import { HALF_LOG_TWO_PI, stirlingError } from '../special/stirling.js';

/**
 * The deviance term x·log(x/m) + m - x ≥ 0, accurate when x ≈ m (where both pieces are large
 * and nearly cancel): there the series 2x Σ v^(2j+1)/(2j+1) - (x - m)·v, v = (x-m)/(x+m), is
 * summed instead.
 */
export function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    const v2 = v * v;
    let sum = (x - m) * v;
    let term = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      term *= v2;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return sum;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}

/** log P(X = k) for X ~ Poisson(mu), k a whole number ≥ 0, mu ≥ 0. */
export function poissonLogPmf(k: number, mu: number): number {
  if (mu === 0) return k === 0 ? 0 : -Infinity;
  if (k === 0) return -mu;
  return -stirlingError(k) - deviance(k, mu) - HALF_LOG_TWO_PI - 0.5 * Math.log(k);
}

/** log P(X = k) for X ~ Binomial(n, p), k a whole number in [0, n], 0 ≤ p ≤ 1. */
export function binomialLogPmf(k: number, n: number, p: number): number {
  const q = 1 - p;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const main =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  // The remaining factor √(n / (2π k (n-k))).
  return main - HALF_LOG_TWO_PI - 0.5 * (Math.log(k) + Math.log1p(-k / n));
}
