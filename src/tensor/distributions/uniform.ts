/** The continuous uniform distribution on [low, high] — SciPy's `uniform(loc=low, scale=high-low)`. */
import { ValueError } from '../errors.js';
import type { BitGenerator } from '../random/index.js';
import { ContinuousDistribution } from './distribution.js';
import { requireFinite } from './validate.js';

/**
 * The uniform distribution on [low, high] (low < high); SciPy spells it
 * `uniform(loc=low, scale=high - low)`.
 *
 * @example
 * const u = new Uniform(2, 6);
 * u.pdf(3); // 0.25
 * u.ppf(0.5); // 4
 */
export class Uniform extends ContinuousDistribution {
  readonly name = 'Uniform';
  /** Lower end of the support. */
  readonly low: number;
  /** Upper end of the support. */
  readonly high: number;
  private readonly width: number;

  /**
   * @param low - lower end (default 0)
   * @param high - upper end > low (default 1)
   */
  constructor(low = 0, high = 1) {
    super();
    this.low = requireFinite('Uniform', 'low', low);
    this.high = requireFinite('Uniform', 'high', high);
    this.width = this.high - this.low;
    if (!(this.width > 0) || !Number.isFinite(this.width)) {
      throw new ValueError(`Uniform: high must be greater than low (and high - low finite), got low ${low}, high ${high}.`);
    }
  }

  protected override pdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x >= this.low && x <= this.high ? 1 / this.width : 0;
  }

  protected logpdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x >= this.low && x <= this.high ? -Math.log(this.width) : -Infinity;
  }

  protected cdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= this.low) return 0;
    if (x >= this.high) return 1;
    return (x - this.low) / this.width;
  }

  protected sfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= this.low) return 1;
    if (x >= this.high) return 0;
    return (this.high - x) / this.width;
  }

  protected ppfAt(q: number): number {
    return this.low + q * this.width;
  }

  protected isfAt(q: number): number {
    return this.high - q * this.width;
  }

  protected override draw(bg: BitGenerator): number {
    return this.low + bg.nextDouble() * this.width;
  }

  mean(): number {
    return this.low + this.width / 2;
  }

  variance(): number {
    return (this.width * this.width) / 12;
  }
}
