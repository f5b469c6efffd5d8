/** The exponential distribution — SciPy's `expon(scale=θ)`. */
import { type BitGenerator, standardExponential } from '../random/index.js';
import { ContinuousDistribution } from './distribution.js';
import { requirePositive } from './validate.js';

/**
 * The exponential distribution with scale θ > 0 (mean θ, rate 1/θ): density e^(-x/θ)/θ on x ≥ 0.
 *
 * @example
 * const e = new Exponential(2);
 * e.sf(2); // 0.36787944117144233 (e⁻¹)
 * e.ppf(0.5); // 1.3862943611198906 (2 log 2)
 */
export class Exponential extends ContinuousDistribution {
  readonly name = 'Exponential';
  /** Scale θ > 0 (the mean). */
  readonly scale: number;

  /** @param scale - scale θ > 0, the mean (default 1) */
  constructor(scale = 1) {
    super();
    this.scale = requirePositive('Exponential', 'scale', scale);
  }

  protected override pdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x < 0 ? 0 : Math.exp(-x / this.scale) / this.scale;
  }

  protected logpdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x < 0 ? -Infinity : -x / this.scale - Math.log(this.scale);
  }

  protected cdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x <= 0 ? 0 : -Math.expm1(-x / this.scale);
  }

  protected sfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x <= 0 ? 1 : Math.exp(-x / this.scale);
  }

  protected ppfAt(q: number): number {
    return -this.scale * Math.log1p(-q);
  }

  protected isfAt(q: number): number {
    return -this.scale * Math.log(q);
  }

  protected override draw(bg: BitGenerator): number {
    return this.scale * standardExponential(bg);
  }

  mean(): number {
    return this.scale;
  }

  variance(): number {
    return this.scale * this.scale;
  }
}
