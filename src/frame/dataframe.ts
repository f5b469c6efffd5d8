/**
 * DataFrame: an immutable, ordered set of equally long named Columns (pandas' DataFrame), built
 * from and convertible to Arrow tables. The verbs live as free functions in ./verbs/; the
 * methods here are one-line delegations to them.
 */
import * as arrow from 'apache-arrow';
import { NdArray } from '../tensor/index.js';
import { Column, type ColumnInput, type DType, type Scalar } from './column.js';
import { columnFromArrow, columnToArrow } from './arrow.js';
import { ColumnNotFoundError, ColumnTypeError, FrameError } from './errors.js';
import { formatFrame, type FormatOptions } from './format.js';
import { describe, type DescribeOptions } from './describe.js';
import { inferSchema, type SchemaColumn } from './schema.js';
import { select, drop, rename } from './verbs/select.js';
import { filter, type FilterSpec } from './verbs/filter.js';
import { take } from './verbs/take.js';
import { mutate, assign, type RowExpressions, type ColumnValue } from './verbs/mutate.js';
import { sort, type SortOptions } from './verbs/sort.js';
import { head, tail, slice, sample, type SampleOptions } from './verbs/slice.js';
import { groupBy, type GroupBy, type GroupByOptions } from './verbs/groupby.js';
import { join, type JoinOptions } from './verbs/join.js';
import { concat } from './verbs/concat.js';
import { pivot, pivotTable, type PivotOptions, type PivotTableOptions } from './verbs/pivot.js';
import { melt, type MeltOptions } from './verbs/melt.js';
import { dropNull, fillNull, type DropNullOptions } from './verbs/nulls.js';
import { valueCounts, type ValueCountsOptions } from './verbs/valuecounts.js';
import { dedupe, duplicated, type DedupeOptions } from './verbs/dedupe.js';
import { getDummies, type DummiesOptions } from './verbs/dummies.js';
import { dateParts, type DatePart } from './verbs/datetime.js';
import { rollingFrame, type RollingAgg, type RollingOptions } from './verbs/rolling.js';
import { resample } from './verbs/resample.js';
import type { AggSpec } from './verbs/groupby.js';
import { cast } from './verbs/cast.js';

/** Any row shape; the default type parameter of DataFrame. */
export type AnyRow = Record<string, any>;

/** The JS value type a column input holds (number for typed arrays, the element type for arrays). */
export type ValueOf<A> = A extends Column
  ? Scalar
  : A extends Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint8Array | Uint16Array | Uint32Array | BigInt64Array
    ? number
    : A extends readonly (infer T)[]
      ? Exclude<T, undefined>
      : never;

/** The row type of a frame made from a record of column inputs. */
export type RowOf<Rec> = { [K in keyof Rec]: ValueOf<Rec[K]> };

export interface ToMatrixOptions {
  /** Element type of the result (default float64). */
  dtype?: 'float64' | 'float32';
  /**
   * Memory layout: `'C'` (default) row-major, a fresh buffer; `'F'` column-major (strides
   * `[1, rows]`, what pandas' `to_numpy()` gives), which is a view sharing the frame's storage
   * when the columns lie back to back in one buffer (float64 columns read by `readCsv`,
   * `readParquet`, … without missing values, taken in file order), else one copy per column.
   */
  order?: 'C' | 'F';
}

/**
 * A table of typed columns. `R` describes a row (column name → JS value type) and makes row
 * expressions typed; it is inferred by `fromColumns`.
 *
 * @example
 * import { DataFrame } from 'strata/frame';
 * const df = DataFrame.fromColumns({ city: ['Oslo', 'Lima', 'Oslo'], temp: [3.5, 19.0, 4.5] });
 * df.groupBy('city').agg({ temp: 'mean' }).toString();
 * //    city  temp
 * // 0  Lima  19.0
 * // 1  Oslo   4.0
 */
export class DataFrame<R extends AnyRow = AnyRow> {
  /** Column names in order. */
  readonly columnNames: readonly string[];
  /** Number of rows. */
  readonly numRows: number;
  private readonly cols: readonly Column[];
  private readonly byName: Map<string, number>;

  /**
   * A frame over `columns` (not copied). Names must be unique and lengths equal; `numRows` is
   * needed only for a frame with no columns.
   */
  constructor(columns: readonly Column[], numRows?: number) {
    const n = columns.length ? columns[0]!.length : (numRows ?? 0);
    const byName = new Map<string, number>();
    columns.forEach((c, i) => {
      if (byName.has(c.name)) throw new FrameError(`Duplicate column name '${c.name}'; rename one of them first.`);
      if (c.length !== n) {
        throw new FrameError(`Column '${c.name}' has ${c.length} rows but column '${columns[0]!.name}' has ${n}; all columns must have the same length.`);
      }
      byName.set(c.name, i);
    });
    this.cols = Object.freeze(columns.slice());
    this.columnNames = Object.freeze(columns.map((c) => c.name));
    this.numRows = n;
    this.byName = byName;
  }

  // ---------------------------------------------------------------- construction

  /**
   * A frame from named columns: typed arrays (kept, not copied) or JS arrays (dtype inferred:
   * integers → int32, numbers with nulls → float64, strings, booleans, Dates).
   *
   * @example
   * const df = DataFrame.fromColumns({ x: new Float64Array([1, 2]), name: ['a', null] });
   * df.column('name').toArray(); // ['a', null]
   */
  static fromColumns<Rec extends Record<string, ColumnInput>>(record: Rec, dtypes: Partial<Record<keyof Rec, DType>> = {}): DataFrame<RowOf<Rec>> {
    const cols = Object.entries(record).map(([name, values]) => Column.from(name, values, dtypes[name as keyof Rec]));
    return new DataFrame<RowOf<Rec>>(cols);
  }

  /**
   * A frame from row objects (like `pd.DataFrame(records)`); columns appear in first-seen order
   * and a key missing from a row is a missing value.
   *
   * @example
   * DataFrame.fromRecords([{ a: 1, b: 'x' }, { a: 2 }]).column('b').toArray(); // ['x', null]
   */
  static fromRecords<T extends AnyRow>(records: readonly T[], options: { columns?: readonly string[] } = {}): DataFrame<T> {
    const names: string[] = options.columns ? [...options.columns] : [];
    if (!options.columns) {
      const seen = new Set<string>();
      for (const r of records) {
        for (const k of Object.keys(r)) {
          if (!seen.has(k)) {
            seen.add(k);
            names.push(k);
          }
        }
      }
    }
    const cols = names.map((name) => Column.from(name, records.map((r) => (r[name] === undefined ? null : r[name]))));
    return new DataFrame<T>(cols, records.length);
  }

  /**
   * A frame over an Arrow table. Single-chunk float64/float32/int32 columns without missing
   * values share Arrow's buffers; 64-bit integers become int32 when they fit, else float64.
   */
  static fromArrow(table: arrow.Table): DataFrame {
    const cols = table.schema.fields.map((f, i) => columnFromArrow(f.name, table.getChildAt(i)!));
    return new DataFrame(cols, table.numRows);
  }

  /** The frame as an Arrow table (numeric storage shared where nothing is missing). */
  toArrow(): arrow.Table {
    const vectors: Record<string, arrow.Vector> = {};
    for (const c of this.cols) vectors[c.name] = columnToArrow(c);
    return new arrow.Table(vectors);
  }

  // ---------------------------------------------------------------- shape and access

  get numCols(): number {
    return this.cols.length;
  }
  /** [rows, columns]. */
  get shape(): [number, number] {
    return [this.numRows, this.cols.length];
  }
  /** Column name → dtype. */
  get dtypes(): Record<string, DType> {
    return Object.fromEntries(this.cols.map((c) => [c.name, c.dtype]));
  }
  /** The columns in order. */
  get columns(): readonly Column[] {
    return this.cols;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The column called `name`; a wrong name throws with the nearest match and the list. */
  column<K extends keyof R & string>(name: K): Column;
  column(name: string): Column;
  column(name: string): Column {
    const i = this.byName.get(name);
    if (i === undefined) throw new ColumnNotFoundError(name, this.columnNames);
    return this.cols[i]!;
  }

  /** Checks that every name exists, with a ColumnNotFoundError for the first that does not. */
  requireColumns(names: readonly string[], context?: string): void {
    for (const n of names) if (!this.byName.has(n)) throw new ColumnNotFoundError(n, this.columnNames, context);
  }

  /** Row i as a plain object (null for missing values). */
  row(i: number): R {
    if (!Number.isInteger(i) || i < -this.numRows || i >= this.numRows) {
      throw new FrameError(`Row ${i} is out of range for a frame with ${this.numRows} rows.`);
    }
    const k = i < 0 ? i + this.numRows : i;
    const out: AnyRow = {};
    for (const c of this.cols) out[c.name] = c.getUnchecked(k);
    return out as R;
  }

  /** All rows as plain objects (like `df.to_dict('records')`). */
  toRecords(): R[] {
    const out = new Array<R>(this.numRows);
    const arrays = this.cols.map((c) => c.toArray());
    for (let i = 0; i < this.numRows; i++) {
      const r: AnyRow = {};
      this.cols.forEach((c, j) => (r[c.name] = arrays[j]![i]));
      out[i] = r as R;
    }
    return out;
  }

  /** Column name → JS values (like `df.to_dict('list')`). */
  toColumns(): { [K in keyof R]: Scalar[] } {
    return Object.fromEntries(this.cols.map((c) => [c.name, c.toArray()])) as { [K in keyof R]: Scalar[] };
  }

  /**
   * A matrix (rows × columns) of the chosen columns (default: all), NaN where values are
   * missing. Bool columns give 0/1, temporal columns epoch ms; string columns throw. Row-major
   * unless `order: 'F'` (see ToMatrixOptions; a view must not be written to: it is the frame's data).
   *
   * @example
   * df.toMatrix(['x', 'y']).shape; // [numRows, 2]
   * df.toMatrix(['x', 'y'], { order: 'F' }).strides; // [1, numRows]
   */
  toMatrix(columns?: readonly string[], options: ToMatrixOptions = {}): NdArray {
    const names = columns ?? this.columnNames;
    this.requireColumns(names, 'toMatrix');
    const dtype = options.dtype ?? 'float64';
    const order = options.order ?? 'C';
    if (order !== 'C' && order !== 'F') throw new FrameError(`toMatrix: order must be 'C' (row-major) or 'F' (column-major), got '${String(order)}'.`);
    const n = this.numRows;
    const m = names.length;
    const sources = names.map((name) => {
      const c = this.column(name);
      if (c.dtype === 'string' || c.dtype === 'category') {
        throw new ColumnTypeError(
          name,
          `toMatrix: column '${name}' is ${c.dtype}, not numeric; one-hot encode it (getDummies), cast it, or leave it out of the columns.`,
        );
      }
      return c.toTypedArray();
    });
    if (order === 'F') return columnMajor(sources, dtype, n);
    const out = dtype === 'float32' ? new Float32Array(n * m) : new Float64Array(n * m);
    if (out instanceof Float64Array && sources.every((x) => x instanceof Float64Array)) interleaveF64(sources as Float64Array[], out, n);
    else interleave(sources, out, n);
    return new NdArray(dtype, out, [n, m]);
  }

  /** A new frame with the same columns (storage shared): frames are immutable, so this is cheap. */
  withColumns(columns: readonly Column[], numRows: number = this.numRows): DataFrame {
    return new DataFrame(columns, numRows);
  }

  /** A frame with `col` added (or replacing the column of the same name, in place of it). */
  withColumn(col: Column): DataFrame {
    if (col.length !== this.numRows && this.cols.length > 0) {
      throw new FrameError(`Column '${col.name}' has ${col.length} rows but the frame has ${this.numRows}.`);
    }
    const i = this.byName.get(col.name);
    const cols = this.cols.slice();
    if (i === undefined) cols.push(col);
    else cols[i] = col;
    return new DataFrame(cols, col.length);
  }

  // ---------------------------------------------------------------- verbs (see ./verbs/)

  /** The named columns in the given order. */
  select<K extends keyof R & string>(...columns: K[]): DataFrame<Pick<R, K>> {
    return select(this, columns);
  }
  /** Every column but the named ones. */
  drop<K extends keyof R & string>(...columns: K[]): DataFrame<Omit<R, K>> {
    return drop(this, columns);
  }
  /** Columns renamed old → new. */
  rename(mapping: Readonly<Record<string, string>> | ((name: string) => string)): DataFrame {
    return rename(this, mapping);
  }
  /** Rows where a mask/bool column is true or a row predicate holds. */
  filter(spec: FilterSpec<R>): DataFrame<R> {
    return filter(this, spec);
  }
  /** Rows at the given indices (-1 gives missing values). */
  take(indices: Int32Array | readonly number[]): DataFrame<R> {
    return take(this, indices);
  }
  /** New columns from row expressions. */
  mutate<E extends RowExpressions<R>>(exprs: E): ReturnType<typeof mutate<R, E>> {
    return mutate(this, exprs);
  }
  /** New columns from whole-column values (Columns, arrays, scalars or functions of the frame). */
  assign(values: Record<string, ColumnValue>): DataFrame {
    return assign(this, values);
  }
  /** Rows sorted by columns (stable, missing last). */
  sort(by: string | readonly string[], options?: SortOptions): DataFrame<R> {
    return sort(this, by, options);
  }
  /** The first n rows. */
  head(n = 5): DataFrame<R> {
    return head(this, n);
  }
  /** The last n rows. */
  tail(n = 5): DataFrame<R> {
    return tail(this, n);
  }
  /** Rows start..end as views. */
  slice(start: number, end?: number): DataFrame<R> {
    return slice(this, start, end);
  }
  /** A seeded random sample of rows. */
  sample(options?: SampleOptions | number): DataFrame<R> {
    return sample(this, options);
  }
  /** Groups rows by key columns; follow with agg, sum, mean, … */
  groupBy(keys: string | readonly string[], options?: GroupByOptions): GroupBy<R> {
    return groupBy(this, keys, options);
  }
  /** Joins with another frame on key columns. */
  join(other: DataFrame, options: JoinOptions): DataFrame {
    return join(this, other, options);
  }
  /** This frame with others appended below (or beside, with axis 'columns'). */
  concat(others: DataFrame | readonly DataFrame[], options?: { axis?: 'rows' | 'columns' }): DataFrame {
    return concat([this, ...(Array.isArray(others) ? others : [others as DataFrame])], options);
  }
  /** Long → wide without aggregation. */
  pivot(options: PivotOptions): DataFrame {
    return pivot(this, options);
  }
  /** Long → wide with aggregation. */
  pivotTable(options: PivotTableOptions): DataFrame {
    return pivotTable(this, options);
  }
  /** Wide → long. */
  melt(options?: MeltOptions): DataFrame {
    return melt(this, options);
  }
  /** Rows without missing values. */
  dropNull(options?: DropNullOptions): DataFrame<R> {
    return dropNull(this, options);
  }
  /** Missing values replaced. */
  fillNull(value: Scalar | Readonly<Record<string, Scalar>>): DataFrame<R> {
    return fillNull(this, value);
  }
  /** Distinct values of column(s) with their counts. */
  valueCounts(columns: string | readonly string[], options?: ValueCountsOptions): DataFrame {
    return valueCounts(this, columns, options);
  }
  /** Rows with duplicates removed. */
  dedupe(options?: DedupeOptions): DataFrame<R> {
    return dedupe(this, options);
  }
  /** pandas' name for dedupe. */
  dropDuplicates(options?: DedupeOptions): DataFrame<R> {
    return dedupe(this, options);
  }
  /** 1 for rows that duplicate another (see dedupe's keep). */
  duplicated(options?: DedupeOptions): Uint8Array {
    return duplicated(this, options);
  }
  /** One-hot encoding of string/category/bool columns. */
  getDummies(options?: DummiesOptions): DataFrame {
    return getDummies(this, options);
  }
  /** Adds `${column}_${part}` date-part columns. */
  dateParts(column: string, parts?: readonly DatePart[]): DataFrame {
    return dateParts(this, column, parts);
  }
  /** Moving-window statistics of numeric columns. */
  rolling(window: number, agg: RollingAgg, options?: RollingOptions & { columns?: readonly string[] }): DataFrame {
    return rollingFrame(this, window, agg, options);
  }
  /** Aggregates into time buckets of the datetime column `on`. */
  resample(on: string, rule: string, agg: AggSpec): DataFrame {
    return resample(this, { on, rule, agg });
  }
  /** Columns converted to new dtypes. */
  cast(dtypes: Readonly<Record<string, DType>>): DataFrame {
    return cast(this, dtypes);
  }
  /** Summary statistics per column. */
  describe(options?: DescribeOptions): DataFrame {
    return describe(this, options);
  }
  /** The inferred kind of each column (numeric, categorical, boolean, datetime, text, id, constant). */
  inferSchema(): SchemaColumn[] {
    return inferSchema(this);
  }
  /** An aligned text table like pandas' repr, truncated when long. */
  toString(options?: FormatOptions): string {
    return formatFrame(this, options);
  }
  /** Node's console.log shows the table. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return formatFrame(this);
  }
}

/**
 * Writes float64 columns into a row-major matrix a block of rows at a time (the block's rows of
 * the output, about 1024 × m doubles, stay in cache while every column is written into them), eight
 * or four columns per sweep so each output row's cache line is filled in few visits.
 */
function interleaveF64(sources: readonly Float64Array[], out: Float64Array, n: number): void {
  const m = sources.length;
  const B = 1024;
  for (let r0 = 0; r0 < n; r0 += B) {
    const r1 = Math.min(n, r0 + B);
    let j = 0;
    for (; j + 8 <= m; j += 8) {
      const a = sources[j]!;
      const b = sources[j + 1]!;
      const c = sources[j + 2]!;
      const d = sources[j + 3]!;
      const e = sources[j + 4]!;
      const f = sources[j + 5]!;
      const g = sources[j + 6]!;
      const h = sources[j + 7]!;
      let o = r0 * m + j;
      for (let r = r0; r < r1; r++, o += m) {
        out[o] = a[r]!;
        out[o + 1] = b[r]!;
        out[o + 2] = c[r]!;
        out[o + 3] = d[r]!;
        out[o + 4] = e[r]!;
        out[o + 5] = f[r]!;
        out[o + 6] = g[r]!;
        out[o + 7] = h[r]!;
      }
    }
    for (; j + 4 <= m; j += 4) {
      const a = sources[j]!;
      const b = sources[j + 1]!;
      const c = sources[j + 2]!;
      const d = sources[j + 3]!;
      let o = r0 * m + j;
      for (let r = r0; r < r1; r++, o += m) {
        out[o] = a[r]!;
        out[o + 1] = b[r]!;
        out[o + 2] = c[r]!;
        out[o + 3] = d[r]!;
      }
    }
    for (; j < m; j++) {
      const src = sources[j]!;
      let o = r0 * m + j;
      for (let r = r0; r < r1; r++, o += m) out[o] = src[r]!;
    }
  }
}

/** Column-major rows × columns: a view when the float64 columns sit back to back in one buffer. */
function columnMajor(sources: readonly ArrayLike<number>[], dtype: 'float64' | 'float32', n: number): NdArray {
  const m = sources.length;
  const first = sources[0];
  if (dtype === 'float64' && m > 0 && n > 0 && first instanceof Float64Array) {
    const adjacent = sources.every(
      (s, j) => s instanceof Float64Array && s.buffer === first.buffer && s.byteOffset === first.byteOffset + j * n * 8,
    );
    if (adjacent) {
      const whole = new Float64Array(first.buffer, 0, first.buffer.byteLength >> 3);
      return new NdArray('float64', whole, [n, m], [1, n], first.byteOffset >> 3);
    }
  }
  const out = dtype === 'float32' ? new Float32Array(n * m) : new Float64Array(n * m);
  sources.forEach((s, j) => out.set(s, j * n));
  return new NdArray(dtype, out, [n, m], [1, n]);
}

function interleave(sources: readonly ArrayLike<number>[], out: Float64Array | Float32Array, n: number): void {
  const m = sources.length;
  const B = 1024;
  for (let r0 = 0; r0 < n; r0 += B) {
    const r1 = Math.min(n, r0 + B);
    for (let j = 0; j < m; j++) {
      const src = sources[j]!;
      let o = r0 * m + j;
      for (let r = r0; r < r1; r++, o += m) out[o] = src[r]!;
    }
  }
}
