import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { ValueError } from '../errors.js';
import { ConvergenceError, bracket, minimizeScalar } from './index.js';

// The functions of bench/reference/optimize.py's SCALAR_FUNS, mirrored exactly.
const FUNS: Record<string, (x: number) => number> = {
  quartic: (x) => (x - 2) * x * (x + 2) ** 2,
  cosh: (x) => Math.cosh(x - 0.7) + 0.1 * x,
  abs: (x) => Math.abs(x - 1.3) + 0.5,
  sinx: (x) => Math.sin(x) + 0.05 * x * x,
};

interface Out {
  x: number;
  fun: number;
  nfev: number;
  nit?: number;
}
interface ScalarCase {
  name: string;
  brent: Out;
  golden: Out;
  bounded: Out;
  bracket: number[];
}
const fixture = loadFixture<{ scalar: ScalarCase[]; brentBracket3: Out }>('optimize');

function near(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: got ${actual}, scipy ${expected}`);
}

describe('minimizeScalar vs scipy.optimize.minimize_scalar', () => {
  for (const c of fixture.scalar) {
    const f = FUNS[c.name]!;
    test(`${c.name}: brent`, () => {
      const r = minimizeScalar(f);
      assert.equal(r.success, true);
      near(r.x, c.brent.x, 1e-12, 'x');
      near(r.fun, c.brent.fun, 1e-14, 'fun');
      assert.equal(r.nfev, c.brent.nfev);
      assert.equal(r.nit, c.brent.nit);
    });
    test(`${c.name}: golden`, () => {
      const r = minimizeScalar(f, { method: 'golden' });
      near(r.x, c.golden.x, 1e-12, 'x');
      assert.equal(r.nfev, c.golden.nfev);
      assert.equal(r.nit, c.golden.nit);
    });
    test(`${c.name}: bounded on [-3, 4]`, () => {
      const r = minimizeScalar(f, { bounds: [-3, 4] });
      assert.equal(r.message, 'Solution found.');
      near(r.x, c.bounded.x, 1e-12, 'x');
      assert.equal(r.nfev, c.bounded.nfev);
    });
    test(`${c.name}: bracket from (0, 1)`, () => {
      const b = bracket(f);
      const [xa, xb, xc, fa, fb, fc, calls] = c.bracket;
      assert.deepEqual([b.xa, b.xb, b.xc, b.fa, b.fb, b.fc, b.funcalls].map((v) => v + 0), [xa, xb, xc, fa, fb, fc, calls].map((v) => v! + 0));
      assert.ok(b.fb < b.fa && b.fb <= b.fc);
    });
  }
  test('brent with a 3-point bracket', () => {
    const r = minimizeScalar(FUNS.quartic!, { bracket: [0, 1, 2] });
    near(r.x, fixture.brentBracket3.x, 1e-12, 'x');
    assert.equal(r.nfev, fixture.brentBracket3.nfev);
  });
});

describe('minimizeScalar behaviour', () => {
  test('bounded never evaluates outside the interval and finds a minimum on its edge', () => {
    const r = minimizeScalar(
      (x) => {
        if (x < 1 || x > 2) throw new Error(`outside [1, 2]: ${x}`);
        return x;
      },
      { bounds: [1, 2] },
    );
    assert.ok(r.x - 1 < 1e-5, `x = ${r.x}`);
  });
  test('a bounded run out of evaluations says so', () => {
    const r = minimizeScalar(Math.cos, { bounds: [0, 5], maxIter: 4 });
    assert.equal(r.status, 1);
    assert.equal(r.success, false);
    assert.equal(r.message, 'Maximum number of function calls reached.');
  });
  test('brent out of iterations says so', () => {
    const r = minimizeScalar(FUNS.sinx!, { maxIter: 2 });
    assert.equal(r.success, false);
    assert.equal(r.status, 1);
  });
  test('brent reports NaN', () => {
    const r = minimizeScalar((x) => (x > 1.4 && x < 1.6 ? NaN : (x - 1.5) ** 2), { bracket: [1, 1.2, 3] });
    assert.equal(r.success, false);
    assert.equal(r.status, 2);
  });
});

describe('minimizeScalar bad input', () => {
  test('bounds with lo > hi, non-finite or missing', () => {
    assert.throws(() => minimizeScalar(Math.cos, { bounds: [2, 1] }), (e: Error) => e instanceof ValueError && /lower bound 2 exceeds the upper bound 1/.test(e.message));
    assert.throws(() => minimizeScalar(Math.cos, { bounds: [0, Infinity] }), /bounds must be two finite numbers/);
    assert.throws(() => minimizeScalar(Math.cos, { method: 'bounded' }), /Method 'bounded' needs bounds/);
  });
  test('a 3-point bracket that does not bracket', () => {
    assert.throws(() => minimizeScalar(FUNS.quartic!, { bracket: [-3, -1, 0] }), /needs f\(b\) below f\(a\) and f\(c\), got f\(-3\) = 15, f\(-1\) = 3, f\(0\) = 0/);
    assert.throws(() => minimizeScalar(FUNS.quartic!, { bracket: [0, 3, 2] }), /needs b strictly between a and c/);
    assert.throws(() => minimizeScalar(FUNS.quartic!, { bracket: [0] as never }), /bracket must be \[a, b\] or \[a, b, c\]/);
  });
  test('no minimum to bracket', () => {
    assert.throws(() => minimizeScalar((x) => -x), (e: Error) => e instanceof ConvergenceError && /No minimum was bracketed/.test(e.message));
  });
  test('options of the other methods', () => {
    assert.throws(() => minimizeScalar(Math.cos, { method: 'brent', bounds: [0, 1] }), /does not take bounds; use method 'bounded'/);
    assert.throws(() => minimizeScalar(Math.cos, { bounds: [0, 1], xtol: 1e-3 }), /'bounded' takes xatol/);
    assert.throws(() => minimizeScalar(Math.cos, { method: 'nope' as never }), /Unknown method "nope"/);
  });
});
