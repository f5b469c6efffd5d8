/** Dirichlet draws: normalized gammas, or beta stick-breaking when every alpha is small. */
import type { BitGenerator } from './bit-generator.js';
import { beta } from './beta.js';
import { standardGamma } from './gamma.js';

/**
 * Writes one Dirichlet(alpha) draw (k non-negative values summing to 1) into
 * `out[offset … offset + k)`. When every alpha is below 0.1 the gammas would often underflow to
 * 0/0, so it breaks a stick with Beta(alpha_i, sum of the later alphas) pieces instead.
 *
 * @example
 * const out = new Float64Array(3);
 * dirichletInto(new Xoshiro256StarStar(1), Float64Array.of(1, 2, 3), out, 0);
 */
export function dirichletInto(bg: BitGenerator, alpha: Float64Array, out: Float64Array, offset: number): void {
  const k = alpha.length;
  let maxAlpha = 0;
  for (let i = 0; i < k; i++) maxAlpha = Math.max(maxAlpha, alpha[i]!);
  if (maxAlpha < 0.1) {
    let rest = 0;
    for (let i = 0; i < k; i++) rest += alpha[i]!;
    let stick = 1;
    for (let i = 0; i < k - 1; i++) {
      rest -= alpha[i]!;
      const v = beta(bg, alpha[i]!, Math.max(rest, Number.MIN_VALUE));
      out[offset + i] = stick * v;
      stick *= 1 - v;
    }
    out[offset + k - 1] = stick;
    return;
  }
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const g = standardGamma(bg, alpha[i]!);
    out[offset + i] = g;
    sum += g;
  }
  for (let i = 0; i < k; i++) out[offset + i] = out[offset + i]! / sum;
}
