/** Row slices: head, tail, slice and seeded samples. */
import { random } from '../../tensor/index.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { take } from './take.js';

/**
 * Rows start..end (end exclusive; negative values count from the end), sharing storage.
 *
 * @example
 * slice(df, 10, 20).numRows; // 10
 */
export function slice<R extends AnyRow>(df: DataFrame<R>, start: number, end: number = df.numRows): DataFrame<R> {
  const n = df.numRows;
  const s = Math.max(0, Math.min(n, start < 0 ? n + start : start));
  const e = Math.max(s, Math.min(n, end < 0 ? n + end : end));
  return df.withColumns(df.columns.map((c) => c.slice(s, e)), e - s) as DataFrame<R>;
}

/** The first n rows (all but the last -n when n is negative). */
export function head<R extends AnyRow>(df: DataFrame<R>, n = 5): DataFrame<R> {
  return n >= 0 ? slice(df, 0, n) : slice(df, 0, Math.max(0, df.numRows + n));
}

/** The last n rows (all but the first -n when n is negative). */
export function tail<R extends AnyRow>(df: DataFrame<R>, n = 5): DataFrame<R> {
  return n >= 0 ? slice(df, Math.max(0, df.numRows - n)) : slice(df, -n);
}

export interface SampleOptions {
  /** Number of rows (default 1 unless frac is given). */
  n?: number;
  /** Fraction of rows instead of n. */
  frac?: number;
  /** Draw with replacement. */
  replace?: boolean;
  /** Seed for the generator; the same seed gives the same rows. */
  seed?: number;
}

/**
 * A random sample of rows, seeded for reproducibility.
 *
 * @example
 * sample(df, { frac: 0.1, seed: 42 });
 */
export function sample<R extends AnyRow>(df: DataFrame<R>, options: SampleOptions | number = {}): DataFrame<R> {
  const o = typeof options === 'number' ? { n: options } : options;
  if (o.n !== undefined && o.frac !== undefined) throw new FrameError('sample: give n or frac, not both.');
  const total = df.numRows;
  const k = o.frac !== undefined ? Math.round(o.frac * total) : (o.n ?? 1);
  if (!Number.isInteger(k) || k < 0) throw new FrameError(`sample: n must be a non-negative integer, got ${k}.`);
  if (!o.replace && k > total) {
    throw new FrameError(`sample: cannot take ${k} rows from ${total} without replacement; pass replace: true or a smaller n.`);
  }
  if (k === 0 || total === 0) return take(df, new Int32Array(0));
  const rng = random.defaultRng(o.seed);
  const picked = rng.choice(total, [k], { replace: o.replace ?? false });
  return take(df, Int32Array.from(picked.data as ArrayLike<number>));
}
