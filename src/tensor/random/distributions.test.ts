/**
 * Distribution correctness: 20 000 draws per case (fixed seeds) checked against exact moments
 * from scipy.stats, a Kolmogorov–Smirnov statistic over 103 scipy quantiles (continuous) and a
 * chi-square test over binned scipy probabilities (discrete), both at the 0.999 level.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import type { NdArray } from '../ndarray.js';
import { type Generator, Xoshiro256StarStar, defaultRng } from './index.js';
import { normalTail } from './normal.js';

interface Case {
  name: string;
  args: number[];
  kind: 'continuous' | 'discrete';
  n: number;
  mean: number;
  var: number;
  mean_se: number;
  var_se: number;
  probs?: number[];
  quantiles?: number[];
  ks_crit?: number;
  bins?: [number, number][];
  bin_probs?: number[];
  chi2_crit?: number;
}
const F = loadFixture<{
  distributions: Case[];
  normal_tail: {
    r: number;
    p_beyond_r: number;
    p_beyond_4: number;
    excess_mean: number;
    excess_std: number;
    probs: number[];
    quantiles: number[];
    ks_crit: number;
    big_n: number;
    big_probs: number[];
    big_quantiles: number[];
    big_ks_crit: number;
  };
  chi2_999: Record<string, number>;
}>('rng');

type Sampler = (rng: Generator, n: number, args: number[]) => NdArray;
const SAMPLERS: Record<string, Sampler> = {
  random: (rng, n) => rng.random(n),
  uniform: (rng, n, [a, b]) => rng.uniform(a, b, n),
  standardNormal: (rng, n) => rng.standardNormal(n),
  normal: (rng, n, [m, s]) => rng.normal(m, s, n),
  exponential: (rng, n, [s]) => rng.exponential(s, n),
  gamma: (rng, n, [k, s]) => rng.gamma(k!, s, n),
  beta: (rng, n, [a, b]) => rng.beta(a!, b!, n),
  chisquare: (rng, n, [df]) => rng.chisquare(df!, n),
  studentT: (rng, n, [df]) => rng.studentT(df!, n),
  lognormal: (rng, n, [m, s]) => rng.lognormal(m, s, n),
  laplace: (rng, n, [m, s]) => rng.laplace(m, s, n),
  logistic: (rng, n, [m, s]) => rng.logistic(m, s, n),
  binomial: (rng, n, [t, p]) => rng.binomial(t!, p!, n),
  poisson: (rng, n, [lam]) => rng.poisson(lam, n),
  geometric: (rng, n, [p]) => rng.geometric(p!, n),
  integers: (rng, n, [lo, hi]) => rng.integers(lo!, hi, n),
};

function meanVar(x: Float64Array): [number, number] {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let s = 0;
  for (const v of x) s += (v - m) * (v - m);
  return [m, s / (x.length - 1)];
}

/** Largest |F_n(q_j) − p_j| over the reference quantiles q_j (a lower bound of the KS statistic). */
function ksOnGrid(x: Float64Array, quantiles: number[], probs: number[]): number {
  const sorted = Float64Array.from(x).sort();
  let d = 0;
  for (let j = 0; j < quantiles.length; j++) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= quantiles[j]!) lo = mid + 1;
      else hi = mid;
    }
    d = Math.max(d, Math.abs(lo / sorted.length - probs[j]!));
  }
  return d;
}

function chiSquare(x: Float64Array, bins: [number, number][], probs: number[]): number {
  const counts = new Float64Array(bins.length);
  for (const v of x) {
    const b = bins.findIndex(([lo, hi]) => v >= lo && v <= hi);
    assert.ok(b >= 0, `value ${v} outside every bin`);
    counts[b]!++;
  }
  let stat = 0;
  for (let b = 0; b < bins.length; b++) {
    const e = probs[b]! * x.length;
    stat += ((counts[b]! - e) * (counts[b]! - e)) / e;
  }
  return stat;
}

describe('distributions match scipy.stats', () => {
  F.distributions.forEach((c, i) => {
    it(`${c.name}(${c.args.join(', ')}): mean, variance and ${c.kind === 'continuous' ? 'KS' : 'chi-square'}`, () => {
      const draws = SAMPLERS[c.name]!(defaultRng(1000 + i), c.n, c.args);
      assert.equal(draws.dtype, c.kind === 'continuous' ? 'float64' : 'int32');
      const x = draws.toFloat64Array();
      const [m, v] = meanVar(x);
      assert.ok(Math.abs(m - c.mean) <= 5 * c.mean_se, `mean ${m} vs ${c.mean} (se ${c.mean_se})`);
      assert.ok(Math.abs(v - c.var) <= 5 * c.var_se, `variance ${v} vs ${c.var} (se ${c.var_se})`);
      if (c.kind === 'continuous') {
        const d = ksOnGrid(x, c.quantiles!, c.probs!);
        assert.ok(d < c.ks_crit!, `KS ${d} >= critical ${c.ks_crit}`);
      } else {
        const stat = chiSquare(x, c.bins!, c.bin_probs!);
        assert.ok(stat < c.chi2_crit!, `chi-square ${stat} >= critical ${c.chi2_crit} (${c.bins!.length} bins)`);
      }
    });
  });

  it('the checks have power: a 5% scale error or a shifted mean fails them', () => {
    const c = F.distributions.find((d) => d.name === 'normal')!;
    const x = defaultRng(1).normal(c.args[0], c.args[1]! * 1.05, c.n).toFloat64Array();
    assert.ok(ksOnGrid(x, c.quantiles!, c.probs!) > c.ks_crit! || Math.abs(meanVar(x)[1] - c.var) > 5 * c.var_se);
    const p = F.distributions.find((d) => d.name === 'poisson' && d.args[0] === 50)!;
    const y = defaultRng(2).poisson(51, p.n).toFloat64Array();
    assert.ok(chiSquare(y, p.bins!, p.bin_probs!) > p.chi2_crit!);
  });
});

describe('normal tails', () => {
  it('2 million draws: KS against the normal CDF, tail beyond r at the right rate and shape', () => {
    const t = F.normal_tail;
    const n = t.big_n;
    const z = defaultRng(2024).standardNormal(n).toFloat64Array();
    // With 2 million draws KS and the variance resolve errors of ~0.1%, e.g. a wrong wedge test or table.
    const d = ksOnGrid(z, t.big_quantiles, t.big_probs);
    assert.ok(d < t.big_ks_crit, `KS ${d} >= ${t.big_ks_crit}`);
    const [mean, variance] = meanVar(z);
    assert.ok(Math.abs(mean) <= 5 * Math.sqrt(1 / n), `mean ${mean}`);
    assert.ok(Math.abs(variance - 1) <= 5 * Math.sqrt(2 / n), `variance ${variance}`);
    let beyondR = 0;
    let beyond4 = 0;
    let sum = 0;
    for (const v of z) {
      const a = Math.abs(v);
      if (a > t.r) {
        beyondR++;
        sum += a - t.r;
      }
      if (a > 4) beyond4++;
    }
    const within = (count: number, p: number): boolean => Math.abs(count - n * p) <= 5 * Math.sqrt(n * p * (1 - p));
    assert.ok(within(beyondR, t.p_beyond_r), `${beyondR} beyond r, expected ${n * t.p_beyond_r}`);
    assert.ok(within(beyond4, t.p_beyond_4), `${beyond4} beyond 4, expected ${n * t.p_beyond_4}`);
    const excess = sum / beyondR;
    assert.ok(Math.abs(excess - t.excess_mean) <= 5 * (t.excess_std / Math.sqrt(beyondR)), `mean excess ${excess}`);
  });

  it('the tail sampler draws Z given Z > r exactly (KS and mean excess against scipy truncnorm)', () => {
    const t = F.normal_tail;
    const bg = new Xoshiro256StarStar(31);
    const n = 20000;
    const x = Float64Array.from({ length: n }, () => normalTail(bg));
    assert.ok(x.every((v) => v > t.r));
    const d = ksOnGrid(x, t.quantiles, t.probs);
    assert.ok(d < t.ks_crit, `KS ${d} >= ${t.ks_crit}`);
    const excess = meanVar(x)[0] - t.r;
    assert.ok(Math.abs(excess - t.excess_mean) <= 5 * (t.excess_std / Math.sqrt(n)), `mean excess ${excess} vs ${t.excess_mean}`);
  });

  it('is symmetric', () => {
    const z = defaultRng(9).standardNormal(20000).toFloat64Array();
    const neg = z.filter((v) => v < 0).length;
    assert.ok(Math.abs(neg - 10000) <= 5 * Math.sqrt(5000));
  });
});

describe('multivariate distributions', () => {
  it('multinomial rows sum to n and columns average n·p; a zero p never gets counts', () => {
    const p = [0.2, 0.3, 0, 0.5];
    const n = 20;
    const rows = 5000;
    const x = defaultRng(11).multinomial(n, p, rows);
    assert.deepEqual(x.shape, [rows, 4]);
    const d = x.toFloat64Array();
    const colSum = [0, 0, 0, 0];
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let j = 0; j < 4; j++) {
        s += d[r * 4 + j]!;
        colSum[j]! += d[r * 4 + j]!;
      }
      assert.equal(s, n);
    }
    assert.equal(colSum[2], 0);
    for (const j of [0, 1, 3]) {
      const se = Math.sqrt((n * p[j]! * (1 - p[j]!)) / rows);
      assert.ok(Math.abs(colSum[j]! / rows - n * p[j]!) <= 5 * se, `column ${j}`);
    }
  });

  for (const alpha of [[1, 2, 3], [0.05, 0.03, 0.02]]) {
    it(`dirichlet(${alpha.join(', ')}) rows lie on the simplex with mean and variance of alpha / sum`, () => {
      const rows = 20000;
      const x = defaultRng(12).dirichlet(alpha, rows).toFloat64Array();
      const a0 = alpha.reduce((s, v) => s + v, 0);
      for (let r = 0; r < rows; r++) {
        const s = x[r * 3]! + x[r * 3 + 1]! + x[r * 3 + 2]!;
        assert.ok(Math.abs(s - 1) < 1e-12 && x[r * 3]! >= 0, `row ${r} sums to ${s}`);
      }
      for (let j = 0; j < 3; j++) {
        const col = Float64Array.from({ length: rows }, (_, r) => x[r * 3 + j]!);
        const [m, v] = meanVar(col);
        const mu = alpha[j]! / a0;
        const variance = (alpha[j]! * (a0 - alpha[j]!)) / (a0 * a0 * (a0 + 1));
        assert.ok(Math.abs(m - mu) <= 5 * Math.sqrt(variance / rows), `component ${j}: mean ${m} vs ${mu}`);
        assert.ok(Math.abs(v - variance) <= 0.1 * variance, `component ${j}: variance ${v} vs ${variance}`);
      }
    });
  }

  it('multivariateNormal has the requested mean and covariance', () => {
    const mean = [1, -2, 0.5];
    const cov = [
      [2, 0.6, -0.3],
      [0.6, 1, 0.2],
      [-0.3, 0.2, 0.5],
    ];
    const rows = 20000;
    const x = defaultRng(13).multivariateNormal(mean, cov, rows).toFloat64Array();
    const m = [0, 1, 2].map((j) => meanVar(Float64Array.from({ length: rows }, (_, r) => x[r * 3 + j]!))[0]);
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(m[j]! - mean[j]!) <= 5 * Math.sqrt(cov[j]![j]! / rows), `mean ${j}`);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += (x[r * 3 + i]! - m[i]!) * (x[r * 3 + j]! - m[j]!);
        const c = s / (rows - 1);
        const se = Math.sqrt((cov[i]![i]! * cov[j]![j]! + cov[i]![j]! ** 2) / rows);
        assert.ok(Math.abs(c - cov[i]![j]!) <= 5 * se, `cov[${i}][${j}] = ${c}, expected ${cov[i]![j]}`);
      }
    }
  });

  it('multivariateNormal accepts a singular covariance (perfectly correlated components)', () => {
    const x = defaultRng(14).multivariateNormal([0, 3], [[4, 4], [4, 4]], 200).toFloat64Array();
    for (let r = 0; r < 200; r++) assert.ok(Math.abs(x[r * 2 + 1]! - x[r * 2]! - 3) < 1e-12);
    assert.ok(x.some((v) => Math.abs(v) > 1), 'the shared component varies');
  });
});
