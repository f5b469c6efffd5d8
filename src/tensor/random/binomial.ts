/**
 * Binomial draws. Small means (n·min(p, 1−p) < 10) use sequential inversion of the CDF; larger
 * ones use Hörmann's BTRS, transformed rejection with a squeeze ("The generation of binomial
 * random variates", J. Stat. Comput. Simul. 1993), whose cost does not grow with n.
 * p > 1/2 is drawn as n minus a Binomial(n, 1 − p).
 */
import type { BitGenerator } from './bit-generator.js';
import { logFactorial } from './log-factorial.js';

export type DiscreteSampler = (bg: BitGenerator) => number;

/**
 * A sampler for Binomial(n, p), with its set-up done once; n a non-negative integer, p in [0, 1].
 *
 * @example
 * const draw = binomialSampler(1000, 0.3);
 * const k = draw(new Xoshiro256StarStar(1)); // around 300
 */
export function binomialSampler(n: number, p: number): DiscreteSampler {
  if (n === 0 || p === 0) return () => 0;
  if (p === 1) return () => n;
  if (p > 0.5) {
    const flipped = binomialSampler(n, 1 - p);
    return (bg) => n - flipped(bg);
  }
  return n * p < 10 ? inversion(n, p) : btrs(n, p);
}

function inversion(n: number, p: number): DiscreteSampler {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const p0 = Math.pow(q, n);
  const bound = Math.min(n, Math.floor(n * p + 10 * Math.sqrt(n * p * q + 1)));
  return (bg) => {
    for (;;) {
      let u = bg.nextDouble();
      let x = 0;
      let px = p0;
      while (u > px) {
        u -= px;
        x++;
        if (x > bound) break;
        px *= a / x - s;
      }
      if (x <= bound) return x;
      // Rounding left u above the whole mass: a vanishingly rare event; draw again.
    }
  };
}

function btrs(n: number, p: number): DiscreteSampler {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  const logOdds = Math.log(p / q);
  return (bg) => {
    for (;;) {
      const u = bg.nextDouble() - 0.5;
      let v = bg.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (!(k >= 0 && k <= n)) continue;
      if (us >= 0.07 && v <= vr) return k;
      v = (v * alpha) / (a / (us * us) + b);
      if (Math.log(v) <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * logOdds) return k;
    }
  };
}
