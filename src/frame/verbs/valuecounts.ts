/** Frequencies of values (pandas' value_counts). */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { factorize, firstRows, orderBy } from '../keys.js';

export interface ValueCountsOptions {
  /** Proportions instead of counts (column 'proportion'). */
  normalize?: boolean;
  /** Leave missing values out (default true). */
  dropNull?: boolean;
  /** Most frequent first (default true); false keeps first-seen order. */
  sort?: boolean;
  /** With sort: least frequent first. */
  ascending?: boolean;
}

/**
 * A frame of the distinct values of the column(s) and how often each occurs, most frequent
 * first (ties in first-seen order).
 *
 * @example
 * valueCounts(df, 'city'); // columns: city, count
 */
export function valueCounts<R extends AnyRow>(df: DataFrame<R>, columns: string | readonly string[], options: ValueCountsOptions = {}): DataFrame {
  const names = typeof columns === 'string' ? [columns] : columns;
  df.requireColumns(names, 'valueCounts');
  const { codes: [codes], count } = factorize(names.map((c) => [df.column(c)]), options.dropNull === false);
  const c = codes!;
  const counts = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < c.length; i++) {
    if (c[i]! >= 0) {
      counts[c[i]!]!++;
      total++;
    }
  }
  const first = firstRows(c, count);
  let order: Int32Array = Int32Array.from({ length: count }, (_, k) => k);
  if (options.sort !== false) order = orderBy([counts], [!options.ascending], count);
  const rows = Int32Array.from(order, (k) => first[k]!);
  const keyCols = names.map((name) => df.column(name).take(rows));
  const vals = Float64Array.from(order, (k) => counts[k]!);
  const valueCol = options.normalize
    ? Column.float64('proportion', vals.map((v) => v / total))
    : Column.int32('count', Int32Array.from(vals));
  return df.withColumns([...keyCols, valueCol], count);
}
