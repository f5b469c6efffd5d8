/** The normal (Gaussian) distribution N(loc, scale²) — SciPy's `norm(loc, scale)`. */
import { erfc, erfcinv } from '../special/erf.js';
import { HALF_LOG_TWO_PI } from '../special/stirling.js';
import { type BitGenerator, standardNormal } from '../random/index.js';
import { ContinuousDistribution } from './distribution.js';
import { requireFinite, requirePositive } from './validate.js';

const SQRT_TWO = Math.SQRT2;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/** The standard normal CDF Φ(z), as erfc(-z/√2)/2 so the lower tail keeps its digits. */
export function standardNormalCdf(z: number): number {
  return 0.5 * erfc(-z / SQRT_TWO);
}

/** The standard normal quantile Φ⁻¹(q), via erfcinv so that tiny q keeps its digits. */
export function standardNormalPpf(q: number): number {
  return -SQRT_TWO * erfcinv(2 * q);
}

/**
 * The normal distribution with mean `loc` and standard deviation `scale` > 0.
 *
 * @example
 * const n = new Normal(100, 15);
 * n.cdf(130); // 0.9772498680518208
 * n.ppf(0.5); // 100
 */
export class Normal extends ContinuousDistribution {
  readonly name = 'Normal';
  /** The mean μ. */
  readonly loc: number;
  /** The standard deviation σ > 0. */
  readonly scale: number;

  /**
   * @param loc - the mean μ (default 0)
   * @param scale - the standard deviation σ > 0 (default 1)
   */
  constructor(loc = 0, scale = 1) {
    super();
    this.loc = requireFinite('Normal', 'loc', loc);
    this.scale = requirePositive('Normal', 'scale', scale);
  }

  protected override pdfAt(x: number): number {
    const z = (x - this.loc) / this.scale;
    return Math.exp(-0.5 * z * z) / (SQRT_TWO_PI * this.scale);
  }

  protected logpdfAt(x: number): number {
    const z = (x - this.loc) / this.scale;
    return -0.5 * z * z - Math.log(this.scale) - HALF_LOG_TWO_PI;
  }

  protected cdfAt(x: number): number {
    return standardNormalCdf((x - this.loc) / this.scale);
  }

  protected sfAt(x: number): number {
    return standardNormalCdf((this.loc - x) / this.scale);
  }

  protected ppfAt(q: number): number {
    return this.loc + this.scale * standardNormalPpf(q);
  }

  protected isfAt(q: number): number {
    return this.loc - this.scale * standardNormalPpf(q);
  }

  protected override draw(bg: BitGenerator): number {
    return this.loc + this.scale * standardNormal(bg);
  }

  mean(): number {
    return this.loc;
  }

  variance(): number {
    return this.scale * this.scale;
  }
}
