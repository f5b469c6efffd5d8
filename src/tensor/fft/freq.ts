/** Sample frequencies of the FFT bins (NumPy's `fft.fftfreq` / `fft.rfftfreq`). */
import { ValueError } from '../errors.js';
import { NdArray } from '../ndarray.js';

function check(n: number, d: number, fn: string): void {
  if (!Number.isInteger(n) || n < 1) throw new ValueError(`${fn}: n must be a positive integer (the window length), got ${n}.`);
  if (!Number.isFinite(d) || d === 0) throw new ValueError(`${fn}: sample spacing d must be a finite non-zero number, got ${d}.`);
}

/**
 * Frequencies of `fft` bins for a window of n samples spaced d apart:
 * [0, 1, …, ⌈n/2⌉−1, −⌊n/2⌋, …, −1] / (d·n).
 *
 * @example
 * fftfreq(4).toArray();      // [0, 0.25, -0.5, -0.25]
 * fftfreq(5, 0.1).toArray(); // [0, 2, 4, -4, -2]
 */
export function fftfreq(n: number, d = 1): NdArray<'float64'> {
  check(n, d, 'fftfreq');
  const val = 1 / (n * d);
  const out = new Float64Array(n);
  const positive = Math.floor((n - 1) / 2) + 1;
  for (let i = 0; i < positive; i++) out[i] = i * val;
  for (let i = positive, k = -Math.floor(n / 2); i < n; i++, k++) out[i] = k * val;
  return new NdArray('float64', out, [n]);
}

/**
 * Frequencies of `rfft` bins: [0, 1, …, ⌊n/2⌋] / (d·n).
 *
 * @example
 * rfftfreq(4).toArray(); // [0, 0.25, 0.5]
 */
export function rfftfreq(n: number, d = 1): NdArray<'float64'> {
  check(n, d, 'rfftfreq');
  const val = 1 / (n * d);
  const m = Math.floor(n / 2) + 1;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = i * val;
  return new NdArray('float64', out, [m]);
}
