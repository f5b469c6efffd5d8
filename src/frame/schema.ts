/**
 * Schema inference: what kind of feature each column is, for building preprocessing (learn,
 * automl). Heuristics, in order: constant → boolean → datetime → id → text → categorical →
 * numeric. The thresholds are exported so callers can see them.
 */
import { type Column, type DType } from './column.js';
import type { DataFrame } from './dataframe.js';
import { factorizeColumn } from './keys.js';

export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text' | 'id' | 'constant';

export interface SchemaColumn {
  name: string;
  kind: ColumnKind;
  dtype: DType;
  /** Missing values. */
  nulls: number;
  /** Distinct present values. */
  unique: number;
}

export const SCHEMA_RULES = {
  /** Column names that mark identifiers. */
  idName: /(^|[_\s.-])(id|uuid|guid|key|pk)$|^(id|uuid|guid|index)$|[a-z0-9](Id|ID|Uuid|UUID)$/i,
  /** Text: mean length at least this… */
  textMeanLength: 30,
  /** …or at least this share of values with whitespace and this share of distinct values. */
  textSpaceShare: 0.5,
  textUniqueShare: 0.5,
  /** Small-int codes: integer columns with at most this many distinct values in [0, maxCode]. */
  maxCodeLevels: 10,
  maxCode: 20,
  /** Strings whose distinct values all look like dates are datetime. */
  dateSample: 200,
};

const BOOL_STRINGS = new Set(['true', 'false', 'yes', 'no', 't', 'f', 'y', 'n']);
const DATE_RE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function distinctValues(col: Column, limit: number): unknown[] {
  const { codes: [c], count } = factorizeColumn([col]);
  const seen = new Uint8Array(count);
  const out: unknown[] = [];
  for (let i = 0; i < c!.length && out.length < limit; i++) {
    const k = c![i]!;
    if (k >= 0 && !seen[k]) {
      seen[k] = 1;
      out.push(col.getUnchecked(i));
    }
  }
  return out;
}

/** The kind of one column (see the module comment for the rules). */
export function inferColumnKind(col: Column): SchemaColumn {
  const n = col.length;
  const nulls = col.nullCount;
  const present = n - nulls;
  const { count: unique } = factorizeColumn([col]);
  const base = { name: col.name, dtype: col.dtype, nulls, unique };
  const kind = ((): ColumnKind => {
    if (unique <= 1) return 'constant';
    if (col.dtype === 'bool') return 'boolean';
    if (col.dtype === 'date' || col.dtype === 'datetime') return 'datetime';
    const isStr = col.dtype === 'string' || col.dtype === 'category';
    if (unique === 2) {
      const vals = distinctValues(col, 2);
      if (!isStr && vals.every((v) => v === 0 || v === 1)) return 'boolean';
      if (isStr && vals.every((v) => BOOL_STRINGS.has(String(v).toLowerCase()))) return 'boolean';
    }
    if (isStr) {
      const sample = distinctValues(col, SCHEMA_RULES.dateSample) as string[];
      if (sample.every((s) => DATE_RE.test(s.trim()))) return 'datetime';
    }
    const uniquePerRow = unique === present && present > 1;
    const isInt = col.dtype === 'int32' || (col.dtype === 'float64' && col.toFloat64().every((v) => v !== v || Number.isInteger(v)));
    if (uniquePerRow && (isStr || isInt)) {
      if (SCHEMA_RULES.idName.test(col.name)) return 'id';
      if (isInt) {
        // Unique integers that step by one in row order (0..n-1, 1..n, 1001..) are row ids.
        const x = col.toFloat64();
        let steps = true;
        for (let i = 1; i < n && steps; i++) if (x[i]! - x[i - 1]! !== 1) steps = false;
        if (steps) return 'id';
      } else {
        const sample = distinctValues(col, 1000) as string[];
        const spaced = sample.filter((s) => /\s/.test(s)).length;
        const meanLen = sample.reduce((s, v) => s + v.length, 0) / sample.length;
        if (spaced === 0 && meanLen < SCHEMA_RULES.textMeanLength) return 'id';
      }
    } else if (SCHEMA_RULES.idName.test(col.name) && (isStr || isInt) && unique > 0.9 * present) return 'id';
    if (isStr) {
      const sample = distinctValues(col, 1000) as string[];
      const meanLen = sample.reduce((s, v) => s + v.length, 0) / Math.max(1, sample.length);
      const spaced = sample.filter((s) => /\s\S/.test(s.trim())).length / Math.max(1, sample.length);
      const uniqueShare = unique / Math.max(1, present);
      if (meanLen >= SCHEMA_RULES.textMeanLength && uniqueShare >= SCHEMA_RULES.textUniqueShare / 2) return 'text';
      if (spaced >= SCHEMA_RULES.textSpaceShare && uniqueShare >= SCHEMA_RULES.textUniqueShare) return 'text';
      return 'categorical';
    }
    if (col.dtype === 'int32' && unique <= SCHEMA_RULES.maxCodeLevels && present >= 5 * unique) {
      const vals = distinctValues(col, unique) as number[];
      if (vals.every((v) => v >= 0 && v <= SCHEMA_RULES.maxCode)) return 'categorical';
    }
    return 'numeric';
  })();
  return { ...base, kind };
}

/**
 * One entry per column: its kind (numeric, categorical, boolean, datetime, text, id or
 * constant), dtype, missing count and number of distinct values.
 *
 * @example
 * inferSchema(df).filter((c) => c.kind === 'categorical').map((c) => c.name);
 */
export function inferSchema(df: DataFrame): SchemaColumn[] {
  return df.columns.map(inferColumnKind);
}
