/**
 * Per-group reductions over dense group codes (0..groups-1, -1 = row in no group). Each takes a
 * column and returns a column with one value per group; they run in one or two passes over
 * typed arrays and never build per-group JS arrays except for custom functions.
 */
import { Column, quantileSorted, type Scalar } from '../column.js';
import { ColumnTypeError, FrameError } from '../errors.js';
import { factorizeColumn, sortKey } from '../keys.js';

/** The built-in aggregations (pandas names). */
export type AggName = 'count' | 'size' | 'sum' | 'mean' | 'median' | 'std' | 'var' | 'min' | 'max' | 'quantile' | 'nunique' | 'first' | 'last' | 'prod';
export const AGG_NAMES: readonly AggName[] = ['count', 'size', 'sum', 'mean', 'median', 'std', 'var', 'min', 'max', 'quantile', 'nunique', 'first', 'last', 'prod'];

/** A custom aggregation: receives the group's values (missing included, as null). */
export type AggFunction = (values: Scalar[]) => Scalar;

/** Grouping shared by the reductions. */
export interface Groups {
  codes: Int32Array;
  count: number;
  /** Rows per group (optional): lets count and size of columns without missing values skip a pass. */
  sizes?: Int32Array;
}

function numeric(col: Column, agg: string): Float64Array {
  if (col.dtype === 'string' || col.dtype === 'category') {
    throw new ColumnTypeError(col.name, `Cannot take the ${agg} of ${col.dtype} column '${col.name}'; use count, nunique, first, last, min or max, or cast it to a number.`);
  }
  return col.toFloat64();
}

/** Rows of each group in row order: `rows[start[g] .. start[g+1])`. */
export function groupRows(g: Groups): { start: Int32Array; rows: Int32Array } {
  const { codes, count } = g;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) start[codes[i]! + 1]!++;
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, count);
  const rows = new Int32Array(start[count]!);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) rows[fill[c]!++] = i;
  }
  return { start, rows };
}

function intIfFits(name: string, values: Float64Array): Column {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v > 2147483647 || v < -2147483648) return Column.float64(name, values);
  }
  return Column.int32(name, Int32Array.from(values));
}

function counts(g: Groups, col: Column | null): Int32Array {
  if (g.sizes !== undefined && (col === null || col.nullCount === 0)) return g.sizes.slice();
  const out = new Int32Array(g.count);
  const codes = g.codes;
  if (col === null || col.nullCount === 0) {
    for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) out[codes[i]!]!++;
    return out;
  }
  const valid = col.validMask();
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0 && valid[i]) out[codes[i]!]!++;
  return out;
}

/** Per-group sums of the present (non-NaN) values, in row order. */
function sums(g: Groups, x: Float64Array): Float64Array {
  const out = new Float64Array(g.count);
  addPresent(g.codes, x, out);
  return out;
}

/** Per-group means of the present values: sums and counts in one pass. */
function means(g: Groups, x: Float64Array): Float64Array {
  const out = new Float64Array(g.count);
  const n = new Int32Array(g.count);
  addAndCountPresent(g.codes, x, out, n);
  for (let k = 0; k < g.count; k++) out[k] = n[k] ? out[k]! / n[k]! : NaN;
  return out;
}

// The row loops are one-loop functions: V8 optimizes such a loop while it runs (on-stack
// replacement) without deoptimizing on code after it that has not run yet, which matters for a
// single group-by over a freshly read frame.
function addPresent(codes: Int32Array, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = x[i]!;
    if (c >= 0 && v === v) out[c]! += v;
  }
}
function addAndCountPresent(codes: Int32Array, x: Float64Array, out: Float64Array, n: Int32Array): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = x[i]!;
    if (c >= 0 && v === v) {
      out[c]! += v;
      n[c]!++;
    }
  }
}

function variances(g: Groups, x: Float64Array, ddof: number): Float64Array {
  const n = counts(g, Column.float64('', x));
  const mean = sums(g, x);
  for (let k = 0; k < g.count; k++) mean[k] = n[k] ? mean[k]! / n[k]! : NaN;
  const ss = new Float64Array(g.count);
  const codes = g.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = x[i]!;
    if (c >= 0 && v === v) {
      const d = v - mean[c]!;
      ss[c]! += d * d;
    }
  }
  for (let k = 0; k < g.count; k++) ss[k] = n[k]! - ddof > 0 ? ss[k]! / (n[k]! - ddof) : NaN;
  return ss;
}

function extreme(g: Groups, col: Column, isMax: boolean): Column {
  const name = col.name;
  if (col.dtype === 'string' || col.dtype === 'category') {
    // Compare by rank, then hand back the row holding the extreme.
    const key = sortKey(col);
    const best = new Int32Array(g.count).fill(-1);
    const codes = g.codes;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      const v = key[i]!;
      if (c < 0 || v !== v) continue;
      const b = best[c]!;
      if (b < 0 || (isMax ? v > key[b]! : v < key[b]!)) best[c] = i;
    }
    return col.take(best);
  }
  const x = col.toFloat64();
  const out = new Float64Array(g.count).fill(NaN);
  const codes = g.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = x[i]!;
    if (c < 0 || v !== v) continue;
    const o = out[c]!;
    if (o !== o || (isMax ? v > o : v < o)) out[c] = v;
  }
  if (col.dtype === 'date' || col.dtype === 'datetime') return Column.temporal(name, out, col.dtype);
  if (col.dtype === 'int32' || col.dtype === 'bool') {
    const anyEmpty = out.some((v) => v !== v);
    if (!anyEmpty) return col.dtype === 'bool' ? Column.bool(name, Uint8Array.from(out)) : Column.int32(name, Int32Array.from(out));
    return Column.float64(name, out).cast(col.dtype);
  }
  return Column.float64(name, out);
}

function quantiles(g: Groups, x: Float64Array, q: number): Float64Array {
  const { start, rows } = groupRows(g);
  const out = new Float64Array(g.count);
  const scratch = new Float64Array(rows.length);
  for (let k = 0; k < g.count; k++) {
    let m = 0;
    for (let j = start[k]!; j < start[k + 1]!; j++) {
      const v = x[rows[j]!]!;
      if (v === v) scratch[m++] = v;
    }
    const part = scratch.subarray(0, m);
    part.sort();
    out[k] = quantileSorted(part, 0, m, q);
  }
  return out;
}

function nunique(g: Groups, col: Column): Int32Array {
  const { codes: [vc], count: nv } = factorizeColumn([col]);
  const stamp = new Int32Array(nv).fill(-1);
  const { start, rows } = groupRows(g);
  const out = new Int32Array(g.count);
  for (let k = 0; k < g.count; k++) {
    let c = 0;
    for (let j = start[k]!; j < start[k + 1]!; j++) {
      const v = vc![rows[j]!]!;
      if (v >= 0 && stamp[v] !== k) {
        stamp[v] = k;
        c++;
      }
    }
    out[k] = c;
  }
  return out;
}

function firstLast(g: Groups, col: Column, last: boolean): Column {
  const pick = new Int32Array(g.count).fill(-1);
  const codes = g.codes;
  const valid = col.validMask();
  if (last) {
    for (let i = codes.length - 1; i >= 0; i--) {
      const c = codes[i]!;
      if (c >= 0 && pick[c]! < 0 && valid[i]) pick[c] = i;
    }
  } else {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      if (c >= 0 && pick[c]! < 0 && valid[i]) pick[c] = i;
    }
  }
  return col.take(pick);
}

export interface AggOptions {
  /** For quantile: the probability (default 0.5). */
  q?: number;
  /** For std/var: delta degrees of freedom (default 1, like pandas). */
  ddof?: number;
}

/**
 * One aggregation of `col` per group, named `name`.
 *
 * @example
 * aggregate({ codes: Int32Array.of(0, 1, 0), count: 2 }, Column.from('x', [1, 2, 3]), 'sum', 'x').toArray(); // [4, 2]
 */
export function aggregate(g: Groups, col: Column, agg: AggName | AggFunction, name: string, options: AggOptions = {}): Column {
  if (typeof agg === 'function') {
    const { start, rows } = groupRows(g);
    const out = new Array<Scalar>(g.count);
    for (let k = 0; k < g.count; k++) {
      const vals = new Array<Scalar>(start[k + 1]! - start[k]!);
      for (let j = start[k]!; j < start[k + 1]!; j++) vals[j - start[k]!] = col.getUnchecked(rows[j]!);
      out[k] = agg(vals);
    }
    return Column.from(name, out);
  }
  const isInt = col.dtype === 'int32' || col.dtype === 'bool';
  switch (agg) {
    case 'count':
      return Column.int32(name, counts(g, col));
    case 'size':
      return Column.int32(name, counts(g, null));
    case 'sum': {
      const s = sums(g, numeric(col, agg));
      return isInt ? intIfFits(name, s) : Column.float64(name, s);
    }
    case 'prod': {
      const x = numeric(col, agg);
      const out = new Float64Array(g.count).fill(1);
      for (let i = 0; i < x.length; i++) if (g.codes[i]! >= 0 && x[i] === x[i]) out[g.codes[i]!]! *= x[i]!;
      return isInt ? intIfFits(name, out) : Column.float64(name, out);
    }
    case 'mean':
      return Column.float64(name, means(g, numeric(col, agg)));
    case 'var':
      return Column.float64(name, variances(g, numeric(col, agg), options.ddof ?? 1));
    case 'std': {
      const v = variances(g, numeric(col, agg), options.ddof ?? 1);
      for (let k = 0; k < v.length; k++) v[k] = Math.sqrt(v[k]!);
      return Column.float64(name, v);
    }
    case 'min':
    case 'max':
      return extreme(g, col, agg === 'max').rename(name);
    case 'median':
      return Column.float64(name, quantiles(g, numeric(col, agg), 0.5));
    case 'quantile': {
      const q = options.q ?? 0.5;
      if (!(q >= 0 && q <= 1)) throw new FrameError(`quantile: q must be in [0, 1], got ${q}.`);
      return Column.float64(name, quantiles(g, numeric(col, agg), q));
    }
    case 'nunique':
      return Column.int32(name, nunique(g, col));
    case 'first':
    case 'last':
      return firstLast(g, col, agg === 'last').rename(name);
    default:
      throw new FrameError(`Unknown aggregation '${String(agg)}'; use one of ${AGG_NAMES.join(', ')} or a function.`);
  }
}
