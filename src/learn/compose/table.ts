/**
 * A small column-oriented table of raw values — numbers, strings, booleans, null for missing —
 * that encoders, imputers and ColumnTransformer work on. It implements `FrameLike`, so a
 * numeric estimator handed a Table converts it with `toMatrix` as it would a DataFrame, and text
 * in a column gives an error that names the column and the fix.
 */
import { NdArray, fromTyped, formatShape } from '../../tensor/index.js';
import { DataError } from '../base/errors.js';
import { type FrameLike, type MatrixInput, isFrameLike } from '../base/input.js';

/** What table-aware transformers accept: anything `toMatrix` takes, plus rows of mixed values. */
export type TableInput =
  | MatrixInput
  | readonly Readonly<Record<string, unknown>>[]
  | readonly (readonly unknown[])[];

/** A value is missing when it is null, undefined or NaN. */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * Columns of raw values with names. `named` is true when the names came from the data (a frame
 * or row objects) rather than being the positional defaults `x0`, `x1`, ….
 *
 * @example
 * const t = toTable([{ city: 'Paris', n: 2 }, { city: null, n: 3 }]);
 * t.columnNames;          // ['city', 'n']
 * t.values(0);            // ['Paris', null]
 */
export class Table implements FrameLike {
  readonly columnNames: readonly string[];
  readonly numRows: number;
  readonly named: boolean;
  readonly #columns: readonly (readonly unknown[])[];
  #index: Map<string, number> | undefined;

  constructor(names: readonly string[], columns: readonly (readonly unknown[])[], named: boolean, numRows?: number) {
    if (names.length !== columns.length) throw new Error(`Table: ${names.length} names for ${columns.length} columns.`);
    this.columnNames = Object.freeze(names.slice());
    this.#columns = columns;
    this.named = named;
    this.numRows = numRows ?? (columns.length ? columns[0]!.length : 0);
  }

  get numColumns(): number {
    return this.columnNames.length;
  }

  /** Position of a column by name (the last one of a repeated name), or -1. */
  indexOf(name: string): number {
    const names = this.columnNames;
    // A few names are found faster by looking than by building a map first (a one-row
    // prediction makes several small tables and asks each for a few columns).
    if (names.length <= 8) {
      for (let j = names.length - 1; j >= 0; j--) if (names[j] === name) return j;
      return -1;
    }
    if (!this.#index) this.#index = new Map(names.map((n, i) => [n, i]));
    return this.#index.get(name) ?? -1;
  }

  /** The raw values of column `j` (do not modify). */
  values(j: number): readonly unknown[] {
    return this.#columns[j]!;
  }

  column(name: string): { toArray(): readonly unknown[] } {
    const j = this.indexOf(name);
    if (j < 0) throw new DataError(`Column '${name}' not found. Columns: ${this.columnNames.join(', ')}.`);
    const values = this.#columns[j]!;
    return { toArray: () => values };
  }

  /** Column `j` as numbers (missing → NaN, booleans → 0/1); text is an error naming the column. */
  numeric(j: number, estimator?: string): Float64Array {
    const out = new Float64Array(this.numRows);
    this.#numericInto(j, out, 1, 0, estimator);
    return out;
  }

  /** Writes column `j` as numbers to `out[i * stride + at]`. */
  #numericInto(j: number, out: Float64Array, stride: number, at: number, estimator?: string): void {
    const values = this.#columns[j]!;
    for (let i = 0, n = this.numRows; i < n; i++) {
      const v = values[i];
      let x: number;
      if (typeof v === 'number') x = v;
      else if (isMissing(v)) x = NaN;
      else if (typeof v === 'boolean') x = v ? 1 : 0;
      else {
        const who = estimator ? `${estimator}: ` : '';
        throw new DataError(
          `${who}column '${this.columnNames[j]}' holds ${typeof v === 'string' ? 'text' : typeof v} (${JSON.stringify(v)} at row ${i}) ` +
            'where numbers are needed; encode it first (OneHotEncoder or OrdinalEncoder, e.g. in a ColumnTransformer) or drop the column.',
        );
      }
      out[i * stride + at] = x;
    }
  }

  toMatrix(columns?: readonly string[], _options?: { dtype?: 'float64' | 'float32' }): NdArray {
    const idx = columns ? columns.map((c) => this.requireColumn(c)) : null;
    const p = idx ? idx.length : this.numColumns;
    const data = new Float64Array(this.numRows * p);
    for (let c = 0; c < p; c++) this.#numericInto(idx ? idx[c]! : c, data, p, c);
    return fromTyped(data, [this.numRows, p]);
  }

  requireColumn(name: string, estimator?: string): number {
    const j = this.indexOf(name);
    if (j < 0) {
      const who = estimator ? `${estimator}: ` : '';
      throw new DataError(`${who}column '${name}' not found. Columns: ${this.columnNames.join(', ')}.`);
    }
    return j;
  }

  /** The columns at `indices`, in that order. */
  select(indices: readonly number[]): Table {
    return new Table(indices.map((j) => this.columnNames[j]!), indices.map((j) => this.#columns[j]!), this.named, this.numRows);
  }

  /** The rows at `rows`, in that order. */
  take(rows: ArrayLike<number>): Table {
    const cols = this.#columns.map((col) => {
      const out = new Array<unknown>(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]!];
      return out;
    });
    return new Table(this.columnNames, cols, this.named, rows.length);
  }

  /** A copy with column `j` replaced. */
  withColumn(j: number, values: readonly unknown[]): Table {
    const cols = this.#columns.slice();
    cols[j] = values;
    return new Table(this.columnNames, cols, this.named, this.numRows);
  }
}

const notTwoD = (who: string, shape: string): DataError =>
  new DataError(
    `${who}expected a 2-d array of samples × features, got a 1-d array of shape ${shape}. ` +
      'Reshape it with reshape(-1, 1) for a single feature or reshape(1, -1) for a single sample.',
  );

/**
 * Converts X to a Table: an NdArray or 2-d array (columns `x0`, `x1`, …), a DataFrame-like
 * (its column names and raw values), or an array of row objects (keys in first-seen order;
 * an absent key is missing).
 */
export function toTable(X: TableInput, estimator?: string): Table {
  const who = estimator ? `${estimator}: ` : '';
  if (X instanceof Table) {
    if (X.numRows === 0) throw new DataError(`${who}X has 0 samples; at least one is required.`);
    return X;
  }
  let table: Table;
  if (isFrameLike(X)) {
    const names = [...X.columnNames];
    table = new Table(names, names.map((n) => X.column(n).toArray()), true, X.numRows);
  } else if (X instanceof NdArray) {
    if (X.ndim === 1) throw notTwoD(who, formatShape(X.shape));
    if (X.ndim !== 2) throw new DataError(`${who}expected a 2-d array of samples × features, got shape ${formatShape(X.shape)}.`);
    const [n, p] = X.shape as [number, number];
    const flat = X.toFloat64Array();
    const cols: number[][] = Array.from({ length: p }, () => new Array<number>(n));
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) cols[j]![i] = flat[i * p + j]!;
    table = new Table(cols.map((_, j) => `x${j}`), cols, false, n);
  } else if (Array.isArray(X)) {
    const rows = X as readonly unknown[];
    if (rows.length === 0) throw new DataError(`${who}X has 0 samples; at least one is required.`);
    if (Array.isArray(rows[0])) {
      const p = (rows[0] as unknown[]).length;
      const cols: unknown[][] = Array.from({ length: p }, () => new Array<unknown>(rows.length));
      rows.forEach((row, i) => {
        if (!Array.isArray(row) || row.length !== p) {
          throw new DataError(`${who}row ${i} has ${Array.isArray(row) ? row.length : 'no'} values but row 0 has ${p}; every row needs the same number of columns.`);
        }
        for (let j = 0; j < p; j++) cols[j]![i] = row[j];
      });
      table = new Table(cols.map((_, j) => `x${j}`), cols, false, rows.length);
    } else if (typeof rows[0] === 'object' && rows[0] !== null) {
      const names: string[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
          throw new DataError(`${who}expected every row to be an object like row 0.`);
        }
        for (const k of Object.keys(row)) if (!seen.has(k)) (seen.add(k), names.push(k));
      }
      const cols = names.map((k) => rows.map((r) => (r as Record<string, unknown>)[k] ?? null));
      table = new Table(names, cols, true, rows.length);
    } else {
      throw notTwoD(who, `(${rows.length},)`);
    }
  } else {
    throw new DataError(`${who}expected a matrix, a DataFrame or an array of rows, got ${typeof X}.`);
  }
  if (table.numRows === 0) throw new DataError(`${who}X has 0 samples; at least one is required.`);
  return table;
}

/** Checks a table at transform time against the columns seen in fit (names when fitted on named data). */
export function alignColumns(table: Table, namesIn: readonly string[], named: boolean, estimator: string): Table {
  if (named && table.named) {
    const idx = namesIn.map((n) => {
      const j = table.indexOf(n);
      if (j < 0) throw new DataError(`${estimator}: column '${n}' seen in fit is missing from X. Columns: ${table.columnNames.join(', ')}.`);
      return j;
    });
    const same = idx.length === table.numColumns && idx.every((j, k) => j === k);
    return same ? table : table.select(idx);
  }
  if (table.numColumns !== namesIn.length) {
    throw new DataError(`X has ${table.numColumns} features, but ${estimator} was fitted with ${namesIn.length} features; pass the same columns as in fit.`);
  }
  return table;
}

/** Rows of a matrix-like or tabular X, in `rows` order, keeping its kind where it can. */
export function takeRows<T extends TableInput>(X: T, rows: ArrayLike<number>): TableInput {
  if (X instanceof NdArray) {
    if (X.ndim !== 2) return toTable(X).take(rows);
    const [, p] = X.shape as [number, number];
    const flat = X.toFloat64Array();
    const out = new Float64Array(rows.length * p);
    for (let i = 0; i < rows.length; i++) out.set(flat.subarray(rows[i]! * p, rows[i]! * p + p), i * p);
    return fromTyped(out, [rows.length, p]);
  }
  if (Array.isArray(X)) {
    const out = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = (X as readonly unknown[])[rows[i]!];
    return out as TableInput;
  }
  return toTable(X).take(rows);
}

/** Number of samples in X. */
export function numSamples(X: TableInput): number {
  if (X instanceof NdArray) return X.shape[0] ?? 0;
  if (Array.isArray(X)) return X.length;
  return (X as FrameLike).numRows;
}
