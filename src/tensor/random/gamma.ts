/**
 * Gamma draws by Marsaglia & Tsang's squeeze-and-reject method ("A simple method for generating
 * gamma variables", ACM TOMS 2000), and the distributions built on it: chi-square and Student's t.
 */
import type { BitGenerator } from './bit-generator.js';
import { standardNormal } from './normal.js';

/**
 * Gamma with shape `shape` > 0 and scale 1. For shape < 1 it draws Gamma(shape + 1) and
 * multiplies by U^(1/shape), which is exact in distribution.
 *
 * @example
 * const g = standardGamma(new Xoshiro256StarStar(1), 2.5); // mean 2.5
 */
export function standardGamma(bg: BitGenerator, shape: number): number {
  if (shape < 1) {
    const boost = Math.pow(bg.nextDouble(), 1 / shape);
    return standardGamma(bg, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(bg);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = bg.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Chi-square with `df` > 0 degrees of freedom: 2 · Gamma(df / 2).
 *
 * @example
 * const q = chisquare(new Xoshiro256StarStar(1), 3); // mean 3
 */
export function chisquare(bg: BitGenerator, df: number): number {
  return 2 * standardGamma(bg, df / 2);
}

/**
 * Student's t with `df` > 0 degrees of freedom: Z / sqrt(χ²(df) / df).
 *
 * @example
 * const t = studentT(new Xoshiro256StarStar(1), 10);
 */
export function studentT(bg: BitGenerator, df: number): number {
  const z = standardNormal(bg);
  const g = standardGamma(bg, df / 2);
  return (Math.sqrt(df / 2) * z) / Math.sqrt(g);
}
