/** The gamma distribution with shape a and scale θ — SciPy's `gamma(a, scale=θ)`. */
import { logGammaDensity } from '../special/gamma-density.js';
import { regularizedGamma, regularizedGammaInverse } from '../special/incomplete-gamma.js';
import { type BitGenerator, standardGamma } from '../random/index.js';
import { ContinuousDistribution } from './distribution.js';
import { requirePositive } from './validate.js';

/**
 * The gamma distribution with shape `a` > 0 and scale θ > 0 (rate 1/θ): density
 * x^(a-1) e^(-x/θ) / (Γ(a) θ^a) on x ≥ 0. Gamma(1, θ) is the exponential; Gamma(ν/2, 2) is χ²(ν).
 *
 * @example
 * const g = new Gamma(2, 3);
 * g.mean(); // 6
 * g.cdf(6); // 0.5939941502901619
 */
export class Gamma extends ContinuousDistribution {
  readonly name = 'Gamma';
  /** Shape a > 0. */
  readonly a: number;
  /** Scale θ > 0. */
  readonly scale: number;

  /**
   * @param a - shape > 0
   * @param scale - scale θ > 0 (default 1)
   */
  constructor(a: number, scale = 1) {
    super();
    this.a = requirePositive('Gamma', 'a', a);
    this.scale = requirePositive('Gamma', 'scale', scale);
  }

  protected logpdfAt(x: number): number {
    return logGammaDensity(this.a, x / this.scale) - Math.log(this.scale);
  }

  protected cdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x <= 0 ? 0 : regularizedGamma(this.a, x / this.scale, false);
  }

  protected sfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x <= 0 ? 1 : regularizedGamma(this.a, x / this.scale, true);
  }

  protected ppfAt(q: number): number {
    return this.scale * regularizedGammaInverse(this.a, q, false);
  }

  protected isfAt(q: number): number {
    return this.scale * regularizedGammaInverse(this.a, q, true);
  }

  protected override draw(bg: BitGenerator): number {
    return this.scale * standardGamma(bg, this.a);
  }

  mean(): number {
    return this.a * this.scale;
  }

  variance(): number {
    return this.a * this.scale * this.scale;
  }
}
