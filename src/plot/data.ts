/**
 * Turns the inputs a chart builder accepts (a DataFrame, an array of row objects, or a record of
 * columns given as arrays / typed arrays / 1-d NdArrays) into the row objects a Vega-Lite spec
 * inlines, and checks that the columns a chart uses exist and hold the right kind of values.
 */
import { DataFrame } from '../frame/dataframe.js';
import { isNumericDType, isTemporalDType } from '../frame/column.js';
import { ColumnNotFoundError } from '../frame/errors.js';
import { NdArray } from '../tensor/index.js';
import { PlotError } from './errors.js';

/** A column given as a plain array, a typed array or a 1-d NdArray. */
export type ColumnLike = readonly unknown[] | ArrayLike<number> | NdArray;

/** What every chart builder takes as its data. */
export type PlotData = DataFrame | readonly Record<string, unknown>[] | Readonly<Record<string, ColumnLike>>;

/** The Vega-Lite measurement type a column is encoded with. */
export type FieldType = 'quantitative' | 'temporal' | 'nominal' | 'ordinal';

/** Rows ready to inline into a spec, with the column names and their inferred kinds. */
export interface PlotTable {
  rows: Record<string, unknown>[];
  columns: string[];
  types: Record<string, FieldType>;
}

function columnValues(name: string, col: ColumnLike): unknown[] {
  if (col instanceof NdArray) {
    if (col.ndim !== 1) throw new PlotError(`Column '${name}' is an NdArray of shape [${col.shape.join(', ')}]; pass a 1-d array (select one column with .take or reshape it).`);
    return Array.from(col.toFloat64Array());
  }
  return Array.from(col as ArrayLike<unknown>);
}

function cellValue(v: unknown): unknown {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** Numbers (NaN included, before it becomes null) are quantitative; anything else is nominal. A column with no values at all counts as numeric, so it draws nothing rather than failing. */
function inferType(values: Iterable<unknown>): FieldType {
  for (const v of values) {
    if (v === null || v === undefined || typeof v === 'number' || typeof v === 'bigint') continue;
    return 'nominal';
  }
  return 'quantitative';
}

/**
 * Normalizes chart input to rows. Dates become epoch milliseconds (plotted on UTC time scales),
 * NaN and ±Infinity become null (left out of the marks).
 *
 * @example
 * toPlotTable({ x: [1, 2], k: ['a', 'b'] }).types; // { x: 'quantitative', k: 'nominal' }
 */
export function toPlotTable(data: PlotData, context = 'plot'): PlotTable {
  if (data instanceof DataFrame) {
    const columns = data.columns.map((c) => c.name);
    const types: Record<string, FieldType> = {};
    for (const c of data.columns) {
      types[c.name] = isNumericDType(c.dtype) ? 'quantitative' : isTemporalDType(c.dtype) ? 'temporal' : 'nominal';
    }
    const arrays = data.columns.map((c) => c.toArray());
    const rows: Record<string, unknown>[] = new Array(data.numRows);
    for (let i = 0; i < data.numRows; i++) {
      const r: Record<string, unknown> = {};
      for (let j = 0; j < columns.length; j++) r[columns[j]!] = cellValue(arrays[j]![i]);
      rows[i] = r;
    }
    return { rows, columns, types };
  }
  if (Array.isArray(data)) {
    const rowsIn = data as readonly Record<string, unknown>[];
    const seen = new Set<string>();
    const temporal = new Set<string>();
    for (const r of rowsIn) {
      if (r === null || typeof r !== 'object') throw new PlotError(`${context}: rows must be objects like { x: 1, y: 2 }; got ${JSON.stringify(r)}.`);
      for (const [k, v] of Object.entries(r)) {
        seen.add(k);
        if (v instanceof Date) temporal.add(k);
      }
    }
    const columns = [...seen];
    const rows = rowsIn.map((r) => {
      const o: Record<string, unknown> = {};
      for (const k of columns) o[k] = cellValue(r[k]);
      return o;
    });
    const types: Record<string, FieldType> = {};
    for (const c of columns) types[c] = temporal.has(c) ? 'temporal' : inferType(rowsIn.map((r) => r[c]));
    return { rows, columns, types };
  }
  if (data === null || typeof data !== 'object') throw new PlotError(`${context}: expected a DataFrame, an array of rows or a record of columns; got ${typeof data}.`);
  const record = data as Readonly<Record<string, ColumnLike>>;
  const columns = Object.keys(record);
  const values = columns.map((c) => columnValues(c, record[c]!));
  const n = values.length ? values[0]!.length : 0;
  values.forEach((v, j) => {
    if (v.length !== n) throw new PlotError(`${context}: column '${columns[j]}' has ${v.length} values but '${columns[0]}' has ${n}; give every column the same length.`);
  });
  const temporal = new Set(columns.filter((_, j) => values[j]!.some((v) => v instanceof Date)));
  const rows: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r: Record<string, unknown> = {};
    for (let j = 0; j < columns.length; j++) r[columns[j]!] = cellValue(values[j]![i]);
    rows[i] = r;
  }
  const types: Record<string, FieldType> = {};
  columns.forEach((c, j) => (types[c] = temporal.has(c) ? 'temporal' : inferType(values[j]!)));
  return { rows, columns, types };
}

/** What a channel needs from a column. */
export type Need = 'numeric' | 'temporal' | 'any' | 'numeric-or-temporal';

/**
 * Checks that `field` exists (listing the available columns if not) and holds the kind of
 * values the channel needs; returns its Vega-Lite type.
 */
export function requireField(table: PlotTable, field: string, need: Need, context: string, role: string): FieldType {
  if (typeof field !== 'string' || !table.columns.includes(field)) throw new ColumnNotFoundError(String(field), table.columns, context);
  const t = table.types[field]!;
  if (need === 'numeric' && t !== 'quantitative') throw notNumeric(table, field, t, context, role, 'numbers');
  if (need === 'temporal' && t !== 'temporal') throw notNumeric(table, field, t, context, role, 'dates');
  if (need === 'numeric-or-temporal' && t !== 'quantitative' && t !== 'temporal') throw notNumeric(table, field, t, context, role, 'numbers or dates');
  return t;
}

function notNumeric(table: PlotTable, field: string, t: FieldType, context: string, role: string, what: string): PlotError {
  const example = table.rows.find((r) => r[field] !== null && r[field] !== undefined)?.[field];
  const numeric = table.columns.filter((c) => table.types[c] === 'quantitative');
  return new PlotError(
    `${context}: column '${field}' holds ${t === 'temporal' ? 'dates' : 'text'}${example !== undefined ? ` (e.g. ${JSON.stringify(example)})` : ''}, but the ${role} needs ${what}. ` +
      `Cast it first or pick another column${numeric.length ? ` (numeric columns: ${numeric.join(', ')})` : ''}.`,
  );
}

/** Throws when the table has no rows. */
export function requireRows(table: PlotTable, context: string): void {
  if (table.rows.length === 0) throw new PlotError(`${context}: the data has no rows, so there is nothing to plot; check the filter or file that produced it.`);
}

/** A column of plain numbers from an array-like input (for the ML plots). */
export function toNumbers(x: ArrayLike<number> | NdArray | readonly number[], name: string, context: string): number[] {
  if (x instanceof NdArray) return Array.from(x.toFloat64Array());
  if (x === null || x === undefined || typeof (x as ArrayLike<number>).length !== 'number') throw new PlotError(`${context}: '${name}' must be an array of numbers.`);
  const out = Array.from(x as ArrayLike<number>, Number);
  const bad = out.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) throw new PlotError(`${context}: '${name}' has a value that is not a number at index ${bad} (${JSON.stringify((x as ArrayLike<unknown>)[bad])}).`);
  return out;
}

/** A 2-d matrix as nested number arrays, from nested arrays or a 2-d NdArray. */
export function toMatrixRows(m: NdArray | readonly (readonly number[])[] | readonly ArrayLike<number>[], name: string, context: string): number[][] {
  if (m instanceof NdArray) {
    if (m.ndim !== 2) throw new PlotError(`${context}: '${name}' must be 2-d; got shape [${m.shape.join(', ')}].`);
    const flat = m.toFloat64Array();
    const [r, c] = m.shape as [number, number];
    return Array.from({ length: r }, (_, i) => Array.from(flat.subarray(i * c, (i + 1) * c)));
  }
  if (!Array.isArray(m)) throw new PlotError(`${context}: '${name}' must be a 2-d array or NdArray.`);
  const rows = (m as readonly ArrayLike<number>[]).map((r) => Array.from(r, Number));
  const c = rows[0]?.length ?? 0;
  rows.forEach((r, i) => {
    if (r.length !== c) throw new PlotError(`${context}: row ${i} of '${name}' has ${r.length} values but row 0 has ${c}; the matrix must be rectangular.`);
  });
  return rows;
}
