/**
 * Turning per-class joint log likelihoods log P(x, c) into predictions and normalized
 * (log-)probabilities, shared by the naive Bayes classifiers.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { DataError } from '../base/errors.js';
import type { Label } from '../base/input.js';

/** Row-wise jll − logsumexp(jll): the log posterior of each class (n × c). */
export function logPosterior(jll: Float64Array, n: number, c: number): NdArray {
  const out = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let l = 0; l < c; l++) max = Math.max(max, jll[i * c + l]!);
    let sum = 0;
    for (let l = 0; l < c; l++) sum += Math.exp(jll[i * c + l]! - max);
    const lse = Number.isFinite(max) ? max + Math.log(sum) : max;
    for (let l = 0; l < c; l++) out[i * c + l] = jll[i * c + l]! - lse;
  }
  return fromTyped(out, [n, c]);
}

/** Class index of each label, given the sorted class list; unknown labels are an error. */
export function codesFor(labels: readonly Label[], classes: readonly Label[], who: string): Int32Array {
  const index = new Map(classes.map((c, i) => [c, i]));
  const codes = new Int32Array(labels.length);
  labels.forEach((v, i) => {
    const code = index.get(v);
    if (code === undefined) {
      throw new DataError(
        `${who}: y[${i}] = ${JSON.stringify(v)} is not one of the classes ${JSON.stringify(classes)} given on the first partialFit; pass every class there.`,
      );
    }
    codes[i] = code;
  });
  return codes;
}
