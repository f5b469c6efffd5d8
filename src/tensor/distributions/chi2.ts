/** The chi-squared distribution χ²(df) — SciPy's `chi2(df)`. */
import { logGammaDensity } from '../special/gamma-density.js';
import { regularizedGamma, regularizedGammaInverse } from '../special/incomplete-gamma.js';
import { type BitGenerator, chisquare } from '../random/index.js';
import { ContinuousDistribution } from './distribution.js';
import { requirePositive } from './validate.js';

/**
 * The chi-squared distribution with `df` > 0 degrees of freedom: the sum of df squared
 * standard normals, i.e. Gamma(df/2, scale 2).
 *
 * @example
 * const c = new Chi2(3);
 * c.isf(0.05); // 7.814727903251179 (the 5% critical value)
 */
export class Chi2 extends ContinuousDistribution {
  readonly name = 'Chi2';
  /** Degrees of freedom k > 0. */
  readonly df: number;

  /** @param df - degrees of freedom k > 0 */
  constructor(df: number) {
    super();
    this.df = requirePositive('Chi2', 'df', df);
  }

  protected logpdfAt(x: number): number {
    return logGammaDensity(this.df / 2, x / 2) - Math.LN2;
  }

  protected cdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x <= 0 ? 0 : regularizedGamma(this.df / 2, x / 2, false);
  }

  protected sfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x <= 0 ? 1 : regularizedGamma(this.df / 2, x / 2, true);
  }

  protected ppfAt(q: number): number {
    return 2 * regularizedGammaInverse(this.df / 2, q, false);
  }

  protected isfAt(q: number): number {
    return 2 * regularizedGammaInverse(this.df / 2, q, true);
  }

  protected override draw(bg: BitGenerator): number {
    return chisquare(bg, this.df);
  }

  mean(): number {
    return this.df;
  }

  variance(): number {
    return 2 * this.df;
  }
}
