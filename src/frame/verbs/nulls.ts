/** Missing values: dropNull and fillNull. */
import { type Scalar } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { take } from './take.js';

export interface DropNullOptions {
  /** Columns to look at (default all). */
  subset?: readonly string[];
  /** Drop a row when any (default) or all of the looked-at values are missing. */
  how?: 'any' | 'all';
}

/**
 * Rows without missing values (pandas' `dropna`).
 *
 * @example
 * dropNull(df, { subset: ['price'] });
 */
export function dropNull<R extends AnyRow>(df: DataFrame<R>, options: DropNullOptions = {}): DataFrame<R> {
  const names = options.subset ?? df.columnNames;
  df.requireColumns(names, 'dropNull');
  const how = options.how ?? 'any';
  if (how !== 'any' && how !== 'all') throw new FrameError(`dropNull: how must be 'any' or 'all', got '${String(how)}'.`);
  const n = df.numRows;
  const present = new Int32Array(n);
  for (const name of names) {
    const v = df.column(name).validMask();
    for (let i = 0; i < n; i++) present[i]! += v[i]!;
  }
  const need = how === 'any' ? names.length : 1;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (present[i]! >= need) keep.push(i);
  if (keep.length === n) return df;
  return take(df, Int32Array.from(keep));
}

/**
 * Missing values replaced: one value for every column it fits (columns of another type are left
 * alone), or a value per column (which must fit, else a ColumnTypeError names the column).
 *
 * @example
 * fillNull(df, { price: 0, city: 'unknown' });
 */
export function fillNull<R extends AnyRow>(df: DataFrame<R>, value: Scalar | Readonly<Record<string, Scalar>>): DataFrame<R> {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    df.requireColumns(Object.keys(value), 'fillNull');
    return df.withColumns(df.columns.map((c) => (c.name in value ? c.fillNull((value as Record<string, Scalar>)[c.name]!) : c))) as DataFrame<R>;
  }
  const fits = (d: string): boolean =>
    typeof value === 'number'
      ? d === 'float64' || d === 'float32' || d === 'int32'
      : typeof value === 'string'
        ? d === 'string' || d === 'category'
        : typeof value === 'boolean'
          ? d === 'bool'
          : value instanceof Date && (d === 'date' || d === 'datetime');
  return df.withColumns(df.columns.map((c) => (fits(c.dtype) ? c.fillNull(value) : c))) as DataFrame<R>;
}
