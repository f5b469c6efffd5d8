/** Student's t distribution with `df` degrees of freedom, shifted and scaled — SciPy's `t`. */
import { betaln } from '../special/beta.js';
import { regularizedBeta, regularizedBetaInverse } from '../special/incomplete-beta.js';
import { type BitGenerator, studentT } from '../random/index.js';
import { ContinuousDistribution } from './distribution.js';
import { requireFinite, requirePositive } from './validate.js';

/** Below this x = ν/(ν+t²) the leading term of I_x's series is exact to double precision. */
const TINY_X = 1e-30;

/**
 * Student's t distribution: (X - loc)/scale follows t with `df` > 0 degrees of freedom
 * (df = 1 is the Cauchy distribution; large df approaches the normal).
 *
 * @example
 * const t = new StudentT(10);
 * t.ppf(0.975); // 2.2281388519862744 (two-sided 95% critical value)
 * t.sf(3); // 0.006671827511284803
 */
export class StudentT extends ContinuousDistribution {
  readonly name = 'StudentT';
  /** Degrees of freedom ν > 0. */
  readonly df: number;
  /** Location μ. */
  readonly loc: number;
  /** Scale σ > 0. */
  readonly scale: number;
  private readonly logNorm: number;

  /**
   * @param df - degrees of freedom ν > 0
   * @param loc - location (default 0)
   * @param scale - scale > 0 (default 1)
   */
  constructor(df: number, loc = 0, scale = 1) {
    super();
    this.df = requirePositive('StudentT', 'df', df);
    this.loc = requireFinite('StudentT', 'loc', loc);
    this.scale = requirePositive('StudentT', 'scale', scale);
    // Γ((ν+1)/2) / (Γ(ν/2) √(νπ)) = 1 / (√ν B(ν/2, 1/2)): betaln stays accurate for huge ν,
    // where the difference of two lgamma values would cancel.
    this.logNorm = -0.5 * Math.log(this.df) - betaln(this.df / 2, 0.5) - Math.log(this.scale);
  }

  /** P(T > |t|) for the standard t, from the incomplete beta function at whichever argument is small. */
  private upperTail(t: number): number {
    const nu = this.df;
    const t2 = t * t;
    if (t2 === Infinity) return 0;
    // 2·P(T > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2) = 1 - I_{t²/(ν+t²)}(1/2, ν/2).
    if (t2 < nu) return 0.5 * regularizedBeta(0.5, nu / 2, t2 / (nu + t2), true);
    return 0.5 * regularizedBeta(nu / 2, 0.5, nu / (nu + t2), false);
  }

  /** The t ≥ 0 with P(T > t) = p, for p ≤ 1/2. */
  private upperQuantile(p: number): number {
    const nu = this.df;
    if (p === 0) return Infinity;
    // Solve I_x(ν/2, 1/2) = 2p for x = ν/(ν+t²); when x is near 1 solve for y = 1 - x instead.
    let x = regularizedBetaInverse(nu / 2, 0.5, 2 * p, false);
    if (x < TINY_X) {
      // Far tail: I_x(a, 1/2) = x^a / (a B(a, 1/2)) · (1 + O(x)), so x = (2p·a·B)^(1/a) and
      // t = √(ν/x), in logs: x itself may underflow although t (1e299 at ν = 1, p = 1e-300) does not.
      const a = nu / 2;
      const logX = (Math.log(2 * p) + Math.log(a) + betaln(a, 0.5)) / a;
      return Math.exp(0.5 * (Math.log(nu) - logX));
    }
    let y: number;
    if (x <= 0.5) {
      y = 1 - x;
    } else {
      y = regularizedBetaInverse(0.5, nu / 2, 2 * p, true);
      x = 1 - y;
    }
    return Math.sqrt((nu * y) / x);
  }

  protected logpdfAt(x: number): number {
    const t = (x - this.loc) / this.scale;
    return this.logNorm - ((this.df + 1) / 2) * Math.log1p((t * t) / this.df);
  }

  protected cdfAt(x: number): number {
    const t = (x - this.loc) / this.scale;
    if (Number.isNaN(t)) return NaN;
    return t < 0 ? this.upperTail(t) : 1 - this.upperTail(t);
  }

  protected sfAt(x: number): number {
    const t = (x - this.loc) / this.scale;
    if (Number.isNaN(t)) return NaN;
    return t > 0 ? this.upperTail(t) : 1 - this.upperTail(t);
  }

  protected ppfAt(q: number): number {
    if (q === 0.5) return this.loc;
    const t = q < 0.5 ? -this.upperQuantile(q) : this.upperQuantile(1 - q);
    return this.loc + this.scale * t;
  }

  protected isfAt(q: number): number {
    if (q === 0.5) return this.loc;
    const t = q < 0.5 ? this.upperQuantile(q) : -this.upperQuantile(1 - q);
    return this.loc + this.scale * t;
  }

  protected override draw(bg: BitGenerator): number {
    return this.loc + this.scale * studentT(bg, this.df);
  }

  /** μ for ν > 1; NaN for ν ≤ 1 (undefined, as for the Cauchy; SciPy 1.10 reports +∞). */
  mean(): number {
    return this.df > 1 ? this.loc : NaN;
  }

  /** σ²ν/(ν-2) for ν > 2; +∞ for 1 < ν ≤ 2; NaN for ν ≤ 1. */
  variance(): number {
    if (this.df > 2) return (this.scale * this.scale * this.df) / (this.df - 2);
    return this.df > 1 ? Infinity : NaN;
  }
}
