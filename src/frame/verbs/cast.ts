/** Changing column dtypes. */
import type { DType } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';

/**
 * Columns converted to new dtypes (`{ price: 'float64', city: 'category' }`). A value that does not
 * convert throws a ColumnTypeError naming the column, row and value.
 *
 * @example
 * cast(df, { when: 'datetime', qty: 'int32' });
 */
export function cast<R extends AnyRow>(df: DataFrame<R>, dtypes: Readonly<Record<string, DType>>): DataFrame {
  df.requireColumns(Object.keys(dtypes), 'cast');
  return df.withColumns(df.columns.map((c) => (c.name in dtypes ? c.cast(dtypes[c.name]!) : c)));
}
