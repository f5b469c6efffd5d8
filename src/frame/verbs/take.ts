/** Row gathering by index, the primitive under filter, sort, sample and joins. */
import type { AnyRow, DataFrame } from '../dataframe.js';

/**
 * The rows at `indices` (in that order; an index may repeat; -1 gives a row of missing values).
 *
 * @example
 * take(df, [2, 0]).numRows; // 2
 */
export function take<R extends AnyRow>(df: DataFrame<R>, indices: Int32Array | readonly number[]): DataFrame<R> {
  const idx = indices instanceof Int32Array ? indices : Int32Array.from(indices);
  return df.withColumns(df.columns.map((c) => c.take(idx)), idx.length) as DataFrame<R>;
}
