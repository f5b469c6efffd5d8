/**
 * `Generator`: NumPy's `numpy.random.Generator` for Strata. A thin facade: each method checks
 * its parameters once, then calls the sampler in its own file for every draw. The bits come from
 * a `BitGenerator` (xoshiro256** by default), so the same seed gives the same draws on every
 * platform.
 *
 * `size` follows NumPy: leave it out for one draw as a JS number; give a count or a shape for a
 * float64 NdArray (int32 for integer-valued distributions).
 */
import { asArray } from '../create.js';
import { allocate } from '../dtype.js';
import { ShapeError, ValueError, formatShape } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import type { DType } from '../dtype.js';
import type { BitGenerator, Seed } from './bit-generator.js';
import { beta } from './beta.js';
import { binomialSampler } from './binomial.js';
import { boundedInteger } from './bounded.js';
import {
  uniformIndices,
  uniformIndicesWithoutReplacement,
  weightedIndices,
  weightedIndicesWithoutReplacement,
} from './choice.js';
import { dirichletInto } from './dirichlet.js';
import { chisquare, standardGamma, studentT } from './gamma.js';
import { geometric, laplace, logistic, standardExponential } from './inversion.js';
import { multinomialInto } from './multinomial.js';
import { multivariateNormalInto, semidefiniteCholesky } from './multivariate-normal.js';
import { standardNormal } from './normal.js';
import { poissonSampler } from './poisson.js';
import { type Shuffleable, shuffleInPlace } from './shuffle.js';
import { type Size, countOf, drawFloat, drawInt, shapeOfSize } from './size.js';
import {
  requireFinite,
  requireInteger,
  requireNonNegative,
  requirePositive,
  requireProbabilities,
  requireProbability,
} from './validate.js';
import { Xoshiro256StarStar } from './xoshiro256.js';

/** A float draw: a JS number without `size`, a float64 NdArray with it. */
export type FloatDraw<S> = S extends Size ? NdArray<'float64'> : number;
/** An integer draw: a JS number without `size`, an int32 NdArray with it. */
export type IntDraw<S> = S extends Size ? NdArray<'int32'> : number;

export interface IntegersOptions {
  /** Include `high` in the range (default false: [low, high)). */
  endpoint?: boolean;
}

export interface ChoiceOptions {
  /** Draw with replacement (default true). Without it, size must not exceed the population. */
  replace?: boolean;
  /** Probabilities of the items: non-negative, summing to 1. Default uniform. */
  p?: ArrayLike<number> | NdArray;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const TWO53 = 9007199254740992;
/**
 * Poisson means above this are refused: PTRS's acceptance test subtracts numbers of size
 * lam·log(lam), and beyond ~1e10 their rounding error would start to bend the distribution.
 */
const MAX_POISSON_LAM = 1e10;

function toProbabilities(method: string, name: string, p: ArrayLike<number> | NdArray, length?: number): Float64Array {
  const flat = p instanceof NdArray ? p.toFloat64Array() : (p as ArrayLike<number>);
  if (p instanceof NdArray && p.ndim !== 1) {
    throw new ShapeError(`${method}(): ${name} must be 1-d, got shape ${formatShape(p.shape)}.`);
  }
  return requireProbabilities(method, name, flat, length);
}

function vectorInput(method: string, name: string, value: ArrayLikeInput): Float64Array {
  const a = asArray(value);
  if (a.ndim !== 1 || a.size === 0) {
    // A wrong number of dimensions is a ShapeError, as everywhere in tensor; an empty vector a ValueError.
    const ErrorClass = a.ndim !== 1 ? ShapeError : ValueError;
    throw new ErrorClass(`${method}(): ${name} must be a non-empty 1-d array, got shape ${formatShape(a.shape)}.`);
  }
  return a.toFloat64Array();
}

export class Generator {
  /** The source of raw bits. Its `state` can be saved and restored for exact replay. */
  readonly bitGenerator: BitGenerator;

  /**
   * Wraps a bit generator. Most code wants `defaultRng(seed)` instead.
   *
   * @example
   * const rng = new Generator(new Xoshiro256StarStar(42));
   */
  constructor(bitGenerator: BitGenerator) {
    this.bitGenerator = bitGenerator;
  }

  // ------------------------------------------------------------------ streams

  /**
   * A generator whose stream starts `jumps` × 2^128 draws ahead of this one's; this one is
   * unchanged (NumPy's `bit_generator.jumped`).
   *
   * @example
   * const rng = defaultRng(7);
   * const other = rng.jumped(); // independent of rng's next 2^128 draws
   */
  jumped(jumps = 1): Generator {
    requireInteger('jumped', 'jumps', jumps, 0, Number.MAX_SAFE_INTEGER);
    const bg = this.bitGenerator.clone();
    for (let i = 0; i < jumps; i++) bg.jump();
    return new Generator(bg);
  }

  /**
   * `n` child generators for parallel workers, with non-overlapping streams. Child i starts
   * (i + 1) × 2^128 draws ahead; this generator then moves (n + 1) × 2^128 ahead, so its future
   * draws overlap none of them and a second `spawn` gives new children.
   *
   * @example
   * const [a, b] = defaultRng(1).spawn(2);
   */
  spawn(n: number): Generator[] {
    requireInteger('spawn', 'n', n, 0, 1e6);
    const children: Generator[] = [];
    for (let i = 0; i < n; i++) {
      this.bitGenerator.jump();
      children.push(new Generator(this.bitGenerator.clone()));
    }
    this.bitGenerator.jump();
    return children;
  }

  // ------------------------------------------------------------------ uniform

  /**
   * Uniform floats in [0, 1): 53 random bits each, exact.
   *
   * @example
   * const rng = defaultRng(0);
   * rng.random();       // a number
   * rng.random([2, 3]); // float64 NdArray of shape [2, 3]
   */
  random<S extends Size | undefined = undefined>(size?: S): FloatDraw<S> {
    const bg = this.bitGenerator;
    if (size === undefined) return bg.nextDouble() as FloatDraw<S>;
    const shape = shapeOfSize(size);
    const out = new Float64Array(countOf(shape));
    for (let i = 0; i < out.length; i++) out[i] = bg.nextDouble();
    return new NdArray('float64', out, shape) as FloatDraw<S>;
  }

  /**
   * Uniform floats in [low, high).
   *
   * @example
   * defaultRng(0).uniform(-1, 1, 5);
   */
  uniform<S extends Size | undefined = undefined>(low = 0, high = 1, size?: S): FloatDraw<S> {
    requireFinite('uniform', 'low', low);
    requireFinite('uniform', 'high', high);
    if (!(low < high)) {
      throw new ValueError(`uniform(): low (${low}) must be less than high (${high}).`);
    }
    const width = high - low;
    if (!Number.isFinite(width)) throw new ValueError(`uniform(): high - low overflows; use a narrower range.`);
    return drawFloat(this.bitGenerator, size, (bg) => low + width * bg.nextDouble()) as FloatDraw<S>;
  }

  /**
   * Uniform integers in [low, high) — or [low, high] with `endpoint: true` — without modulo
   * bias (Lemire's method). With one bound, draws from [0, low). Scalars may span up to 2^53;
   * arrays are int32, so their bounds must fit int32.
   *
   * @example
   * const rng = defaultRng(0);
   * rng.integers(6);                            // 0 … 5
   * rng.integers(1, 6, 10, { endpoint: true }); // ten dice rolls
   */
  integers<S extends Size | undefined = undefined>(
    low: number,
    high?: number,
    size?: S,
    options: IntegersOptions = {},
  ): IntDraw<S> {
    let lo = low;
    let hi = high;
    if (hi === undefined) {
      hi = lo;
      lo = 0;
    }
    for (const [name, v] of [['low', lo], ['high', hi]] as const) {
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
        throw new ValueError(`integers(): ${name} must be a safe integer, got ${String(v)}.`);
      }
    }
    const endpoint = options.endpoint ?? false;
    const top = endpoint ? hi : hi - 1; // largest value allowed
    if (top < lo) {
      throw new ValueError(
        endpoint
          ? `integers(): low (${lo}) must be <= high (${hi}) when endpoint is true.`
          : `integers(): low (${lo}) must be less than high (${hi}); the range [low, high) is empty.`,
      );
    }
    const range = top - lo + 1;
    if (range > TWO53) throw new ValueError(`integers(): the range [${lo}, ${top}] has more than 2^53 values; narrow it.`);
    if (size !== undefined && (lo < INT32_MIN || top > INT32_MAX)) {
      throw new ValueError(
        `integers(): arrays are int32, so bounds must lie in [${INT32_MIN}, ${INT32_MAX}]; got [${lo}, ${top}]. Draw scalars (no size) for wider ranges.`,
      );
    }
    return drawInt('integers', this.bitGenerator, size, (bg) => lo + boundedInteger(bg, range)) as IntDraw<S>;
  }

  // ------------------------------------------------------------------ normal family

  /**
   * Standard normal draws (ziggurat method; exact tails).
   *
   * @example
   * defaultRng(0).standardNormal([100]);
   */
  standardNormal<S extends Size | undefined = undefined>(size?: S): FloatDraw<S> {
    return drawFloat(this.bitGenerator, size, standardNormal) as FloatDraw<S>;
  }

  /**
   * Normal draws with mean `loc` and standard deviation `scale` ≥ 0.
   *
   * @example
   * defaultRng(0).normal(10, 2, 1000);
   */
  normal<S extends Size | undefined = undefined>(loc = 0, scale = 1, size?: S): FloatDraw<S> {
    requireFinite('normal', 'loc', loc);
    requireNonNegative('normal', 'scale', scale);
    return drawFloat(this.bitGenerator, size, (bg) => loc + scale * standardNormal(bg)) as FloatDraw<S>;
  }

  /**
   * Log-normal draws: exp(N(mean, sigma²)); `mean` and `sigma` are of the underlying normal.
   *
   * @example
   * defaultRng(0).lognormal(0, 0.5, 10);
   */
  lognormal<S extends Size | undefined = undefined>(mean = 0, sigma = 1, size?: S): FloatDraw<S> {
    requireFinite('lognormal', 'mean', mean);
    requireNonNegative('lognormal', 'sigma', sigma);
    return drawFloat(this.bitGenerator, size, (bg) => Math.exp(mean + sigma * standardNormal(bg))) as FloatDraw<S>;
  }

  /**
   * Draws from N(mean, cov): k-vectors, output shape [...size, k]. `cov` must be symmetric
   * positive semidefinite (singular is fine).
   *
   * @example
   * defaultRng(0).multivariateNormal([0, 0], [[1, 0.8], [0.8, 1]], 500); // shape [500, 2]
   */
  multivariateNormal(mean: ArrayLikeInput, cov: ArrayLikeInput, size?: Size): NdArray<'float64'> {
    const mu = vectorInput('multivariateNormal', 'mean', mean);
    const k = mu.length;
    const c = asArray(cov);
    if (c.ndim !== 2 || c.shape[0] !== k || c.shape[1] !== k) {
      throw new ShapeError(`multivariateNormal(): cov must have shape (${k}, ${k}) to match mean, got ${formatShape(c.shape)}.`);
    }
    const cv = c.toFloat64Array();
    for (let i = 0; i < cv.length; i++) requireFinite('multivariateNormal', 'cov entry', cv[i]!);
    for (let i = 0; i < k; i++) requireFinite('multivariateNormal', 'mean entry', mu[i]!);
    const L = semidefiniteCholesky(cv, k);
    const shape = size === undefined ? [] : shapeOfSize(size);
    const count = countOf(shape);
    const out = new Float64Array(count * k);
    const z = new Float64Array(k);
    for (let s = 0; s < count; s++) multivariateNormalInto(this.bitGenerator, mu, L, z, out, s * k);
    return new NdArray('float64', out, [...shape, k]);
  }

  // ------------------------------------------------------------------ gamma family

  /**
   * Exponential draws with mean `scale` (rate 1/scale).
   *
   * @example
   * defaultRng(0).exponential(2, 100);
   */
  exponential<S extends Size | undefined = undefined>(scale = 1, size?: S): FloatDraw<S> {
    requireNonNegative('exponential', 'scale', scale);
    return drawFloat(this.bitGenerator, size, (bg) => scale * standardExponential(bg)) as FloatDraw<S>;
  }

  /**
   * Gamma draws with shape k ≥ 0 and scale θ ≥ 0 (mean kθ), by Marsaglia–Tsang.
   *
   * @example
   * defaultRng(0).gamma(2, 1.5, 100);
   */
  gamma<S extends Size | undefined = undefined>(shape: number, scale = 1, size?: S): FloatDraw<S> {
    requireNonNegative('gamma', 'shape', shape);
    requireNonNegative('gamma', 'scale', scale);
    return drawFloat(this.bitGenerator, size, (bg) => scale * standardGamma(bg, shape)) as FloatDraw<S>;
  }

  /**
   * Beta draws on [0, 1] with a, b > 0.
   *
   * @example
   * defaultRng(0).beta(2, 5, 100);
   */
  beta<S extends Size | undefined = undefined>(a: number, b: number, size?: S): FloatDraw<S> {
    requirePositive('beta', 'a', a);
    requirePositive('beta', 'b', b);
    return drawFloat(this.bitGenerator, size, (bg) => beta(bg, a, b)) as FloatDraw<S>;
  }

  /**
   * Chi-square draws with df > 0 degrees of freedom.
   *
   * @example
   * defaultRng(0).chisquare(3, 100);
   */
  chisquare<S extends Size | undefined = undefined>(df: number, size?: S): FloatDraw<S> {
    requirePositive('chisquare', 'df', df);
    return drawFloat(this.bitGenerator, size, (bg) => chisquare(bg, df)) as FloatDraw<S>;
  }

  /**
   * Student's t draws with df > 0 degrees of freedom.
   *
   * @example
   * defaultRng(0).studentT(10, 100);
   */
  studentT<S extends Size | undefined = undefined>(df: number, size?: S): FloatDraw<S> {
    requirePositive('studentT', 'df', df);
    return drawFloat(this.bitGenerator, size, (bg) => studentT(bg, df)) as FloatDraw<S>;
  }

  /**
   * Dirichlet draws: probability vectors of length k = alpha.length, output shape [...size, k].
   *
   * @example
   * defaultRng(0).dirichlet([1, 1, 1], 10); // shape [10, 3], rows sum to 1
   */
  dirichlet(alpha: ArrayLikeInput, size?: Size): NdArray<'float64'> {
    const a = vectorInput('dirichlet', 'alpha', alpha);
    for (let i = 0; i < a.length; i++) requirePositive('dirichlet', `alpha[${i}]`, a[i]!);
    const shape = size === undefined ? [] : shapeOfSize(size);
    const count = countOf(shape);
    const out = new Float64Array(count * a.length);
    for (let s = 0; s < count; s++) dirichletInto(this.bitGenerator, a, out, s * a.length);
    return new NdArray('float64', out, [...shape, a.length]);
  }

  // ------------------------------------------------------------------ other continuous

  /**
   * Laplace (double exponential) draws with location `loc` and scale ≥ 0.
   *
   * @example
   * defaultRng(0).laplace(0, 1, 100);
   */
  laplace<S extends Size | undefined = undefined>(loc = 0, scale = 1, size?: S): FloatDraw<S> {
    requireFinite('laplace', 'loc', loc);
    requireNonNegative('laplace', 'scale', scale);
    return drawFloat(this.bitGenerator, size, (bg) => laplace(bg, loc, scale)) as FloatDraw<S>;
  }

  /**
   * Logistic draws with location `loc` and scale ≥ 0.
   *
   * @example
   * defaultRng(0).logistic(0, 1, 100);
   */
  logistic<S extends Size | undefined = undefined>(loc = 0, scale = 1, size?: S): FloatDraw<S> {
    requireFinite('logistic', 'loc', loc);
    requireNonNegative('logistic', 'scale', scale);
    return drawFloat(this.bitGenerator, size, (bg) => logistic(bg, loc, scale)) as FloatDraw<S>;
  }

  // ------------------------------------------------------------------ discrete

  /**
   * Binomial draws: successes in n trials of probability p.
   *
   * @example
   * defaultRng(0).binomial(10, 0.5, 100);
   */
  binomial<S extends Size | undefined = undefined>(n: number, p: number, size?: S): IntDraw<S> {
    requireInteger('binomial', 'n', n, 0, INT32_MAX);
    requireProbability('binomial', 'p', p);
    return drawInt('binomial', this.bitGenerator, size, binomialSampler(n, p)) as IntDraw<S>;
  }

  /**
   * Poisson draws with mean lam ≥ 0.
   *
   * @example
   * defaultRng(0).poisson(4, 100);
   */
  poisson<S extends Size | undefined = undefined>(lam = 1, size?: S): IntDraw<S> {
    requireNonNegative('poisson', 'lam', lam);
    if (lam > MAX_POISSON_LAM) throw new ValueError(`poisson(): lam must be <= ${MAX_POISSON_LAM}, got ${lam}.`);
    return drawInt('poisson', this.bitGenerator, size, poissonSampler(lam)) as IntDraw<S>;
  }

  /**
   * Geometric draws on {1, 2, …}: trials up to and including the first success of probability p.
   *
   * @example
   * defaultRng(0).geometric(0.25, 100);
   */
  geometric<S extends Size | undefined = undefined>(p: number, size?: S): IntDraw<S> {
    requireProbability('geometric', 'p', p);
    if (p === 0) throw new ValueError('geometric(): p must be > 0 (with p = 0 no success ever comes).');
    return drawInt('geometric', this.bitGenerator, size, (bg) => geometric(bg, p)) as IntDraw<S>;
  }

  /**
   * Multinomial draws: counts of n trials over k = pvals.length categories, output int32 of
   * shape [...size, k]; each row sums to n.
   *
   * @example
   * defaultRng(0).multinomial(20, [0.2, 0.3, 0.5], 4); // shape [4, 3]
   */
  multinomial(n: number, pvals: ArrayLike<number> | NdArray, size?: Size): NdArray<'int32'> {
    requireInteger('multinomial', 'n', n, 0, INT32_MAX);
    const p = toProbabilities('multinomial', 'pvals', pvals);
    const shape = size === undefined ? [] : shapeOfSize(size);
    const count = countOf(shape);
    const out = new Int32Array(count * p.length);
    for (let s = 0; s < count; s++) multinomialInto(this.bitGenerator, n, p, out, s * p.length);
    return new NdArray('int32', out, [...shape, p.length]);
  }

  // ------------------------------------------------------------------ sampling and shuffling

  /**
   * Random sample from a population: `a` is a count n (sample from 0 … n−1, int32 results), a
   * 1-d array of values, or an NdArray whose rows (axis 0) are the items. With `replace: false`
   * the items are distinct; with `p` they are drawn with those probabilities (without
   * replacement: one after another among those left, as NumPy does).
   *
   * @example
   * const rng = defaultRng(0);
   * rng.choice(10, 3, { replace: false });           // 3 distinct ints in 0 … 9
   * rng.choice([1.5, 2.5, 9], 5, { p: [0.5, 0.25, 0.25] });
   */
  choice(a: number | ArrayLike<number>, size?: undefined, options?: ChoiceOptions): number;
  choice(a: number, size: Size, options?: ChoiceOptions): NdArray<'int32'>;
  choice(a: readonly number[], size: Size, options?: ChoiceOptions): NdArray<'float64'>;
  choice<D extends DType>(a: NdArray<D>, size: Size, options?: ChoiceOptions): NdArray<D>;
  choice(a: ArrayLike<number> | NdArray, size?: Size, options?: ChoiceOptions): NdArray | number;
  choice(a: number | ArrayLike<number> | NdArray, size?: Size, options: ChoiceOptions = {}): NdArray | number {
    const replace = options.replace ?? true;
    let source: NdArray | undefined;
    let n: number;
    if (typeof a === 'number') {
      requireInteger('choice', 'a (the population size)', a, 0, INT32_MAX);
      n = a;
    } else {
      source = asArray(a as ArrayLikeInput);
      if (source.ndim === 0) throw new ValueError('choice(): a must be a count or an array with at least 1 dimension, got a 0-d array.');
      n = source.shape[0]!;
    }
    const shape = size === undefined ? [] : shapeOfSize(size);
    const count = countOf(shape);
    if (n === 0 && count > 0) {
      throw new ValueError('choice(): cannot take a sample from an empty population; pass a non-empty a.');
    }
    const p = options.p === undefined ? undefined : toProbabilities('choice', 'p', options.p, n);
    if (!replace && count > n) {
      throw new ValueError(
        `choice(): cannot take ${count} items without replacement from a population of ${n}; lower size or set replace: true.`,
      );
    }
    const bg = this.bitGenerator;
    let idx: Float64Array;
    if (count === 0) idx = new Float64Array(0);
    else if (replace) idx = p === undefined ? uniformIndices(bg, n, count) : weightedIndices(bg, p, count);
    else idx = p === undefined ? uniformIndicesWithoutReplacement(bg, n, count) : weightedIndicesWithoutReplacement(bg, p, count);

    if (source === undefined) {
      if (size === undefined) return idx[0]!;
      return new NdArray('int32', Int32Array.from(idx), shape);
    }
    const flat = source.toTypedArray();
    const rest = source.shape.slice(1);
    const rowLen = countOf(rest);
    if (size === undefined && rest.length === 0) return flat[idx[0]!]!;
    const out = allocate(source.dtype, count * rowLen);
    for (let s = 0; s < count; s++) {
      const from = idx[s]! * rowLen;
      for (let t = 0; t < rowLen; t++) out[s * rowLen + t] = flat[from + t]!;
    }
    return new NdArray(source.dtype, out, [...shape, ...rest]);
  }

  /**
   * Shuffles in place, uniformly over all orderings: a JS array, a typed array, or an NdArray
   * along axis 0 (its rows trade places; views write through to their base).
   *
   * @example
   * const xs = [1, 2, 3, 4, 5];
   * defaultRng(0).shuffle(xs);
   */
  shuffle(x: Shuffleable): void {
    if (!(x instanceof NdArray) && !Array.isArray(x) && !ArrayBuffer.isView(x)) {
      throw new ValueError(`shuffle() needs an array, typed array or NdArray, got ${x === null ? 'null' : typeof x}.`);
    }
    shuffleInPlace(this.bitGenerator, x);
  }

  /**
   * A shuffled copy: of 0 … n−1 (int32) for a count, of a JS array, or of an NdArray along axis
   * 0. The input is not changed.
   *
   * @example
   * defaultRng(0).permutation(5); // e.g. [3, 0, 4, 1, 2] as int32
   */
  permutation(n: number): NdArray<'int32'>;
  permutation<D extends DType>(x: NdArray<D>): NdArray<D>;
  permutation<T>(x: readonly T[]): T[];
  permutation<T>(x: number | NdArray | readonly T[]): NdArray | T[] {
    if (typeof x === 'number') {
      requireInteger('permutation', 'n', x, 0, INT32_MAX);
      const out = new Int32Array(x);
      for (let i = 0; i < x; i++) out[i] = i;
      shuffleInPlace(this.bitGenerator, out);
      return new NdArray('int32', out, [x]);
    }
    if (x instanceof NdArray) {
      if (x.ndim === 0) throw new ValueError('permutation(): cannot permute a 0-d array; pass a count or an array with dimensions.');
      const out = x.copy();
      shuffleInPlace(this.bitGenerator, out);
      return out;
    }
    if (!Array.isArray(x)) throw new ValueError(`permutation() needs a count, an array or an NdArray, got ${typeof x}.`);
    const out = x.slice();
    shuffleInPlace(this.bitGenerator, out);
    return out;
  }
}

/**
 * A `Generator` over xoshiro256** seeded through SplitMix64 — NumPy's `default_rng`. The same
 * seed gives the same draws on every platform. With no seed it draws one from the platform's
 * cryptographic source; given a Generator it returns it; given a bit generator it wraps it.
 *
 * @example
 * const rng = defaultRng(42);
 * rng.normal(0, 1, [2, 3]);
 */
export function defaultRng(seed?: Seed | Generator | BitGenerator): Generator {
  if (seed instanceof Generator) return seed;
  if (seed !== undefined && typeof seed === 'object') return new Generator(seed);
  return new Generator(new Xoshiro256StarStar(seed));
}
