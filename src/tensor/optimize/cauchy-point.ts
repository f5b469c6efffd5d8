/**
 * The generalized Cauchy point of L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995, section 4): the first
 * local minimizer of the quadratic model m(x) = gᵀ(x − x_k) + ½ (x − x_k)ᵀ B (x − x_k) along the
 * projected steepest-descent path x(t) = P(x_k − t g). The path is piecewise linear with a kink
 * wherever a variable reaches a bound; the segments are visited in order of those breakpoints and
 * the model's slope f′ and curvature f″ are updated as each variable becomes fixed.
 *
 * With z = x(t) − x_k, p = Wᵀd and c = Wᵀz, the derivatives along a segment with direction d are
 *   f′ = gᵀd + θ dᵀz − pᵀM c,   f″ = θ dᵀd − pᵀM p,
 * and gᵀd, dᵀd, dᵀz, p and c change by rank-one amounts when one variable is fixed.
 */
import type { Box } from './bounds.js';
import type { LbfgsMemory } from './lbfgs-memory.js';

const EPS = 2.220446049250313e-16;

export interface CauchyPoint {
  /** The generalized Cauchy point. */
  xc: Float64Array;
  /** c = Wᵀ(xc − x), needed by the subspace minimization. */
  c: Float64Array;
  /** 1 for variables that are free (not at a bound) at xc. */
  free: Uint8Array;
}

export function generalizedCauchyPoint(x: Float64Array, g: Float64Array, box: Box, mem: LbfgsMemory): CauchyPoint {
  const n = x.length;
  const { lower, upper } = box;
  const theta = mem.theta;
  const k2 = 2 * mem.size;
  const t = new Float64Array(n);
  const d = new Float64Array(n);
  const free = new Uint8Array(n);
  const xc = x.slice();
  const breaks: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const gi = g[i]!;
    const lo = lower[i]!;
    const hi = upper[i]!;
    let ti: number;
    if (lo === hi || (xi <= lo && gi >= 0) || (xi >= hi && gi <= 0)) ti = 0;
    else if (gi < 0) ti = hi < Infinity ? (xi - hi) / gi : Infinity;
    else if (gi > 0) ti = lo > -Infinity ? (xi - lo) / gi : Infinity;
    else ti = Infinity;
    t[i] = ti;
    if (ti === 0) continue;
    d[i] = -gi;
    free[i] = 1;
    if (ti < Infinity) breaks.push(i);
  }
  breaks.sort((a, b) => t[a]! - t[b]!);

  let dd = 0;
  for (let i = 0; i < n; i++) dd += d[i]! * d[i]!;
  let gd = -dd;
  let dz = 0;
  const p = k2 > 0 ? mem.wTimes(d) : new Float64Array(0);
  const c = new Float64Array(k2);
  const mp = new Float64Array(k2);
  const mc = new Float64Array(k2);
  const w = new Float64Array(k2);
  const quad = (a: Float64Array, ma: Float64Array): number => {
    let s = 0;
    for (let j = 0; j < k2; j++) s += a[j]! * ma[j]!;
    return s;
  };
  if (k2 > 0) mem.applyM(p, mp);
  let fp = gd;
  let fpp = theta * dd - quad(p, mp);
  if (!(fpp > 0)) fpp = theta * dd; // rounding made the model flat: fall back to B = θI along d
  const fppMin = EPS * fpp;
  let dtMin = dd > 0 ? -fp / Math.max(fpp, fppMin) : 0;
  let tOld = 0;

  for (const b of breaks) {
    const dt = t[b]! - tOld;
    if (dtMin < dt) break;
    // Advance to the breakpoint and fix variable b at its bound.
    const db = d[b]!;
    const gb = g[b]!;
    const xb = db > 0 ? upper[b]! : lower[b]!;
    const zb = xb - x[b]!;
    xc[b] = xb;
    for (let j = 0; j < k2; j++) c[j] += dt * p[j]!;
    dz = dz + dt * dd - db * zb;
    dd -= db * db;
    gd += gb * gb;
    if (k2 > 0) {
      mem.row(b, w);
      for (let j = 0; j < k2; j++) p[j] -= db * w[j]!;
    }
    d[b] = 0;
    free[b] = 0;
    tOld = t[b]!;
    if (dd <= 0) {
      dtMin = 0;
      break;
    }
    if (k2 > 0) {
      mem.applyM(p, mp);
      mem.applyM(c, mc);
    }
    fp = gd + theta * dz - quad(p, mc);
    fpp = Math.max(theta * dd - quad(p, mp), fppMin);
    dtMin = -fp / fpp;
  }
  if (!(dtMin > 0)) dtMin = 0;
  const tEnd = tOld + dtMin;
  for (let i = 0; i < n; i++) {
    if (d[i] !== 0) {
      let v = x[i]! + tEnd * d[i]!;
      if (v < lower[i]!) v = lower[i]!;
      else if (v > upper[i]!) v = upper[i]!;
      xc[i] = v;
    }
  }
  for (let j = 0; j < k2; j++) c[j] += dtMin * p[j]!;
  return { xc, c, free };
}
