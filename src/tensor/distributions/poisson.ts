/** The Poisson distribution — SciPy's `poisson(mu)`. */
import { regularizedGamma } from '../special/incomplete-gamma.js';
import { type BitGenerator, type DiscreteSampler, poissonSampler } from '../random/index.js';
import { DiscreteDistribution } from './distribution.js';
import { leastInteger } from './discrete-search.js';
import { standardNormalPpf } from './normal.js';
import { poissonLogPmf } from './saddle-point.js';
import { requireNonNegative } from './validate.js';

/**
 * The number of events in an interval when they occur independently at mean rate `mu` ≥ 0.
 *
 * @example
 * const p = new Poisson(4);
 * p.pmf(2); // 0.14652511110987348
 * p.ppf(0.5); // 4
 */
export class Poisson extends DiscreteDistribution {
  readonly name = 'Poisson';
  /** The mean μ ≥ 0. */
  readonly mu: number;

  /** @param mu - the mean μ ≥ 0 */
  constructor(mu: number) {
    super();
    this.mu = requireNonNegative('Poisson', 'mu', mu);
  }

  protected logpmfAt(k: number): number {
    if (Number.isNaN(k)) return NaN;
    if (!Number.isInteger(k) || k < 0) return -Infinity;
    return poissonLogPmf(k, this.mu);
  }

  protected cdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    const k = Math.floor(x);
    if (k < 0) return 0;
    if (k === Infinity) return 1;
    // P(X ≤ k) = Q(k+1, μ).
    return regularizedGamma(k + 1, this.mu, true);
  }

  protected sfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    const k = Math.floor(x);
    if (k < 0) return 1;
    if (k === Infinity) return 0;
    return regularizedGamma(k + 1, this.mu, false);
  }

  private guess(q: number, upper: boolean): number {
    const z = standardNormalPpf(q);
    return this.mu + (upper ? -z : z) * Math.sqrt(this.mu);
  }

  protected ppfAt(q: number): number {
    if (q === 0) return -1;
    if (q === 1) return Infinity;
    return leastInteger((k) => this.cdfAt(k) >= q, 0, Infinity, this.guess(q, false));
  }

  protected isfAt(q: number): number {
    if (q === 1) return -1;
    if (q === 0) return Infinity;
    return leastInteger((k) => this.sfAt(k) <= q, 0, Infinity, this.guess(q, true));
  }

  /** tensor/random's Poisson sampler (inversion for small means, PTRS above), set up on first use. */
  private sampler: DiscreteSampler | undefined;

  protected override draw(bg: BitGenerator): number {
    this.sampler ??= poissonSampler(this.mu);
    return this.sampler(bg);
  }

  mean(): number {
    return this.mu;
  }

  variance(): number {
    return this.mu;
  }
}
