/**
 * Subspace minimization of L-BFGS-B (the "direct primal method" of Byrd, Lu, Nocedal & Zhu 1995,
 * section 5.1, with the projection step of Morales & Nocedal 2011): with the variables that are
 * at a bound at the Cauchy point held fixed, minimize the quadratic model over the free ones.
 *
 * The reduced gradient is r = Zᵀ(g + θ(xc − x) − W M c) and the reduced Hessian
 * B̂ = θI − ZᵀW M WᵀZ; its inverse comes from the Sherman–Morrison–Woodbury formula
 *   B̂⁻¹ = I/θ + (1/θ²) ZᵀW N⁻¹ M WᵀZ,   N = I − (1/θ) M WᵀZ ZᵀW,
 * so only a 2k×2k system is solved. The unconstrained step xc + Z d̂ is projected onto the box;
 * when that projection is not a descent direction from x, the step is instead shortened to the
 * largest feasible fraction of d̂ (the 1995 rule).
 */
import type { Box } from './bounds.js';
import type { CauchyPoint } from './cauchy-point.js';
import type { LbfgsMemory } from './lbfgs-memory.js';
import { solveSmallDense } from './dense-solve.js';

/** Returns x̄, the end point of the search direction d = x̄ − x. */
export function subspaceMinimization(
  x: Float64Array,
  g: Float64Array,
  box: Box,
  mem: LbfgsMemory,
  cp: CauchyPoint,
): Float64Array {
  const n = x.length;
  const k2 = 2 * mem.size;
  const { xc, c, free } = cp;
  if (k2 === 0) return xc;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (free[i]) idx.push(i);
  if (idx.length === 0) return xc;
  const theta = mem.theta;
  const { lower, upper } = box;

  const mc = mem.applyM(c);
  const w = new Float64Array(k2);
  const r = new Float64Array(idx.length);
  const wzr = new Float64Array(k2); // WᵀZ r
  const a = new Float64Array(k2 * k2); // WᵀZ ZᵀW
  for (let f = 0; f < idx.length; f++) {
    const i = idx[f]!;
    mem.row(i, w);
    let wmc = 0;
    for (let j = 0; j < k2; j++) wmc += w[j]! * mc[j]!;
    const ri = g[i]! + theta * (xc[i]! - x[i]!) - wmc;
    r[f] = ri;
    for (let j = 0; j < k2; j++) {
      const wj = w[j]!;
      wzr[j] += wj * ri;
      const rowOff = j * k2;
      for (let l = 0; l <= j; l++) a[rowOff + l] += wj * w[l]!;
    }
  }
  for (let j = 0; j < k2; j++) for (let l = 0; l < j; l++) a[l * k2 + j] = a[j * k2 + l]!;

  // N = I − (1/θ) M A, built column by column.
  const nMat = new Float64Array(k2 * k2);
  const col = new Float64Array(k2);
  const mcol = new Float64Array(k2);
  for (let j = 0; j < k2; j++) {
    for (let l = 0; l < k2; l++) col[l] = a[l * k2 + j]!;
    mem.applyM(col, mcol);
    for (let l = 0; l < k2; l++) nMat[l * k2 + j] = (l === j ? 1 : 0) - mcol[l]! / theta;
  }
  const v = mem.applyM(wzr);
  const u = solveSmallDense(nMat, v, k2);
  if (u === null) return xc;

  // d̂ = −r/θ − ZᵀW u / θ², then project xc + d̂ onto the box.
  const dhat = new Float64Array(idx.length);
  const xbar = xc.slice();
  for (let f = 0; f < idx.length; f++) {
    const i = idx[f]!;
    mem.row(i, w);
    let wu = 0;
    for (let j = 0; j < k2; j++) wu += w[j]! * u[j]!;
    const di = -r[f]! / theta - wu / (theta * theta);
    dhat[f] = di;
    let vi = xc[i]! + di;
    if (vi < lower[i]!) vi = lower[i]!;
    else if (vi > upper[i]!) vi = upper[i]!;
    xbar[i] = vi;
  }
  let slope = 0;
  for (let i = 0; i < n; i++) slope += (xbar[i]! - x[i]!) * g[i]!;
  if (slope < 0) return xbar;

  // Fall back: the largest step along d̂ (at most 1) that keeps every free variable feasible.
  let step = 1;
  for (let f = 0; f < idx.length; f++) {
    const i = idx[f]!;
    const di = dhat[f]!;
    if (di < 0 && lower[i]! > -Infinity) step = Math.min(step, (lower[i]! - xc[i]!) / di);
    else if (di > 0 && upper[i]! < Infinity) step = Math.min(step, (upper[i]! - xc[i]!) / di);
  }
  step = Math.max(step, 0);
  for (let f = 0; f < idx.length; f++) {
    const i = idx[f]!;
    xbar[i] = xc[i]! + step * dhat[f]!;
  }
  return xbar;
}
