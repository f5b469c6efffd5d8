/**
 * CubicSpline: a C² piecewise cubic through the data, like `scipy.interpolate.CubicSpline`.
 * The slopes s_i at the knots solve a tridiagonal system (cyclic for 'periodic'); each piece is
 * then the cubic Hermite polynomial with those slopes.
 */
import { ValueError } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import { type Extrapolate, PPoly } from './ppoly.js';
import { assertFiniteVector, assertMinPoints, assertSameLength, assertStrictlyIncreasing, toVector } from './validate.js';

/**
 * A condition at one end: 'not-a-knot' (the first two pieces are one cubic — SciPy's default),
 * 'natural' (second derivative 0), 'clamped' (first derivative 0), or a derivative value
 * `{ order: 1 | 2, value }` (also written `[order, value]`).
 */
export type SplineEnd = 'not-a-knot' | 'natural' | 'clamped' | { order: 1 | 2; value: number } | readonly [1 | 2, number];

/** One condition for both ends, 'periodic', or `[start, end]`. */
export type SplineBoundary = SplineEnd | 'periodic' | readonly [SplineEnd, SplineEnd];

export interface CubicSplineOptions {
  /** Boundary condition (default 'not-a-knot'). */
  bc?: SplineBoundary;
  /** Default true ('periodic' when bc is 'periodic'): see PPoly. */
  extrapolate?: Extrapolate;
}

type End = 'not-a-knot' | { order: 1 | 2; value: number };

function parseEnd(e: unknown): End {
  if (e === 'not-a-knot') return e;
  if (e === 'natural') return { order: 2, value: 0 };
  if (e === 'clamped') return { order: 1, value: 0 };
  let order: unknown;
  let value: unknown;
  if (Array.isArray(e) && e.length === 2) [order, value] = e;
  else if (e !== null && typeof e === 'object' && 'order' in e && 'value' in e) ({ order, value } = e as { order: unknown; value: unknown });
  else {
    throw new ValueError(
      `CubicSpline: unknown boundary condition ${JSON.stringify(e)}; use 'not-a-knot', 'natural', 'clamped', 'periodic', ` +
        "{ order: 1 | 2, value } or a [start, end] pair of these.",
    );
  }
  if (order !== 1 && order !== 2) throw new ValueError(`CubicSpline: a derivative condition needs order 1 or 2, got ${JSON.stringify(order)}.`);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`CubicSpline: the derivative value of a boundary condition must be a finite number, got ${JSON.stringify(value)}.`);
  }
  return { order, value };
}

function parseBoundary(bc: unknown): ['periodic', 'periodic'] | [End, End] {
  if (bc === 'periodic') return ['periodic', 'periodic'];
  const isPair = Array.isArray(bc) && bc.length === 2 && typeof bc[0] !== 'number';
  if (isPair) {
    if (bc[0] === 'periodic' || bc[1] === 'periodic') {
      throw new ValueError("CubicSpline: 'periodic' applies to both ends; pass bc: 'periodic' instead of a pair.");
    }
    return [parseEnd(bc[0]), parseEnd(bc[1])];
  }
  const end = parseEnd(bc);
  return [end, end];
}

/** Solves a tridiagonal system in place (Thomas algorithm): lower[i]·s[i−1] + diag[i]·s[i] + upper[i]·s[i+1] = rhs[i]. */
function solveTridiagonal(lower: Float64Array, diag: Float64Array, upper: Float64Array, rhs: Float64Array): Float64Array {
  const n = diag.length;
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  c[0] = upper[0]! / diag[0]!;
  d[0] = rhs[0]! / diag[0]!;
  for (let i = 1; i < n; i++) {
    const den = diag[i]! - lower[i]! * c[i - 1]!;
    c[i] = upper[i]! / den;
    d[i] = (rhs[i]! - lower[i]! * d[i - 1]!) / den;
  }
  const s = new Float64Array(n);
  s[n - 1] = d[n - 1]!;
  for (let i = n - 2; i >= 0; i--) s[i] = d[i]! - c[i]! * s[i + 1]!;
  return s;
}

/**
 * Solves a cyclic tridiagonal system (corners lower[0] at column n−1, upper[n−1] at column 0)
 * by Sherman–Morrison on top of two ordinary tridiagonal solves. n ≥ 3.
 */
function solveCyclic(lower: Float64Array, diag: Float64Array, upper: Float64Array, rhs: Float64Array): Float64Array {
  const n = diag.length;
  const alpha = upper[n - 1]!; // row n−1, column 0
  const beta = lower[0]!; // row 0, column n−1
  const gamma = -diag[0]!;
  const d2 = diag.slice();
  d2[0] = diag[0]! - gamma;
  d2[n - 1] = diag[n - 1]! - (alpha * beta) / gamma;
  const lo = lower.slice();
  lo[0] = 0;
  const up = upper.slice();
  up[n - 1] = 0;
  const y = solveTridiagonal(lo, d2, up, rhs);
  const u = new Float64Array(n);
  u[0] = gamma;
  u[n - 1] = alpha;
  const z = solveTridiagonal(lo, d2, up, u);
  const factor = (y[0]! + (beta * y[n - 1]!) / gamma) / (1 + z[0]! + (beta * z[n - 1]!) / gamma);
  for (let i = 0; i < n; i++) y[i] = y[i]! - factor * z[i]!;
  return y;
}

/** Solves a 3×3 system by Gaussian elimination with partial pivoting. */
function solve3(a: number[][], b: number[]): Float64Array {
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < 3; col++) {
    let p = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[p]![col]!)) p = r;
    [m[col], m[p]] = [m[p]!, m[col]!];
    for (let r = col + 1; r < 3; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let k = col; k < 4; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  const s = new Float64Array(3);
  for (let r = 2; r >= 0; r--) {
    let v = m[r]![3]!;
    for (let k = r + 1; k < 3; k++) v -= m[r]![k]! * s[k]!;
    s[r] = v / m[r]![r]!;
  }
  return s;
}

/** Knot slopes for the given data and boundary conditions (SciPy's equations). */
function knotSlopes(x: Float64Array, y: Float64Array, dx: Float64Array, slope: Float64Array, bc: ['periodic', 'periodic'] | [End, End]): Float64Array {
  const n = x.length;
  let [start, end] = bc;
  if (n === 2) {
    // A line: 'not-a-knot' and 'periodic' reduce to the slope of the only piece.
    if (start === 'not-a-knot' || start === 'periodic') start = { order: 1, value: slope[0]! };
    if (end === 'not-a-knot' || end === 'periodic') end = { order: 1, value: slope[0]! };
  }
  if (n === 3 && start === 'not-a-knot' && end === 'not-a-knot') {
    // Both conditions coincide; the spline is the parabola through the three points.
    return solve3(
      [
        [1, 1, 0],
        [dx[1]!, 2 * (dx[0]! + dx[1]!), dx[0]!],
        [0, 1, 1],
      ],
      [2 * slope[0]!, 3 * (dx[0]! * slope[1]! + dx[1]! * slope[0]!), 2 * slope[1]!],
    );
  }
  if (n === 3 && start === 'periodic') {
    const t = (slope[0]! / dx[0]! + slope[1]! / dx[1]!) / (1 / dx[0]! + 1 / dx[1]!);
    return Float64Array.of(t, t, t);
  }
  if (start === 'periodic' || end === 'periodic') {
    // Unknowns s_0..s_{n−2} (s_{n−1} = s_0); row i wraps around with dx[−1] = dx[n−2].
    const N = n - 1;
    const lower = new Float64Array(N);
    const diag = new Float64Array(N);
    const upper = new Float64Array(N);
    const rhs = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const hPrev = dx[(i - 1 + N) % N]!;
      const hCur = dx[i]!;
      lower[i] = hCur;
      diag[i] = 2 * (hPrev + hCur);
      upper[i] = hPrev;
      rhs[i] = 3 * (hCur * slope[(i - 1 + N) % N]! + hPrev * slope[i]!);
    }
    const s = solveCyclic(lower, diag, upper, rhs);
    const full = new Float64Array(n);
    full.set(s);
    full[n - 1] = s[0]!;
    return full;
  }
  const lower = new Float64Array(n);
  const diag = new Float64Array(n);
  const upper = new Float64Array(n);
  const rhs = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    lower[i] = dx[i]!;
    diag[i] = 2 * (dx[i - 1]! + dx[i]!);
    upper[i] = dx[i - 1]!;
    rhs[i] = 3 * (dx[i]! * slope[i - 1]! + dx[i - 1]! * slope[i]!);
  }
  if (start === 'not-a-knot') {
    const d = x[2]! - x[0]!;
    diag[0] = dx[1]!;
    upper[0] = d;
    rhs[0] = ((dx[0]! + 2 * d) * dx[1]! * slope[0]! + dx[0]! ** 2 * slope[1]!) / d;
  } else if (start.order === 1) {
    diag[0] = 1;
    upper[0] = 0;
    rhs[0] = start.value;
  } else {
    diag[0] = 2 * dx[0]!;
    upper[0] = dx[0]!;
    rhs[0] = -0.5 * start.value * dx[0]! ** 2 + 3 * (y[1]! - y[0]!);
  }
  if (end === 'not-a-knot') {
    const d = x[n - 1]! - x[n - 3]!;
    diag[n - 1] = dx[n - 3]!;
    lower[n - 1] = d;
    rhs[n - 1] = (dx[n - 2]! ** 2 * slope[n - 3]! + (2 * d + dx[n - 2]!) * dx[n - 3]! * slope[n - 2]!) / d;
  } else if (end.order === 1) {
    diag[n - 1] = 1;
    lower[n - 1] = 0;
    rhs[n - 1] = end.value;
  } else {
    diag[n - 1] = 2 * dx[n - 2]!;
    lower[n - 1] = dx[n - 2]!;
    rhs[n - 1] = 0.5 * end.value * dx[n - 2]! ** 2 + 3 * (y[n - 1]! - y[n - 2]!);
  }
  return solveTridiagonal(lower, diag, upper, rhs);
}

function build(xIn: ArrayLikeInput, yIn: ArrayLikeInput, options: CubicSplineOptions): { c: NdArray<'float64'>; x: Float64Array; extrapolate: Extrapolate } {
  const fn = 'CubicSpline';
  const x = toVector(xIn, 'x', fn);
  const y = toVector(yIn, 'y', fn);
  assertSameLength(x, y, 'x', 'y', fn);
  assertMinPoints(x.length, 2, fn);
  assertFiniteVector(x, 'x', fn);
  assertFiniteVector(y, 'y', fn);
  assertStrictlyIncreasing(x, 'x', fn);
  const bc = parseBoundary(options.bc ?? 'not-a-knot');
  const n = x.length;
  if (bc[0] === 'periodic') {
    const tol = 1e-15;
    if (!(Math.abs(y[n - 1]! - y[0]!) <= tol + tol * Math.abs(y[0]!))) {
      throw new ValueError(`CubicSpline: bc 'periodic' needs y[0] == y[${n - 1}], got ${y[0]} and ${y[n - 1]}; make the last value equal the first.`);
    }
  }
  const dx = new Float64Array(n - 1);
  const slope = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    dx[i] = x[i + 1]! - x[i]!;
    slope[i] = (y[i + 1]! - y[i]!) / dx[i]!;
  }
  const s = knotSlopes(x, y, dx, slope, bc);
  const m = n - 1;
  const c = new Float64Array(4 * m);
  for (let i = 0; i < m; i++) {
    const t = (s[i]! + s[i + 1]! - 2 * slope[i]!) / dx[i]!;
    c[i] = t / dx[i]!;
    c[m + i] = (slope[i]! - s[i]!) / dx[i]! - t;
    c[2 * m + i] = s[i]!;
    c[3 * m + i] = y[i]!;
  }
  const extrapolate = options.extrapolate ?? (bc[0] === 'periodic' ? 'periodic' : true);
  return { c: new NdArray('float64', c, [4, m]), x, extrapolate };
}

export class CubicSpline extends PPoly {
  /**
   * Interpolates (x[i], y[i]) with a twice continuously differentiable piecewise cubic.
   *
   * @param x - at least 2 strictly increasing, finite points
   * @param y - values at x (same length, finite)
   * @param options - `bc` (default 'not-a-knot', SciPy's default; with 2 points the spline is the
   *   line, with 3 points and not-a-knot at both ends the parabola), `extrapolate`
   *
   * @example
   * const cs = new CubicSpline([0, 1, 2, 3], [0, 1, 8, 27]); // reproduces x³ exactly
   * cs.evaluate(1.5);       // ≈ 3.375
   * cs.evaluate(1.5, 1);    // ≈ 6.75 (first derivative)
   * cs.integrate(0, 3);     // ≈ 20.25
   * const nat = new CubicSpline([0, 1, 2], [0, 1, 0], { bc: 'natural' });
   */
  constructor(x: ArrayLikeInput, y: ArrayLikeInput, options: CubicSplineOptions = {}) {
    const { c, x: xs, extrapolate } = build(x, y, options);
    super(c, xs, { extrapolate });
  }
}
