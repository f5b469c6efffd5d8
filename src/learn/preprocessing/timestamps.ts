/**
 * Reading a raw cell as a point in time, in epoch milliseconds (UTC): a Date (what a frame's
 * date/datetime column hands out), a number (already epoch ms, as a frame's `toMatrix` gives),
 * or an ISO 8601 string. Strings follow `strata/frame`'s cast rules: a bare date is midnight UTC,
 * a time without an offset is UTC, an explicit offset is honoured.
 */
import { DataError } from '../base/errors.js';
import { isMissing } from '../compose/table.js';

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/** Epoch milliseconds of an ISO 8601 string, or NaN when it is not one. */
export function parseIsoTimestamp(text: string): number {
  const s = text.trim();
  if (!ISO.test(s)) return NaN;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Date.parse(`${s}T00:00:00Z`);
  const iso = s.replace(' ', 'T');
  if (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso)) {
    // Date.parse wants ±hh:mm.
    return Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  }
  return Date.parse(`${iso}Z`);
}

/** One cell as epoch ms (NaN when missing); anything else that is not a time is an error naming the cell. */
export function toEpochMs(v: unknown, column: string, row: number, estimator: string): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (isMissing(v)) return NaN;
  if (typeof v === 'string') {
    if (v.trim() === '') return NaN;
    const t = parseIsoTimestamp(v);
    if (Number.isNaN(t)) {
      throw new DataError(
        `${estimator}: column '${column}' holds ${JSON.stringify(v)} at row ${row}, which is not an ISO 8601 date or time ` +
          "(like '2024-05-01' or '2024-05-01T13:45:00Z'); fix the value or leave the column out of the date features.",
      );
    }
    return t;
  }
  throw new DataError(`${estimator}: column '${column}' holds ${typeof v} ${JSON.stringify(v)} at row ${row}; expected Dates, ISO 8601 strings or epoch milliseconds.`);
}
