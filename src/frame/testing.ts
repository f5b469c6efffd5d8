/**
 * Frame comparison for tests (pandas' `testing.assert_frame_equal`): column names and order,
 * row count, and values — numbers within a tolerance, missing equal to missing (null and NaN
 * alike), Dates compared as epoch milliseconds.
 */
import { Column, type Scalar } from './column.js';
import { DataFrame } from './dataframe.js';
import { FrameError } from './errors.js';

/** A frame as plain data: column order and values per column. */
export interface FrameData {
  columns: readonly string[];
  data: Readonly<Record<string, readonly unknown[]>>;
}

export interface FrameEqualOptions {
  rtol?: number;
  atol?: number;
  /** Compare as multisets of rows (sort both by every column first). */
  ignoreRowOrder?: boolean;
  /** Only these columns. */
  columns?: readonly string[];
}

function norm(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isNaN(v)) return null;
  if (v instanceof Date) return v.getTime();
  return v;
}

function same(a: unknown, b: unknown, rtol: number, atol: number): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === null || y === null) return x === y;
  if (typeof x === 'number' && typeof y === 'number') {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y;
    return Math.abs(x - y) <= atol + rtol * Math.abs(y);
  }
  if (typeof x === 'boolean' && typeof y === 'number') return (x ? 1 : 0) === y;
  if (typeof x === 'number' && typeof y === 'boolean') return x === (y ? 1 : 0);
  return x === y;
}

function rowKey(cols: readonly (readonly unknown[])[], i: number): string {
  return JSON.stringify(cols.map((c) => {
    const v = norm(c[i]);
    return typeof v === 'number' ? Number(v.toPrecision(10)) : v;
  }));
}

function sortedRows(cols: readonly (readonly unknown[])[]): unknown[][] {
  const n = cols[0]?.length ?? 0;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ka = rowKey(cols, a);
    const kb = rowKey(cols, b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return cols.map((c) => idx.map((i) => c[i]));
}

/**
 * Throws a FrameError describing the first difference between `actual` and `expected`.
 *
 * @example
 * assertFrameEqual(df.sort('a'), { columns: ['a'], data: { a: [1, 2, null] } });
 */
export function assertFrameEqual(actual: DataFrame, expected: DataFrame | FrameData, options: FrameEqualOptions = {}): void {
  const rtol = options.rtol ?? 1e-10;
  const atol = options.atol ?? 1e-12;
  const exp: FrameData =
    'columnNames' in expected ? { columns: expected.columnNames, data: expected.toColumns() as Record<string, Scalar[]> } : expected;
  const names = options.columns ?? exp.columns;
  if (!options.columns && JSON.stringify(actual.columnNames) !== JSON.stringify(exp.columns)) {
    throw new FrameError(`Columns differ: got [${actual.columnNames.join(', ')}], expected [${exp.columns.join(', ')}].`);
  }
  let got = names.map((c) => actual.column(c).toArray() as unknown[]);
  let want = names.map((c) => {
    const v = exp.data[c];
    if (!v) throw new FrameError(`Expected data has no column '${c}'.`);
    return v;
  });
  const n = want[0]?.length ?? 0;
  if (actual.numRows !== n) throw new FrameError(`Row counts differ: got ${actual.numRows}, expected ${n}.`);
  if (options.ignoreRowOrder) {
    got = sortedRows(got);
    want = sortedRows(want);
  }
  names.forEach((c, k) => {
    for (let i = 0; i < n; i++) {
      if (!same(got[k]![i], want[k]![i], rtol, atol)) {
        throw new FrameError(`Column '${c}', row ${i}: got ${JSON.stringify(norm(got[k]![i]))}, expected ${JSON.stringify(norm(want[k]![i]))}.`);
      }
    }
  });
}

const PANDAS_DTYPES: Record<string, 'float64' | 'int32' | 'bool' | 'string' | 'datetime' | undefined> = {
  float64: 'float64', int64: 'int32', int32: 'int32', bool: 'bool', object: 'string', 'datetime64[ns]': 'datetime', uint8: 'int32',
};

/**
 * A frame from plain data, e.g. a pandas fixture `{ columns, data, dtypes }` where dtypes are
 * pandas' names (float64, int64, bool, object, datetime64[ns]; datetimes given as epoch ms).
 */
export function frameFromData(d: FrameData & { dtypes?: readonly string[] }): DataFrame {
  const cols = d.columns.map((name, k) => {
    const values = d.data[name] as Scalar[];
    const pd = d.dtypes?.[k];
    const dtype = pd === undefined ? undefined : PANDAS_DTYPES[pd];
    if (dtype === 'datetime') return Column.temporal(name, Float64Array.from(values, (v) => (v === null ? NaN : Number(v))));
    if (dtype === 'float64') return Column.float64(name, Float64Array.from(values, (v) => (v === null ? NaN : Number(v))));
    return Column.from(name, values, dtype);
  });
  return new DataFrame(cols, d.columns.length ? undefined : 0);
}
