/**
 * Standard variates built from uniform draws: open-interval uniforms, normals (Box–Muller,
 * both values of each pair used) and gammas (Marsaglia–Tsang), for the `rvs` methods.
 */
import type { RandomSource } from './random-source.js';

const TWO_PI = 2 * Math.PI;

/** Draws standard variates from one random source; holds the spare normal of each pair. */
export class Sampler {
  private readonly source: RandomSource;
  private spare = NaN;

  constructor(source: RandomSource) {
    this.source = source;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.source.random();
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  uniformPositive(): number {
    return 1 - this.source.random();
  }

  /** Uniform in (0, 1): never exactly 0 or 1, for inverting a CDF. */
  uniformOpen(): number {
    let u = this.source.random();
    while (u === 0) u = this.source.random();
    return u;
  }

  /** A standard normal variate (Box–Muller; the second value of each pair is kept for later). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = NaN;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniformPositive()));
    const angle = TWO_PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /**
   * log of a Gamma(a, 1) variate, a > 0. The logarithm keeps tiny shapes from underflowing
   * (a Gamma(0.01) draw is often below 1e-300).
   */
  logGamma(a: number): number {
    if (a < 1) {
      // Gamma(a) = Gamma(a + 1) · U^(1/a) (Marsaglia–Tsang's boost for small shapes).
      return this.logGamma(a + 1) + Math.log(this.uniformPositive()) / a;
    }
    return Math.log(this.gammaAtLeastOne(a));
  }

  /** A Gamma(a, 1) variate, a > 0. */
  gamma(a: number): number {
    return a < 1 ? Math.exp(this.logGamma(a)) : this.gammaAtLeastOne(a);
  }

  /** Marsaglia–Tsang (2000) squeeze-and-reject for shapes a ≥ 1. */
  private gammaAtLeastOne(a: number): number {
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniformPositive();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}
