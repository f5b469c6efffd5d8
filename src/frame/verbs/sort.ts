/** Sorting rows by one or more columns. */
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { orderBy, sortKey } from '../keys.js';
import { take } from './take.js';

export interface SortOptions {
  /** One flag for all keys or one per key (default true). */
  ascending?: boolean | readonly boolean[];
}

/**
 * Rows ordered by the given columns: stable, missing values last (pandas' `sort_values`).
 * Strings sort by code point, categories by their labels.
 *
 * @example
 * sort(df, ['city', 'price'], { ascending: [true, false] });
 */
export function sort<R extends AnyRow>(df: DataFrame<R>, by: string | readonly string[], options: SortOptions = {}): DataFrame<R> {
  const cols = typeof by === 'string' ? [by] : by;
  df.requireColumns(cols, 'sort');
  const asc = options.ascending ?? true;
  const flags = typeof asc === 'boolean' ? cols.map(() => asc) : asc;
  if (flags.length !== cols.length) throw new FrameError(`sort: got ${flags.length} ascending flags for ${cols.length} columns; give one per column.`);
  const order = orderBy(cols.map((c) => sortKey(df.column(c))), flags.map((a) => !a), df.numRows);
  return take(df, order);
}
