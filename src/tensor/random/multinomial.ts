/** Multinomial draws as a chain of conditional binomials. */
import type { BitGenerator } from './bit-generator.js';
import { binomialSampler } from './binomial.js';

/**
 * Writes one Multinomial(n, p) draw (k counts summing to n) into `out[offset … offset + k)`.
 * Category j gets Binomial(n − counts so far, p_j / (mass left)); the last gets the remainder.
 *
 * @example
 * const out = new Int32Array(3);
 * multinomialInto(new Xoshiro256StarStar(1), 10, Float64Array.of(0.2, 0.3, 0.5), out, 0);
 */
export function multinomialInto(bg: BitGenerator, n: number, p: Float64Array, out: Int32Array, offset: number): void {
  const k = p.length;
  let remaining = n;
  let mass = 1;
  for (let j = 0; j < k - 1; j++) {
    if (remaining === 0 || mass <= 0) {
      out[offset + j] = 0;
      continue;
    }
    const pj = Math.min(1, Math.max(0, p[j]! / mass));
    const x = binomialSampler(remaining, pj)(bg);
    out[offset + j] = x;
    remaining -= x;
    mass -= p[j]!;
  }
  out[offset + k - 1] = remaining;
}
