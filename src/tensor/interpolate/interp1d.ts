/** Interp1d: SciPy's `interp1d` — a reusable 1-D interpolant of several kinds. */
import { asArray } from '../create.js';
import { ValueError } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import { CubicSpline } from './cubic-spline.js';
import { assertFiniteVector, assertMinPoints, assertSameLength, assertStrictlyIncreasing, searchSorted, toVector } from './validate.js';

export type Interp1dKind = 'linear' | 'nearest' | 'nearest-up' | 'previous' | 'next' | 'cubic';

const KINDS: readonly Interp1dKind[] = ['linear', 'nearest', 'nearest-up', 'previous', 'next', 'cubic'];
const MIN_POINTS: Record<Interp1dKind, number> = { linear: 2, nearest: 1, 'nearest-up': 1, previous: 1, next: 1, cubic: 4 };

export interface Interp1dOptions {
  /**
   * 'linear' (default); 'nearest' (halfway rounds down) / 'nearest-up' (rounds up);
   * 'previous' / 'next' (step functions); 'cubic' (not-a-knot cubic spline, as SciPy's).
   */
  kind?: Interp1dKind;
  /**
   * Value outside the data range: a number (default NaN), a `[below, above]` pair, or
   * 'extrapolate' to extend the interpolant.
   */
  fillValue?: number | readonly [number, number] | 'extrapolate';
  /**
   * Throw on x outside the data range. Default: true unless fillValue is 'extrapolate' (SciPy's
   * rule), so pass `boundsError: false` to get fill values.
   */
  boundsError?: boolean;
}

export class Interp1d {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly kind: Interp1dKind;
  readonly boundsError: boolean;
  private readonly extrapolate: boolean;
  private readonly below: number;
  private readonly above: number;
  private readonly bounds: Float64Array | null;
  private readonly spline: CubicSpline | null;

  /**
   * @param x - strictly increasing sample points (SciPy sorts them; Strata asks you to)
   * @param y - sample values, same length
   *
   * @example
   * const f = new Interp1d([0, 1, 2], [0, 10, 20]);
   * f.evaluate(1.5); // 15
   * const g = new Interp1d([0, 1, 2], [0, 10, 20], { kind: 'previous', boundsError: false, fillValue: -1 });
   * g.evaluate([0.5, 3]).toArray(); // [0, -1]
   */
  constructor(x: ArrayLikeInput, y: ArrayLikeInput, options: Interp1dOptions = {}) {
    const fn = 'interp1d';
    const kind = options.kind ?? 'linear';
    if (!KINDS.includes(kind)) throw new ValueError(`${fn}: kind ${JSON.stringify(kind)} is not supported; use one of ${KINDS.join(', ')}.`);
    this.kind = kind;
    this.x = toVector(x, 'x', fn);
    this.y = toVector(y, 'y', fn);
    assertSameLength(this.x, this.y, 'x', 'y', fn);
    assertMinPoints(this.x.length, MIN_POINTS[kind], fn, ` for kind '${kind}'`);
    assertFiniteVector(this.x, 'x', fn);
    assertStrictlyIncreasing(this.x, 'x', fn);
    const fill = options.fillValue ?? NaN;
    this.extrapolate = fill === 'extrapolate';
    if (this.extrapolate && options.boundsError === true) {
      throw new ValueError(`${fn}: cannot both extrapolate (fillValue 'extrapolate') and throw on out-of-range x (boundsError: true).`);
    }
    this.boundsError = options.boundsError ?? !this.extrapolate;
    const n = this.y.length;
    if (this.extrapolate) {
      this.below = NaN;
      this.above = NaN;
    } else if (typeof fill === 'number') {
      this.below = fill;
      this.above = fill;
    } else if (Array.isArray(fill) && fill.length === 2 && typeof fill[0] === 'number' && typeof fill[1] === 'number') {
      this.below = fill[0];
      this.above = fill[1];
    } else {
      throw new ValueError(`${fn}: fillValue must be a number, a [below, above] pair or 'extrapolate', got ${JSON.stringify(fill)}.`);
    }
    this.bounds = null;
    if (kind === 'nearest' || kind === 'nearest-up') {
      const b = new Float64Array(Math.max(0, n - 1));
      for (let i = 0; i < n - 1; i++) b[i] = this.x[i]! / 2 + this.x[i + 1]! / 2;
      this.bounds = b;
    }
    this.spline = kind === 'cubic' ? new CubicSpline(this.x, this.y) : null;
  }

  private inRange(v: number): number {
    const xs = this.x;
    const n = xs.length;
    switch (this.kind) {
      case 'linear': {
        // SciPy's formula: the piece left of searchsorted(x, v), clipped to 1..n−1.
        const hi = Math.min(Math.max(searchSorted(xs, v, 'left'), 1), n - 1);
        const lo = hi - 1;
        const slope = (this.y[hi]! - this.y[lo]!) / (xs[hi]! - xs[lo]!);
        return slope * (v - xs[lo]!) + this.y[lo]!;
      }
      case 'nearest':
      case 'nearest-up': {
        const i = searchSorted(this.bounds!, v, this.kind === 'nearest' ? 'left' : 'right');
        return this.y[Math.min(i, n - 1)]!;
      }
      case 'previous': {
        // largest i with x[i] ≤ v
        const i = searchSorted(xs, v, 'right') - 1;
        return this.y[Math.max(i, 0)]!;
      }
      case 'next': {
        // smallest i with x[i] ≥ v
        const i = searchSorted(xs, v, 'left');
        return this.y[Math.min(i, n - 1)]!;
      }
      case 'cubic':
        return this.spline!.evaluate(v);
    }
  }

  private valueAt(v: number): number {
    if (Number.isNaN(v)) return NaN;
    const xs = this.x;
    const lo = xs[0]!;
    const hi = xs[xs.length - 1]!;
    if (v < lo || v > hi) {
      if (this.boundsError) {
        throw new ValueError(
          `interp1d: x = ${v} is ${v < lo ? 'below' : 'above'} the interpolation range [${lo}, ${hi}]; ` +
            "pass boundsError: false with a fillValue, or fillValue: 'extrapolate'.",
        );
      }
      if (!this.extrapolate) return v < lo ? this.below : this.above;
      // SciPy: 'previous' has no value below the data and 'next' none above.
      if ((this.kind === 'previous' && v < lo) || (this.kind === 'next' && v > hi)) return NaN;
    }
    return this.inRange(v);
  }

  /** Interpolated values at x: a number for a number, an NdArray of x's shape otherwise. */
  evaluate(x: number): number;
  evaluate(x: ArrayLikeInput): NdArray<'float64'>;
  evaluate(x: ArrayLikeInput): number | NdArray<'float64'> {
    if (typeof x === 'number') return this.valueAt(x);
    const a = asArray(x);
    const v = a.toFloat64Array();
    for (let i = 0; i < v.length; i++) v[i] = this.valueAt(v[i]!);
    return new NdArray('float64', v, a.shape);
  }
}

/**
 * Builds an `Interp1d` (SciPy's `interp1d(x, y, kind, fill_value, bounds_error)`).
 *
 * @example
 * const f = interp1d([0, 1, 2, 3], [0, 1, 8, 27], { kind: 'cubic' });
 * f.evaluate(1.5); // ≈ 3.375
 */
export function interp1d(x: ArrayLikeInput, y: ArrayLikeInput, options: Interp1dOptions = {}): Interp1d {
  return new Interp1d(x, y, options);
}
