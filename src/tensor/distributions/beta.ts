/** The beta distribution on [0, 1] — SciPy's `beta(a, b)`. */
import { betaln } from '../special/beta.js';
import { regularizedBeta, regularizedBetaInverse } from '../special/incomplete-beta.js';
import { xlog1py, xlogy } from '../special/xlogy.js';
import { type BitGenerator, beta } from '../random/index.js';
import { ContinuousDistribution } from './distribution.js';
import { requirePositive } from './validate.js';

/**
 * The beta distribution with shapes `a` > 0 and `b` > 0: density x^(a-1) (1-x)^(b-1) / B(a, b)
 * on [0, 1]; the conjugate prior of a probability.
 *
 * @example
 * const b = new Beta(2, 5);
 * b.mean(); // 0.2857142857142857
 * b.cdf(0.5); // 0.890625
 */
export class Beta extends ContinuousDistribution {
  readonly name = 'Beta';
  /** First shape a > 0. */
  readonly a: number;
  /** Second shape b > 0. */
  readonly b: number;
  private readonly logBeta: number;

  /**
   * @param a - first shape > 0
   * @param b - second shape > 0
   */
  constructor(a: number, b: number) {
    super();
    this.a = requirePositive('Beta', 'a', a);
    this.b = requirePositive('Beta', 'b', b);
    this.logBeta = betaln(this.a, this.b);
  }

  protected logpdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0 || x > 1) return -Infinity;
    return xlogy(this.a - 1, x) + xlog1py(this.b - 1, -x) - this.logBeta;
  }

  protected cdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    return regularizedBeta(this.a, this.b, x, false);
  }

  protected sfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= 0) return 1;
    if (x >= 1) return 0;
    return regularizedBeta(this.a, this.b, x, true);
  }

  protected ppfAt(q: number): number {
    return regularizedBetaInverse(this.a, this.b, q, false);
  }

  protected isfAt(q: number): number {
    return regularizedBetaInverse(this.a, this.b, q, true);
  }

  protected override draw(bg: BitGenerator): number {
    // Jöhnk's method when both shapes are ≤ 1 (so tiny shapes do not give 0/0), else a gamma ratio.
    return beta(bg, this.a, this.b);
  }

  mean(): number {
    return this.a / (this.a + this.b);
  }

  variance(): number {
    const s = this.a + this.b;
    return (this.a * this.b) / (s * s * (s + 1));
  }
}
