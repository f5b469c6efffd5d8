/** Summary statistics per column (pandas' describe). */
import { Column, formatDate } from './column.js';
import type { DataFrame } from './dataframe.js';
import { FrameError } from './errors.js';
import { factorizeColumn } from './keys.js';

export interface DescribeOptions {
  /** Which columns: 'numeric' (default when any exist), 'object' (the others) or 'all'. */
  include?: 'numeric' | 'object' | 'all';
  /** Percentiles to report (default [0.25, 0.5, 0.75]). */
  percentiles?: readonly number[];
}

const isNumeric = (c: Column): boolean => c.dtype === 'float64' || c.dtype === 'float32' || c.dtype === 'int32';

function pctLabel(p: number): string {
  return `${Number((p * 100).toFixed(4))}%`;
}

/** Moves the k-th smallest of a[lo, hi) to a[k], smaller ones before it (quickselect). */
function selectNth(a: Float64Array, k: number, lo: number, hi: number): void {
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    const mid = (l + r) >> 1;
    // median of three as pivot
    const x = a[l]!;
    const y = a[mid]!;
    const z = a[r]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

/** Linear-interpolated quantiles of `a` (reordered in place) without a full sort. */
export function quantilesBySelection(a: Float64Array, probs: readonly number[]): number[] {
  const n = a.length;
  if (n === 0) return probs.map(() => NaN);
  const positions = new Set<number>();
  for (const p of probs) {
    const pos = (n - 1) * p;
    positions.add(Math.floor(pos));
    positions.add(Math.min(n - 1, Math.floor(pos) + 1));
  }
  const sorted = [...positions].sort((x, y) => x - y);
  let lo = 0;
  for (const k of sorted) {
    selectNth(a, k, lo, n);
    lo = k;
  }
  return probs.map((p) => {
    const pos = (n - 1) * p;
    const f = Math.floor(pos);
    const c = Math.min(n - 1, f + 1);
    return a[f]! + (a[c]! - a[f]!) * (pos - f);
  });
}

function numericStats(col: Column, percentiles: readonly number[]): number[] {
  const x = col.toFloat64();
  const vals = new Float64Array(col.length - col.nullCount);
  let k = 0;
  let sum = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      vals[k++] = v;
      sum += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const n = vals.length;
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (vals[i]! - mean) ** 2;
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  return [n, mean, std, n ? lo : NaN, ...quantilesBySelection(vals, percentiles), n ? hi : NaN];
}

/** count, unique, the most frequent value (first seen among ties) and its frequency. */
export function topValue(col: Column): { count: number; unique: number; top: string | null; freq: number } {
  const { codes: [c], count } = factorizeColumn([col]);
  const freq = new Int32Array(count);
  const first = new Int32Array(count).fill(-1);
  for (let i = 0; i < c!.length; i++) {
    const k = c![i]!;
    if (k < 0) continue;
    if (freq[k] === 0) first[k] = i;
    freq[k]!++;
  }
  let best = -1;
  for (let k = 0; k < count; k++) if (best < 0 || freq[k]! > freq[best]!) best = k;
  let top: string | null = null;
  if (best >= 0) {
    const v = col.getUnchecked(first[best]!);
    top = v instanceof Date ? formatDate(v, col.dtype === 'date') : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
  }
  return { count: col.length - col.nullCount, unique: count, top, freq: best >= 0 ? freq[best]! : 0 };
}

/**
 * A frame of statistics, one column per described column and a first column `stat` naming the
 * rows: count, mean, std (ddof=1), min, percentiles, max for numbers; count, unique, top, freq for
 * the others (those columns hold text, like pandas' object columns).
 *
 * @example
 * describe(df).toString();
 * //     stat      price
 * // 0  count        3.0
 * // 1   mean   ...
 */
export function describe(df: DataFrame, options: DescribeOptions = {}): DataFrame {
  const percentiles = options.percentiles ?? [0.25, 0.5, 0.75];
  for (const p of percentiles) if (!(p >= 0 && p <= 1)) throw new FrameError(`describe: percentiles must be in [0, 1], got ${p}.`);
  const numeric = df.columns.filter(isNumeric);
  const others = df.columns.filter((c) => !isNumeric(c));
  const include = options.include ?? (numeric.length ? 'numeric' : 'object');
  const numRows = ['count', 'mean', 'std', 'min', ...percentiles.map(pctLabel), 'max'];
  const objRows = ['count', 'unique', 'top', 'freq'];
  const cols = include === 'numeric' ? numeric : include === 'object' ? others : df.columns;
  if (cols.length === 0) throw new FrameError(`describe: the frame has no ${include === 'numeric' ? 'numeric' : include === 'object' ? 'non-numeric' : ''} columns to describe.`);
  const hasNum = cols.some(isNumeric);
  const hasObj = cols.some((c) => !isNumeric(c));
  const stats = hasNum && hasObj ? ['count', 'unique', 'top', 'freq', ...numRows.slice(1)] : hasNum ? numRows : objRows;
  const out: Column[] = [Column.string('stat', stats.slice())];
  for (const c of cols) {
    if (isNumeric(c)) {
      const v = numericStats(c, percentiles);
      const byName = new Map(numRows.map((r, k) => [r, v[k]!]));
      const cells = stats.map((s) => byName.get(s) ?? NaN);
      out.push(Column.float64(c.name, Float64Array.from(cells)));
    } else {
      const t = topValue(c);
      const byName = new Map<string, string | null>([
        ['count', String(t.count)],
        ['unique', String(t.unique)],
        ['top', t.top],
        ['freq', t.top === null ? null : String(t.freq)],
      ]);
      out.push(Column.string(c.name, stats.map((s) => byName.get(s) ?? null)));
    }
  }
  return df.withColumns(out, stats.length);
}
