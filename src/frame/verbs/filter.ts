/** Row filtering by a boolean mask, a bool column or a row predicate. */
import { Column, maskToIndices } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { makeCursor, type RowCursor } from '../row.js';
import { take } from './take.js';

/** What `filter` accepts: a mask (one entry per row), a bool Column, or a predicate over rows. */
export type RowPredicate<R> = (row: RowCursor<R>, index: number) => unknown;
export type FilterSpec<R> = RowPredicate<R> | Column | ArrayLike<boolean | number>;

/**
 * Rows where the mask/bool column is true (missing counts as false) or the predicate returns a
 * truthy value. The predicate gets a cursor whose fields read the current row (numbers as
 * numbers, NaN when missing; strings/booleans/Dates, null when missing); do not keep it.
 *
 * @example
 * filter(df, (r) => r.price > 10 && r.city === 'Oslo');
 * filter(df, df.column('price').gt(10));
 */
export function filter<R extends AnyRow>(df: DataFrame<R>, spec: FilterSpec<R>): DataFrame<R> {
  const n = df.numRows;
  let mask: ArrayLike<boolean | number>;
  if (typeof spec === 'function') {
    const { row, seek } = makeCursor<R>(df.columnNames, df.columns);
    const m = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      seek(i);
      if (spec(row, i)) m[i] = 1;
    }
    mask = m;
  } else if (spec instanceof Column) {
    if (spec.dtype !== 'bool') {
      throw new FrameError(`filter: column '${spec.name}' is ${spec.dtype}, not bool; build a mask with a comparison such as col.gt(0).`);
    }
    mask = spec.boolBits();
  } else mask = spec;
  if (mask.length !== n) throw new FrameError(`filter: the mask has ${mask.length} entries but the frame has ${n} rows.`);
  return take(df, maskToIndices(mask));
}
