/**
 * Sample weights and class weights for trees and forests (scikit-learn's `sample_weight` checks
 * and `compute_sample_weight`).
 */
import { NdArray } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import type { Label } from '../base/input.js';

/** Per-class weights: 'balanced' (n / (classes × count)), or a weight per label (missing labels weigh 1). */
export type ClassWeight = 'balanced' | Record<string, number> | null;

/**
 * Validated sample weights as a Float64Array (null when none were given): one finite,
 * non-negative weight per row, not all zero.
 */
export function checkSampleWeight(sw: ArrayLike<number> | NdArray | undefined | null, n: number, who: string): Float64Array | null {
  if (sw === undefined || sw === null) return null;
  const w = sw instanceof NdArray ? sw.toFloat64Array() : Float64Array.from(sw as ArrayLike<number>);
  if (w.length !== n) throw new DataError(`${who}: sampleWeight has ${w.length} values but X has ${n} rows; give one weight per row.`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = w[i]!;
    if (!Number.isFinite(v) || v < 0) {
      throw new DataError(`${who}: sampleWeight[${i}] is ${v}; weights must be finite and ≥ 0.`);
    }
    total += v;
  }
  if (total <= 0) throw new DataError(`${who}: sampleWeight sums to 0; at least one sample needs a positive weight.`);
  return w;
}

/**
 * Weight of each sample from its class. With `indices` (a bootstrap sample, possibly with
 * repeats), 'balanced' counts classes in that sample and gives classes absent from it weight 0
 * (scikit-learn's 'balanced_subsample').
 */
export function classSampleWeights(
  classWeight: Exclude<ClassWeight, null>,
  classes: readonly Label[],
  codes: ArrayLike<number>,
  who: string,
  indices?: ArrayLike<number>,
): Float64Array {
  const k = classes.length;
  const perClass = new Float64Array(k).fill(1);
  if (classWeight === 'balanced') {
    const counts = new Float64Array(k);
    let n = 0;
    if (indices) {
      for (let j = 0; j < indices.length; j++) counts[codes[indices[j]!]!]!++;
      n = indices.length;
    } else {
      for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++;
      n = codes.length;
    }
    let present = 0;
    for (let c = 0; c < k; c++) if (counts[c]! > 0) present++;
    for (let c = 0; c < k; c++) perClass[c] = counts[c]! > 0 ? n / (present * counts[c]!) : 0;
  } else if (typeof classWeight === 'object') {
    const known = new Set(classes.map(String));
    for (const [label, weight] of Object.entries(classWeight)) {
      if (!known.has(label)) {
        throw new ParamError(`${who}: classWeight names the class '${label}', which is not in y; classes are ${classes.map(String).join(', ')}.`);
      }
      if (!(Number.isFinite(weight) && weight >= 0)) throw new ParamError(`${who}: classWeight['${label}'] is ${weight}; weights must be finite and ≥ 0.`);
    }
    classes.forEach((c, j) => {
      const v = classWeight[String(c)];
      if (v !== undefined) perClass[j] = v;
    });
  } else {
    throw new ParamError(`${who}: classWeight must be 'balanced', an object of weights per class, or null, got ${JSON.stringify(classWeight)}.`);
  }
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = perClass[codes[i]!]!;
  return out;
}

/** Element-wise product of optional weight vectors (null when both are null). */
export function multiplyWeights(a: Float64Array | null, b: Float64Array | null): Float64Array | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! * b[i]!;
  return out;
}
