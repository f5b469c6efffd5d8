/**
 * Distributions with a closed-form inverse CDF, sampled as F⁻¹(U). Parameters are assumed
 * valid here; `Generator` checks them once before a batch.
 */
import type { BitGenerator } from './bit-generator.js';

/**
 * Exponential with rate 1: −log(1 − U), computed with log1p so small U keep full precision.
 *
 * @example
 * const e = standardExponential(new Xoshiro256StarStar(1)); // ≥ 0
 */
export function standardExponential(bg: BitGenerator): number {
  return -Math.log1p(-bg.nextDouble());
}

/**
 * Laplace (double exponential) with location `loc` and scale `scale`.
 *
 * @example
 * const x = laplace(new Xoshiro256StarStar(1), 0, 1);
 */
export function laplace(bg: BitGenerator, loc: number, scale: number): number {
  for (;;) {
    const u = bg.nextDouble();
    if (u >= 0.5) return loc - scale * Math.log(2 - u - u);
    if (u > 0) return loc + scale * Math.log(u + u);
  }
}

/**
 * Logistic with location `loc` and scale `scale`: loc + scale·log(U / (1 − U)), U in (0, 1).
 *
 * @example
 * const x = logistic(new Xoshiro256StarStar(1), 0, 1);
 */
export function logistic(bg: BitGenerator, loc: number, scale: number): number {
  for (;;) {
    const u = bg.nextDouble();
    if (u > 0) return loc + scale * Math.log(u / (1 - u));
  }
}

/**
 * Geometric on {1, 2, …}: the number of Bernoulli(p) trials up to and including the first
 * success, as ⌊log(V) / log(1 − p)⌋ + 1 with V uniform in (0, 1].
 *
 * @example
 * const k = geometric(new Xoshiro256StarStar(1), 0.25); // 1, 2, 3, …
 */
export function geometric(bg: BitGenerator, p: number): number {
  if (p >= 1) return 1;
  const v = 1 - bg.nextDouble();
  return Math.floor(Math.log(v) / Math.log1p(-p)) + 1;
}
