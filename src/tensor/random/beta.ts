/**
 * Beta draws. When both parameters are at most 1 it uses Jöhnk's method (accept U^(1/a) +
 * V^(1/b) ≤ 1), worked in logs when the powers underflow; otherwise the ratio of two gammas.
 */
import type { BitGenerator } from './bit-generator.js';
import { standardGamma } from './gamma.js';

/**
 * Beta(a, b) for a, b > 0.
 *
 * @example
 * const x = beta(new Xoshiro256StarStar(1), 2, 5); // in [0, 1], mean 2/7
 */
export function beta(bg: BitGenerator, a: number, b: number): number {
  if (a <= 1 && b <= 1) {
    for (;;) {
      const u = bg.nextDouble();
      const v = bg.nextDouble();
      const x = Math.pow(u, 1 / a);
      const y = Math.pow(v, 1 / b);
      const sum = x + y;
      if (sum > 1 || u === 0 || v === 0) continue;
      if (sum > 0) return x / sum;
      // Both powers underflowed: compare the logs instead.
      let logX = Math.log(u) / a;
      let logY = Math.log(v) / b;
      const logM = Math.max(logX, logY);
      logX -= logM;
      logY -= logM;
      return Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
    }
  }
  const ga = standardGamma(bg, a);
  const gb = standardGamma(bg, b);
  return ga / (ga + gb);
}
