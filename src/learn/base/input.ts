/**
 * Turning what users pass (NdArray, nested arrays, a DataFrame plus column names) into the
 * dense float64 matrices and label vectors estimators work on, with errors that name the row,
 * column and fix.
 */
import { NdArray, array, formatShape } from '../../tensor/index.js';
import { DataError } from './errors.js';

/**
 * The part of a `strata/frame` DataFrame that learn uses (structural, so learn needs no import
 * of frame's IO): column names, row count, and a numeric matrix of chosen columns.
 */
export interface FrameLike {
  readonly columnNames: readonly string[];
  readonly numRows: number;
  toMatrix(columns?: readonly string[], options?: { dtype?: 'float64' | 'float32' }): NdArray;
  column(name: string): { toArray(): readonly unknown[] };
}

export type MatrixInput = NdArray | readonly (readonly number[])[] | FrameLike;
export type Label = string | number | boolean;
export type LabelInput = NdArray | readonly Label[] | { toArray(): readonly unknown[] };

export function isFrameLike(x: unknown): x is FrameLike {
  return typeof x === 'object' && x !== null && 'columnNames' in x && typeof (x as FrameLike).toMatrix === 'function';
}

/** A dense row-major float64 matrix with the names of its columns. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
  featureNames: string[];
}

export interface MatrixOptions {
  /** Columns to take from a DataFrame (default: all). */
  columns?: readonly string[];
  /** Let NaN through (for imputers and tree models with native missing values). */
  allowNaN?: boolean;
  /** Name of the estimator, for error messages. */
  estimator?: string;
  /**
   * Use the caller's buffer itself (no copy) when X is a contiguous float64 NdArray. Only for
   * callers that neither write to `data` nor keep it past the call.
   */
  borrow?: boolean;
  /**
   * Skip the scan for NaN/±Infinity; the caller promises to call `checkFinite` itself when a
   * result computed from X comes out non-finite (any non-finite input makes a linear map of its
   * row non-finite, so this saves a pass over X).
   */
  deferFiniteCheck?: boolean;
}

/**
 * Converts X to a Matrix. Rejects NaN (unless allowed) and ±Infinity with the first offending
 * row and column, and non-2-d shapes with the shape and the reshape that fixes it.
 */
export function toMatrix(X: MatrixInput, options: MatrixOptions = {}): Matrix {
  const who = options.estimator ? `${options.estimator}: ` : '';
  let nd: NdArray;
  let names: string[];
  if (isFrameLike(X)) {
    const columns = options.columns ?? X.columnNames;
    nd = X.toMatrix(columns, { dtype: 'float64' });
    names = [...columns];
  } else {
    nd = X instanceof NdArray ? X : array(X as number[][]);
    if (nd.ndim === 1) {
      throw new DataError(
        `${who}expected a 2-d array of samples × features, got a 1-d array of shape ${formatShape(nd.shape)}. ` +
          'Reshape it with reshape(-1, 1) for a single feature or reshape(1, -1) for a single sample.',
      );
    }
    if (nd.ndim !== 2) throw new DataError(`${who}expected a 2-d array of samples × features, got shape ${formatShape(nd.shape)}.`);
    names = Array.from({ length: nd.shape[1]! }, (_, j) => `x${j}`);
  }
  const rows = nd.shape[0]!;
  const cols = nd.shape[1]!;
  if (rows === 0) throw new DataError(`${who}X has 0 samples; at least one is required.`);
  const data = options.borrow && nd.dtype === 'float64' && nd.isContiguous
    ? (nd.data as Float64Array).subarray(nd.offset, nd.offset + nd.size)
    : nd.toFloat64Array();
  const m = { data, rows, cols, featureNames: names };
  if (!options.deferFiniteCheck) checkFinite(m, options);
  return m;
}

/**
 * Throws a DataError naming the first NaN (unless `allowNaN`) or ±Infinity of m with its row and
 * column; for callers of `toMatrix` with `deferFiniteCheck`.
 */
export function checkFinite(m: Matrix, options: MatrixOptions = {}): void {
  const { data, cols, featureNames: names } = m;
  if (allFinite(data)) return;
  const who = options.estimator ? `${options.estimator}: ` : '';
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (Number.isFinite(v)) continue;
    if (Number.isNaN(v) && options.allowNaN) continue;
    const row = Math.floor(i / cols);
    const col = names[i % cols];
    throw new DataError(
      `${who}X contains ${Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity'} at row ${row}, column '${col}'. ` +
        (Number.isNaN(v)
          ? 'Impute missing values first (SimpleImputer) or drop those rows.'
          : 'Clip or drop infinite values first.'),
    );
  }
}

/** Whether every value is finite: v·0 is 0 for finite v and NaN otherwise, so one sum tells. */
export function allFinite(data: Float64Array): boolean {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i + 4 <= data.length; i += 4) {
    a += data[i]! * 0;
    b += data[i + 1]! * 0;
    c += data[i + 2]! * 0;
    d += data[i + 3]! * 0;
  }
  for (; i < data.length; i++) a += data[i]! * 0;
  return a + b + c + d === 0;
}

/** Checks that X at predict time has the features the estimator was fitted with. */
export function checkFeatureCount(m: Matrix, expected: number, estimator: string): void {
  if (m.cols !== expected) {
    throw new DataError(`X has ${m.cols} features, but ${estimator} was fitted with ${expected} features; pass the same columns as in fit.`);
  }
}

/** Labels as a JS array (numbers, strings or booleans), with null/NaN rejected by row. */
export function toLabels(y: LabelInput, rows?: number, estimator?: string): Label[] {
  const who = estimator ? `${estimator}: ` : '';
  let values: unknown[];
  if (y instanceof NdArray) {
    if (y.ndim !== 1) throw new DataError(`${who}y must be 1-d, got shape ${formatShape(y.shape)}; flatten it with ravel().`);
    values = y.toArray() as unknown[];
  } else if (Array.isArray(y)) values = y;
  else values = [...(y as { toArray(): readonly unknown[] }).toArray()];
  if (rows !== undefined && values.length !== rows) {
    throw new DataError(`${who}X has ${rows} samples but y has ${values.length}; they must match.`);
  }
  values.forEach((v, i) => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new DataError(`${who}y has a missing or non-finite value (${String(v)}) at row ${i}; drop or fill those rows.`);
    }
    if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') {
      throw new DataError(`${who}y[${i}] is ${typeof v}; labels must be numbers, strings or booleans.`);
    }
  });
  return values as Label[];
}

/** Numeric regression targets as a Float64Array. */
export function toTargets(y: LabelInput, rows: number, estimator?: string): Float64Array {
  if (y instanceof NdArray && y.ndim === 1 && y.dtype !== 'bool' && y.size === rows) {
    const out = y.toFloat64Array();
    if (allFinite(out)) return out;
  }
  const labels = toLabels(y, rows, estimator);
  const out = new Float64Array(labels.length);
  labels.forEach((v, i) => {
    if (typeof v !== 'number') {
      throw new DataError(`${estimator ? `${estimator}: ` : ''}y[${i}] is ${JSON.stringify(v)}; a regressor needs numeric targets.`);
    }
    out[i] = v;
  });
  return out;
}

/** Sorted distinct labels (numbers ascending, then strings) and each sample's index into them. */
export function encodeLabels(labels: readonly Label[]): { classes: Label[]; codes: Int32Array } {
  const distinct = [...new Set(labels)].sort(compareLabels);
  const index = new Map(distinct.map((c, i) => [c, i]));
  const codes = new Int32Array(labels.length);
  labels.forEach((v, i) => (codes[i] = index.get(v)!));
  return { classes: distinct, codes };
}

/**
 * For each row of a row-major n×k score matrix, the label of its highest-scoring column (the
 * first one on ties), as classifiers turn probabilities or log-likelihoods into predictions.
 */
export function argmaxLabels(scores: ArrayLike<number>, k: number, classes: readonly Label[]): Label[] {
  const out: Label[] = new Array(scores.length / k);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (scores[i * k + c]! > scores[i * k + best]!) best = c;
    out[i] = classes[best]!;
  }
  return out;
}

/** Orders labels like NumPy's sort of a homogeneous array: numbers numerically, strings by code point. */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === typeof b) return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return typeof a < typeof b ? -1 : 1;
}
