import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { ValueError } from '../errors.js';
import { ConvergenceError, bisect, brentq, newton, rootScalar } from './index.js';

// The functions of bench/reference/optimize.py's ROOT_FUNS, mirrored exactly.
const FUNS: Record<string, [(x: number) => number, (x: number) => number]> = {
  cubic: [(x) => x ** 3 - 2 * x - 5, (x) => 3 * x ** 2 - 2],
  cosx: [(x) => Math.cos(x) - x, (x) => -Math.sin(x) - 1],
  exp: [(x) => Math.exp(x) - 2, (x) => Math.exp(x)],
  sqrt2: [(x) => x * x - 2, (x) => 2 * x],
  tan: [(x) => Math.tan(x) - x, (x) => 1 / Math.cos(x) ** 2 - 1],
  triple: [(x) => (x - 1) ** 3, (x) => 3 * (x - 1) ** 2],
  atan: [(x) => Math.atan(x - 0.3), (x) => 1 / (1 + (x - 0.3) ** 2)],
  steep: [(x) => Math.expm1(20 * (x - 0.1)), (x) => 20 * Math.exp(20 * (x - 0.1))],
};

interface RootCase {
  name: string;
  a: number;
  b: number;
  x0: number;
  brentq?: number;
  brentq_iterations?: number;
  brentq_calls?: number;
  brentq_error?: string;
  brentq_unconverged?: number;
  bisect: number;
  bisect_iterations: number;
  newton: number;
  newton_converged: boolean;
  secant: number;
  secant_converged: boolean;
}
const cases = loadFixture<{ roots: RootCase[] }>('optimize').roots;

describe('root finders vs scipy.optimize', () => {
  for (const c of cases) {
    const [f, fp] = FUNS[c.name]!;
    test(`${c.name}: brentq`, () => {
      if (c.brentq_error !== undefined) {
        // SciPy's brentq also fails here (flat triple root): same error, same last iterate
        assert.throws(() => brentq(f, c.a, c.b), (e: Error) => e instanceof ConvergenceError && /did not converge after 100 iterations/.test(e.message));
        const r = rootScalar(f, { bracket: [c.a, c.b] });
        assert.equal(r.converged, false);
        assert.equal(r.flag, 'convergence error');
        assert.ok(Math.abs(r.root - c.brentq_unconverged!) <= 1e-12);
        return;
      }
      const root = brentq(f, c.a, c.b);
      assert.ok(Math.abs(root - c.brentq!) <= 1e-12, `brentq ${root} vs scipy ${c.brentq}`);
      const r = rootScalar(f, { bracket: [c.a, c.b] });
      assert.equal(r.converged, true);
      assert.equal(r.root, root);
      assert.equal(r.iterations, c.brentq_iterations);
      assert.equal(r.functionCalls, c.brentq_calls);
    });
    test(`${c.name}: bisect`, () => {
      const root = bisect(f, c.a, c.b);
      assert.ok(Math.abs(root - c.bisect) <= 1e-12, `bisect ${root} vs scipy ${c.bisect}`);
      const r = rootScalar(f, { bracket: [c.a, c.b], method: 'bisect' });
      assert.equal(r.iterations, c.bisect_iterations);
      assert.equal(r.functionCalls, c.bisect_iterations + 2);
    });
    test(`${c.name}: newton and secant`, () => {
      const rn = rootScalar(f, { x0: c.x0, fprime: fp });
      assert.equal(rn.converged, c.newton_converged);
      if (c.newton_converged) {
        assert.ok(Math.abs(newton(f, c.x0, { fprime: fp }) - c.newton) <= 1e-12);
      }
      const rs = rootScalar(f, { x0: c.x0 });
      assert.equal(rs.converged, c.secant_converged, `secant ${rs.flag}`);
      if (c.secant_converged) {
        assert.ok(Math.abs(newton(f, c.x0) - c.secant) <= 1e-12, `secant ${newton(f, c.x0)} vs ${c.secant}`);
      } else {
        assert.throws(() => newton(f, c.x0), ConvergenceError);
      }
    });
  }
});

describe('root finders, behaviour', () => {
  test('an endpoint that is a root is returned at once', () => {
    assert.equal(brentq((x) => x - 1, 1, 3), 1);
    assert.equal(bisect((x) => x - 3, 1, 3), 3);
  });
  test('a looser xtol converges in fewer iterations but stays within it', () => {
    const f = (x: number): number => Math.cos(x) - x;
    const loose = rootScalar(f, { bracket: [0, 1], method: 'bisect', xtol: 1e-4 });
    const tight = rootScalar(f, { bracket: [0, 1], method: 'bisect' });
    assert.ok(loose.iterations < tight.iterations);
    assert.ok(Math.abs(loose.root - 0.7390851332151607) < 1e-4);
  });
  test("Halley's method converges with fprime2", () => {
    const r = rootScalar((x) => x ** 3 - 2 * x - 5, { x0: 2, fprime: (x) => 3 * x ** 2 - 2, fprime2: (x) => 6 * x });
    assert.equal(r.converged, true);
    assert.ok(Math.abs(r.root - 2.0945514815423265) < 1e-12);
  });
  test('secant with an explicit x1', () => {
    const r = rootScalar((x) => x * x - 2, { x0: 1, x1: 2, method: 'secant' });
    assert.ok(Math.abs(r.root - Math.SQRT2) < 1e-12);
  });
  test('newton stops with a clear error when the derivative vanishes', () => {
    assert.throws(() => newton((x) => x * x + 1, 0, { fprime: (x) => 2 * x }), /newton did not converge .*\(derivative was zero\)/);
    const r = rootScalar((x) => x * x + 1, { x0: 0, fprime: (x) => 2 * x });
    assert.equal(r.flag, 'convergence error: derivative was zero');
  });
  test('maxIter limits the work', () => {
    const r = rootScalar((x) => Math.cos(x) - x, { bracket: [0, 1], method: 'bisect', maxIter: 5 });
    assert.equal(r.converged, false);
    assert.equal(r.iterations, 5);
    assert.throws(() => bisect((x) => Math.cos(x) - x, 0, 1, { maxIter: 5 }), /bisect did not converge after 5 iterations/);
  });
});

describe('root finders, bad input', () => {
  test('f(a) and f(b) with the same sign: the error shows both values', () => {
    for (const fn of [brentq, bisect]) {
      assert.throws(
        () => fn((x) => x * x + 1, -1, 2),
        (e: Error) => e instanceof ValueError && /f\(a\) and f\(b\) must have different signs, got f\(-1\) = 2 and f\(2\) = 5/.test(e.message),
      );
    }
    assert.throws(() => rootScalar((x) => x * x + 1, { bracket: [-1, 2] }), /must have different signs/);
  });
  test('NaN from f, non-finite endpoints, bad tolerances', () => {
    assert.throws(() => brentq((x) => (x < 0.5 ? -1 : NaN), 0, 1), /f\(1\) is NaN/);
    assert.throws(() => brentq((x) => x, -Infinity, 1), /a must be a finite number, got -Infinity/);
    assert.throws(() => brentq((x) => x, -1, 1, { xtol: 0 }), /xtol must be positive/);
    assert.throws(() => brentq((x) => x, -1, 1, { rtol: 1e-20 }), /rtol is too small/);
    assert.throws(() => brentq('x' as never, -1, 1), /f must be a function/);
    assert.throws(() => brentq((() => 'a') as never, -1, 1), /returned string; it must return a number/);
    assert.throws(() => newton((x) => x, 1, { x1: 1 }), /x1 and x0 must be different/);
    assert.throws(() => newton((x) => x, 1, { maxIter: 0 }), /maxIter must be a positive integer/);
  });
  test('rootScalar tells what is missing', () => {
    assert.throws(() => rootScalar((x) => x), /needs either bracket: \[a, b\] .* or a starting point x0/);
    assert.throws(() => rootScalar((x) => x, { method: 'brentq', x0: 1 }), /Method 'brentq' needs a bracket/);
    assert.throws(() => rootScalar((x) => x, { method: 'newton', x0: 1 }), /Method 'newton' needs the derivative/);
    assert.throws(() => rootScalar((x) => x, { method: 'halley', x0: 1, fprime: () => 1 }), /needs the second derivative/);
    assert.throws(() => rootScalar((x) => x, { method: 'ridder' as never, bracket: [0, 1] }), /Unknown method "ridder"/);
  });
});
