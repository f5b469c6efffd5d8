/**
 * Statistical checks of rvs with a fixed stream (a small xorshift written here, so they also
 * exercise rvs with a plain random() source): sample means and variances within 5 standard
 * errors, and the Kolmogorov–Smirnov distance to the distribution's own CDF below its 0.1%
 * critical value. The stream is fixed, so each check is deterministic; a wrong sampler fails
 * them by far.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NdArray } from '../ndarray.js';
import { defaultRng } from '../random/index.js';
import {
  Beta,
  Binomial,
  Chi2,
  type Distribution,
  Exponential,
  FDist,
  Gamma,
  Normal,
  Poisson,
  type RandomSource,
  StudentT,
  Uniform,
} from './index.js';

/** xorshift128+ with 53-bit doubles in [0, 1). */
function xorshift(seed: number): RandomSource {
  let s0 = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  let s1 = (BigInt(seed) ^ 0xdeadbeefn) * 0xbf58476d1ce4e5b9n + 7n;
  const mask = (1n << 64n) - 1n;
  s0 &= mask;
  s1 &= mask;
  return {
    random(): number {
      let x = s0;
      const y = s1;
      s0 = y;
      x ^= (x << 23n) & mask;
      s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
      return Number(((s1 + y) & mask) >> 11n) / 2 ** 53;
    },
  };
}

const N = 20000;

function moments(values: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, variance: ss / (values.length - 1) };
}

/** sup |F_n(x) - F(x)| over the sample (both sides of each step, for continuous F). */
function ksDistance(values: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return d;
}

/** For a discrete law: sup over integers k of |F_n(k) - F(k)|. */
function discreteDistance(values: Float64Array, cdf: (k: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let d = 0;
  let i = 0;
  for (let k = sorted[0]!; k <= sorted[n - 1]!; k++) {
    while (i < n && sorted[i]! <= k) i++;
    d = Math.max(d, Math.abs(i / n - cdf(k)));
  }
  return d;
}

/** KS critical value at the 0.1% level: 1.95/√n. */
const KS_CRIT = 1.95 / Math.sqrt(N);

function checkMoments(d: Distribution, sample: Float64Array, label: string): void {
  const { mean, variance } = moments(sample);
  const mu = d.mean();
  const v = d.variance();
  assert.ok(Math.abs(mean - mu) < 5 * Math.sqrt(v / N), `${label}: sample mean ${mean}, expected ${mu}`);
  // The variance of the sample variance needs the 4th moment; 10% covers every law here at n = 2e4.
  assert.ok(Math.abs(variance - v) < 0.1 * v, `${label}: sample variance ${variance}, expected ${v}`);
}

describe('rvs draws from the right distribution', () => {
  const continuous: [string, Distribution & { cdf(x: number): number }][] = [
    ['Normal(3, 2)', new Normal(3, 2)],
    ['StudentT(5, 1, 2)', new StudentT(5, 1, 2)],
    ['Chi2(3)', new Chi2(3)],
    ['FDist(5, 12)', new FDist(5, 12)],
    ['Gamma(0.3, 2)', new Gamma(0.3, 2)],
    ['Gamma(7.5, 0.5)', new Gamma(7.5, 0.5)],
    ['Beta(0.5, 2)', new Beta(0.5, 2)],
    ['Beta(20, 30)', new Beta(20, 30)],
    ['Uniform(-2, 5)', new Uniform(-2, 5)],
    ['Exponential(4)', new Exponential(4)],
  ];
  continuous.forEach(([label, d], i) => {
    it(label, () => {
      const sample = d.rvs(N, xorshift(100 + i)).toFloat64Array();
      checkMoments(d, sample, label);
      const ks = ksDistance(sample, (x) => d.cdf(x));
      assert.ok(ks < KS_CRIT, `${label}: KS distance ${ks} ≥ ${KS_CRIT}`);
    });
  });

  const discrete: [string, Distribution & { cdf(x: number): number }][] = [
    ['Binomial(20, 0.3)', new Binomial(20, 0.3)],
    ['Binomial(50, 0.9)', new Binomial(50, 0.9)],
    ['Binomial(5000, 0.2)', new Binomial(5000, 0.2)],
    ['Poisson(2.5)', new Poisson(2.5)],
    ['Poisson(400)', new Poisson(400)],
  ];
  discrete.forEach(([label, d], i) => {
    it(label, () => {
      const sample = d.rvs(N, xorshift(200 + i)).toFloat64Array();
      assert.ok(sample.every((v) => Number.isInteger(v)), `${label}: draws must be whole numbers`);
      checkMoments(d, sample, label);
      const dist = discreteDistance(sample, (k) => d.cdf(k));
      assert.ok(dist < KS_CRIT, `${label}: CDF distance ${dist} ≥ ${KS_CRIT}`);
    });
  });

  it('a wrong sampler would fail: Normal(0, 1) draws are far from a Normal(0, 1.1) CDF', () => {
    const sample = new Normal(0, 1).rvs(N, xorshift(7)).toFloat64Array();
    assert.ok(ksDistance(sample, (x) => new Normal(0, 1.1).cdf(x)) > KS_CRIT);
  });
});

describe('rvs shapes and seeds', () => {
  it('size gives the shape; a number seed replays exactly; a Generator is accepted', () => {
    const g = new Gamma(2);
    const a = g.rvs([2, 3], 42);
    assert.ok(a instanceof NdArray);
    assert.deepEqual(a.shape, [2, 3]);
    assert.deepEqual(g.rvs([2, 3], 42).toArray(), a.toArray());
    assert.notDeepEqual(g.rvs([2, 3], 43).toArray(), a.toArray());
    const fromGenerator = g.rvs([2, 3], defaultRng(42));
    assert.deepEqual(fromGenerator.toArray(), a.toArray());
    assert.deepEqual(new Poisson(3).rvs(0, 1).shape, [0]);
  });

  it('a seed draws exactly what the same-seeded tensor/random Generator draws', () => {
    const seed = 11;
    const same = (d: Distribution, fromRng: (rng: ReturnType<typeof defaultRng>) => NdArray): void => {
      assert.deepEqual(Array.from(d.rvs(6, seed).toFloat64Array()), Array.from(fromRng(defaultRng(seed)).toFloat64Array()), d.name);
    };
    same(new Normal(3, 2), (rng) => rng.normal(3, 2, 6));
    same(new Gamma(0.7, 2), (rng) => rng.gamma(0.7, 2, 6));
    same(new Beta(0.5, 3), (rng) => rng.beta(0.5, 3, 6));
    same(new Chi2(4), (rng) => rng.chisquare(4, 6));
    same(new Exponential(2), (rng) => rng.exponential(2, 6));
    same(new Poisson(40), (rng) => rng.poisson(40, 6));
    same(new Binomial(100, 0.3), (rng) => rng.binomial(100, 0.3, 6));
  });

  it('tiny beta shapes give values in [0, 1], not NaN', () => {
    const s = new Beta(0.01, 0.01).rvs(2000, xorshift(3)).toFloat64Array();
    assert.ok(s.every((v) => v >= 0 && v <= 1));
    // Beta(0.01, 0.01) piles up at both ends, about half on each side.
    const low = s.filter((v) => v < 0.5).length;
    assert.ok(low > 900 && low < 1100, `${low} of 2000 below 1/2`);
  });
});
