/** The binomial distribution — SciPy's `binom(n, p)`. */
import { regularizedBeta } from '../special/incomplete-beta.js';
import { type BitGenerator, binomialSampler, type DiscreteSampler } from '../random/index.js';
import { DiscreteDistribution } from './distribution.js';
import { leastInteger } from './discrete-search.js';
import { standardNormalPpf } from './normal.js';
import { binomialLogPmf } from './saddle-point.js';
import { requireCount, requireProbability } from './validate.js';

/**
 * The number of successes in `n` independent trials that each succeed with probability `p`.
 *
 * @example
 * const b = new Binomial(10, 0.3);
 * b.pmf(3); // ≈ 0.266827932
 * b.cdf(3); // 0.6496107184000001
 */
export class Binomial extends DiscreteDistribution {
  readonly name = 'Binomial';
  /** Number of trials, a whole number ≥ 0. */
  readonly n: number;
  /** Success probability in [0, 1]. */
  readonly p: number;

  /**
   * @param n - number of trials (a whole number ≥ 0)
   * @param p - success probability in [0, 1]
   */
  constructor(n: number, p: number) {
    super();
    this.n = requireCount('Binomial', 'n', n);
    this.p = requireProbability('Binomial', 'p', p);
  }

  protected logpmfAt(k: number): number {
    if (Number.isNaN(k)) return NaN;
    if (!Number.isInteger(k) || k < 0 || k > this.n) return -Infinity;
    return binomialLogPmf(k, this.n, this.p);
  }

  protected cdfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    const k = Math.floor(x);
    if (k < 0) return 0;
    if (k >= this.n) return 1;
    // P(X ≤ k) = 1 - I_p(k+1, n-k), computed as the complement directly.
    return regularizedBeta(k + 1, this.n - k, this.p, true);
  }

  protected sfAt(x: number): number {
    if (Number.isNaN(x)) return NaN;
    const k = Math.floor(x);
    if (k < 0) return 1;
    if (k >= this.n) return 0;
    return regularizedBeta(k + 1, this.n - k, this.p, false);
  }

  /** A first guess for a quantile: the normal approximation. */
  private guess(q: number, upper: boolean): number {
    const sd = Math.sqrt(this.n * this.p * (1 - this.p));
    const z = standardNormalPpf(q);
    return this.n * this.p + (upper ? -z : z) * sd;
  }

  protected ppfAt(q: number): number {
    if (q === 0) return -1;
    if (q === 1) return this.n;
    return leastInteger((k) => this.cdfAt(k) >= q, 0, this.n, this.guess(q, false));
  }

  protected isfAt(q: number): number {
    if (q === 1) return -1;
    if (q === 0) return this.n;
    return leastInteger((k) => this.sfAt(k) <= q, 0, this.n, this.guess(q, true));
  }

  /** tensor/random's binomial sampler (inversion for small means, BTRS above), set up on first use. */
  private sampler: DiscreteSampler | undefined;

  protected override draw(bg: BitGenerator): number {
    this.sampler ??= binomialSampler(this.n, this.p);
    return this.sampler(bg);
  }

  mean(): number {
    return this.n * this.p;
  }

  variance(): number {
    return this.n * this.p * (1 - this.p);
  }
}
