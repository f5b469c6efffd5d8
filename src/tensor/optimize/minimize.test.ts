import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { array } from '../create.js';
import { ShapeError, ValueError } from '../errors.js';
import { type MinimizeOptions, minimize } from './index.js';

// ---- the objectives of bench/reference/optimize.py, mirrored exactly ----
const fx = loadFixture('optimize');

function rosen(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length - 1; i++) s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return s;
}
function rosenDer(x: Float64Array): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length - 1; i++) {
    const t = x[i + 1]! - x[i]! ** 2;
    g[i] += -400 * x[i]! * t - 2 * (1 - x[i]!);
    g[i + 1] += 200 * t;
  }
  return g;
}
function beale(x: Float64Array): number {
  const a = x[0]!;
  const b = x[1]!;
  return (1.5 - a + a * b) ** 2 + (2.25 - a + a * b ** 2) ** 2 + (2.625 - a + a * b ** 3) ** 2;
}
function bealeDer(x: Float64Array): number[] {
  const a = x[0]!;
  const b = x[1]!;
  const t1 = 1.5 - a + a * b;
  const t2 = 2.25 - a + a * b ** 2;
  const t3 = 2.625 - a + a * b ** 3;
  return [
    2 * t1 * (b - 1) + 2 * t2 * (b ** 2 - 1) + 2 * t3 * (b ** 3 - 1),
    2 * t1 * a + 4 * t2 * a * b + 6 * t3 * a * b ** 2,
  ];
}
const QA: number[][] = fx.quad.A;
const QB: number[] = fx.quad.b;
function quad(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < 3; i++) {
    let t = 0;
    for (let j = 0; j < 3; j++) t += QA[i]![j]! * x[j]!;
    s += 0.5 * x[i]! * t - QB[i]! * x[i]!;
  }
  return s;
}
function quadDer(x: Float64Array): number[] {
  return QA.map((row, i) => row.reduce((s, a, j) => s + a * x[j]!, 0) - QB[i]!);
}
const LX: number[][] = fx.logistic.X;
const LY: number[] = fx.logistic.y;
const LAM: number = fx.logistic.lam;
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
function logisticBoth(w: Float64Array): { value: number; grad: Float64Array } {
  const g = new Float64Array(w.length);
  let s = 0;
  for (let i = 0; i < LX.length; i++) {
    const row = LX[i]!;
    let z = 0;
    for (let j = 0; j < w.length; j++) z += row[j]! * w[j]!;
    s += softplus(z) - LY[i]! * z;
    const r = 1 / (1 + Math.exp(-z)) - LY[i]!;
    for (let j = 0; j < w.length; j++) g[j] += (row[j]! * r) / LX.length;
  }
  let reg = 0;
  for (let j = 0; j < w.length; j++) {
    reg += w[j]! * w[j]!;
    g[j] += LAM * w[j]!;
  }
  return { value: s / LX.length + 0.5 * LAM * reg, grad: g };
}
const logistic = (w: Float64Array): number => logisticBoth(w).value;
const logisticDer = (w: Float64Array): Float64Array => logisticBoth(w).grad;

const PROBLEMS: Record<string, [(x: Float64Array) => number, (x: Float64Array) => ArrayLike<number>]> = {
  rosen: [rosen, rosenDer],
  beale: [beale, bealeDer],
  quad: [quad, quadDer],
  logistic: [logistic, logisticDer],
};

interface Case {
  name: string;
  fun: string;
  x0: number[];
  method: 'L-BFGS-B' | 'BFGS' | 'Nelder-Mead';
  options: Record<string, number | boolean>;
  bounds: Array<[number | null, number | null]> | null;
  jac: boolean;
  result: { x: number[]; fun: number; nit: number; nfev: number; success: boolean; message: string };
}

function run(c: Case) {
  const [f, g] = PROBLEMS[c.fun]!;
  const o = c.options;
  const opts: MinimizeOptions = { method: c.method };
  if (o.gtol !== undefined) opts.gtol = o.gtol as number;
  if (o.ftol !== undefined) opts.ftol = o.ftol as number;
  if (o.maxiter !== undefined) opts.maxIter = o.maxiter as number;
  if (o.maxfev !== undefined) opts.maxFun = o.maxfev as number;
  if (o.xatol !== undefined) opts.xatol = o.xatol as number;
  if (o.fatol !== undefined) opts.fatol = o.fatol as number;
  if (o.adaptive !== undefined) opts.adaptive = o.adaptive as boolean;
  if (c.bounds !== null) opts.bounds = c.bounds;
  if (c.jac) opts.jac = g;
  return minimize(f, c.x0, opts);
}

function assertInBox(x: Float64Array, bounds: Case['bounds']): void {
  if (bounds === null) return;
  bounds.forEach(([lo, hi], i) => {
    if (lo !== null) assert.ok(x[i]! >= lo, `x[${i}] = ${x[i]} below its lower bound ${lo}`);
    if (hi !== null) assert.ok(x[i]! <= hi, `x[${i}] = ${x[i]} above its upper bound ${hi}`);
  });
}

describe('minimize vs scipy.optimize.minimize (gradient methods)', () => {
  for (const c of fx.minimize as Case[]) {
    test(c.name, () => {
      const r = run(c);
      const expected = c.result;
      // f* is never worse than SciPy's by more than 1e-8
      assert.ok(r.fun <= expected.fun + 1e-8, `f* = ${r.fun} is worse than scipy's ${expected.fun}`);
      assertInBox(r.x, c.bounds);
      if (c.name === 'rosen10 BFGS tight') {
        // SciPy's BFGS stalls near the local minimum (-0.99, 1, ...) (precision loss); ours must do no worse.
        assert.equal(expected.success, false);
        return;
      }
      assert.equal(r.success, true, r.message);
      assertClose(r.x, expected.x, { atol: 1e-5, rtol: 0 }, c.name);
      assert.equal(r.nfev >= r.njev, true);
      if (c.method === 'L-BFGS-B') assert.match(r.message, /^CONVERGENCE: /);
    });
  }
});

describe('Nelder-Mead vs scipy', () => {
  for (const c of fx.nelderMead as Case[]) {
    test(c.name, () => {
      const r = run(c);
      const expected = c.result;
      assert.equal(r.success, expected.success);
      assert.equal(r.message, expected.message);
      assertClose(r.x, expected.x, { atol: 1e-4, rtol: 0 }, c.name);
      assert.ok(r.fun <= expected.fun + 1e-8);
      assertInBox(r.x, c.bounds);
      assert.equal(r.njev, 0);
      if (c.fun !== 'quad') {
        // Same simplex moves as SciPy step for step (quad's rounding differs slightly from numpy's x @ A @ x).
        assert.equal(r.nit, expected.nit);
        assert.equal(r.nfev, expected.nfev);
      }
      const fs = r.finalSimplex!;
      assert.equal(fs.vertices.length, c.x0.length + 1);
      for (let k = 1; k < fs.values.length; k++) assert.ok(fs.values[k]! >= fs.values[k - 1]!);
    });
  }
});

describe('L-BFGS-B on Rosenbrock to 1e-6 of the optimum', () => {
  const tight = { method: 'L-BFGS-B', jac: rosenDer, gtol: 1e-9, ftol: 1e-14 } as const;
  test('2-D from (-1.2, 1), default tolerances', () => {
    const r = minimize(rosen, [-1.2, 1], { method: 'L-BFGS-B', jac: rosenDer });
    assert.equal(r.success, true);
    assertClose(r.x, [1, 1], { atol: 1e-6, rtol: 0 });
  });
  test('2-D and 10-D from the standard start with tight tolerances', () => {
    for (const x0 of [[-1.2, 1], [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1]]) {
      const r = minimize(rosen, x0, tight);
      assert.equal(r.success, true, r.message);
      assertClose(r.x, new Array(x0.length).fill(1), { atol: 1e-6, rtol: 0 });
      assert.ok(r.fun < 1e-12);
    }
  });
  test('10-D with default tolerances stops on the f-reduction test close to the optimum', () => {
    const r = minimize(rosen, [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1], { method: 'L-BFGS-B', jac: rosenDer });
    assert.equal(r.success, true);
    assertClose(r.x, new Array(10).fill(1), { atol: 1e-5, rtol: 0 });
  });
  test('numerical gradient (2-point and 3-point) still reaches the optimum', () => {
    for (const jac of ['2-point', '3-point'] as const) {
      const r = minimize(rosen, [-1.2, 1], { method: 'L-BFGS-B', jac });
      assertClose(r.x, [1, 1], { atol: 2e-5, rtol: 0 }, jac);
      assert.ok(r.nfev > r.njev * 2, 'finite-difference evaluations are counted in nfev');
    }
  });
});

describe('minimize front door', () => {
  test('default method is BFGS without bounds and L-BFGS-B with bounds (as SciPy)', () => {
    const free = minimize(rosen, [-1.2, 1], { jac: rosenDer });
    assert.ok(free.hessInv !== undefined, 'BFGS returns hessInv');
    assert.equal(free.message, 'Optimization terminated successfully.');
    const boxed = minimize(rosen, [-1.2, 1], { jac: rosenDer, bounds: [[-2, 2], [-2, 2]] });
    assert.match(boxed.message, /^CONVERGENCE/);
    assert.equal(boxed.hessInv, undefined);
  });

  test('BFGS hessInv approximates the inverse Hessian at the optimum', () => {
    const r = minimize(quad, [0, 0, 0], { method: 'BFGS', jac: quadDer, gtol: 1e-10 });
    const h = r.hessInv!;
    assert.deepEqual(h.shape, [3, 3]);
    // H · A ≈ I for the quadratic with Hessian A
    const hd = h.toFloat64Array();
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let t = 0;
        for (let k = 0; k < 3; k++) t += hd[i * 3 + k]! * QA[k]![j]!;
        assert.ok(Math.abs(t - (i === j ? 1 : 0)) < 1e-6, `(H A)[${i},${j}] = ${t}`);
      }
    }
  });

  test('method names are case-insensitive', () => {
    const r = minimize(rosen, [-1.2, 1], { method: 'nelder-mead' as 'Nelder-Mead' });
    assert.equal(r.nit, 85);
  });

  test('funAndGrad gives the same result as fun + jac and counts one call for both', () => {
    const both = minimize(null, [0, 0, 0, 0], { method: 'L-BFGS-B', funAndGrad: logisticBoth, gtol: 1e-10, ftol: 1e-15 });
    const separate = minimize(logistic, [0, 0, 0, 0], { method: 'L-BFGS-B', jac: logisticDer, gtol: 1e-10, ftol: 1e-15 });
    assertClose(both.x, separate.x, { rtol: 0, atol: 1e-12 });
    assert.equal(both.nfev, both.njev);
    assert.equal(both.nit, separate.nit);
    const bf = minimize(null, [0, 0, 0, 0], { method: 'BFGS', funAndGrad: logisticBoth });
    assertClose(bf.x, separate.x, { rtol: 0, atol: 1e-4 }); // BFGS's default gtol = 1e-5
    // Nelder-Mead takes the value from funAndGrad
    const nm = minimize(null, [0, 0, 0, 0], { method: 'Nelder-Mead', funAndGrad: logisticBoth, maxIter: 30 });
    assert.equal(nm.nit, 30);
  });

  test('x0 may be a Float64Array or a 1-D NdArray, and is not modified', () => {
    const x0 = Float64Array.of(-1.2, 1);
    const r1 = minimize(rosen, x0, { method: 'L-BFGS-B', jac: rosenDer });
    assert.deepEqual(Array.from(x0), [-1.2, 1]);
    const r2 = minimize(rosen, array([-1.2, 1]), { method: 'L-BFGS-B', jac: rosenDer });
    assert.deepEqual(Array.from(r1.x), Array.from(r2.x));
  });

  test('the objective receives copies: mutating its argument does not derail the solver', () => {
    const r = minimize(
      (x) => {
        const v = rosen(x);
        x.fill(1e6);
        return v;
      },
      [-1.2, 1],
      { method: 'L-BFGS-B', jac: rosenDer },
    );
    assertClose(r.x, [1, 1], { atol: 1e-5, rtol: 0 });
  });

  test('callback sees every iteration and can stop the run (status 99)', () => {
    const seen: number[] = [];
    for (const method of ['L-BFGS-B', 'BFGS', 'Nelder-Mead'] as const) {
      seen.length = 0;
      const r = minimize(rosen, [-1.2, 1], {
        method,
        ...(method === 'Nelder-Mead' ? {} : { jac: rosenDer }),
        callback: (_x, s) => {
          seen.push(s.fun);
          return s.nit >= 5;
        },
      });
      assert.equal(r.status, 99, method);
      assert.equal(r.success, false);
      assert.equal(seen.length, method === 'Nelder-Mead' ? 4 : 5, method);
      assert.equal(r.fun, seen[seen.length - 1]);
    }
  });

  test('iteration and evaluation limits end the run with status 1 and SciPy messages', () => {
    const a = minimize(rosen, [-1.2, 1], { method: 'L-BFGS-B', jac: rosenDer, maxIter: 3 });
    assert.equal(a.status, 1);
    assert.equal(a.nit, 3);
    assert.equal(a.message, 'STOP: TOTAL NO. of ITERATIONS REACHED LIMIT');
    const b = minimize(rosen, [-1.2, 1], { method: 'L-BFGS-B', jac: rosenDer, maxFun: 5 });
    assert.equal(b.status, 1);
    assert.equal(b.message, 'STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT');
    const c = minimize(rosen, [-1.2, 1], { method: 'BFGS', jac: rosenDer, maxIter: 4 });
    assert.equal(c.status, 1);
    assert.equal(c.message, 'Maximum number of iterations has been exceeded.');
    const d = minimize(rosen, [-1.2, 1], { method: 'Nelder-Mead', maxFun: 20 });
    assert.equal(d.status, 1);
    assert.equal(d.nfev, 20);
    assert.equal(d.message, 'Maximum number of function evaluations has been exceeded.');
  });

  test('L-BFGS-B projects an infeasible x0 into the box', () => {
    const r = minimize(quad, [5, 5, -3], { jac: quadDer, bounds: [[0, 2], [-1, 1], [0, null]] });
    assertClose(r.x, [0.5, -1, 2], { atol: 1e-7, rtol: 0 });
  });

  test('L-BFGS-B on 2000 variables with bounds satisfies the KKT conditions', () => {
    // f = ½ xᵀ T x − bᵀx with T tridiagonal (2.5 on the diagonal, −1 off it), b alternating in sign,
    // in the box [0, 1]ⁿ: many variables end on a bound.
    const n = 2000;
    const b = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -1 : 2) + Math.sin(i));
    const both = (x: Float64Array): { value: number; grad: Float64Array } => {
      const g = new Float64Array(n);
      let v = 0;
      for (let i = 0; i < n; i++) {
        const tx = 2.5 * x[i]! - (i > 0 ? x[i - 1]! : 0) - (i < n - 1 ? x[i + 1]! : 0);
        g[i] = tx - b[i]!;
        v += 0.5 * x[i]! * tx - b[i]! * x[i]!;
      }
      return { value: v, grad: g };
    };
    const bounds = Array.from({ length: n }, () => [0, 1] as [number, number]);
    const r = minimize(null, new Float64Array(n).fill(0.5), { method: 'L-BFGS-B', funAndGrad: both, bounds, gtol: 1e-8, ftol: 0 });
    assert.equal(r.message, 'CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL');
    let atLower = 0;
    let atUpper = 0;
    const g = both(r.x).grad;
    for (let i = 0; i < n; i++) {
      const xi = r.x[i]!;
      if (xi === 0) {
        atLower++;
        assert.ok(g[i]! >= -1e-8, `g[${i}] = ${g[i]} < 0 at the lower bound`);
      } else if (xi === 1) {
        atUpper++;
        assert.ok(g[i]! <= 1e-8, `g[${i}] = ${g[i]} > 0 at the upper bound`);
      } else {
        assert.ok(Math.abs(g[i]!) <= 1e-8, `g[${i}] = ${g[i]} at a free variable`);
      }
    }
    assert.ok(atLower > 100 && atUpper > 100, `active bounds: ${atLower} lower, ${atUpper} upper`);
  });

  test('a fixed variable (lo == hi) stays put', () => {
    const r = minimize(rosen, [-1.2, 1, 0.3], { jac: rosenDer, bounds: [[null, null], [null, null], [0.3, 0.3]] });
    assert.equal(r.x[2], 0.3);
    assert.equal(r.success, true);
  });

  test('finite differences never step outside the box', () => {
    // f is only defined for x >= 0; the optimum x = 0 sits on the bound, like x0.
    const f = (x: Float64Array): number => {
      for (const v of x) if (v < 0) throw new Error(`evaluated outside the domain at ${v}`);
      return (x[0]! + 0.5) ** 2 + Math.sqrt(x[1]! + 1) + (x[1]! - 2) ** 2;
    };
    for (const jac of ['2-point', '3-point'] as const) {
      const r = minimize(f, [0, 0], { method: 'L-BFGS-B', jac, bounds: [[0, 1], [0, null]] });
      assert.equal(r.x[0], 0, jac);
      // root of 1 / (2 sqrt(y + 1)) + 2 (y - 2) = 0 (scipy brentq)
      assert.ok(Math.abs(r.x[1]! - 1.8519637734642236) < 1e-5, `${jac}: ${r.x[1]}`);
    }
  });

  test('line searches back off from points where f is not finite', () => {
    // log barrier: f = +Infinity outside (−1, 1); the minimum of -log(1 - x^2) + x is inside
    const f = (x: Float64Array): number => (Math.abs(x[0]!) < 1 ? -Math.log(1 - x[0]! ** 2) + x[0]! : Infinity);
    const g = (x: Float64Array): number[] => [(2 * x[0]!) / (1 - x[0]! ** 2) + 1];
    for (const method of ['L-BFGS-B', 'BFGS'] as const) {
      const r = minimize(f, [0.9], { method, jac: g });
      const exact = 1 - Math.sqrt(2); // 2x / (1 - x^2) = -1  <=>  x^2 - 2x - 1 = 0
      assert.ok(Math.abs(r.x[0]! - exact) < 1e-6, `${method}: ${r.x[0]}`);
    }
  });
});

describe('minimize bad input', () => {
  test('NaN or Infinity in x0', () => {
    assert.throws(() => minimize(rosen, [1, NaN]), (e: Error) => e instanceof ValueError && /x0\[1\] is NaN/.test(e.message));
    assert.throws(() => minimize(rosen, [Infinity, 1]), /x0\[0\] is Infinity; every starting value must be a finite number/);
    assert.throws(() => minimize(rosen, []), /x0 is empty/);
    assert.throws(() => minimize(rosen, [[1, 2]] as unknown as number[]), /x0\[0\] must be a number/);
  });
  test('x0 that is not 1-D', () => {
    assert.throws(() => minimize(rosen, array([[1, 2], [3, 4]])), (e: Error) => e instanceof ShapeError && /must be 1-D, got shape \(2, 2\)/.test(e.message));
  });
  test('lower bound greater than upper bound', () => {
    assert.throws(
      () => minimize(rosen, [0, 0], { bounds: [[0, 1], [3, 2]] }),
      /Lower bound 3 is greater than upper bound 2 for variable 1/,
    );
    assert.throws(() => minimize(rosen, [0, 0], { bounds: [[0, 1], [NaN, 2]] }), /lower bound of variable 1 is NaN/);
    assert.throws(() => minimize(rosen, [0, 0], { bounds: [[Infinity, null], [0, 1]] }), /Lower bound of variable 0 is \+Infinity/);
  });
  test('bounds length differs from x0 length', () => {
    assert.throws(
      () => minimize(rosen, [0, 0, 0], { bounds: [[0, 1], [0, 1]] }),
      (e: Error) => e instanceof ShapeError && /bounds has 2 pairs but x0 has 3 elements/.test(e.message),
    );
    assert.throws(() => minimize(rosen, [0], { bounds: [[0, 1, 2]] as never }), /bounds\[0\] must be a \[lo, hi\] pair/);
  });
  test('non-finite objective or gradient at x0', () => {
    assert.throws(() => minimize(() => NaN, [1, 2]), /The objective is NaN at the starting point x0 = \[1, 2\]/);
    assert.throws(() => minimize((x) => Math.log(x[0]!), [-1], { method: 'L-BFGS-B' }), /objective is NaN at the starting point/);
    assert.throws(() => minimize(() => Infinity, [0], { method: 'Nelder-Mead' }), /objective is Infinity at the starting point/);
    assert.throws(() => minimize((x) => x[0]! ** 2, [1], { jac: () => [NaN] }), /gradient is NaN in component 0/);
  });
  test('objective and gradient of the wrong kind', () => {
    assert.throws(() => minimize((() => [1, 2]) as never, [1]), /fun must return a single number, got object/);
    assert.throws(() => minimize((x) => x[0]! ** 2, [1, 2], { jac: () => [1] }), /jac returned 1 values for 2 variables/);
    assert.throws(() => minimize(null, [1]), /Nothing to minimize/);
    assert.throws(() => minimize(null, [1], { funAndGrad: (() => 3) as never }), /funAndGrad must return an object/);
    assert.throws(() => minimize(rosen, [1, 1], { jac: rosenDer, funAndGrad: logisticBoth }), /either jac or funAndGrad/);
    assert.throws(() => minimize(rosen, [1, 1], { jac: 'central' as never }), /jac must be a gradient function, '2-point' or '3-point'/);
    assert.throws(() => minimize(rosen, [1, 1], { jac: true as never }), /got true \(for SciPy's jac=True, return \{ value, grad \} from the funAndGrad option\)/);
    assert.throws(() => minimize(rosen, [1, 1], { jac: '3-point', funAndGrad: logisticBoth }), /either jac or funAndGrad/);
  });
  test('unknown method and options that do not apply', () => {
    assert.throws(() => minimize(rosen, [1, 1], { method: 'CG' as never }), /Unknown method "CG"; use one of 'L-BFGS-B', 'BFGS', 'Nelder-Mead'/);
    assert.throws(() => minimize(rosen, [1, 1], { method: 'BFGS', bounds: [[0, 1], [0, 1]] }), /'BFGS' does not support bounds; use method 'L-BFGS-B'/);
    assert.throws(() => minimize(rosen, [1, 1], { method: 'Nelder-Mead', jac: rosenDer }), /does not use gradients/);
    assert.throws(() => minimize(rosen, [1, 1], { method: 'L-BFGS-B', xatol: 1e-3 }), /Option 'xatol' does not apply to method 'L-BFGS-B'/);
    assert.throws(() => minimize(rosen, [1, 1], { method: 'L-BFGS-B', m: 0 }), /Option 'm' must be an integer of at least 1, got 0/);
    assert.throws(() => minimize(rosen, [1, 1], { method: 'BFGS', gtol: -1 }), /Option 'gtol' must be a number of at least 0/);
  });
  test('initialSimplex of the wrong shape', () => {
    assert.throws(
      () => minimize(rosen, [1, 1], { method: 'Nelder-Mead', initialSimplex: [[0, 0], [1, 0]] }),
      /initialSimplex must hold n \+ 1 = 3 vertices of length n = 2/,
    );
  });
});
