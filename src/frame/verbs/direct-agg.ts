/**
 * The fast path of groupBy(...).agg(...) for the common case of one int32 key without missing
 * values over a small range of values, and only count/size/sum/mean (sum and mean of float64
 * columns): each row's group is its key minus the smallest key, so no group codes are built,
 * and each pass over the keys sums up to three columns, counting their missing values (rare)
 * rather than their present ones, and the first pass also counts the rows per key, so the
 * common row updates one table per column plus one.
 * Results (values, row-order summation, dtypes, sorted keys) are those of the general path.
 */
import { Column } from '../column.js';
import type { DataFrame } from '../dataframe.js';

/** One requested aggregation: output name, source column, aggregation. */
export interface AggEntry {
  name: string;
  column: string;
  agg: string;
}

/** Key ranges up to this size are tabled directly (the general path has the same bound on 2n). */
const MAX_SPAN = 1 << 22;
/** Rows whose key range is taken as the first guess of the whole column's. */
const PREFIX = 4096;

/**
 * The aggregated frame (key column, then one column per entry), or null when the fast path does
 * not apply and the general path must run.
 */
export function directAggregate(frame: DataFrame, key: string, entries: readonly AggEntry[]): DataFrame | null {
  const keyCol = frame.column(key);
  if (keyCol.dtype !== 'int32' || keyCol.nullCount > 0 || keyCol.length === 0) return null;
  for (const e of entries) {
    if (!frame.has(e.column)) return null;
    const dtype = frame.column(e.column).dtype;
    const ok = e.agg === 'count' || e.agg === 'size' || ((e.agg === 'sum' || e.agg === 'mean') && dtype === 'float64');
    if (!ok) return null;
  }
  const keys = keyCol.data as Int32Array;
  const n = keys.length;
  // Float64 columns to sum, up to three per pass over the keys. The key range is first guessed
  // from a prefix of the rows; a pass stops at the first key outside it, and then the exact range
  // is computed and the passes start over (once). A column that is only counted is left out: its
  // count is the rows per key when it has no missing value (one sequential scan tells), else one
  // counting pass.
  const streams = [...new Set(entries.filter((e) => e.agg === 'sum' || e.agg === 'mean').map((e) => e.column))];
  const values = streams.map((c) => frame.column(c).toFloat64());
  keyRange(keys, Math.min(n, PREFIX));
  let perColumn: { sums: Float64Array; counts: Int32Array }[] | null = null;
  let rowsPerKey: Int32Array | undefined;
  for (let attempt = 0; perColumn === null; attempt++) {
    if (attempt === 1) keyRange(keys, n);
    const lo = rangeLo;
    const span = rangeHi - lo + 1;
    if (span > MAX_SPAN || span > Math.max(2 * n, 1 << 16)) return null;
    // Per column: sums of the present values and counts of the missing ones (rare, so the common
    // row touches one table per column); the first pass also counts the rows per key.
    const missing = streams.map(() => new Int32Array(span));
    perColumn = streams.map(() => ({ sums: new Float64Array(span), counts: new Int32Array(0) }));
    rowsPerKey = new Int32Array(span);
    let inRange = streams.length > 0 || countKeys(keys, lo, span, rowsPerKey);
    for (let j = 0; j < streams.length && inRange; j += 3) {
      const rows = j === 0 ? rowsPerKey : new Int32Array(span);
      const [a, b, c] = [perColumn[j]!.sums, perColumn[j + 1]?.sums, perColumn[j + 2]?.sums];
      if (c) inRange = sumPresent3(keys, lo, span, rows, values[j]!, values[j + 1]!, values[j + 2]!, a, missing[j]!, b!, missing[j + 1]!, c, missing[j + 2]!);
      else if (b) inRange = sumPresent2(keys, lo, span, rows, values[j]!, values[j + 1]!, a, missing[j]!, b, missing[j + 1]!);
      else inRange = sumPresent(keys, lo, span, rows, values[j]!, a, missing[j]!);
    }
    if (!inRange) {
      perColumn = null;
      continue;
    }
    perColumn.forEach((p, j) => (p.counts = Int32Array.from(rowsPerKey!, (r, t) => r - missing[j]![t]!)));
  }
  const lo = rangeLo;
  const span = rangeHi - lo + 1;
  const byColumn = new Map(streams.map((c, j) => [c, perColumn[j]!]));
  // Present keys in ascending order (pandas sorts groups by key).
  const present: number[] = [];
  for (let t = 0; t < span; t++) if (rowsPerKey![t]! > 0) present.push(t);
  const groups = present.length;
  const compactInt = (perKey: Int32Array): Int32Array => Int32Array.from(present, (t) => perKey[t]!);

  const out: Column[] = [Column.int32(key, Int32Array.from(present, (t) => t + lo))];
  for (const e of entries) {
    const col = frame.column(e.column);
    const sums = byColumn.get(e.column);
    if (e.agg === 'size') {
      out.push(Column.int32(e.name, compactInt(rowsPerKey!)));
    } else if (e.agg === 'count') {
      let perKey = sums?.counts ?? (col.nullCount === 0 ? rowsPerKey! : undefined);
      if (!perKey) {
        perKey = new Int32Array(span);
        countValid(keys, lo, col.validMask(), perKey);
      }
      out.push(Column.int32(e.name, compactInt(perKey)));
    } else {
      const { sums: s, counts: c } = sums!;
      const perGroup = e.agg === 'mean' ? Float64Array.from(present, (t) => (c[t]! > 0 ? s[t]! / c[t]! : NaN)) : Float64Array.from(present, (t) => s[t]!);
      out.push(Column.float64(e.name, perGroup));
    }
  }
  return frame.withColumns(out, groups);
}

// One loop per function, so V8 optimizes each while it runs (see aggregate.ts); keyRange hands
// its result back through module variables for the same reason. The passes return false at the
// first key outside [lo, lo + span).
let rangeLo = 0;
let rangeHi = 0;
function keyRange(keys: Int32Array, rows: number): void {
  let lo = 2147483647;
  let hi = -2147483648;
  for (let i = 0; i < rows; i++) {
    const v = keys[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  rangeLo = lo;
  rangeHi = hi;
}

function countKeys(keys: Int32Array, lo: number, span: number, out: Int32Array): boolean {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]! - lo;
    if (k >>> 0 >= span) return false;
    out[k]!++;
  }
  return true;
}

function countValid(keys: Int32Array, lo: number, valid: Uint8Array, out: Int32Array): void {
  for (let i = 0; i < keys.length; i++) if (valid[i]) out[keys[i]! - lo]!++;
}

function sumPresent3(
  keys: Int32Array,
  lo: number,
  span: number,
  rows: Int32Array,
  x: Float64Array,
  y: Float64Array,
  z: Float64Array,
  sx: Float64Array,
  mx: Int32Array,
  sy: Float64Array,
  my: Int32Array,
  sz: Float64Array,
  mz: Int32Array,
): boolean {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]! - lo;
    if (k >>> 0 >= span) return false;
    rows[k]!++;
    const u = x[i]!;
    const v = y[i]!;
    const w = z[i]!;
    if (u === u) sx[k]! += u;
    else mx[k]!++;
    if (v === v) sy[k]! += v;
    else my[k]!++;
    if (w === w) sz[k]! += w;
    else mz[k]!++;
  }
  return true;
}

function sumPresent2(
  keys: Int32Array,
  lo: number,
  span: number,
  rows: Int32Array,
  x: Float64Array,
  y: Float64Array,
  sx: Float64Array,
  mx: Int32Array,
  sy: Float64Array,
  my: Int32Array,
): boolean {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]! - lo;
    if (k >>> 0 >= span) return false;
    rows[k]!++;
    const v = x[i]!;
    const w = y[i]!;
    if (v === v) sx[k]! += v;
    else mx[k]!++;
    if (w === w) sy[k]! += w;
    else my[k]!++;
  }
  return true;
}

function sumPresent(keys: Int32Array, lo: number, span: number, rows: Int32Array, x: Float64Array, sums: Float64Array, missing: Int32Array): boolean {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]! - lo;
    if (k >>> 0 >= span) return false;
    rows[k]!++;
    const v = x[i]!;
    if (v === v) sums[k]! += v;
    else missing[k]!++;
  }
  return true;
}
