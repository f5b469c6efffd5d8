/** Box constraints lo <= x <= hi: parsing the user's `bounds` list, projecting onto the box. */
import { ShapeError, ValueError } from '../errors.js';

/** One variable's bounds; `null`/`undefined` (or ±Infinity) means unbounded on that side. */
export type Bound = readonly [number | null | undefined, number | null | undefined];

/** One `[lo, hi]` pair per variable, in the order of x; a missing pair leaves that variable free. */
export type BoundsInput = ReadonlyArray<Bound | null | undefined>;

/** Bounds as two dense vectors, with -Infinity/+Infinity for missing sides. */
export interface Box {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** True when every variable has both a finite lower and a finite upper bound. */
  readonly boxed: boolean;
}

/**
 * Parses `bounds` for `n` variables. Returns null when no variable is actually bounded
 * (so unconstrained code paths are taken).
 */
export function parseBounds(bounds: BoundsInput | undefined | null, n: number): Box | null {
  if (bounds === undefined || bounds === null) return null;
  if (!Array.isArray(bounds)) {
    throw new ValueError('bounds must be an array of [lo, hi] pairs, one per variable, e.g. [[0, 1], [null, 5]].');
  }
  if (bounds.length !== n) {
    throw new ShapeError(
      `bounds has ${bounds.length} pair${bounds.length === 1 ? '' : 's'} but x0 has ${n} element${n === 1 ? '' : 's'}; ` +
        'give one [lo, hi] pair per variable (use [null, null] for an unbounded one).',
    );
  }
  const lower = new Float64Array(n).fill(-Infinity);
  const upper = new Float64Array(n).fill(Infinity);
  let any = false;
  let boxed = true;
  for (let i = 0; i < n; i++) {
    const pair = bounds[i];
    if (pair === null || pair === undefined) {
      boxed = false;
      continue;
    }
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new ValueError(`bounds[${i}] must be a [lo, hi] pair, got ${JSON.stringify(pair)}.`);
    }
    const lo = side(pair[0], i, 'lower');
    const hi = side(pair[1], i, 'upper');
    if (lo === Infinity) throw new ValueError(`Lower bound of variable ${i} is +Infinity; no value can satisfy it.`);
    if (hi === -Infinity) throw new ValueError(`Upper bound of variable ${i} is -Infinity; no value can satisfy it.`);
    if (lo > hi) {
      throw new ValueError(
        `Lower bound ${lo} is greater than upper bound ${hi} for variable ${i}; give bounds as [lo, hi] with lo <= hi.`,
      );
    }
    lower[i] = lo;
    upper[i] = hi;
    if (lo > -Infinity || hi < Infinity) any = true;
    if (!(lo > -Infinity && hi < Infinity)) boxed = false;
  }
  return any ? { lower, upper, boxed } : null;
}

function side(v: number | null | undefined, i: number, which: 'lower' | 'upper'): number {
  if (v === null || v === undefined) return which === 'lower' ? -Infinity : Infinity;
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new ValueError(`The ${which} bound of variable ${i} is ${String(v)}; use a number, or null for no bound.`);
  }
  return v;
}

/** Clips x into the box in place and returns it. */
export function projectInPlace(x: Float64Array, box: Box | null): Float64Array {
  if (box === null) return x;
  const { lower, upper } = box;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v < lower[i]!) x[i] = lower[i]!;
    else if (v > upper[i]!) x[i] = upper[i]!;
  }
  return x;
}

/**
 * The infinity norm of the projected gradient P(x - g) - x: zero exactly at a first-order
 * stationary point of the box-constrained problem.
 */
export function projectedGradientNorm(x: Float64Array, g: Float64Array, box: Box | null): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    let gi = g[i]!;
    if (box !== null) {
      if (gi < 0) gi = Math.max(x[i]! - box.upper[i]!, gi);
      else gi = Math.min(x[i]! - box.lower[i]!, gi);
    }
    const a = Math.abs(gi);
    if (a > m || a !== a) m = a;
  }
  return m;
}
