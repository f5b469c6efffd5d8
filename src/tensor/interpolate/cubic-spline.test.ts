import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { CubicSpline, PPoly, type SplineBoundary } from './index.js';

interface SplineCase {
  name: string;
  x: number[];
  y: number[];
  bc: SplineBoundary | (string | [number, number])[];
  c: number[][];
  eval_x: number[];
  values: number[];
  d1: number[];
  d2: number[];
  d3: number[];
  no_extrap: number[];
  integrals: { a: number; b: number; value: number }[];
  integrals_no_extrap?: { a: number; b: number; value: number }[];
  anti_c: number[][];
  anti_values: number[];
}
const fx = loadFixture('interpolate');
const tol = { rtol: 1e-12, atol: 1e-12 };

/** SciPy writes derivative conditions as (order, value) tuples; Strata accepts [order, value] too. */
function bcOf(c: SplineCase): SplineBoundary {
  return c.bc as SplineBoundary;
}

test('CubicSpline coefficients match scipy for every boundary condition and small n', () => {
  for (const c of fx.splines as SplineCase[]) {
    const cs = new CubicSpline(c.x, c.y, { bc: bcOf(c) });
    assertClose(cs.c, c.c, tol, c.name);
  }
});

test('CubicSpline values and derivatives 1–3 match scipy, in range and extrapolated', () => {
  for (const c of fx.splines as SplineCase[]) {
    const cs = new CubicSpline(c.x, c.y, { bc: bcOf(c) });
    assertClose(cs.evaluate(c.eval_x), c.values, tol, `${c.name} values`);
    assertClose(cs.evaluate(c.eval_x, 1), c.d1, tol, `${c.name} d1`);
    assertClose(cs.evaluate(c.eval_x, 2), c.d2, tol, `${c.name} d2`);
    assertClose(cs.evaluate(c.eval_x, 3), c.d3, tol, `${c.name} d3`);
    assertClose(cs.evaluate(c.eval_x, 0, false), c.no_extrap, tol, `${c.name} extrapolate=false`);
    assertClose(cs.evaluate(c.x), c.y, tol, `${c.name} interpolates the data`);
  }
});

test('CubicSpline integrals and antiderivative match scipy (periodic included)', () => {
  for (const c of fx.splines as SplineCase[]) {
    const cs = new CubicSpline(c.x, c.y, { bc: bcOf(c) });
    for (const { a, b, value } of c.integrals) assertClose([cs.integrate(a, b)], [value], tol, `${c.name} ∫[${a}, ${b}]`);
    for (const { a, b, value } of c.integrals_no_extrap ?? []) {
      assertClose([cs.integrate(a, b, false)], [value], tol, `${c.name} ∫[${a}, ${b}] no extrapolation`);
    }
    const anti = cs.antiderivative();
    assertClose(anti.c, c.anti_c, tol, `${c.name} antiderivative c`);
    assertClose(anti.evaluate(c.eval_x), c.anti_values, tol, `${c.name} antiderivative values`);
  }
});

test('not-a-knot reproduces a cubic exactly; derivative() and integrate() agree with calculus', () => {
  const cs = new CubicSpline([0, 1, 2, 3, 4], [0, 1, 8, 27, 64]);
  assertClose([cs.evaluate(1.5), cs.evaluate(1.5, 1), cs.evaluate(1.5, 2), cs.integrate(0, 3)], [3.375, 6.75, 9, 20.25], tol);
  assertClose(cs.derivative().evaluate([0.5, 3.5]), [0.75, 36.75], tol);
  assertClose([cs.derivative(4).evaluate(2)], [0], tol);
  assert.equal(cs.order, 3);
  assert.equal(typeof cs.evaluate(1), 'number');
  assert.deepEqual([...cs.evaluate([[1, 2]]).shape], [1, 2]);
});

test('derivative conditions may be written as objects or [order, value] tuples', () => {
  const a = new CubicSpline([0, 1, 2, 3], [0, 1, 0, 1], { bc: [{ order: 1, value: 2 }, { order: 2, value: -1 }] });
  const b = new CubicSpline([0, 1, 2, 3], [0, 1, 0, 1], { bc: [[1, 2], [2, -1]] });
  assertClose(a.c, b.c, { rtol: 0, atol: 0 });
  assertClose([a.evaluate(0, 1), a.evaluate(3, 2)], [2, -1], tol);
  const clamped = new CubicSpline([0, 1, 2, 3], [0, 1, 0, 1], { bc: 'clamped' });
  assertClose([clamped.evaluate(0, 1), clamped.evaluate(3, 1)], [0, 0], { atol: 1e-14 });
  const natural = new CubicSpline([0, 1, 2, 3], [0, 1, 0, 1], { bc: 'natural' });
  assertClose([natural.evaluate(0, 2), natural.evaluate(3, 2)], [0, 0], { atol: 1e-14 });
});

test('PPoly evaluation, derivatives, antiderivatives and integrals match scipy', () => {
  const p = fx.ppoly;
  const pp = new PPoly(p.c, p.x);
  assertClose(pp.evaluate(p.eval_x), p.values, tol);
  assertClose(pp.derivative().evaluate(p.eval_x), p.d1, tol);
  assertClose(pp.derivative(2).c, p.d2c, tol);
  assertClose(pp.derivative(5).c, p.d5c, tol);
  assertClose(pp.antiderivative(2).c, p.anti2c, tol);
  assertClose(pp.antiderivative(2).evaluate(p.eval_x), p.anti2, tol);
  assertClose([pp.integrate(0.2, 2.9), pp.integrate(3, -0.5)], p.integrate, tol);
});

test('bad input: unsorted x names the index, length mismatch, too few points, non-finite y, bad bc, periodic mismatch', () => {
  assert.throws(() => new CubicSpline([0, 1, 3, 2], [0, 1, 2, 3]), /x must be strictly increasing, but x\[3\] = 2 is not greater than x\[2\] = 3/);
  assert.throws(() => new CubicSpline([0, 1, 2], [0, 1]), /x and y must have the same length, got 3 and 2/);
  assert.throws(() => new CubicSpline([0], [0]), /CubicSpline needs at least 2 points, got 1/);
  assert.throws(() => new CubicSpline([0, 1, 2], [0, Infinity, 2]), /y must contain only finite values, but y\[1\] = Infinity/);
  assert.throws(() => new CubicSpline([0, 1, 2], [0, 1, 2], { bc: 'free' as SplineBoundary }), /unknown boundary condition "free"/);
  assert.throws(() => new CubicSpline([0, 1, 2], [0, 1, 2], { bc: { order: 3 as 1, value: 0 } }), /order 1 or 2, got 3/);
  assert.throws(() => new CubicSpline([0, 1, 2], [0, 1, 2], { bc: ['periodic' as 'natural', 'natural'] }), /'periodic' applies to both ends/);
  assert.throws(() => new CubicSpline([0, 1, 2], [0, 1, 2], { bc: 'periodic' }), /needs y\[0\] == y\[2\], got 0 and 2/);
  assert.throws(() => new CubicSpline([0, 1], [0, 1]).evaluate(0.5, -1), /Derivative order nu must be a non-negative integer/);
  assert.throws(() => new PPoly([[1, 2]], [0, 1]), /c has 2 columns but x has 2 breakpoints/);
  assert.throws(() => new PPoly([1, 2], [0, 1]), /c must be 2-D/);
});
