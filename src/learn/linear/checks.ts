/**
 * Parameter and sample-weight checks shared by the linear models and SVMs, with messages that
 * name the parameter, the value and the fix.
 */
import { NdArray } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import type { Label } from '../base/input.js';

/** Throws ParamError unless `value` is a finite number ≥ `min` (or > `min` when `strict`). */
export function checkNumber(estimator: string, name: string, value: unknown, min: number, strict = false, hint = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (strict ? value <= min : value < min)) {
    throw new ParamError(
      `${estimator}: ${name} must be a finite number ${strict ? '>' : '>='} ${min}, got ${JSON.stringify(value)}.${hint ? ' ' + hint : ''}`,
    );
  }
  return value;
}

/** Throws ParamError unless `value` is an integer ≥ `min`. */
export function checkInteger(estimator: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ParamError(`${estimator}: ${name} must be an integer >= ${min}, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** Throws ParamError unless `value` is one of `choices`. */
export function checkChoice<T extends string>(estimator: string, name: string, value: unknown, choices: readonly T[]): T {
  if (!choices.includes(value as T)) {
    throw new ParamError(`${estimator}: ${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${JSON.stringify(value)}.`);
  }
  return value as T;
}

/** Sample weights as a Float64Array of length n (ones when absent), all finite and ≥ 0. */
export function toSampleWeight(sw: ArrayLike<number> | NdArray | undefined, n: number, estimator: string): Float64Array | null {
  if (sw === undefined || sw === null) return null;
  const w = sw instanceof NdArray ? sw.toFloat64Array() : Float64Array.from(sw);
  if (w.length !== n) throw new DataError(`${estimator}: sampleWeight has ${w.length} values but X has ${n} samples; give one weight per sample.`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(w[i]!) || w[i]! < 0) {
      throw new DataError(`${estimator}: sampleWeight[${i}] is ${w[i]}; weights must be finite and >= 0.`);
    }
  }
  return w;
}

/** A class-weight option: 'balanced', or a weight per label (labels missing from the map weigh 1). */
export type ClassWeight = 'balanced' | Record<string, number> | null;

/**
 * One weight per class (in `classes` order), like scikit-learn's compute_class_weight:
 * 'balanced' gives n / (k · count(c)).
 */
export function classWeights(cw: ClassWeight, classes: readonly Label[], codes: Int32Array, estimator: string): Float64Array {
  const k = classes.length;
  const out = new Float64Array(k).fill(1);
  if (cw === null || cw === undefined) return out;
  if (cw === 'balanced') {
    const counts = new Float64Array(k);
    for (const c of codes) counts[c]++;
    for (let j = 0; j < k; j++) out[j] = codes.length / (k * counts[j]!);
    return out;
  }
  if (typeof cw !== 'object') throw new ParamError(`${estimator}: classWeight must be 'balanced', null or a map from label to weight, got ${JSON.stringify(cw)}.`);
  const names = classes.map(String);
  for (const [label, weight] of Object.entries(cw)) {
    const j = names.indexOf(label);
    if (j < 0) throw new ParamError(`${estimator}: classWeight has label '${label}', which is not in y; classes are ${names.join(', ')}.`);
    checkNumber(estimator, `classWeight['${label}']`, weight, 0);
    out[j] = weight;
  }
  return out;
}

/** The error for a classifier fitted on one class. */
export function singleClassError(classes: readonly Label[]): DataError {
  return new DataError(`y has a single class ${JSON.stringify(classes[0])}; a classifier needs at least two.`.replace(/"/g, "'"));
}
