/** New or replaced columns: `mutate` from row expressions, `assign` from whole-column values. */
import { Column, type ColumnInput, type Scalar } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { ColumnTypeError, FrameError } from '../errors.js';
import { makeCursor, type RowCursor } from '../row.js';

/** Column name → expression over a row; later expressions see earlier results. */
export type RowExpressions<R> = Record<string, (row: RowCursor<R>, index: number) => Scalar | undefined>;

type ExprResults<R, E> = { [K in keyof E]: E[K] extends (row: RowCursor<R>, i: number) => infer T ? Exclude<T, undefined> : never };

/**
 * Adds (or replaces) columns computed row by row. Numbers become float64 (NaN/null → missing);
 * strings, booleans and Dates keep their type; mixing kinds in one column throws a
 * ColumnTypeError naming the row and the value.
 *
 * @example
 * mutate(df, { total: (r) => r.price * r.qty, label: (r) => r.qty > 1 ? 'many' : 'one' });
 */
export function mutate<R extends AnyRow, E extends RowExpressions<R>>(df: DataFrame<R>, exprs: E): DataFrame<Omit<R, keyof E> & ExprResults<R, E>> {
  let out: DataFrame = df;
  const n = df.numRows;
  for (const [name, fn] of Object.entries(exprs)) {
    if (typeof fn !== 'function') throw new FrameError(`mutate: the expression for '${name}' is ${typeof fn}, not a function of the row; use assign for whole columns.`);
    const { row, seek } = makeCursor<R>(out.columnNames, out.columns);
    const nums = new Float64Array(n);
    let values: unknown[] | null = null;
    let firstNonNumber = -1;
    for (let i = 0; i < n; i++) {
      seek(i);
      const v = fn(row, i);
      if (values === null) {
        if (typeof v === 'number') {
          nums[i] = v;
          continue;
        }
        if (v === null || v === undefined) {
          nums[i] = NaN;
          continue;
        }
        // First non-number: switch to generic values (numbers so far are kept).
        firstNonNumber = i;
        values = Array.from(nums.subarray(0, i), (x) => (x !== x ? null : x));
      }
      values.push(v === undefined ? null : v);
    }
    let col: Column;
    if (values === null) col = Column.float64(name, nums);
    else {
      try {
        col = Column.from(name, values as Scalar[]);
      } catch (e) {
        if (e instanceof ColumnTypeError) throw new ColumnTypeError(name, `mutate: ${e.message}`);
        throw e;
      }
      void firstNonNumber;
    }
    out = out.withColumn(col);
  }
  return out as DataFrame<Omit<R, keyof E> & ExprResults<R, E>>;
}

/** A whole-column value for `assign`: a Column, an array, a scalar, or a function of the frame. */
export type ColumnValue = Column | ColumnInput | Scalar | ((df: DataFrame) => Column | ColumnInput | Scalar);

/**
 * Adds (or replaces) columns from vectorized values, like pandas' `assign`: a Column (e.g.
 * `df.column('a').mul(2)`), a typed or JS array with one entry per row, a scalar to repeat, or a
 * function of the frame (seeing the columns assigned before it).
 *
 * @example
 * assign(df, { ratio: (d) => d.column('a').div(d.column('b')), source: 'web' });
 */
export function assign<R extends AnyRow>(df: DataFrame<R>, values: Record<string, ColumnValue>): DataFrame {
  let out: DataFrame = df;
  for (const [name, v0] of Object.entries(values)) {
    const v = typeof v0 === 'function' ? v0(out) : v0;
    let col: Column;
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) {
      col = Column.full(name, out.numRows, v);
    } else col = Column.from(name, v as ColumnInput);
    if (col.length !== out.numRows && out.numCols > 0) {
      throw new FrameError(`assign: '${name}' has ${col.length} values but the frame has ${out.numRows} rows.`);
    }
    out = out.withColumn(col);
  }
  return out;
}
