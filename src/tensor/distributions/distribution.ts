/**
 * The shared surface of the frozen distributions (SciPy's `rv_frozen`): cdf, sf, ppf, isf,
 * mean, variance, std, median, interval and rvs, with pdf/logpdf for continuous ones and
 * pmf/logpmf for discrete ones. Each subclass supplies the scalar formulas; this file lifts them
 * to NdArrays (number in → number out; NdArray in → float64 NdArray of the same shape out) and
 * draws samples.
 */
import { NdArray } from '../ndarray.js';
import { ValueError } from '../errors.js';
import { type NumOrArray, mapArrays } from '../special/ufunc.js';
import type { BitGenerator, Size } from '../random/index.js';
import { type RandomSourceOrSeed, openUniform, resolveRandomSource } from './random-source.js';

/** How many draws `rvs` makes: a count (a 1-d result) or a shape (the same `Size` as tensor/random's). */
export type { Size };

function lift(x: NumOrArray, fn: (v: number) => number): NumOrArray {
  return typeof x === 'number' ? fn(x) : mapArrays(fn, [x]);
}

function shapeOf(size: Size, who: string): number[] {
  const shape = typeof size === 'number' ? [size] : Array.isArray(size) ? [...size] : null;
  if (shape === null || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new ValueError(
      `${who}: size must be a whole number ≥ 0 or a list of them (a shape), got ${JSON.stringify(size)}.`,
    );
  }
  return shape;
}

/** What continuous and discrete distributions share. */
export abstract class Distribution {
  /** The distribution's name, used in error messages ('Normal', 'Binomial', …). */
  abstract readonly name: string;

  /** P(X ≤ x) for one number. */
  protected abstract cdfAt(x: number): number;
  /** P(X > x) for one number, computed directly so that tiny tails keep their digits. */
  protected abstract sfAt(x: number): number;
  /** The quantile: the x with cdf(x) = q (for discrete ones, the least x with cdf(x) ≥ q). */
  protected abstract ppfAt(q: number): number;
  /** The inverse survival function: the x with sf(x) = q (discrete: the least x with sf(x) ≤ q). */
  protected abstract isfAt(q: number): number;
  /** One draw, made with the samplers of tensor/random from the bits of `bg`. */
  protected abstract draw(bg: BitGenerator): number;

  /** The mean (NaN where it is undefined, +∞ where it diverges). */
  abstract mean(): number;
  /** The variance (NaN where it is undefined, +∞ where it diverges). */
  abstract variance(): number;

  /**
   * The cumulative distribution function P(X ≤ x).
   *
   * @example
   * new Normal().cdf(1.96); // 0.9750021048517795
   */
  cdf(x: number): number;
  cdf(x: NdArray): NdArray<'float64'>;
  cdf(x: NumOrArray): NumOrArray;
  cdf(x: NumOrArray): NumOrArray {
    return lift(x, (v) => this.cdfAt(v));
  }

  /**
   * The survival function P(X > x) = 1 - cdf(x), accurate in the upper tail.
   *
   * @example
   * new Normal().sf(10); // 7.619853024160593e-24
   */
  sf(x: number): number;
  sf(x: NdArray): NdArray<'float64'>;
  sf(x: NumOrArray): NumOrArray;
  sf(x: NumOrArray): NumOrArray {
    return lift(x, (v) => this.sfAt(v));
  }

  /**
   * The percent point function (quantile), inverse of cdf; NaN for q outside [0, 1]. For discrete
   * distributions, the least k with cdf(k) ≥ q (ppf(0) is one below the support, as in SciPy).
   *
   * @example
   * new Normal().ppf(0.975); // 1.9599639845400538
   */
  ppf(q: number): number;
  ppf(q: NdArray): NdArray<'float64'>;
  ppf(q: NumOrArray): NumOrArray;
  ppf(q: NumOrArray): NumOrArray {
    return lift(q, (v) => (v >= 0 && v <= 1 ? this.ppfAt(v) : NaN));
  }

  /**
   * The inverse survival function, inverse of sf, accurate for tiny q; NaN outside [0, 1].
   *
   * @example
   * new Normal().isf(1e-20); // 9.262340089798409
   */
  isf(q: number): number;
  isf(q: NdArray): NdArray<'float64'>;
  isf(q: NumOrArray): NumOrArray;
  isf(q: NumOrArray): NumOrArray {
    return lift(q, (v) => (v >= 0 && v <= 1 ? this.isfAt(v) : NaN));
  }

  /**
   * The standard deviation, √variance.
   *
   * @example
   * new Normal(0, 2).std(); // 2
   */
  std(): number {
    return Math.sqrt(this.variance());
  }

  /**
   * The median, ppf(0.5).
   *
   * @example
   * new Exponential(1).median(); // 0.6931471805599453
   */
  median(): number {
    return this.ppfAt(0.5);
  }

  /**
   * The central interval holding `confidence` of the mass: [ppf((1-c)/2), ppf((1+c)/2)].
   *
   * @example
   * new Normal().interval(0.95); // [-1.9599639845400538, 1.9599639845400538]
   */
  interval(confidence: number): [number, number] {
    if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
      throw new ValueError(`${this.name}.interval: confidence must be in [0, 1], got ${confidence}.`);
    }
    const tail = (1 - confidence) / 2;
    return [this.ppfAt(tail), this.isfAt(tail)];
  }

  /**
   * Random draws, as a float64 NdArray of shape `size` (discrete draws are whole numbers).
   * `rng` is required: a seed (a non-negative integer, used as `defaultRng(seed)` from
   * tensor/random), a `Generator` (its bit generator is advanced), or any object with a
   * `random()` method giving uniforms in [0, 1). The draws come from tensor/random's samplers;
   * the same seed gives the same draws on every platform.
   *
   * @example
   * new Normal(10, 2).rvs(1000, 42); // 1000 draws, replayable with seed 42
   * new Poisson(3).rvs([2, 5], defaultRng(7));
   */
  rvs(size: Size, rng: RandomSourceOrSeed): NdArray<'float64'> {
    const who = `${this.name}.rvs`;
    const shape = shapeOf(size, who);
    const bg = resolveRandomSource(rng, who);
    const out = new Float64Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < out.length; i++) out[i] = this.draw(bg);
    return new NdArray('float64', out, shape);
  }
}

/** A distribution with a density: adds pdf and logpdf. */
export abstract class ContinuousDistribution extends Distribution {
  /** The log-density at one number (-∞ outside the support). */
  protected abstract logpdfAt(x: number): number;

  /** The density at one number: exp(logpdf) unless a subclass has a more direct formula. */
  protected pdfAt(x: number): number {
    return Math.exp(this.logpdfAt(x));
  }

  /**
   * The probability density function.
   *
   * @example
   * new Normal().pdf(0); // 0.3989422804014327
   */
  pdf(x: number): number;
  pdf(x: NdArray): NdArray<'float64'>;
  pdf(x: NumOrArray): NumOrArray;
  pdf(x: NumOrArray): NumOrArray {
    return lift(x, (v) => this.pdfAt(v));
  }

  /**
   * The log of the density, finite where the density itself underflows (-∞ outside the support).
   *
   * @example
   * new Normal().logpdf(40); // -800.9189385332047
   */
  logpdf(x: number): number;
  logpdf(x: NdArray): NdArray<'float64'>;
  logpdf(x: NumOrArray): NumOrArray;
  logpdf(x: NumOrArray): NumOrArray {
    return lift(x, (v) => this.logpdfAt(v));
  }

  /** The default draw inverts the CDF at an open-interval uniform; subclasses override it. */
  protected draw(bg: BitGenerator): number {
    return this.ppfAt(openUniform(bg));
  }
}

/** A distribution on whole numbers: adds pmf and logpmf (0 and -∞ off the integers). */
export abstract class DiscreteDistribution extends Distribution {
  /** log P(X = k) for one number (-∞ for non-integers and outside the support). */
  protected abstract logpmfAt(k: number): number;

  /** P(X = k) for one number (0 for non-integers and outside the support): exp(logpmf). */
  protected pmfAt(k: number): number {
    return Math.exp(this.logpmfAt(k));
  }

  /**
   * The probability mass function P(X = k); 0 for non-integer k.
   *
   * @example
   * new Binomial(10, 0.5).pmf(5); // ≈ 0.24609375
   */
  pmf(k: number): number;
  pmf(k: NdArray): NdArray<'float64'>;
  pmf(k: NumOrArray): NumOrArray;
  pmf(k: NumOrArray): NumOrArray {
    return lift(k, (v) => this.pmfAt(v));
  }

  /**
   * log P(X = k), finite where the probability underflows.
   *
   * @example
   * new Poisson(1000).logpmf(0); // -1000
   */
  logpmf(k: number): number;
  logpmf(k: NdArray): NdArray<'float64'>;
  logpmf(k: NumOrArray): NumOrArray;
  logpmf(k: NumOrArray): NumOrArray {
    return lift(k, (v) => this.logpmfAt(v));
  }

  /** The default draw inverts the CDF at an open-interval uniform; subclasses override it. */
  protected draw(bg: BitGenerator): number {
    return this.ppfAt(openUniform(bg));
  }
}
