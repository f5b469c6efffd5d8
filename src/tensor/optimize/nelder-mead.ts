/**
 * Nelder–Mead downhill simplex, as SciPy's `method='Nelder-Mead'`: the same initial simplex
 * (each coordinate of x0 in turn scaled by 1.05, or set to 0.00025 when it is zero), the same
 * reflection/expansion/contraction/shrink coefficients (ρ=1, χ=2, ψ=½, σ=½, or the
 * dimension-dependent ones of Gao & Han 2012 with `adaptive`), the same convergence test
 * (simplex within xatol of its best vertex and values within fatol of the best) and the same
 * handling of bounds (every trial point is clipped into the box).
 */
import { ShapeError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { type Box, projectInPlace } from './bounds.js';
import type { Objective } from './objective.js';
import { type OptimizeCallback, type OptimizeResult, STOPPED_BY_CALLBACK } from './result.js';
import { numberOption, toVector } from './vector.js';

export interface NelderMeadOptions {
  /** Iteration limit. With neither limit set both are 200 · n; with one set the other is unlimited. */
  maxIter?: number;
  /** Limit on objective evaluations (SciPy's maxfev). */
  maxFun?: number;
  /** Absolute tolerance on x between the best vertex and the others (default 1e-4). */
  xatol?: number;
  /** Absolute tolerance on f between the best vertex and the others (default 1e-4). */
  fatol?: number;
  /** Use coefficients adapted to the dimension (better for many variables). */
  adaptive?: boolean;
  /** n + 1 starting vertices, each of length n, instead of the default simplex around x0. */
  initialSimplex?: ReadonlyArray<ArrayLike<number>> | NdArray;
  callback?: OptimizeCallback;
}

export const NELDER_MEAD_MESSAGES = {
  success: 'Optimization terminated successfully.',
  maxFun: 'Maximum number of function evaluations has been exceeded.',
  maxIter: 'Maximum number of iterations has been exceeded.',
} as const;

class BudgetExhausted extends Error {}

/** Runs Nelder–Mead on a prepared objective; x0 is clipped into the box first. */
export function nelderMead(obj: Objective, x0: Float64Array, box: Box | null, options: NelderMeadOptions = {}): OptimizeResult {
  const n = x0.length;
  let maxIter: number;
  let maxFun: number;
  if (options.maxIter === undefined && options.maxFun === undefined) {
    maxIter = maxFun = 200 * n;
  } else {
    maxIter = numberOption(options.maxIter, 'maxIter', Infinity, { min: 0 });
    maxFun = numberOption(options.maxFun, 'maxFun', Infinity, { min: 1 });
    if (maxIter === Infinity && maxFun === Infinity) maxIter = 200 * n;
  }
  const xatol = numberOption(options.xatol, 'xatol', 1e-4, { min: 0 });
  const fatol = numberOption(options.fatol, 'fatol', 1e-4, { min: 0 });
  const adaptive = options.adaptive === true;
  const rho = 1;
  const chi = adaptive ? 1 + 2 / n : 2;
  const psi = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const sigma = adaptive ? 1 - 1 / n : 0.5;
  const { callback } = options;

  const start = projectInPlace(x0.slice(), box);
  let sim: Float64Array[];
  if (options.initialSimplex !== undefined) {
    sim = readSimplex(options.initialSimplex, n);
  } else {
    sim = [start.slice()];
    for (let k = 0; k < n; k++) {
      const v = start.slice();
      v[k] = v[k] !== 0 ? 1.05 * v[k]! : 0.00025;
      sim.push(v);
    }
  }
  for (const v of sim) projectInPlace(v, box);

  let fsim = new Float64Array(n + 1).fill(Infinity);
  let calls = 0;
  const f = (x: Float64Array): number => {
    if (calls >= maxFun) throw new BudgetExhausted();
    calls++;
    return obj.value(x);
  };
  const sortSimplex = (): void => {
    const order = Array.from(fsim.keys()).sort((a, b) => cmp(fsim[a]!, fsim[b]!));
    sim = order.map((i) => sim[i]!);
    fsim = Float64Array.from(order, (i) => fsim[i]!);
  };

  // The objective must be finite at the first vertex (x0 unless initialSimplex is given).
  fsim[0] = obj.checkStart(sim[0]!, false) as number;
  calls = 1;
  try {
    for (let k = 1; k <= n; k++) fsim[k] = f(sim[k]!);
  } catch (e) {
    if (!(e instanceof BudgetExhausted)) throw e;
  }
  sortSimplex();

  const combine = (a: number, u: Float64Array, b: number, v: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = a * u[i]! + b * v[i]!;
    return projectInPlace(out, box);
  };

  let iterations = 1;
  let stopped = false;
  while (calls < maxFun && iterations < maxIter) {
    try {
      if (converged(sim, fsim, xatol, fatol)) break;
      const xbar = new Float64Array(n);
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) xbar[i] += sim[k]![i]!;
      for (let i = 0; i < n; i++) xbar[i] /= n;
      const worst = sim[n]!;
      const xr = combine(1 + rho, xbar, -rho, worst);
      const fxr = f(xr);
      if (fxr < fsim[0]!) {
        const xe = combine(1 + rho * chi, xbar, -rho * chi, worst);
        const fxe = f(xe);
        if (fxe < fxr) {
          sim[n] = xe;
          fsim[n] = fxe;
        } else {
          sim[n] = xr;
          fsim[n] = fxr;
        }
      } else if (fxr < fsim[n - 1]!) {
        sim[n] = xr;
        fsim[n] = fxr;
      } else {
        let shrink = false;
        if (fxr < fsim[n]!) {
          const xc = combine(1 + psi * rho, xbar, -psi * rho, worst);
          const fxc = f(xc);
          if (fxc <= fxr) {
            sim[n] = xc;
            fsim[n] = fxc;
          } else shrink = true;
        } else {
          const xcc = combine(1 - psi, xbar, psi, worst);
          const fxcc = f(xcc);
          if (fxcc < fsim[n]!) {
            sim[n] = xcc;
            fsim[n] = fxcc;
          } else shrink = true;
        }
        if (shrink) {
          const best = sim[0]!;
          for (let j = 1; j <= n; j++) {
            const v = new Float64Array(n);
            for (let i = 0; i < n; i++) v[i] = best[i]! + sigma * (sim[j]![i]! - best[i]!);
            sim[j] = projectInPlace(v, box);
            fsim[j] = f(sim[j]!);
          }
        }
      }
      iterations++;
    } catch (e) {
      if (!(e instanceof BudgetExhausted)) throw e;
    }
    sortSimplex();
    if (callback !== undefined && callback(sim[0]!.slice(), { nit: iterations, fun: fsim[0]! }) === true) {
      stopped = true;
      break;
    }
  }

  let status = 0;
  let message: string = NELDER_MEAD_MESSAGES.success;
  if (stopped) {
    status = 99;
    message = STOPPED_BY_CALLBACK;
  } else if (calls >= maxFun) {
    status = 1;
    message = NELDER_MEAD_MESSAGES.maxFun;
  } else if (iterations >= maxIter) {
    status = 2;
    message = NELDER_MEAD_MESSAGES.maxIter;
  }
  let best = Infinity;
  for (let k = 0; k <= n; k++) if (fsim[k]! < best) best = fsim[k]!;
  return {
    x: sim[0]!.slice(),
    fun: Number.isNaN(fsim[0]!) ? fsim[0]! : best,
    nit: iterations,
    nfev: obj.nfev,
    njev: 0,
    success: status === 0,
    status,
    message,
    finalSimplex: { vertices: sim.map((v) => v.slice()), values: fsim.slice() },
  };
}

/** Ascending order with NaN last (as NumPy's argsort). */
function cmp(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function converged(sim: Float64Array[], fsim: Float64Array, xatol: number, fatol: number): boolean {
  const best = sim[0]!;
  for (let k = 1; k < sim.length; k++) {
    const v = sim[k]!;
    for (let i = 0; i < best.length; i++) if (!(Math.abs(v[i]! - best[i]!) <= xatol)) return false;
  }
  for (let k = 1; k < fsim.length; k++) if (!(Math.abs(fsim[0]! - fsim[k]!) <= fatol)) return false;
  return true;
}

function readSimplex(value: ReadonlyArray<ArrayLike<number>> | NdArray, n: number): Float64Array[] {
  let rows: Float64Array[];
  if (Array.isArray(value)) {
    rows = value.map((r, i) => toVector(r as ArrayLike<number>, `initialSimplex[${i}]`));
  } else {
    const arr = value as NdArray;
    if (arr.ndim !== 2) {
      throw new ShapeError(`initialSimplex must have shape (${n + 1}, ${n}), got (${arr.shape.join(', ')}).`);
    }
    const flat = arr.toFloat64Array();
    const cols = arr.shape[1]!;
    rows = Array.from({ length: arr.shape[0]! }, (_, i) => flat.slice(i * cols, (i + 1) * cols));
  }
  if (rows.length !== n + 1 || rows.some((r) => r.length !== n)) {
    const got = rows.map((r) => r.length);
    throw new ShapeError(
      `initialSimplex must hold n + 1 = ${n + 1} vertices of length n = ${n} (the length of x0), ` +
        `got ${rows.length} vertices of lengths [${got.join(', ')}].`,
    );
  }
  return rows;
}
