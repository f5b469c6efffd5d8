/**
 * Every distribution against bench/reference/fixtures/distributions.json: SciPy 1.10's
 * scipy.stats values, with mpmath's 40-digit value wherever SciPy is off by more than 1e-13
 * (see distributions.py), at points from far lower to far upper tails.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { array } from '../create.js';
import { NdArray } from '../ndarray.js';
import {
  Beta,
  Binomial,
  Chi2,
  type ContinuousDistribution,
  type DiscreteDistribution,
  type Distribution,
  Exponential,
  FDist,
  Gamma,
  Normal,
  Poisson,
  StudentT,
  Uniform,
} from './index.js';

interface Case {
  params: number[];
  x: number[];
  q: number[];
  pdf?: number[];
  logpdf?: number[];
  pmf?: number[];
  logpmf?: number[];
  cdf: number[];
  sf: number[];
  ppf: number[];
  isf: number[];
  mean: number;
  var: number;
}

type Ctor = new (...params: number[]) => Distribution;
const CONSTRUCTORS: Record<string, Ctor> = {
  normal: Normal,
  studentT: StudentT,
  chi2: Chi2,
  fDist: FDist,
  gamma: Gamma,
  beta: Beta,
  binomial: Binomial,
  poisson: Poisson,
  uniform: Uniform,
  exponential: Exponential,
};

const fixture = loadFixture<Record<string, Case[]>>('distributions');

/**
 * rtol 1e-12 throughout; measured worst errors are about 3e-13 (a Binomial(1e5, 0.4) tail and
 * Normal(-1000, 0.01) tails, where the rounding of (x - loc)/scale alone moves the CDF by 1e-13).
 * Log-densities also get atol 1e-12, since some cross zero (log 1.26 = 0.23 for Beta(200, 300)).
 */
const RTOL = 1e-12;

function values(d: Distribution, method: string, points: number[]): number[] {
  const fn = (d as unknown as Record<string, (v: number) => number>)[method]!;
  return points.map((v) => fn.call(d, v));
}

describe('distributions match SciPy/mpmath', () => {
  for (const [name, cases] of Object.entries(fixture)) {
    for (const c of cases) {
      const label = `${name}(${c.params.join(', ')})`;
      it(label, () => {
        const d = new CONSTRUCTORS[name]!(...c.params);
        const discrete = c.pmf !== undefined;
        const dens = discrete ? 'pmf' : 'pdf';
        const logDens = discrete ? 'logpmf' : 'logpdf';
        assertClose(values(d, dens, c.x), c[dens]!, { rtol: RTOL }, `${label} ${dens}`);
        assertClose(values(d, logDens, c.x), c[logDens]!, { rtol: RTOL, atol: 1e-12 }, `${label} ${logDens}`);
        assertClose(values(d, 'cdf', c.x), c.cdf, { rtol: RTOL }, `${label} cdf`);
        assertClose(values(d, 'sf', c.x), c.sf, { rtol: RTOL }, `${label} sf`);
        assertClose(values(d, 'ppf', c.q), c.ppf, { rtol: RTOL }, `${label} ppf`);
        assertClose(values(d, 'isf', c.q), c.isf, { rtol: RTOL }, `${label} isf`);
        if (name === 'studentT' && c.params[0]! <= 1) {
          // SciPy 1.10 reports +∞; a t with df ≤ 1 (the Cauchy) has no mean at all.
          assert.ok(Number.isNaN(d.mean()), `${label} mean should be NaN`);
        } else {
          assertClose([d.mean()], [c.mean], { rtol: 1e-14 }, `${label} mean`);
        }
        assertClose([d.variance()], [c.var], { rtol: 1e-14 }, `${label} variance`);
      });
    }
  }
});

describe('distribution methods on arrays and edges', () => {
  it('take an NdArray and give a float64 NdArray of the same shape', () => {
    const n = new Normal(1, 2);
    const x = array([[0, 1], [2, 3]]);
    const p = n.cdf(x);
    assert.ok(p instanceof NdArray);
    assert.deepEqual(p.shape, [2, 2]);
    assertClose(p, [[n.cdf(0), n.cdf(1)], [n.cdf(2), n.cdf(3)]], { rtol: 0 });
    assertClose(n.ppf(p), x, { rtol: 1e-14, atol: 1e-15 });
    const b = new Binomial(4, 0.5);
    assertClose(b.pmf(array([0, 1, 2, 3, 4])), [1, 4, 6, 4, 1].map((c) => c / 16), { rtol: 1e-15 });
  });

  it('give NaN for probabilities outside [0, 1] and for NaN input', () => {
    const dists: Distribution[] = [new Normal(), new Gamma(2), new Poisson(3), new Binomial(5, 0.2), new Beta(2, 2)];
    for (const d of dists) {
      assert.ok(Number.isNaN(d.ppf(-0.1)), `${d.name}.ppf(-0.1)`);
      assert.ok(Number.isNaN(d.isf(1.1)), `${d.name}.isf(1.1)`);
      assert.ok(Number.isNaN(d.cdf(NaN)), `${d.name}.cdf(NaN)`);
    }
  });

  it('discrete pmf is 0 off the integers, quantiles invert the CDF exactly at its jumps', () => {
    const p = new Poisson(7.5);
    assert.equal(p.pmf(2.5), 0);
    assert.equal(p.logpmf(-1), -Infinity);
    for (let k = 0; k < 30; k++) {
      assert.equal(p.ppf(p.cdf(k)), k, `ppf(cdf(${k}))`);
      assert.equal(p.isf(p.sf(k)), k, `isf(sf(${k}))`);
    }
    const b = new Binomial(2000, 0.37);
    // Only where the CDF is strictly between 0 and 1 in double precision: cdf(0) = 0.63^2000
    // underflows to 0 (whose quantile is -1) and cdf(1999) rounds to 1 (whose quantile is n).
    for (const k of [300, 600, 740, 741, 900]) assert.equal(b.ppf(b.cdf(k)), k);
    assert.equal(p.ppf(0), -1);
    assert.equal(p.ppf(1), Infinity);
    assert.equal(b.ppf(1), 2000);
  });

  it('degenerate binomials put all mass on one count', () => {
    const zero = new Binomial(30, 0);
    assert.equal(zero.pmf(0), 1);
    assert.equal(zero.ppf(0.5), 0);
    const all = new Binomial(20, 1);
    assert.equal(all.pmf(20), 1);
    assert.equal(all.ppf(1e-10), 20); // SciPy 1.10 says 0 here, though cdf(0) = 0 < 1e-10
    assert.equal(all.isf(0.5), 20);
    assert.equal(new Poisson(0).pmf(0), 1);
  });

  it('std, median and interval follow from variance and ppf', () => {
    const t: ContinuousDistribution = new StudentT(10);
    assertClose(t.std(), Math.sqrt(10 / 8), { rtol: 1e-15 });
    assert.equal(t.median(), 0);
    const [lo, hi] = t.interval(0.95);
    // mpmath: 2.2281388519862747 (SciPy 1.10 gives 2.2281388519649385, 1e-11 off).
    assertClose([lo, hi], [-2.2281388519862747, 2.2281388519862747], { rtol: 1e-14 });
    const e = new Exponential(2);
    assertClose(e.median(), 2 * Math.LN2, { rtol: 1e-15 });
    const d: DiscreteDistribution = new Poisson(4);
    assert.equal(d.median(), 4);
  });

  it('far-tail quantiles that SciPy clamps stay exact here', () => {
    // t with df = 1 is the Cauchy: P(T < t) ≈ 1/(π|t|) in the far tail.
    assertClose(new StudentT(1).ppf(1e-300), -1 / (Math.PI * 1e-300), { rtol: 1e-12 });
    assertClose(new StudentT(3).isf(1e-200), new StudentT(3).isf(1e-200), { rtol: 0 });
    assert.ok(new StudentT(3).isf(1e-200) > 1e60);
  });
});
