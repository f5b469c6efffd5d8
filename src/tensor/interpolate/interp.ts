/** NumPy's `interp`: piecewise-linear interpolation of sampled points. */
import { asArray } from '../create.js';
import { ValueError } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import { assertMinPoints, assertSameLength, assertStrictlyIncreasing, toVector } from './validate.js';

export interface InterpOptions {
  /** Value for x < xp[0] (default fp[0]). */
  left?: number;
  /** Value for x > xp[last] (default fp[last]). */
  right?: number;
  /**
   * Period of the x-coordinates: xp is taken modulo `period` and sorted, and interpolation wraps
   * around (left/right are then ignored). Without it xp must be strictly increasing.
   */
  period?: number;
}

/** Interpolates one value with NumPy's formula; xp strictly increasing, length ≥ 2. */
function interpOne(v: number, xp: Float64Array, fp: Float64Array, slopes: Float64Array, left: number, right: number): number {
  const n = xp.length;
  if (Number.isNaN(v)) return v;
  if (v < xp[0]!) return left;
  if (v > xp[n - 1]!) return right;
  if (v === xp[n - 1]!) return fp[n - 1]!;
  let lo = 0;
  let hi = n - 1; // xp[lo] <= v < xp[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (xp[mid]! <= v) lo = mid;
    else hi = mid;
  }
  if (xp[lo] === v) return fp[lo]!;
  const slope = slopes[lo]!;
  let r = slope * (v - xp[lo]!) + fp[lo]!;
  if (Number.isNaN(r)) {
    r = slope * (v - xp[lo + 1]!) + fp[lo + 1]!;
    if (Number.isNaN(r) && fp[lo] === fp[lo + 1]) r = fp[lo]!;
  }
  return r;
}

/**
 * One-dimensional linear interpolation, with NumPy's `interp(x, xp, fp, left, right, period)`
 * semantics: exact sample values at the sample points, `left`/`right` outside the range,
 * NaN in x gives NaN.
 *
 * @param x - where to evaluate: a number (returns a number) or any array (returns an NdArray of its shape)
 * @param xp - sample x-coordinates, strictly increasing (any order with `period`)
 * @param fp - sample values, same length as xp
 *
 * @example
 * interp(2.5, [1, 2, 3], [3, 2, 0]);             // 1
 * interp([0, 1.5, 5], [1, 2, 3], [3, 2, 0]).toArray(); // [3, 2.5, 0]
 * interp(0, [1, 2], [10, 20], { left: -1 });      // -1
 */
export function interp(x: number, xp: ArrayLikeInput, fp: ArrayLikeInput, options?: InterpOptions): number;
export function interp(x: ArrayLikeInput, xp: ArrayLikeInput, fp: ArrayLikeInput, options?: InterpOptions): NdArray<'float64'>;
export function interp(x: ArrayLikeInput, xp: ArrayLikeInput, fp: ArrayLikeInput, options: InterpOptions = {}): number | NdArray<'float64'> {
  let xs = toVector(xp, 'xp', 'interp');
  let fs = toVector(fp, 'fp', 'interp');
  assertSameLength(xs, fs, 'xp', 'fp', 'interp');
  assertMinPoints(xs.length, 1, 'interp');
  const xa = typeof x === 'number' ? null : asArray(x);
  const xv = xa === null ? Float64Array.of(x as number) : xa.toFloat64Array();
  let left = options.left ?? fs[0]!;
  let right = options.right ?? fs[fs.length - 1]!;
  const period = options.period;
  if (period !== undefined) {
    if (!Number.isFinite(period) || period === 0) throw new ValueError(`interp: period must be a finite non-zero number, got ${period}.`);
    const p = Math.abs(period);
    const wrap = (v: number): number => ((v % p) + p) % p;
    for (let i = 0; i < xv.length; i++) xv[i] = wrap(xv[i]!);
    const order = Array.from(xs, (_, i) => i).sort((a, b) => wrap(xs[a]!) - wrap(xs[b]!));
    const n = xs.length;
    const px = new Float64Array(n + 2);
    const pf = new Float64Array(n + 2);
    order.forEach((src, k) => {
      px[k + 1] = wrap(xs[src]!);
      pf[k + 1] = fs[src]!;
    });
    px[0] = px[n]! - p;
    pf[0] = pf[n]!;
    px[n + 1] = px[1]! + p;
    pf[n + 1] = pf[1]!;
    xs = px;
    fs = pf;
    left = fs[0]!;
    right = fs[n + 1]!;
  }
  assertStrictlyIncreasing(xs, period === undefined ? 'xp' : 'xp (reduced modulo period, sorted, wrapped)', 'interp');
  const out = new Float64Array(xv.length);
  if (xs.length === 1) {
    const x0 = xs[0]!;
    for (let i = 0; i < xv.length; i++) {
      const v = xv[i]!;
      out[i] = Number.isNaN(v) ? v : v < x0 ? left : v > x0 ? right : fs[0]!;
    }
  } else {
    const slopes = new Float64Array(xs.length - 1);
    for (let i = 0; i < slopes.length; i++) slopes[i] = (fs[i + 1]! - fs[i]!) / (xs[i + 1]! - xs[i]!);
    for (let i = 0; i < xv.length; i++) out[i] = interpOne(xv[i]!, xs, fs, slopes, left, right);
  }
  if (xa === null) return out[0]!;
  return new NdArray('float64', out, xa.shape);
}
