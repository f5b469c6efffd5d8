/**
 * Input checks shared by the metrics: label vectors of equal length and one type, the kind of
 * target (binary, multiclass, continuous), score vectors and matrices, sample weights.
 */
import { NdArray } from '../../tensor/index.js';
import { DataError } from '../base/errors.js';
import { type Label, type LabelInput, compareLabels, toLabels } from '../base/input.js';

export type TargetType = 'binary' | 'multiclass' | 'continuous';

/** Scores: a vector of numbers (NdArray, typed array or array). */
export type ScoreInput = NdArray | ArrayLike<number>;
/** Probabilities or scores per class: an n × k matrix. */
export type ScoreMatrixInput = NdArray | readonly (readonly number[])[];

/** Sorted distinct labels of the given vectors. */
export function uniqueLabels(...ys: (readonly Label[])[]): Label[] {
  const set = new Set<Label>();
  for (const y of ys) for (const v of y) set.add(v);
  return [...set].sort(compareLabels);
}

/** 'continuous' for non-integer numbers, else binary (≤ 2 values) or multiclass. */
export function typeOfTarget(y: readonly Label[]): TargetType {
  if (y.some((v) => typeof v === 'number' && !Number.isInteger(v))) return 'continuous';
  return new Set(y).size <= 2 ? 'binary' : 'multiclass';
}

function checkOneKind(labels: readonly Label[], metric: string): void {
  const kinds = new Set(labels.map((v) => typeof v));
  if (kinds.size > 1) {
    throw new DataError(`${metric}: labels mix ${[...kinds].join(' and ')} values; use one type for yTrue and yPred (e.g. all strings).`);
  }
}

/** Label vectors of equal length and one type, with the kind of classification target. */
export function checkTargets(yTrue: LabelInput, yPred: LabelInput, metric: string): { type: 'binary' | 'multiclass'; yTrue: Label[]; yPred: Label[] } {
  const t = toLabels(yTrue, undefined, metric);
  const p = toLabels(yPred, undefined, metric);
  checkLength(t.length, p.length, metric, 'yPred');
  const all = uniqueLabels(t, p);
  checkOneKind(all, metric);
  if (typeOfTarget(t) === 'continuous' || typeOfTarget(p) === 'continuous') {
    throw new DataError(`${metric}: classification metrics need class labels, but got continuous values (non-integer numbers); threshold or round predictions first.`);
  }
  return { type: all.length <= 2 ? 'binary' : 'multiclass', yTrue: t, yPred: p };
}

export function checkLength(nTrue: number, n: number, metric: string, what: string): void {
  if (nTrue !== n) {
    throw new DataError(`${metric}: yTrue has ${nTrue} samples but ${what} has ${n}; they must be the same length.`);
  }
  if (nTrue === 0) throw new DataError(`${metric}: yTrue is empty; at least one sample is needed.`);
}

/** A vector of finite scores. */
export function toScores(s: ScoreInput, metric: string, what = 'yScore'): Float64Array {
  let out: Float64Array;
  if (s instanceof NdArray) {
    if (s.ndim !== 1 && !(s.ndim === 2 && s.shape[1] === 1)) {
      throw new DataError(`${metric}: ${what} must be 1-d, got shape [${s.shape.join(', ')}]; for binary problems pass the scores of the positive class (e.g. proba column 1).`);
    }
    out = s.toFloat64Array();
  } else {
    if (s.length > 0 && Array.isArray((s as unknown[])[0])) {
      throw new DataError(`${metric}: ${what} must be 1-d; for binary problems pass the scores of the positive class (e.g. proba column 1).`);
    }
    out = Float64Array.from(s as ArrayLike<number>);
  }
  out.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new DataError(`${metric}: ${what}[${i}] is ${v}; scores must be finite numbers.`);
  });
  return out;
}

/** An n × k matrix of finite scores (a vector is read as one column). */
export function toScoreMatrix(s: ScoreInput | ScoreMatrixInput, metric: string, what = 'yScore'): { data: Float64Array; rows: number; cols: number } {
  let data: Float64Array;
  let rows: number;
  let cols: number;
  if (s instanceof NdArray) {
    if (s.ndim === 1) [rows, cols] = [s.shape[0]!, 1];
    else if (s.ndim === 2) [rows, cols] = [s.shape[0]!, s.shape[1]!];
    else throw new DataError(`${metric}: ${what} must be 1-d or 2-d, got shape [${s.shape.join(', ')}].`);
    data = s.toFloat64Array();
  } else if (s.length > 0 && Array.isArray((s as unknown[])[0])) {
    const m = s as readonly (readonly number[])[];
    rows = m.length;
    cols = m[0]!.length;
    data = new Float64Array(rows * cols);
    m.forEach((r, i) => {
      if (r.length !== cols) throw new DataError(`${metric}: ${what} row ${i} has ${r.length} values, row 0 has ${cols}.`);
      for (let j = 0; j < cols; j++) data[i * cols + j] = r[j]!;
    });
  } else {
    data = Float64Array.from(s as ArrayLike<number>);
    [rows, cols] = [data.length, 1];
  }
  data.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new DataError(`${metric}: ${what} has ${v} at row ${Math.floor(i / cols)}; scores must be finite numbers.`);
  });
  return { data, rows, cols };
}

/** Sample weights (default all 1) of the right length. */
export function toWeights(w: ScoreInput | undefined, n: number, metric: string): Float64Array | null {
  if (w === undefined) return null;
  const out = toScores(w, metric, 'sampleWeight');
  checkLength(n, out.length, metric, 'sampleWeight');
  return out;
}

/**
 * The positive label for binary curve metrics: as given, or 1 when the labels are {0, 1},
 * {-1, 1} or a subset; anything else needs posLabel (scikit-learn's rule).
 */
export function resolvePosLabel(posLabel: Label | undefined, yTrue: readonly Label[], metric: string): Label {
  if (posLabel !== undefined) return posLabel;
  const classes = uniqueLabels(yTrue);
  const ok = classes.every((c) => typeof c === 'number') && [[0, 1], [-1, 1], [0], [-1], [1]].some((a) => a.length === classes.length && a.every((v, i) => v === classes[i]));
  if (!ok) {
    throw new DataError(
      `${metric}: yTrue takes values in {${classes.map((c) => JSON.stringify(c)).join(', ')}} and posLabel is not given; make yTrue take values in {0, 1} or {-1, 1}, or pass posLabel.`,
    );
  }
  return 1;
}

/** Weighted mean (np.average). */
export function average(values: ArrayLike<number>, weights?: ArrayLike<number> | null): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    const wi = weights ? weights[i]! : 1;
    s += values[i]! * wi;
    w += wi;
  }
  if (w === 0) throw new DataError('Weights sum to zero, so the weighted average is undefined.');
  return s / w;
}
