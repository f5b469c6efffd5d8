/**
 * Printing frames as compact aligned text tables, the way pandas does: a row index on the left,
 * right-aligned cells, one float format per column, head and tail with "..." when long, and the
 * shape as a footer when truncated.
 */
import { type Column, formatDate } from './column.js';
import type { DataFrame } from './dataframe.js';

export interface FormatOptions {
  /** Rows above which the table is truncated (default 60, like pandas). */
  maxRows?: number;
  /** Rows shown when truncated, split between head and tail (default 10). */
  minRows?: number;
  /** Columns above which the middle ones are replaced by "..." (default 20). */
  maxColumns?: number;
  /** Widest cell before it is cut with "..." (default 50). */
  maxColWidth?: number;
  /** Show each column's dtype under its name (default false). */
  dtypes?: boolean;
  /** Show `[N rows x M columns]`: 'auto' (when truncated; default), true or false. */
  shape?: boolean | 'auto';
  /** Show the row index column (default true). */
  index?: boolean;
}

const MISSING: Record<string, string> = {
  float64: 'NaN', float32: 'NaN', int32: '<NA>', bool: '<NA>', string: 'None', category: 'NaN', date: 'NaT', datetime: 'NaT',
};

/** Formats float values with one number of decimals for the whole column (pandas' rule). */
export function formatFloats(values: readonly number[]): string[] {
  let decimals = 1;
  let sci = false;
  let maxAbs = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const a = Math.abs(v);
    maxAbs = Math.max(maxAbs, a);
    if (a !== 0 && a < 1e-6) sci = true;
    if (Number.isInteger(v)) continue;
    const s = v.toFixed(6).replace(/0+$/, '');
    const dot = s.indexOf('.');
    if (dot >= 0) decimals = Math.max(decimals, s.length - dot - 1);
  }
  if (maxAbs >= 1e16) sci = true;
  decimals = Math.min(decimals, 6);
  return values.map((v) => {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    if (sci) {
      const [m, e] = v.toExponential(6).split('e');
      const exp = Number(e);
      return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    }
    return v.toFixed(decimals);
  });
}

/** Cell texts of rows `rows` of a column. */
export function formatCells(col: Column, rows: readonly number[]): string[] {
  const miss = MISSING[col.dtype]!;
  switch (col.dtype) {
    case 'float64':
    case 'float32': {
      const d = col.data as Float64Array;
      return formatFloats(rows.map((i) => d[i]!));
    }
    case 'date':
    case 'datetime': {
      const d = col.data as Float64Array;
      const dateOnly = col.dtype === 'date' || rows.every((i) => d[i] !== d[i] || d[i]! % 86400000 === 0);
      return rows.map((i) => (d[i] !== d[i] ? miss : formatDate(new Date(d[i]!), dateOnly)));
    }
    case 'bool':
      return rows.map((i) => (col.isNull(i) ? miss : (col.data as Uint8Array)[i] ? 'True' : 'False'));
    default:
      return rows.map((i) => {
        const v = col.getUnchecked(i);
        return v === null ? miss : String(v);
      });
  }
}

function clip(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, Math.max(0, width - 3))}...` : s;
}

/**
 * The frame as a text table.
 *
 * @example
 * console.log(formatFrame(df, { maxRows: 10, dtypes: true }));
 */
export function formatFrame(df: DataFrame, options: FormatOptions = {}): string {
  const maxRows = options.maxRows ?? 60;
  const minRows = options.minRows ?? 10;
  const maxCols = options.maxColumns ?? 20;
  const maxWidth = options.maxColWidth ?? 50;
  const n = df.numRows;
  const m = df.numCols;
  if (n === 0 || m === 0) {
    return `Empty DataFrame\nColumns: [${df.columnNames.join(', ')}]\nIndex: []${n > 0 ? `\n[${n} rows x 0 columns]` : ''}`;
  }
  const rowsTrunc = n > maxRows;
  const half = Math.max(1, Math.floor(minRows / 2));
  const rows: number[] = rowsTrunc ? [...Array.from({ length: half }, (_, i) => i), ...Array.from({ length: half }, (_, i) => n - half + i)] : Array.from({ length: n }, (_, i) => i);
  const colsTrunc = m > maxCols;
  const halfC = Math.max(1, Math.floor(maxCols / 2));
  const colIdx: (number | -1)[] = colsTrunc ? [...Array.from({ length: halfC }, (_, j) => j), -1, ...Array.from({ length: halfC }, (_, j) => m - halfC + j)] : Array.from({ length: m }, (_, j) => j);
  const showIndex = options.index ?? true;
  // Build columns of text: header, optional dtype, cells (with a "..." row when truncated).
  const textCols: { cells: string[]; left: boolean }[] = [];
  const insertEllipsis = (cells: string[]): string[] => (rowsTrunc ? [...cells.slice(0, half), '...', ...cells.slice(half)] : cells);
  if (showIndex) {
    const idx = insertEllipsis(rows.map(String));
    textCols.push({ cells: ['', ...(options.dtypes ? [''] : []), ...idx], left: true });
  }
  for (const j of colIdx) {
    if (j === -1) {
      textCols.push({ cells: ['...', ...(options.dtypes ? ['...'] : []), ...insertEllipsis(rows.map(() => '...'))], left: false });
      continue;
    }
    const col = df.columns[j]!;
    const cells = formatCells(col, rows).map((s) => clip(s, maxWidth));
    textCols.push({ cells: [clip(col.name, maxWidth), ...(options.dtypes ? [col.dtype] : []), ...insertEllipsis(cells)], left: false });
  }
  const widths = textCols.map((c) => Math.max(...c.cells.map((s) => s.length)));
  const lines: string[] = [];
  const height = textCols[0]!.cells.length;
  for (let r = 0; r < height; r++) {
    const parts = textCols.map((c, k) => (c.left ? c.cells[r]!.padEnd(widths[k]!) : c.cells[r]!.padStart(widths[k]!)));
    lines.push(parts.join('  ').replace(/\s+$/, ''));
  }
  const shape = options.shape ?? 'auto';
  if (shape === true || (shape === 'auto' && (rowsTrunc || colsTrunc))) lines.push('', `[${n} rows x ${m} columns]`);
  return lines.join('\n');
}
