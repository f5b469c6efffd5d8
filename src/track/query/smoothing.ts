/** TensorBoard's scalar smoothing: a debiased exponential moving average. Browser-safe. */
import { InvalidInputError } from '../errors.js';

/**
 * Smooths `values` with weight `w` in [0, 1): `ema = w·ema + (1−w)·v`, divided by `1 − w^k`
 * after k finite values so the start is not pulled toward 0 (what TensorBoard's slider does).
 * Non-finite values pass through unchanged and do not enter the average; a constant series is
 * returned as is.
 *
 * @example
 * debiasedSmoothing([1, 2, 3], 0.5); // [1, 1.6667, 2.4286]
 */
export function debiasedSmoothing(values: readonly number[], weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) throw new InvalidInputError(`Smoothing weight must be in [0, 1), got ${weight}.`);
  const first = values[0];
  if (values.every((v) => v === first)) return [...values];
  let last = 0;
  let count = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return v;
    last = last * weight + (1 - weight) * v;
    count++;
    return last / (1 - weight ** count);
  });
}
