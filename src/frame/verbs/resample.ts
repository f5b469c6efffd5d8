/** Time buckets (pandas' resample): group rows by fixed-width or calendar periods. */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { ColumnTypeError, FrameError } from '../errors.js';
import { aggregate } from './aggregate.js';
import type { AggSpec, AggSpecObject } from './groupby.js';

const UNIT_MS: Record<string, number> = { ms: 1, L: 1, s: 1000, S: 1000, min: 60000, T: 60000, h: 3600000, H: 3600000, D: 86400000, W: 7 * 86400000 };

/** Bucket start (epoch ms) for each timestamp under a rule like '15min', '1h', 'D', 'W', 'MS', 'M', 'QS', 'YS'. */
export function bucketStarts(ms: Float64Array, rule: string): { starts: Float64Array; next: (t: number) => number; label: (t: number) => number } {
  const m = /^(\d*)\s*(ms|min|MS|QS|YS|[LSTHDWMsh])$/.exec(rule.trim());
  if (!m) throw new FrameError(`resample: cannot read the rule '${rule}'; use e.g. '15min', '2h', 'D', 'W', 'MS' (month start), 'M' (month end), 'QS' or 'YS'.`);
  const k = m[1] ? Number(m[1]) : 1;
  const unit = m[2]!;
  const n = ms.length;
  const starts = new Float64Array(n);
  if (unit === 'MS' || unit === 'M' || unit === 'QS' || unit === 'YS') {
    const months = (unit === 'QS' ? 3 : unit === 'YS' ? 12 : 1) * k;
    const floor = (t: number): number => {
      const d = new Date(t);
      const idx = d.getUTCFullYear() * 12 + d.getUTCMonth();
      const b = idx - (((idx % months) + months) % months);
      return Date.UTC(Math.floor(b / 12), b % 12, 1);
    };
    for (let i = 0; i < n; i++) starts[i] = ms[i] === ms[i] ? floor(ms[i]!) : NaN;
    const next = (t: number): number => {
      const d = new Date(t);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
    };
    // 'M' labels each bucket by its last day (month end), like pandas.
    const label = unit === 'M' ? (t: number) => next(t) - 86400000 : (t: number) => t;
    return { starts, next, label };
  }
  const width = UNIT_MS[unit]! * k;
  let origin = Infinity;
  for (let i = 0; i < n; i++) if (ms[i]! < origin) origin = ms[i]!;
  origin = Math.floor(origin / 86400000) * 86400000; // pandas' origin 'start_day'
  if (unit === 'W') {
    if (k !== 1) throw new FrameError(`resample: rule '${rule}': only single weeks ('W') are supported; use 'D' multiples such as '14D'.`);
    // pandas' 'W' is weeks ending Sunday, labelled by the Sunday.
    // The bucket of a day runs from the Monday before the Sunday on or after it (1970-01-04 is a Sunday).
    for (let i = 0; i < n; i++) {
      const t = ms[i]!;
      if (t !== t) {
        starts[i] = NaN;
        continue;
      }
      const day = Math.floor(t / 86400000);
      const sinceSunday = (((day - 3) % 7) + 7) % 7; // 0 on Sunday
      const sunday = sinceSunday === 0 ? day : day + (7 - sinceSunday);
      starts[i] = (sunday - 6) * 86400000;
    }
    return { starts, next: (t) => t + width, label: (t) => t + 6 * 86400000 };
  }
  for (let i = 0; i < n; i++) {
    const t = ms[i]!;
    starts[i] = t === t ? origin + Math.floor((t - origin) / width) * width : NaN;
  }
  return { starts, next: (t) => t + width, label: (t) => t };
}

/**
 * Aggregates rows into consecutive time buckets of the column `on`, including empty buckets
 * between the first and last (sum/count 0, others missing, like pandas). The first output column
 * holds each bucket's label.
 *
 * @example
 * resample(df, { on: 'when', rule: '1h', agg: { price: 'mean', qty: 'sum' } });
 */
export function resample<R extends AnyRow>(df: DataFrame<R>, options: { on: string; rule: string; agg: AggSpec }): DataFrame {
  const col = df.column(options.on);
  if (col.dtype !== 'date' && col.dtype !== 'datetime') {
    throw new ColumnTypeError(col.name, `resample: column '${col.name}' is ${col.dtype}, not datetime; cast it with cast('datetime') first.`);
  }
  const ms = col.data as Float64Array;
  const { starts, next, label } = bucketStarts(ms, options.rule);
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of starts) if (s === s) ((lo = Math.min(lo, s)), (hi = Math.max(hi, s)));
  const buckets: number[] = [];
  if (lo !== Infinity) for (let t = lo; t <= hi; t = next(t)) buckets.push(t);
  const index = new Map(buckets.map((b, k) => [b, k]));
  const codes = new Int32Array(ms.length);
  for (let i = 0; i < ms.length; i++) codes[i] = starts[i] === starts[i] ? index.get(starts[i]!)! : -1;
  const g = { codes, count: buckets.length };
  const out: Column[] = [Column.temporal(options.on, Float64Array.from(buckets, label), col.dtype)];
  for (const [name, s] of Object.entries(options.agg)) {
    if (typeof s === 'string' || typeof s === 'function') out.push(aggregate(g, df.column(name), s, name));
    else if (Array.isArray(s)) for (const a of s) out.push(aggregate(g, df.column(name), a, `${name}_${typeof a === 'function' ? a.name || 'fn' : a}`));
    else {
      const o = s as AggSpecObject;
      out.push(aggregate(g, df.column(o.column), o.agg, name, o));
    }
  }
  return df.withColumns(out, buckets.length);
}
