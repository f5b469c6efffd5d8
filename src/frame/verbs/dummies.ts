/** One-hot encoding (pandas' get_dummies). */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { factorizeColumn, firstRows, sortKey } from '../keys.js';

export interface DummiesOptions {
  /** Columns to encode (default every string, category and bool column). */
  columns?: readonly string[];
  /** Prefix per column (default the column name). */
  prefix?: string | Readonly<Record<string, string>>;
  /** Between prefix and value (default '_'). */
  prefixSep?: string;
  /** Leave out the first level of each column (k-1 columns). */
  dropFirst?: boolean;
  /** Add a column for missing values. */
  dummyNa?: boolean;
  /** Type of the indicator columns (default 'int32'; 'bool' and 'float64' also work). */
  dtype?: 'int32' | 'float64' | 'bool';
}

/**
 * Each encoded column replaced by one indicator column per distinct value (sorted), appended after
 * the other columns like pandas.
 *
 * @example
 * getDummies(df, { columns: ['color'] }).columnNames; // [..., 'color_blue', 'color_red']
 */
export function getDummies<R extends AnyRow>(df: DataFrame<R>, options: DummiesOptions = {}): DataFrame {
  const names = options.columns ?? df.columns.filter((c) => c.dtype === 'string' || c.dtype === 'category' || c.dtype === 'bool').map((c) => c.name);
  df.requireColumns(names, 'getDummies');
  const sep = options.prefixSep ?? '_';
  const dtype = options.dtype ?? 'int32';
  const encoded = new Set(names);
  const out: Column[] = df.columns.filter((c) => !encoded.has(c.name));
  const n = df.numRows;
  const make = (name: string, bits: Uint8Array): Column =>
    dtype === 'bool' ? Column.bool(name, bits) : dtype === 'float64' ? Column.float64(name, Float64Array.from(bits)) : Column.int32(name, Int32Array.from(bits));
  for (const name of names) {
    const col = df.column(name);
    const prefix = typeof options.prefix === 'string' ? options.prefix : (options.prefix?.[name] ?? name);
    const { codes: [codes], count } = factorizeColumn([col]);
    const c = codes!;
    const first = firstRows(c, count);
    const key = sortKey(col.take(first));
    const order = Array.from({ length: count }, (_, k) => k).sort((a, b) => key[a]! - key[b]!);
    const levels = options.dropFirst ? order.slice(1) : order;
    for (const k of levels) {
      const bits = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (c[i] === k) bits[i] = 1;
      const v = col.getUnchecked(first[k]!);
      const label = typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
      out.push(make(`${prefix}${sep}${label}`, bits));
    }
    if (options.dummyNa) {
      const bits = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (c[i]! < 0) bits[i] = 1;
      out.push(make(`${prefix}${sep}nan`, bits));
    }
  }
  return df.withColumns(out);
}
