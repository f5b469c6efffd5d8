/** Duplicate rows: dedupe (pandas' drop_duplicates) and duplicated. */
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { factorize } from '../keys.js';
import { take } from './take.js';

export interface DedupeOptions {
  /** Columns that define a duplicate (default all). */
  subset?: readonly string[];
  /** Which copy to keep: 'first' (default), 'last', or false for none. */
  keep?: 'first' | 'last' | false;
}

/**
 * True for rows that repeat an earlier (keep 'first') or later (keep 'last') row, or every
 * member of a repeated set (keep false). Missing values equal each other.
 */
export function duplicated<R extends AnyRow>(df: DataFrame<R>, options: DedupeOptions = {}): Uint8Array {
  const names = options.subset ?? df.columnNames;
  df.requireColumns(names, 'dedupe');
  const keep = options.keep ?? 'first';
  if (keep !== 'first' && keep !== 'last' && keep !== false) throw new FrameError(`dedupe: keep must be 'first', 'last' or false, got ${String(keep)}.`);
  const n = df.numRows;
  const out = new Uint8Array(n);
  if (names.length === 0 || n === 0) return out;
  const { codes: [codes], count } = factorize(names.map((c) => [df.column(c)]), true);
  const c = codes!;
  if (keep === false) {
    const seen = new Int32Array(count);
    for (let i = 0; i < n; i++) seen[c[i]!]!++;
    for (let i = 0; i < n; i++) out[i] = seen[c[i]!]! > 1 ? 1 : 0;
    return out;
  }
  const seen = new Uint8Array(count);
  if (keep === 'first') {
    for (let i = 0; i < n; i++) {
      if (seen[c[i]!]) out[i] = 1;
      else seen[c[i]!] = 1;
    }
  } else {
    for (let i = n - 1; i >= 0; i--) {
      if (seen[c[i]!]) out[i] = 1;
      else seen[c[i]!] = 1;
    }
  }
  return out;
}

/**
 * Rows with duplicates removed, in their original order.
 *
 * @example
 * dedupe(df, { subset: ['email'], keep: 'last' });
 */
export function dedupe<R extends AnyRow>(df: DataFrame<R>, options: DedupeOptions = {}): DataFrame<R> {
  const dup = duplicated(df, options);
  const keep: number[] = [];
  for (let i = 0; i < dup.length; i++) if (!dup[i]) keep.push(i);
  return take(df, Int32Array.from(keep));
}
