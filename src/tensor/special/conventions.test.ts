/** Values at poles and edges, where conventions (ours and SciPy's) decide the answer. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import {
  beta,
  betainc,
  betaincc,
  betaincinv,
  binom,
  comb,
  combln,
  digamma,
  erfcinv,
  erfinv,
  expit,
  factorial,
  gamma,
  gammainc,
  gammaincc,
  gammaincinv,
  gammainccinv,
  gammaln,
  lgamma,
  log1pexp,
  logExpit,
  logit,
  softplus,
  xlog1py,
  xlogy,
} from './index.js';

describe('gamma family at the poles', () => {
  it('gamma: ±∞ at ±0, NaN at negative integers (C99 tgamma)', () => {
    assert.equal(gamma(0), Infinity);
    assert.equal(gamma(-0), -Infinity);
    assert.ok(Number.isNaN(gamma(-1)));
    assert.ok(Number.isNaN(gamma(-20)));
    assert.equal(gamma(172), Infinity);
    assert.equal(gamma(5), 24);
  });

  it('lgamma is +∞ at every pole and gammaln is the same function', () => {
    assert.equal(lgamma(0), Infinity);
    assert.equal(lgamma(-3), Infinity);
    assert.equal(gammaln, lgamma);
    assertClose(lgamma(1e300), 1e300 * (Math.log(1e300) - 1), { rtol: 1e-15 });
  });

  it('digamma: -∞ at +0, +∞ at -0, NaN at negative integers (SciPy psi)', () => {
    assert.equal(digamma(0), -Infinity);
    assert.equal(digamma(-0), Infinity);
    assert.ok(Number.isNaN(digamma(-2)));
    assertClose(digamma(1), -0.5772156649015329, { rtol: 1e-15 });
  });

  it('factorial: exact small values, 0 for negatives, ∞ past 170', () => {
    assert.equal(factorial(0), 1);
    assert.equal(factorial(10), 3628800);
    assert.equal(factorial(-1), 0);
    assert.equal(factorial(171), Infinity);
    assert.ok(Number.isNaN(factorial(NaN)));
  });
});

describe('binomial coefficients', () => {
  it('binom follows SciPy: exact integers, 0 where 1/Γ vanishes, NaN at negative integer n', () => {
    assert.equal(binom(5, 2), 10);
    assert.equal(binom(40, 20), 137846528820);
    assertClose(binom(60, 30), 118264581564861424, { rtol: 1e-14 });
    assert.equal(binom(5, 7), 0);
    assert.equal(binom(5, -1), 0);
    assert.ok(Number.isNaN(binom(-1, 2)));
    assertClose(binom(2.5, 2), 1.875, { rtol: 1e-15 });
    assertClose(binom(-2.5, 3), -6.5625, { rtol: 1e-14 });
  });

  it('comb is 0 outside 0 ≤ k ≤ n; combln is -∞ there and finite where comb overflows', () => {
    assert.equal(comb(3, 5), 0);
    assert.equal(comb(-3, 1), 0);
    assert.equal(comb(10, 3), 120);
    assert.equal(combln(3, 5), -Infinity);
    assert.equal(combln(7, 0), 0);
    assert.equal(comb(2000, 1000), Infinity);
    assert.ok(Number.isFinite(combln(2000, 1000)));
    assertClose(combln(10, 3), Math.log(120), { rtol: 1e-15 });
  });
});

describe('incomplete gamma and beta at the edges', () => {
  it('gammainc/gammaincc: SciPy values at a = 0, x = 0 and x = ∞; NaN outside the domain', () => {
    assert.equal(gammainc(0, 1), 1);
    assert.equal(gammaincc(0, 1), 0);
    assert.ok(Number.isNaN(gammainc(0, 0)));
    assert.equal(gammainc(2, 0), 0);
    assert.equal(gammaincc(2, 0), 1);
    assert.equal(gammainc(2, Infinity), 1);
    assert.ok(Number.isNaN(gammainc(-1, 1)));
    assert.ok(Number.isNaN(gammainc(1, -1)));
  });

  it('gammaincinv/gammainccinv: 0 and ∞ at the ends, NaN outside [0, 1]', () => {
    assert.equal(gammaincinv(2, 0), 0);
    assert.equal(gammaincinv(2, 1), Infinity);
    assert.equal(gammainccinv(2, 0), Infinity);
    assert.equal(gammainccinv(2, 1), 0);
    assert.ok(Number.isNaN(gammaincinv(2, 1.5)));
    assert.ok(Number.isNaN(gammaincinv(0, 0.5)));
  });

  it('betainc with a unit shape uses the closed forms', () => {
    assertClose(betainc(1, 1e-5, 0.5), -Math.expm1(1e-5 * Math.log(0.5)), { rtol: 1e-15 });
    assertClose(betainc(3, 1, 0.2), 0.008, { rtol: 1e-15 });
    assertClose(betaincc(3, 1, 0.2), 0.992, { rtol: 1e-15 });
  });

  it('betainc: NaN outside [0, 1] and for negative shapes; betaincinv NaN outside [0, 1]', () => {
    assert.ok(Number.isNaN(betainc(2, 3, 1.5)));
    assert.ok(Number.isNaN(betainc(-2, 3, 0.5)));
    assert.ok(Number.isNaN(betaincinv(2, 3, -0.1)));
    assert.equal(betainc(2, 3, 0), 0);
    assert.equal(betainc(2, 3, 1), 1);
  });

  it('beta is +∞ at a zero argument', () => {
    assert.equal(beta(0, 1), Infinity);
  });
});

describe('error-function inverses', () => {
  it('erfinv is ±∞ at ±1 and NaN outside; erfcinv is +∞ at 0, -∞ at 2', () => {
    assert.equal(erfinv(1), Infinity);
    assert.equal(erfinv(-1), -Infinity);
    assert.ok(Number.isNaN(erfinv(1.5)));
    assert.equal(erfcinv(0), Infinity);
    assert.equal(erfcinv(2), -Infinity);
    assert.ok(Number.isNaN(erfcinv(-0.5)));
  });
});

describe('logistic family and xlogy', () => {
  it('expit/logit are inverses and never overflow', () => {
    assert.equal(expit(-800), 0);
    assert.equal(expit(800), 1);
    // rtol 1e-12: at p = 1e-300, logit is -690.8 and one ulp of it moves expit by 1.5e-13.
    for (const p of [1e-300, 0.1, 0.49, 0.5, 0.63, 0.99]) assertClose(expit(logit(p)), p, { rtol: 1e-12 });
    assert.equal(logit(0), -Infinity);
    assert.equal(logit(1), Infinity);
    assert.ok(Number.isNaN(logit(-0.1)));
  });

  it('log1pexp/softplus and logExpit keep their digits in both tails', () => {
    assert.equal(softplus, log1pexp);
    assert.equal(log1pexp(1000), 1000);
    assertClose(log1pexp(-50), Math.exp(-50), { rtol: 1e-15 });
    assert.equal(logExpit(-800), -800);
    assertClose(logExpit(50), -Math.exp(-50), { rtol: 1e-15 });
  });

  it('xlogy and xlog1py are 0 at x = 0 unless y is NaN', () => {
    assert.equal(xlogy(0, 0), 0);
    assert.equal(xlogy(0, Infinity), 0);
    assert.ok(Number.isNaN(xlogy(0, NaN)));
    assert.equal(xlogy(1, 0), -Infinity);
    assert.equal(xlog1py(0, -1), 0);
    assertClose(xlog1py(3, 1e-20), 3e-20, { rtol: 1e-15 });
  });
});
