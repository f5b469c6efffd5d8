import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { ValueError } from '../errors.js';
import { IntegrationError, quad } from './index.js';

interface QuadCase {
  label: string;
  key: string;
  a: number;
  b: number;
  exact: number;
  value: number;
  error: number;
  neval: number;
  last: number;
}
const fx = loadFixture('integrate');

const F: Record<string, (x: number) => number> = {
  sin: Math.sin,
  peak: (x) => 1 / (1e-4 + x * x),
  osc: (x) => Math.cos(100 * x),
  rsqrt: (x) => 1 / Math.sqrt(x),
  log: Math.log,
  pow09: (x) => Math.pow(x, -0.9),
  logrsqrt: (x) => Math.log(x) / Math.sqrt(x),
  sq_rev: (x) => x * x,
  inv: (x) => 1 / x,
  osc_limit3: (x) => Math.cos(100 * x),
  pow15: (x) => Math.pow(x, -1.5),
  step: (x) => (x < 0.3 ? 1 : -1),
};

test('quad reaches 1e-10 of the exact value on smooth, peaked, oscillatory and singular-endpoint integrals', () => {
  for (const c of fx.quad as QuadCase[]) {
    const r = quad(F[c.key]!, c.a, c.b, { epsabs: 1e-13, epsrel: 1e-13 });
    assert.equal(r.status, 'ok', c.label);
    assertClose([r.value], [c.exact], { rtol: 1e-10, atol: 1e-10 }, c.label);
    assert.ok(Math.abs(r.value - c.exact) <= Math.max(r.error, 1e-13), `${c.label}: error estimate ${r.error} is honest`);
  }
});

test('quad follows QUADPACK QAGS step for step: same value, error, evaluations and subintervals as SciPy', () => {
  for (const c of fx.quad as QuadCase[]) {
    const r = quad(F[c.key]!, c.a, c.b, { epsabs: 1e-13, epsrel: 1e-13 });
    assertClose([r.value], [c.value], { rtol: 1e-13, atol: 1e-15 }, `${c.label} value`);
    assertClose([r.error], [c.error], { rtol: 1e-3 }, `${c.label} error`); // tiny estimates vary with libm rounding
    assert.equal(r.neval, c.neval, `${c.label} neval`);
    assert.equal(r.intervals, c.last, `${c.label} subintervals`);
  }
});

test('quad handles infinite limits (exp(-x²) on (-∞, ∞), exp(-x) on [0, ∞), 1/(1+x²) on (-∞, 0])', () => {
  const tol = { rtol: 1e-10, atol: 1e-10 };
  assertClose([quad((x) => Math.exp(-x * x), -Infinity, Infinity, { epsabs: 1e-13 }).value], [Math.sqrt(Math.PI)], tol);
  assertClose([quad((x) => Math.exp(-x), 0, Infinity, { epsabs: 1e-13 }).value], [1], tol);
  assertClose([quad((x) => 1 / (1 + x * x), -Infinity, 0, { epsabs: 1e-13 }).value], [Math.PI / 2], tol);
  assertClose([quad((x) => Math.exp(-x), Infinity, 1, { epsabs: 1e-13 }).value], [-Math.exp(-1)], tol);
  assertClose([quad((x) => 1 / (x * x), 1, Infinity, { epsabs: 1e-13 }).value], [1], tol);
  assert.equal(quad(Math.exp, 2, 2).value, 0);
});

test('quad reports failures like SciPy: limit reached, divergence, roundoff — with the best estimate', () => {
  const status: Record<number, string> = { 1: 'limit', 2: 'roundoff', 5: 'divergent' };
  for (const c of fx.quad_failures) {
    const opts = c.key === 'osc_limit3' ? { limit: 3 } : c.key === 'step' ? { epsabs: 1e-14, epsrel: 0 } : {};
    const r = quad(F[c.key]!, 0, 1, { ...opts, throwOnFailure: false });
    assert.equal(r.status, status[c.ier], c.key);
    assert.ok(r.message && r.message.length > 20, c.key);
    assertClose([r.value, r.error], [c.value, c.error], { rtol: 1e-12 }, c.key);
    assert.equal(r.intervals, c.last, c.key);
  }
  assert.throws(
    () => quad((x) => 1 / x, 0, 1),
    (e: unknown) =>
      e instanceof IntegrationError &&
      e.status === 'limit' &&
      /maximum number of subintervals \(limit = 50\).*Raise limit/.test(e.message) &&
      Number.isFinite(e.value),
  );
  assert.throws(() => quad((x) => Math.pow(x, -1.5), 0, 1), /probably divergent/);
});

test('bad input: bad tolerances, limit, limits, non-function, non-finite or non-number integrand values', () => {
  assert.throws(() => quad(Math.sin, 0, 1, { epsabs: -1 }), /epsabs must be a finite non-negative number/);
  assert.throws(() => quad(Math.sin, 0, 1, { epsabs: 0, epsrel: 1e-16 }), /epsrel must be at least/);
  assert.throws(() => quad(Math.sin, 0, 1, { limit: 0 }), /limit must be a positive integer/);
  assert.throws(() => quad(Math.sin, NaN, 1), /limits must be numbers/);
  assert.throws(() => quad(5 as never, 0, 1), /f must be a function/);
  assert.throws(() => quad((x) => (x > 0.5 ? NaN : x), 0, 1), /f\(.*\) returned NaN; the integrand must be finite/);
  assert.throws(() => quad((x) => 1 / (x - 0.5), 0, 1), /returned Infinity/);
  assert.throws(() => quad((() => 'a') as never, 0, 1), /must return a number/);
  // Every bad-input error of quad is a ValueError, as its @throws says (and as in optimize).
  assert.throws(() => quad(5 as never, 0, 1), ValueError);
  assert.throws(() => quad((() => 'a') as never, 0, 1), ValueError);
});
