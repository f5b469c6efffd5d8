/**
 * Distance metrics for neighbor searches. Searches compare "reduced" distances, which order
 * points the same way as the true distance but are cheaper (the squared distance for
 * Euclidean, Σ|x−y|^p for Minkowski p), and convert to true distances only for the output.
 */
import { ParamError } from '../base/errors.js';

/** Metric names accepted by the neighbors estimators (scikit-learn's spellings). */
export type MetricName = 'minkowski' | 'euclidean' | 'manhattan' | 'cityblock' | 'l1' | 'l2' | 'chebyshev' | 'infinity';

/** The four computational families: p = 2, p = 1, p = ∞ and any other p ≥ 1. */
export type MetricKind = 'l2' | 'l1' | 'linf' | 'lp';

/** A resolved metric: its family, exponent and the reduced-distance conversions. */
export interface Metric {
  readonly kind: MetricKind;
  readonly p: number;
}

/**
 * Resolves a metric name and Minkowski exponent (`p`, used only by 'minkowski') to a Metric.
 * @example
 * resolveMetric('minkowski', 1).kind; // 'l1'
 */
export function resolveMetric(name: MetricName, p: number, who: string): Metric {
  switch (name) {
    case 'euclidean':
    case 'l2':
      return { kind: 'l2', p: 2 };
    case 'manhattan':
    case 'cityblock':
    case 'l1':
      return { kind: 'l1', p: 1 };
    case 'chebyshev':
    case 'infinity':
      return { kind: 'linf', p: Infinity };
    case 'minkowski':
      if (!(p >= 1)) throw new ParamError(`${who}: p must be >= 1 for the Minkowski metric, got ${p}; use p=1 (Manhattan) or p=2 (Euclidean).`);
      if (p === 2) return { kind: 'l2', p: 2 };
      if (p === 1) return { kind: 'l1', p: 1 };
      if (p === Infinity) return { kind: 'linf', p: Infinity };
      return { kind: 'lp', p };
    default:
      throw new ParamError(
        `${who}: unknown metric '${String(name)}'. Use one of minkowski, euclidean, manhattan, cityblock, l1, l2, chebyshev, infinity.`,
      );
  }
}

/** Reduced distance between row `a` of `x` and row `b` of `y` (both row-major with `d` columns). */
export function rdist(m: Metric, x: Float64Array, a: number, y: Float64Array, b: number, d: number): number {
  const xo = a * d;
  const yo = b * d;
  let s = 0;
  switch (m.kind) {
    case 'l2':
      for (let j = 0; j < d; j++) {
        const t = x[xo + j]! - y[yo + j]!;
        s += t * t;
      }
      return s;
    case 'l1':
      for (let j = 0; j < d; j++) s += Math.abs(x[xo + j]! - y[yo + j]!);
      return s;
    case 'linf':
      for (let j = 0; j < d; j++) s = Math.max(s, Math.abs(x[xo + j]! - y[yo + j]!));
      return s;
    default:
      for (let j = 0; j < d; j++) s += Math.abs(x[xo + j]! - y[yo + j]!) ** m.p;
      return s;
  }
}

/** True distance from a reduced one. */
export function toDistance(m: Metric, r: number): number {
  return m.kind === 'l2' ? Math.sqrt(r) : m.kind === 'lp' ? r ** (1 / m.p) : r;
}

/** Reduced distance from a true one. */
export function toReduced(m: Metric, dist: number): number {
  return m.kind === 'l2' ? dist * dist : m.kind === 'lp' ? dist ** m.p : dist;
}

/** Reduced "length" of a per-axis gap vector accumulated term by term (see the trees' bounds). */
export function reduceTerm(m: Metric, gap: number): number {
  return m.kind === 'l2' ? gap * gap : m.kind === 'lp' ? gap ** m.p : gap;
}
