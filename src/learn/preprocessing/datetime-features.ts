/** DatetimeFeatures: calendar parts and Unix time of date/time columns, as numbers a model can use. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import type { LabelInput } from '../base/input.js';
import { type Table, type TableInput, alignColumns, toTable } from '../compose/table.js';
import { toEpochMs } from './timestamps.js';

/** A part of a timestamp, in UTC, as pandas' `.dt` accessor names it; `epoch` is Unix time in seconds. */
export type DatetimePart = 'year' | 'quarter' | 'month' | 'day' | 'dayofweek' | 'dayofyear' | 'hour' | 'minute' | 'second' | 'epoch';

export const DATETIME_PARTS: readonly DatetimePart[] = ['year', 'quarter', 'month', 'day', 'dayofweek', 'dayofyear', 'hour', 'minute', 'second', 'epoch'];

export interface DatetimeFeaturesParams {
  /** Parts to output per column (default year, month, day, dayofweek, dayofyear, hour, minute, second, epoch). */
  parts: readonly DatetimePart[];
  /** Leave out, per column, parts that are constant over the fit data (e.g. the hour of a date-only column). Default true. */
  dropConstant: boolean;
}

interface DatetimeFeaturesState {
  /** The parts kept for each input column. */
  parts: DatetimePart[][];
  featureNamesIn: string[];
  named: boolean;
}

const DAY = 86_400_000;

function partOf(ms: number, part: DatetimePart, d: Date): number {
  if (Number.isNaN(ms)) return NaN;
  d.setTime(ms);
  switch (part) {
    case 'year': return d.getUTCFullYear();
    case 'quarter': return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'month': return d.getUTCMonth() + 1;
    case 'day': return d.getUTCDate();
    case 'dayofweek': return (d.getUTCDay() + 6) % 7;
    case 'dayofyear': return Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1;
    case 'hour': return d.getUTCHours();
    case 'minute': return d.getUTCMinutes();
    case 'second': return d.getUTCSeconds();
    case 'epoch': return ms / 1000;
  }
}

/**
 * Turns each date/time column into numeric columns `col_year`, `col_month`, …, `col_epoch`
 * (UTC; day of week Monday = 0, as in pandas). Takes a frame's date/datetime columns (Dates),
 * ISO 8601 strings or epoch milliseconds; missing values give NaN in every part, so follow it
 * with a SimpleImputer when the data has gaps.
 *
 * @example
 * const dt = new DatetimeFeatures({ parts: ['year', 'month', 'dayofweek'] });
 * dt.fitTransform([{ when: '2024-05-01' }, { when: '2023-01-02' }]).toArray(); // [[2024, 5, 2], [2023, 1, 0]]
 * dt.featureNamesOut(); // ['when_year', 'when_month', 'when_dayofweek']
 */
export class DatetimeFeatures extends Transformer<DatetimeFeaturesParams, DatetimeFeaturesState> {
  protected defaults(): DatetimeFeaturesParams {
    return { parts: ['year', 'month', 'day', 'dayofweek', 'dayofyear', 'hour', 'minute', 'second', 'epoch'], dropConstant: true };
  }

  #epochs(table: Table): Float64Array[] {
    return table.columnNames.map((name, j) => Float64Array.from(table.values(j), (v, i) => toEpochMs(v, name, i, 'DatetimeFeatures')));
  }

  fit(X: TableInput, _y?: LabelInput): this {
    const { parts, dropConstant } = this.params;
    if (!Array.isArray(parts) || parts.length === 0 || parts.some((p) => !DATETIME_PARTS.includes(p))) {
      throw new ParamError(`DatetimeFeatures: parts must be a non-empty list of ${DATETIME_PARTS.join(', ')}; got ${JSON.stringify(parts)}.`);
    }
    const table = toTable(X, 'DatetimeFeatures');
    const d = new Date(0);
    const kept = this.#epochs(table).map((ms) =>
      parts.filter((part) => {
        if (!dropConstant) return true;
        let first = NaN;
        for (const t of ms) {
          const v = partOf(t, part, d);
          if (Number.isNaN(v)) continue;
          if (Number.isNaN(first)) first = v;
          else if (v !== first) return true;
        }
        return false;
      }),
    );
    this.setFitted({ parts: kept, featureNamesIn: [...table.columnNames], named: table.named });
    return this;
  }

  override fitTransform(X: TableInput, y?: LabelInput): NdArray {
    return this.fit(X, y).transform(X);
  }

  transform(X: TableInput): NdArray {
    const s = this.fitted('transform');
    const table = alignColumns(toTable(X, 'DatetimeFeatures'), s.featureNamesIn, s.named, 'DatetimeFeatures');
    const width = s.parts.reduce((a, p) => a + p.length, 0);
    const n = table.numRows;
    const out = new Float64Array(n * width);
    const d = new Date(0);
    let offset = 0;
    this.#epochs(table).forEach((ms, j) => {
      const parts = s.parts[j]!;
      for (let i = 0; i < n; i++) for (let k = 0; k < parts.length; k++) out[i * width + offset + k] = partOf(ms[i]!, parts[k]!, d);
      offset += parts.length;
    });
    return fromTyped(out, [n, width]);
  }

  /** `column_part` for each output column, e.g. `signup_month`. */
  override featureNamesOut(inputNames?: readonly string[]): string[] {
    const s = this.fitted('featureNamesOut');
    const names = inputNames ?? s.featureNamesIn;
    return s.parts.flatMap((parts, j) => parts.map((p) => `${names[j]}_${p}`));
  }
}

registerEstimator(DatetimeFeatures);
