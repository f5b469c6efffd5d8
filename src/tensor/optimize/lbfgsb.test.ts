// Internals of L-BFGS-B: the compact quasi-Newton matrix, the generalized Cauchy point, the
// subspace step and the line search, each against a direct computation.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import type { Box } from './bounds.js';
import { generalizedCauchyPoint } from './cauchy-point.js';
import { LbfgsMemory } from './lbfgs-memory.js';
import { type LinePoint, strongWolfeLineSearch } from './line-search.js';
import { subspaceMinimization } from './subspace.js';
import { solveSmallDense } from './dense-solve.js';

/** Deterministic pseudo-random numbers in [-1, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

const N = 6;
const rand = rng(7);
/** An SPD matrix A = R Rᵀ + I and curvature pairs y = A s. */
const R = Array.from({ length: N }, () => Array.from({ length: N }, () => rand()));
const A = R.map((ri, i) => R.map((rj, j) => ri.reduce((s, v, k) => s + v * rj[k]!, 0) + (i === j ? 1 : 0)));
const matvec = (m: number[][], v: ArrayLike<number>): Float64Array => Float64Array.from(m, (row) => row.reduce((s, a, j) => s + a * v[j]!, 0));
const pairs = Array.from({ length: 5 }, () => {
  const s = Float64Array.from({ length: N }, () => rand());
  return { s, y: matvec(A, s) };
});

/** Dense B from the BFGS recursion over the given pairs, B₀ = θI with θ from the newest pair. */
function denseBfgs(ps: typeof pairs): number[][] {
  const last = ps[ps.length - 1]!;
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((t, v, i) => t + v * b[i]!, 0);
  const theta = dot(last.y, last.y) / dot(last.s, last.y);
  let B = Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => (i === j ? theta : 0)));
  for (const { s, y } of ps) {
    const bs = matvec(B, s);
    const sbs = dot(s, bs);
    const sy = dot(s, y);
    B = B.map((row, i) => row.map((v, j) => v - (bs[i]! * bs[j]!) / sbs + (y[i]! * y[j]!) / sy));
  }
  return B;
}

/** Dense θI − W M Wᵀ from the compact memory. */
function denseCompact(mem: LbfgsMemory): number[][] {
  const k2 = 2 * mem.size;
  const rows = Array.from({ length: N }, (_, i) => mem.row(i, new Float64Array(k2)));
  const M = Array.from({ length: k2 }, (_, j) => {
    const e = new Float64Array(k2);
    e[j] = 1;
    return mem.applyM(e); // column j of M
  });
  return Array.from({ length: N }, (_, i) =>
    Array.from({ length: N }, (_, j) => {
      let t = i === j ? mem.theta : 0;
      for (let a = 0; a < k2; a++) for (let b = 0; b < k2; b++) t -= rows[i]![a]! * M[b]![a]! * rows[j]![b]!;
      return t;
    }),
  );
}

describe('LbfgsMemory (compact representation)', () => {
  test('θI − W M Wᵀ equals the BFGS recursion over the stored pairs', () => {
    const mem = new LbfgsMemory(10);
    for (const p of pairs) assert.equal(mem.push(p.s, p.y), true);
    assertClose(denseCompact(mem), denseBfgs(pairs), { rtol: 1e-9, atol: 1e-9 });
  });

  test('keeps only the last m pairs', () => {
    const mem = new LbfgsMemory(3);
    for (const p of pairs) mem.push(p.s, p.y);
    assert.equal(mem.size, 3);
    assertClose(denseCompact(mem), denseBfgs(pairs.slice(2)), { rtol: 1e-9, atol: 1e-9 });
  });

  test('the two-loop recursion applies the inverse of the same matrix', () => {
    const mem = new LbfgsMemory(4);
    for (const p of pairs) mem.push(p.s, p.y);
    const B = denseCompact(mem);
    const g = Float64Array.from({ length: N }, () => rand());
    const hg = mem.inverseTimes(g);
    assertClose(matvec(B, hg), g, { rtol: 1e-9, atol: 1e-9 });
  });

  test('rejects pairs that break positive definiteness by clearing itself', () => {
    const mem = new LbfgsMemory(5);
    mem.push(pairs[0]!.s, pairs[0]!.y);
    const s = pairs[1]!.s;
    assert.equal(mem.push(s, Float64Array.from(s, (v) => -v)), false); // sᵀy < 0
    assert.equal(mem.size, 0);
  });
});

/** The quadratic model m(z) = gᵀ(z − x) + ½ (z − x)ᵀ B (z − x). */
function model(B: number[][], g: Float64Array, x: Float64Array, z: ArrayLike<number>): number {
  const d = Float64Array.from(x, (v, i) => z[i]! - v);
  const bd = matvec(B, d);
  let t = 0;
  for (let i = 0; i < N; i++) t += g[i]! * d[i]! + 0.5 * d[i]! * bd[i]!;
  return t;
}

const box: Box = {
  lower: Float64Array.of(-0.3, -Infinity, -1, 0, -0.5, -2),
  upper: Float64Array.of(0.4, 0.2, Infinity, 0.5, 0.5, 2),
  boxed: false,
};

describe('generalized Cauchy point', () => {
  const mem = new LbfgsMemory(5);
  for (const p of pairs) mem.push(p.s, p.y);
  const B = denseCompact(mem);
  const x = Float64Array.of(0.1, 0, 0.5, 0, 0.2, 1.9);
  const g = Float64Array.of(1.5, -2, 0.7, 3, -0.4, -1.1);

  test('is the first local minimizer of the model along the projected gradient path', () => {
    const cp = generalizedCauchyPoint(x, g, box, mem);
    const path = (t: number): Float64Array =>
      Float64Array.from(x, (v, i) => Math.min(Math.max(v - t * g[i]!, box.lower[i]!), box.upper[i]!));
    // scan the path finely up to its first local minimum
    let best = Infinity;
    let bestT = 0;
    for (let k = 0; k <= 200000; k++) {
      const t = k * 1e-5;
      const m = model(B, g, x, path(t));
      if (m < best) {
        best = m;
        bestT = t;
      } else if (m > best + 1e-12) break;
    }
    const mc = model(B, g, x, cp.xc);
    assert.ok(mc <= best + 1e-9, `model at Cauchy point ${mc} > sampled minimum ${best}`);
    assertClose(cp.xc, path(bestT), { atol: 1e-4, rtol: 0 });
    // c = Wᵀ(xc − x)
    assertClose(cp.c, mem.wTimes(Float64Array.from(x, (v, i) => cp.xc[i]! - v)), { rtol: 1e-10, atol: 1e-12 });
    // the path crossed the breakpoints of x[1] (upper 0.2) and x[5] (upper 2) before its minimum;
    // x[3] sits at its lower bound 0 with g > 0: fixed from the start
    assert.deepEqual(Array.from(cp.free), [1, 0, 1, 0, 1, 0]);
    assert.equal(cp.free[3], 0);
    assert.equal(cp.xc[3], 0);
  });

  test('without memory the Cauchy point is the projected steepest-descent minimizer of ½‖·‖²', () => {
    const empty = new LbfgsMemory(5);
    const cp = generalizedCauchyPoint(x, g, box, empty);
    // B = I: minimize gᵀd + ½‖d‖² along the path; every variable with a finite breakpoint < 1 is clipped
    const expected = Float64Array.from(x, (v, i) => Math.min(Math.max(v - g[i]!, box.lower[i]!), box.upper[i]!));
    assertClose(cp.xc, expected, { rtol: 0, atol: 1e-12 });
  });
});

describe('subspace minimization', () => {
  const mem = new LbfgsMemory(5);
  for (const p of pairs) mem.push(p.s, p.y);
  const x = Float64Array.of(0.1, 0, 0.5, 0, 0.2, 1.9);
  const g = Float64Array.of(1.5, -2, 0.7, 3, -0.4, -1.1);

  test('with no active bounds it reaches the model minimizer x − B⁻¹g', () => {
    const far: Box = { lower: new Float64Array(N).fill(-100), upper: new Float64Array(N).fill(100), boxed: true };
    const cp = generalizedCauchyPoint(x, g, far, mem);
    const xbar = subspaceMinimization(x, g, far, mem, cp);
    const hg = mem.inverseTimes(g);
    assertClose(xbar, Float64Array.from(x, (v, i) => v - hg[i]!), { rtol: 1e-9, atol: 1e-9 });
  });

  test('returns a feasible point that lowers the model below the Cauchy point, with active bounds kept', () => {
    const B = denseCompact(mem);
    const cp = generalizedCauchyPoint(x, g, box, mem);
    const xbar = subspaceMinimization(x, g, box, mem, cp);
    for (let i = 0; i < N; i++) {
      assert.ok(xbar[i]! >= box.lower[i]! && xbar[i]! <= box.upper[i]!, `x̄[${i}] = ${xbar[i]} is outside the box`);
      if (!cp.free[i]) assert.equal(xbar[i], cp.xc[i]);
    }
    assert.ok(model(B, g, x, xbar) <= model(B, g, x, cp.xc) + 1e-12);
    let slope = 0;
    for (let i = 0; i < N; i++) slope += g[i]! * (xbar[i]! - x[i]!);
    assert.ok(slope < 0, 'x̄ − x is a descent direction');
  });
});

describe('strong Wolfe line search', () => {
  // f(x) = x^4 − 3x^2 + x along d = +1 from x = −2 (descending there)
  const f = (x: number): number => x ** 4 - 3 * x ** 2 + x;
  const df = (x: number): number => 4 * x ** 3 - 6 * x + 1;
  const x0 = -2;
  const phi = (alpha: number): LinePoint => {
    const x = x0 + alpha;
    return { alpha, f: f(x), dphi: df(x), x: Float64Array.of(x), g: Float64Array.of(df(x)) };
  };

  for (const alphaInit of [1e-3, 0.3, 1, 5]) {
    test(`returns a point satisfying both strong Wolfe conditions (alphaInit ${alphaInit})`, () => {
      const c1 = 1e-4;
      const c2 = 0.1;
      const r = strongWolfeLineSearch(phi, f(x0), df(x0), { c1, c2, alphaInit, alphaMax: 100, maxEvals: 30 });
      assert.equal(r.status, 'wolfe');
      const p = r.point!;
      assert.ok(p.f <= f(x0) + c1 * p.alpha * df(x0), 'sufficient decrease');
      assert.ok(Math.abs(p.dphi) <= c2 * Math.abs(df(x0)), 'curvature');
    });
  }

  test('stops at alphaMax when the function keeps decreasing', () => {
    const lin = (alpha: number): LinePoint => ({ alpha, f: -alpha, dphi: -1, x: Float64Array.of(alpha), g: Float64Array.of(-1) });
    const r = strongWolfeLineSearch(lin, 0, -1, { c1: 1e-3, c2: 0.9, alphaInit: 0.25, alphaMax: 3, maxEvals: 20 });
    assert.equal(r.status, 'max-step');
    assert.equal(r.point!.alpha, 3);
  });

  test('backs off from non-finite values', () => {
    // φ(α) = −log(1 − α) − 1.5α is +Infinity past α = 1; φ′(α) = 1/(1 − α) − 1.5 vanishes at α = 1/3
    const bar = (alpha: number): LinePoint => {
      const v = alpha < 1 ? -Math.log(1 - alpha) - 1.5 * alpha : Infinity;
      const d = alpha < 1 ? 1 / (1 - alpha) - 1.5 : NaN;
      return { alpha, f: v, dphi: d, x: Float64Array.of(alpha), g: Float64Array.of(d) };
    };
    const r = strongWolfeLineSearch(bar, 0, -0.5, { c1: 1e-4, c2: 0.1, alphaInit: 10, alphaMax: 100, maxEvals: 30 });
    assert.equal(r.status, 'wolfe');
    assert.ok(Math.abs(r.point!.alpha - 1 / 3) < 0.05, `alpha ${r.point!.alpha}`);
  });

  test('fails cleanly on an ascent direction', () => {
    const r = strongWolfeLineSearch(phi, 0, 1, { c1: 1e-4, c2: 0.9, alphaInit: 1, alphaMax: 10, maxEvals: 10 });
    assert.equal(r.status, 'failed');
    assert.equal(r.evals, 0);
  });
});

test('solveSmallDense solves a pivoting-requiring system and reports singular ones', () => {
  const a = Float64Array.of(0, 2, 1, 1, 1, 1, 2, 1, 0);
  const u = solveSmallDense(a.slice(), Float64Array.of(5, 6, 4), 3)!;
  // check A u = b
  const b = [0, 1, 2].map((i) => a[i * 3]! * u[0]! + a[i * 3 + 1]! * u[1]! + a[i * 3 + 2]! * u[2]!);
  assertClose(b, [5, 6, 4], { rtol: 1e-12 });
  assert.equal(solveSmallDense(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 1), 2), null);
});
