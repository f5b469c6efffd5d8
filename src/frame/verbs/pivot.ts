/** Long → wide reshaping: pivot (no aggregation) and pivotTable (with one). */
import { Column, formatDate, type Scalar } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { type AggFunction, type AggName } from './aggregate.js';
import { GroupBy } from './groupby.js';
import { fillNull } from './nulls.js';

export interface PivotOptions {
  /** Column(s) whose values label the output rows. */
  index: string | readonly string[];
  /** Column whose values become the new column names. */
  columns: string;
  /** Column(s) holding the cell values (default: every other column). */
  values?: string | readonly string[];
}

export interface PivotTableOptions extends PivotOptions {
  /** How to combine the values that land in one cell (default 'mean'). */
  aggfunc?: AggName | AggFunction;
  /** Value for cells with no data (default missing). */
  fillValue?: Scalar;
}

const list = (v: string | readonly string[]): readonly string[] => (typeof v === 'string' ? [v] : v);

function label(v: Scalar, dateOnly: boolean): string {
  if (v === null) return 'null';
  if (v instanceof Date) return formatDate(v, dateOnly);
  return String(v);
}

/**
 * Each distinct value of `columns` becomes a column; rows are the distinct `index` values (both
 * sorted). Throws when an (index, columns) pair occurs twice — use pivotTable to aggregate.
 * With several value columns the new names are `${value}_${key}`.
 *
 * @example
 * pivot(long, { index: 'date', columns: 'city', values: 'temp' });
 */
export function pivot<R extends AnyRow>(df: DataFrame<R>, options: PivotOptions): DataFrame {
  const index = list(options.index);
  const keyCol = options.columns;
  df.requireColumns([...index, keyCol], 'pivot');
  const values = options.values === undefined ? df.columnNames.filter((c) => !index.includes(c) && c !== keyCol) : list(options.values);
  df.requireColumns(values, 'pivot');
  const rows = new GroupBy(df, index);
  const cols = new GroupBy(df, [keyCol]);
  const nr = rows.numGroups;
  const nc = cols.numGroups;
  const cell = new Int32Array(nr * nc).fill(-1);
  for (let i = 0; i < df.numRows; i++) {
    const r = rows.codes[i]!;
    const c = cols.codes[i]!;
    if (r < 0 || c < 0) continue;
    const at = r * nc + c;
    if (cell[at]! >= 0) {
      const where = index.map((k) => `${k}=${JSON.stringify(df.column(k).get(i))}`).join(', ');
      throw new FrameError(
        `pivot: rows ${cell[at]} and ${i} both hold ${where}, ${keyCol}=${JSON.stringify(df.column(keyCol).get(i))}; use pivotTable with an aggfunc to combine them.`,
      );
    }
    cell[at] = i;
  }
  const keyColumn = df.column(keyCol);
  const labels = Array.from(cols.keyRows, (r) => label(keyColumn.getUnchecked(r), keyColumn.dtype === 'date'));
  const out: Column[] = [...rows.keyFrame().columns];
  for (const v of values) {
    const src = df.column(v);
    for (let c = 0; c < nc; c++) {
      const pick = new Int32Array(nr);
      for (let r = 0; r < nr; r++) pick[r] = cell[r * nc + c]!;
      out.push(src.take(pick).rename(values.length === 1 ? labels[c]! : `${v}_${labels[c]}`));
    }
  }
  return df.withColumns(out, nr);
}

/**
 * A spreadsheet-style pivot table: values aggregated (default mean) per index row and key column.
 *
 * @example
 * pivotTable(sales, { index: 'region', columns: 'year', values: 'amount', aggfunc: 'sum', fillValue: 0 });
 */
export function pivotTable<R extends AnyRow>(df: DataFrame<R>, options: PivotTableOptions): DataFrame {
  const index = list(options.index);
  df.requireColumns([...index, options.columns], 'pivotTable');
  const values =
    options.values === undefined
      ? df.columns.filter((c) => !index.includes(c.name) && c.name !== options.columns && c.dtype !== 'string' && c.dtype !== 'category').map((c) => c.name)
      : list(options.values);
  const agg = options.aggfunc ?? 'mean';
  const spec: Record<string, { column: string; agg: AggName | AggFunction }> = {};
  for (const v of values) spec[v] = { column: v, agg };
  const grouped = new GroupBy(df, [...index, options.columns]).agg(spec);
  const wide = pivot(grouped, { index, columns: options.columns, values });
  if (options.fillValue === undefined || options.fillValue === null) return wide;
  const fills: Record<string, Scalar> = {};
  for (const c of wide.columnNames) if (!index.includes(c)) fills[c] = options.fillValue;
  const fv = options.fillValue;
  return fillNull(wide.withColumns(wide.columns.map((c) => (!index.includes(c.name) && typeof fv === 'number' && c.dtype === 'int32' && c.nullCount ? c.cast('float64') : c))), fills);
}
