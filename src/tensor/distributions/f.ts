/** The F (Fisher–Snedecor) distribution — SciPy's `f(dfn, dfd)`. */
import { betaln } from '../special/beta.js';
import { regularizedBeta, regularizedBetaInverse } from '../special/incomplete-beta.js';
import { type BitGenerator, chisquare } from '../random/index.js';
import { ContinuousDistribution } from './distribution.js';
import { requirePositive } from './validate.js';

/**
 * The F distribution with `dfn` > 0 numerator and `dfd` > 0 denominator degrees of freedom:
 * the ratio (U/dfn)/(V/dfd) of independent χ² variables, as in ANOVA and regression F-tests.
 *
 * @example
 * const f = new FDist(3, 20);
 * f.isf(0.05); // 3.098391212140781 (the 5% critical value)
 */
export class FDist extends ContinuousDistribution {
  readonly name = 'FDist';
  /** Numerator degrees of freedom. */
  readonly dfn: number;
  /** Denominator degrees of freedom. */
  readonly dfd: number;
  private readonly logBeta: number;

  /**
   * @param dfn - numerator degrees of freedom > 0
   * @param dfd - denominator degrees of freedom > 0
   */
  constructor(dfn: number, dfd: number) {
    super();
    this.dfn = requirePositive('FDist', 'dfn', dfn);
    this.dfd = requirePositive('FDist', 'dfd', dfd);
    this.logBeta = betaln(this.dfn / 2, this.dfd / 2);
  }

  protected logpdfAt(x: number): number {
    const d1 = this.dfn;
    const d2 = this.dfd;
    if (Number.isNaN(x)) return NaN;
    if (x < 0 || x === Infinity) return -Infinity;
    if (x === 0) return d1 < 2 ? Infinity : d1 === 2 ? 0 : -Infinity;
    // With u = d1·x/(d1·x + d2) and v = 1 - u, the density is u^(d1/2) v^(d2/2) / (x B(d1/2, d2/2));
    // log u and log v come from log1p so neither loses digits when the other is near 1.
    const ratio = (d1 * x) / d2;
    const logU = -Math.log1p(1 / ratio);
    const logV = -Math.log1p(ratio);
    return (d1 / 2) * logU + (d2 / 2) * logV - Math.log(x) - this.logBeta;
  }

  /** I_u(d1/2, d2/2) (upper = false) or its complement, u = d1·x/(d1·x + d2). */
  private tail(x: number, upper: boolean): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= 0) return upper ? 1 : 0;
    if (x === Infinity) return upper ? 0 : 1;
    const a = this.dfn / 2;
    const b = this.dfd / 2;
    const denom = this.dfn * x + this.dfd;
    const u = (this.dfn * x) / denom;
    // Evaluate at whichever of u, v = 1 - u is small: I_u(a, b) = 1 - I_v(b, a).
    if (u <= 0.5) return regularizedBeta(a, b, u, upper);
    return regularizedBeta(b, a, this.dfd / denom, !upper);
  }

  protected cdfAt(x: number): number {
    return this.tail(x, false);
  }

  protected sfAt(x: number): number {
    return this.tail(x, true);
  }

  /** The x with cdf(x) = q (upper = false) or sf(x) = q (upper = true). */
  private quantile(q: number, upper: boolean): number {
    const a = this.dfn / 2;
    const b = this.dfd / 2;
    // Find u with I_u(a, b) = q (or its complement), and v = 1 - u; whichever of them is
    // larger than 1/2 is taken as 1 minus the other, so the ratio u/v keeps its digits.
    let u = regularizedBetaInverse(a, b, q, upper);
    let v: number;
    if (u <= 0.5) {
      v = 1 - u;
    } else {
      v = regularizedBetaInverse(b, a, q, !upper);
      u = 1 - v;
    }
    return (this.dfd * u) / (this.dfn * v);
  }

  protected ppfAt(q: number): number {
    return this.quantile(q, false);
  }

  protected isfAt(q: number): number {
    return this.quantile(q, true);
  }

  protected override draw(bg: BitGenerator): number {
    return (chisquare(bg, this.dfn) / this.dfn) / (chisquare(bg, this.dfd) / this.dfd);
  }

  /** dfd/(dfd - 2) for dfd > 2; +∞ otherwise (SciPy's convention). */
  mean(): number {
    return this.dfd > 2 ? this.dfd / (this.dfd - 2) : Infinity;
  }

  /** 2·dfd²(dfn + dfd - 2) / (dfn (dfd - 2)² (dfd - 4)) for dfd > 4; +∞ otherwise (SciPy's convention). */
  variance(): number {
    const d1 = this.dfn;
    const d2 = this.dfd;
    if (d2 > 4) return (2 * d2 * d2 * (d1 + d2 - 2)) / (d1 * (d2 - 2) * (d2 - 2) * (d2 - 4));
    return Infinity;
  }
}
