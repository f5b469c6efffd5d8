/** NumPy's FFT normalization modes and the scale factor each one applies. Internal to fft. */
import { ValueError } from '../errors.js';

/**
 * Which direction carries the 1/n factor (NumPy's `norm`):
 * 'backward' (default) scales the inverse by 1/n, 'forward' scales the forward transform by 1/n,
 * 'ortho' scales both by 1/√n so the transforms are unitary.
 */
export type FftNorm = 'backward' | 'ortho' | 'forward';

export function checkNorm(norm: unknown, fn: string): FftNorm {
  if (norm === undefined || norm === null) return 'backward';
  if (norm === 'backward' || norm === 'ortho' || norm === 'forward') return norm;
  throw new ValueError(`${fn}: norm must be 'backward', 'ortho' or 'forward', got ${JSON.stringify(norm)}.`);
}

/** The factor for a transform over `n` points (n = product of the lengths for n-d transforms). */
export function normScale(norm: FftNorm, n: number, inverse: boolean): number {
  if (norm === 'ortho') return 1 / Math.sqrt(n);
  if (norm === 'backward') return inverse ? 1 / n : 1;
  return inverse ? 1 : 1 / n;
}
