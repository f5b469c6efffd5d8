/**
 * A line search for the strong Wolfe conditions (Nocedal & Wright, "Numerical Optimization",
 * 2nd ed., Algorithms 3.5 and 3.6): a bracketing phase that extrapolates until the interval
 * contains acceptable steps, then a zoom phase that shrinks it with safeguarded cubic
 * (falling back to quadratic, then bisection) interpolation. Steps are capped at `alphaMax`,
 * which L-BFGS-B uses to stay inside the box. Near a minimum, where differences of f are lost to
 * rounding, the approximate Wolfe test of Hager & Zhang (2005) stands in for sufficient decrease.
 * Non-finite function values count as "too far",
 * so an objective that overflows or leaves its domain makes the search back off.
 */

/** One trial point of the line search: phi(alpha) = f(x + alpha d) and phi'(alpha) = g·d. */
export interface LinePoint {
  alpha: number;
  f: number;
  dphi: number;
  x: Float64Array;
  g: Float64Array;
}

export interface WolfeOptions {
  /** Sufficient-decrease constant (Armijo), 0 < c1 < c2. */
  c1: number;
  /** Curvature constant, c1 < c2 < 1. */
  c2: number;
  alphaInit: number;
  alphaMax: number;
  /** Most trial points to evaluate. */
  maxEvals: number;
}

/**
 * 'wolfe': both strong Wolfe conditions hold. 'max-step': the step hit alphaMax with sufficient
 * decrease and the slope still negative. 'armijo': only sufficient decrease holds (the search ran
 * out of evaluations). 'failed': no step with sufficient decrease was found.
 */
export type LineSearchStatus = 'wolfe' | 'max-step' | 'armijo' | 'failed';

export interface LineSearchResult {
  point: LinePoint | null;
  status: LineSearchStatus;
  evals: number;
}

interface Trial {
  alpha: number;
  f: number;
  dphi: number;
  point: LinePoint | null;
}

/** Minimizer of the cubic through (a, fa, da) and (b, fb, db); NaN when it has none. */
export function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const rad = d1 * d1 - da * db;
  if (!(rad >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(rad);
  const den = db - da + 2 * d2;
  if (den === 0) return NaN;
  return b - ((b - a) * (db + d2 - d1)) / den;
}

/** Minimizer of the quadratic with value fa and slope da at a and value fb at b; NaN when none. */
function quadraticMinimizer(a: number, fa: number, da: number, b: number, fb: number): number {
  const h = b - a;
  const curv = fb - fa - da * h;
  if (!(curv > 0)) return NaN;
  return a - (da * h * h) / (2 * curv);
}

/**
 * Finds a step along a descent direction that satisfies the strong Wolfe conditions
 *   phi(alpha) <= phi(0) + c1 alpha phi'(0)  and  |phi'(alpha)| <= c2 |phi'(0)|.
 * `phi` evaluates the objective at a step; `dphi0` must be negative.
 */
export function strongWolfeLineSearch(
  phi: (alpha: number) => LinePoint,
  f0: number,
  dphi0: number,
  options: WolfeOptions,
): LineSearchResult {
  const { c1, c2, alphaMax, maxEvals } = options;
  let evals = 0;
  const sufficient = (t: Trial): boolean => Number.isFinite(t.f) && t.f <= f0 + c1 * t.alpha * dphi0;
  const curvature = (t: Trial): boolean => Math.abs(t.dphi) <= -c2 * dphi0;
  // Near a minimum, f(x + αd) − f(x) drowns in rounding and the Armijo test becomes a coin toss.
  // Hager & Zhang's "approximate Wolfe" test replaces it there by its derivative form (exact for a
  // quadratic), phi'(α) <= (2 c1 − 1) phi'(0), as long as f has not risen beyond rounding level.
  const epsF = 1e-12 * Math.abs(f0);
  const acceptable = (t: Trial): boolean =>
    curvature(t) && (sufficient(t) || (t.f <= f0 + epsF && t.dphi <= (2 * c1 - 1) * dphi0));
  const trial = (alpha: number): Trial => {
    evals++;
    const p = phi(alpha);
    return { alpha, f: p.f, dphi: p.dphi, point: p };
  };

  const zoom = (lo: Trial, hi: Trial): LineSearchResult => {
    while (evals < maxEvals) {
      const left = Math.min(lo.alpha, hi.alpha);
      const width = Math.abs(hi.alpha - lo.alpha);
      if (width <= 1e-15 * Math.max(1, Math.abs(hi.alpha))) break;
      const inside = (t: number): boolean => t >= left + 0.1 * width && t <= left + 0.9 * width;
      let t = NaN;
      if (Number.isFinite(hi.f) && Number.isFinite(hi.dphi)) {
        t = cubicMinimizer(lo.alpha, lo.f, lo.dphi, hi.alpha, hi.f, hi.dphi);
      }
      if (!inside(t) && Number.isFinite(hi.f)) t = quadraticMinimizer(lo.alpha, lo.f, lo.dphi, hi.alpha, hi.f);
      if (!inside(t)) t = 0.5 * (lo.alpha + hi.alpha);
      const cur = trial(t);
      if (acceptable(cur)) return { point: cur.point, status: 'wolfe', evals };
      if (!sufficient(cur) || cur.f >= lo.f || !Number.isFinite(cur.dphi)) {
        hi = cur;
      } else {
        if (curvature(cur)) return { point: cur.point, status: 'wolfe', evals };
        if (cur.dphi * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = cur;
      }
    }
    return lo.point !== null ? { point: lo.point, status: 'armijo', evals } : { point: null, status: 'failed', evals };
  };

  if (!(dphi0 < 0)) return { point: null, status: 'failed', evals };
  let prev: Trial = { alpha: 0, f: f0, dphi: dphi0, point: null };
  let alpha = Math.min(options.alphaInit, alphaMax);
  for (;;) {
    const cur = trial(alpha);
    if (acceptable(cur)) return { point: cur.point, status: 'wolfe', evals };
    if (!sufficient(cur) || (prev.point !== null && cur.f >= prev.f) || !Number.isFinite(cur.dphi)) {
      return zoom(prev, cur);
    }
    if (curvature(cur)) return { point: cur.point, status: 'wolfe', evals };
    if (cur.dphi >= 0) return zoom(cur, prev);
    if (alpha >= alphaMax) return { point: cur.point, status: 'max-step', evals };
    if (evals >= maxEvals) return { point: cur.point, status: 'armijo', evals };
    // Still descending: extrapolate, at least 1.1x and at most 4x the last increment.
    const delta = alpha - prev.alpha;
    const lo = alpha + 1.1 * delta;
    const hi = alpha + 4 * delta;
    let next = cubicMinimizer(prev.alpha, prev.f, prev.dphi, alpha, cur.f, cur.dphi);
    next = Number.isFinite(next) ? Math.min(Math.max(next, lo), hi) : hi;
    prev = cur;
    alpha = Math.min(next, alphaMax);
  }
}
