/**
 * The dataset audit AutoML runs before searching: it checks the target, decides the task, and
 * drops the columns no model should see (IDs, constants, columns that leak the target), saying
 * why for each. Problems that leave nothing to learn are a DataError with the fix in the message.
 */
import { ColumnNotFoundError, type DataFrame, inferColumnKind, inferSchema, type SchemaColumn } from '../frame/index.js';
import { DataError, type Label } from '../learn/index.js';
import type { AutoMLTask } from './types.js';

export interface AuditResult {
  task: AutoMLTask;
  /** Feature columns kept (the frame minus the target and dropped columns), with their inferred kinds. */
  X: DataFrame;
  schema: SchemaColumn[];
  y: Label[];
  /** Columns dropped, with the reason. */
  dropped: { column: string; reason: 'id' | 'constant' | 'leak' }[];
  /** One sentence per finding. */
  notes: string[];
}

const isMissing = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
const quote = (s: string): string => `'${s}'`;

/** Classification for strings, booleans and small integer codes; regression for other numbers. */
function inferTask(y: readonly Label[], kind: string): AutoMLTask {
  if (y.some((v) => typeof v !== 'number')) return 'classification';
  return kind === 'categorical' || kind === 'boolean' ? 'classification' : 'regression';
}

/** True when `values` determine the target and the target determines them (a relabelled copy). */
function isOneToOne(values: readonly unknown[], y: readonly Label[]): boolean {
  const forward = new Map<unknown, Label>();
  const backward = new Map<Label, unknown>();
  for (let i = 0; i < y.length; i++) {
    const v = isMissing(values[i]) ? null : values[i];
    const t = y[i]!;
    if (forward.has(v) && forward.get(v) !== t) return false;
    if (backward.has(t) && backward.get(t) !== v) return false;
    forward.set(v, t);
    backward.set(t, v);
  }
  return true;
}

/** |Pearson r| of two numeric columns is 1 to rounding: one is an affine copy of the other. */
function isAffineCopy(values: readonly unknown[], y: readonly number[]): boolean {
  const n = y.length;
  let sx = 0, sy = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) return false;
    sx += x;
    sy += y[i]!;
  }
  const mx = sx / n, my = sy / n;
  let cxy = 0, cxx = 0, cyy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (values[i] as number) - mx, dy = y[i]! - my;
    cxy += dx * dy;
    cxx += dx * dx;
    cyy += dy * dy;
  }
  if (cxx === 0 || cyy === 0) return false;
  return Math.abs(cxy) / Math.sqrt(cxx * cyy) > 1 - 1e-12;
}

/**
 * Audits `df` for predicting `target`: rows without a target are dropped; ID, constant and
 * leaky columns are dropped and reported. Throws DataError when the target is missing or has
 * one value, or when no usable feature is left.
 *
 * @example
 * const { task, X, y, notes } = auditDataset(df, 'species');
 * notes; // ["dropped 'row_id': an ID column (a distinct value on every row) can only memorize rows"]
 */
export function auditDataset(df: DataFrame, target: string, task?: AutoMLTask): AuditResult {
  if (!df.columnNames.includes(target)) {
    const hint = new ColumnNotFoundError(target, df.columnNames).message;
    throw new DataError(`Target ${hint}. Pass --target (or options.target) with the column to predict.`);
  }
  const notes: string[] = [];
  let frame = df;
  const rawTarget = frame.column(target).toArray();
  const missingRows = rawTarget.flatMap((v, i) => (isMissing(v) ? [i] : []));
  if (missingRows.length === rawTarget.length) {
    throw new DataError(`Target column '${target}' has no values; fill it in or choose another column as the target.`);
  }
  if (missingRows.length) {
    const keep = rawTarget.flatMap((v, i) => (isMissing(v) ? [] : [i]));
    frame = frame.take(keep);
    notes.push(`dropped ${missingRows.length} row${missingRows.length > 1 ? 's' : ''} with no value in target '${target}'`);
  }
  const y = frame.column(target).toArray() as Label[];
  const distinct = new Set(y);
  if (distinct.size < 2) {
    throw new DataError(
      `Target column '${target}' has only one value (${JSON.stringify(y[0])}), so there is nothing to predict; choose a target with at least two different values.`,
    );
  }
  const targetKind = inferColumnKind(frame.column(target)).kind;
  const resolvedTask = task ?? inferTask(y, targetKind);
  if (resolvedTask === 'regression' && y.some((v) => typeof v !== 'number')) {
    throw new DataError(`Target column '${target}' holds non-numeric values, so it cannot be a regression target; use task 'classification'.`);
  }

  const X = frame.drop(target);
  const schema = inferSchema(X);
  const dropped: AuditResult['dropped'] = [];
  for (const col of schema) {
    if (col.kind === 'id') {
      dropped.push({ column: col.name, reason: 'id' });
      notes.push(`dropped ${quote(col.name)}: an ID column (a distinct value on every row) can only memorize rows, not generalize`);
      continue;
    }
    if (col.kind === 'constant') {
      dropped.push({ column: col.name, reason: 'constant' });
      notes.push(`dropped ${quote(col.name)}: it holds a single value, so it carries no information`);
      continue;
    }
    const values = X.column(col.name).toArray();
    const leaks = resolvedTask === 'classification' ? isOneToOne(values, y) : isAffineCopy(values, y as number[]);
    if (leaks) {
      dropped.push({ column: col.name, reason: 'leak' });
      notes.push(
        `dropped ${quote(col.name)}: it is ${resolvedTask === 'classification' ? 'a one-to-one relabelling' : 'an exact linear copy'} of target '${target}' ` +
          '(a leak: it would not be known at prediction time); remove it from the data if this is expected',
      );
    }
  }
  const droppedNames = new Set(dropped.map((d) => d.column));
  const kept = schema.filter((c) => !droppedNames.has(c.name));
  if (kept.length === 0) {
    const why = dropped.length ? ` (${dropped.map((d) => `${quote(d.column)}: ${d.reason === 'leak' ? 'leaks the target' : d.reason === 'id' ? 'an ID column' : 'constant'}`).join(', ')})` : '';
    throw new DataError(
      `No usable feature columns: every column besides target '${target}' was dropped${why}; add columns that describe each row (measurements, categories, dates).`,
    );
  }
  return { task: resolvedTask, X: X.select(...(kept.map((c) => c.name) as never[])), schema: kept, y, dropped, notes };
}
