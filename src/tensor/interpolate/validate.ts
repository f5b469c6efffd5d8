/** Input checks shared by the interpolators. Internal to interpolate. */
import { asArray } from '../create.js';
import { ShapeError, ValueError, formatShape } from '../errors.js';
import type { ArrayLikeInput } from '../ndarray.js';

/** A fresh float64 copy of a 1-D input; the error names the argument and the function. */
export function toVector(value: ArrayLikeInput, name: string, fn: string): Float64Array {
  const a = asArray(value);
  if (a.ndim !== 1) throw new ShapeError(`${fn}: ${name} must be 1-D, got shape ${formatShape(a.shape)}.`);
  return a.toFloat64Array();
}

/** Throws unless every value is finite, naming the first offender. */
export function assertFiniteVector(v: Float64Array, name: string, fn: string): void {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]!)) {
      throw new ValueError(`${fn}: ${name} must contain only finite values, but ${name}[${i}] = ${v[i]}; remove or impute it first.`);
    }
  }
}

/** Throws unless x[i] < x[i+1] for all i, naming the first pair that breaks it. */
export function assertStrictlyIncreasing(x: Float64Array, name: string, fn: string): void {
  for (let i = 1; i < x.length; i++) {
    if (!(x[i]! > x[i - 1]!)) {
      throw new ValueError(
        `${fn}: ${name} must be strictly increasing, but ${name}[${i}] = ${x[i]} is not greater than ${name}[${i - 1}] = ${x[i - 1]}; ` +
          'sort the points (and their values) and drop duplicates.',
      );
    }
  }
}

export function assertSameLength(x: Float64Array, y: Float64Array, xName: string, yName: string, fn: string): void {
  if (x.length !== y.length) {
    throw new ShapeError(`${fn}: ${xName} and ${yName} must have the same length, got ${x.length} and ${y.length}.`);
  }
}

export function assertMinPoints(n: number, min: number, fn: string, why = ''): void {
  if (n < min) throw new ValueError(`${fn} needs at least ${min} points${why}, got ${n}.`);
}

/**
 * Index of the interval [xs[i], xs[i+1]) holding v, for v inside [xs[0], xs[n-1]]:
 * the largest i ≤ n-2 with xs[i] ≤ v. Values below give 0 and above give n-2 (extrapolation).
 */
export function findInterval(xs: Float64Array, v: number): number {
  const last = xs.length - 2;
  if (!(v >= xs[0]!)) return 0;
  if (v >= xs[last]!) return last;
  let lo = 0;
  let hi = last; // xs[lo] <= v < xs[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** NumPy's searchsorted on a sorted array: first i with xs[i] >= v ('left') or > v ('right'). */
export function searchSorted(xs: Float64Array, v: number, side: 'left' | 'right'): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (side === 'left' ? xs[mid]! < v : xs[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
