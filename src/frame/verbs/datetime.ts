/** Date and time parts of temporal columns (pandas' `.dt` accessor), in UTC. */
import { Column } from '../column.js';
import type { AnyRow, DataFrame } from '../dataframe.js';
import { ColumnTypeError, FrameError } from '../errors.js';

export type DatePart =
  | 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond'
  | 'weekday' | 'dayofyear' | 'quarter' | 'week' | 'date' | 'isMonthStart' | 'isMonthEnd';
export const DATE_PARTS: readonly DatePart[] = [
  'year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond', 'weekday', 'dayofyear', 'quarter', 'week', 'date', 'isMonthStart', 'isMonthEnd',
];

const DAY = 86400000;

function isoWeek(ms: number): number {
  const d = new Date(Math.floor(ms / DAY) * DAY);
  const wd = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - wd + 3); // Thursday of this week
  const jan4 = Date.UTC(d.getUTCFullYear(), 0, 4);
  const jan4wd = (new Date(jan4).getUTCDay() + 6) % 7;
  return 1 + Math.round((d.getTime() - (jan4 - jan4wd * DAY + 3 * DAY)) / (7 * DAY));
}

/**
 * One part of each timestamp: numbers as int32 (weekday Monday=0 like pandas), `date` as a date
 * column, `isMonthStart`/`isMonthEnd` as bool; missing stays missing.
 *
 * @example
 * datePart(df.column('when'), 'month').toArray(); // [1, 12, null]
 */
export function datePart(col: Column, part: DatePart): Column {
  let ms: Float64Array;
  if (col.dtype === 'date' || col.dtype === 'datetime') ms = col.data as Float64Array;
  else if (col.dtype === 'string') ms = col.cast('datetime').data as Float64Array;
  else throw new ColumnTypeError(col.name, `datePart: column '${col.name}' is ${col.dtype}, not a date; cast it with cast('datetime') first.`);
  if (!DATE_PARTS.includes(part)) throw new FrameError(`datePart: unknown part '${String(part)}'; use one of ${DATE_PARTS.join(', ')}.`);
  const n = ms.length;
  const name = `${col.name}_${part}`;
  if (part === 'date') {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(ms[i]! / DAY) * DAY;
    return Column.temporal(name, out, 'date');
  }
  const out = new Int32Array(n);
  const valid = new Uint8Array(n);
  const d = new Date(0);
  for (let i = 0; i < n; i++) {
    const t = ms[i]!;
    if (t !== t) continue;
    valid[i] = 1;
    d.setTime(t);
    switch (part) {
      case 'year': out[i] = d.getUTCFullYear(); break;
      case 'month': out[i] = d.getUTCMonth() + 1; break;
      case 'day': out[i] = d.getUTCDate(); break;
      case 'hour': out[i] = d.getUTCHours(); break;
      case 'minute': out[i] = d.getUTCMinutes(); break;
      case 'second': out[i] = d.getUTCSeconds(); break;
      case 'millisecond': out[i] = d.getUTCMilliseconds(); break;
      case 'weekday': out[i] = (d.getUTCDay() + 6) % 7; break;
      case 'quarter': out[i] = Math.floor(d.getUTCMonth() / 3) + 1; break;
      case 'dayofyear': out[i] = Math.floor((t - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1; break;
      case 'week': out[i] = isoWeek(t); break;
      case 'isMonthStart': out[i] = d.getUTCDate() === 1 ? 1 : 0; break;
      case 'isMonthEnd': out[i] = new Date(t + DAY).getUTCDate() === 1 ? 1 : 0; break;
    }
  }
  if (part === 'isMonthStart' || part === 'isMonthEnd') return Column.bool(name, Uint8Array.from(out), valid);
  return Column.int32(name, out, valid);
}

/**
 * Adds `${column}_${part}` columns for each part.
 *
 * @example
 * dateParts(df, 'when', ['year', 'month', 'weekday']);
 */
export function dateParts<R extends AnyRow>(df: DataFrame<R>, column: string, parts: readonly DatePart[] = ['year', 'month', 'day', 'weekday']): DataFrame {
  const col = df.column(column);
  let out: DataFrame = df;
  for (const p of parts) out = out.withColumn(datePart(col, p));
  return out;
}
