/** Each bad parameter gets an error that names it and its valid range. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ValueError } from '../errors.js';
import { Beta, Binomial, Chi2, Exponential, FDist, Gamma, Normal, Poisson, StudentT, Uniform } from './index.js';

function throwsValue(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof ValueError && pattern.test((e as Error).message));
}

describe('parameter validation', () => {
  it('Normal: scale > 0, loc finite', () => {
    throwsValue(() => new Normal(0, -1), /Normal: scale must be a finite number > 0, got -1/);
    throwsValue(() => new Normal(0, 0), /scale must be a finite number > 0, got 0/);
    throwsValue(() => new Normal(NaN, 1), /Normal: loc must be a finite number, got NaN/);
  });

  it('StudentT: df > 0 and scale > 0', () => {
    throwsValue(() => new StudentT(0), /StudentT: df must be a finite number > 0, got 0/);
    throwsValue(() => new StudentT(3, 0, -2), /StudentT: scale must be a finite number > 0/);
  });

  it('Chi2 and FDist: degrees of freedom > 0', () => {
    throwsValue(() => new Chi2(-3), /Chi2: df must be a finite number > 0, got -3/);
    throwsValue(() => new FDist(0, 5), /FDist: dfn must be a finite number > 0/);
    throwsValue(() => new FDist(5, Infinity), /FDist: dfd must be a finite number > 0, got Infinity/);
  });

  it('Gamma and Beta: shapes > 0', () => {
    throwsValue(() => new Gamma(0), /Gamma: a must be a finite number > 0, got 0/);
    throwsValue(() => new Gamma(2, -1), /Gamma: scale must be a finite number > 0/);
    throwsValue(() => new Beta(1, 0), /Beta: b must be a finite number > 0, got 0/);
    throwsValue(() => new Beta('2' as unknown as number, 1), /Beta: a must be a finite number > 0, got "2" \(string\)/);
  });

  it('Binomial: n a whole number ≥ 0, p in [0, 1]', () => {
    throwsValue(() => new Binomial(2.5, 0.5), /Binomial: n must be a whole number ≥ 0, got 2.5/);
    throwsValue(() => new Binomial(-1, 0.5), /Binomial: n must be a whole number ≥ 0, got -1/);
    throwsValue(() => new Binomial(10, 1.2), /Binomial: p must be a probability in \[0, 1\], got 1.2/);
    throwsValue(() => new Binomial(10, NaN), /p must be a probability in \[0, 1\], got NaN/);
  });

  it('Poisson: mu ≥ 0', () => {
    throwsValue(() => new Poisson(-0.5), /Poisson: mu must be a finite number ≥ 0, got -0.5/);
  });

  it('Uniform: high > low', () => {
    throwsValue(() => new Uniform(3, 3), /Uniform: high must be greater than low .* got low 3, high 3/);
    throwsValue(() => new Uniform(0, Infinity), /Uniform: high must be a finite number, got Infinity/);
  });

  it('Exponential: scale > 0', () => {
    throwsValue(() => new Exponential(0), /Exponential: scale must be a finite number > 0, got 0/);
  });

  it('interval: confidence in [0, 1]', () => {
    throwsValue(() => new Normal().interval(95), /Normal.interval: confidence must be in \[0, 1\], got 95/);
  });

  it('rvs: needs a seed or a random source, and a valid size', () => {
    const n = new Normal();
    throwsValue(() => n.rvs(3, undefined as unknown as number), /Normal.rvs needs randomness: pass a seed .* or an object with a random\(\) method/);
    throwsValue(() => n.rvs(3, {} as never), /needs randomness/);
    throwsValue(() => n.rvs(3, -1), /Normal.rvs: a seed must be a non-negative integer, got -1/);
    throwsValue(() => n.rvs(3, 1.5), /a seed must be a non-negative integer, got 1.5/);
    throwsValue(() => n.rvs(-2, 1), /Normal.rvs: size must be a whole number ≥ 0 or a list of them \(a shape\), got -2/);
    throwsValue(() => n.rvs([2, 0.5], 1), /size must be a whole number ≥ 0 or a list of them/);
  });
});
