/**
 * Poisson draws. Means below 10 use sequential inversion of the CDF (one uniform per draw);
 * larger means use Hörmann's PTRS, transformed rejection with a squeeze ("The transformed
 * rejection method for generating Poisson random variables", Insurance: Math. & Econ. 1993).
 */
import type { BitGenerator } from './bit-generator.js';
import type { DiscreteSampler } from './binomial.js';
import { logFactorial } from './log-factorial.js';

/**
 * A sampler for Poisson(lam), lam ≥ 0, with its set-up done once.
 *
 * @example
 * const draw = poissonSampler(4);
 * const k = draw(new Xoshiro256StarStar(1));
 */
export function poissonSampler(lam: number): DiscreteSampler {
  if (lam === 0) return () => 0;
  return lam < 10 ? inversion(lam) : ptrs(lam);
}

function inversion(lam: number): DiscreteSampler {
  const p0 = Math.exp(-lam);
  return (bg: BitGenerator) => {
    for (;;) {
      const u = bg.nextDouble();
      let x = 0;
      let px = p0;
      let cdf = px;
      while (u > cdf && px > 1e-300) {
        x++;
        px *= lam / x;
        cdf += px;
      }
      if (u <= cdf) return x;
      // Rounding left u above the summed mass: a vanishingly rare event; draw again.
    }
  };
}

function ptrs(lam: number): DiscreteSampler {
  const slam = Math.sqrt(lam);
  const logLam = Math.log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  return (bg: BitGenerator) => {
    for (;;) {
      const u = bg.nextDouble() - 0.5;
      const v = bg.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (!(k >= 0) || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -lam + k * logLam - logFactorial(k)) return k;
    }
  };
}
