/**
 * Applying a 1-D transform to every line of an n-d split complex array along one axis, with
 * the axis length changed to `outLen` (padding/truncation is the line function's job).
 * Internal to the fft module.
 */
import { ValueError } from '../errors.js';
import { normalizeAxis, splitAtAxis } from '../shape.js';
import type { SplitData } from './complex-array.js';

/** Transforms one line: read `inRe/inIm` (inIm null for real input), write `outRe/outIm`. */
export type LineTransform = (inRe: Float64Array, inIm: Float64Array | null, outRe: Float64Array, outIm: Float64Array) => void;

export interface SplitResult {
  re: Float64Array;
  im: Float64Array;
  shape: number[];
}

/** Resolves `axis` (negative counts from the end) with an error naming the function. */
export function resolveAxis(axis: number, ndim: number, fn: string): number {
  if (ndim === 0) throw new ValueError(`${fn} needs at least a 1-D array, got a 0-d (scalar) input; wrap it in an array.`);
  return normalizeAxis(axis, ndim);
}

export function mapLines(src: SplitData, axis: number, outLen: number, fn: LineTransform): SplitResult {
  const shape = src.shape;
  const inLen = shape[axis]!;
  const { outer, inner } = splitAtAxis(shape, axis);
  const outShape = shape.slice();
  outShape[axis] = outLen;
  const total = outer * outLen * inner;
  const re = new Float64Array(total);
  const im = new Float64Array(total);
  const lineRe = new Float64Array(inLen);
  const lineIm = src.im === null ? null : new Float64Array(inLen);
  const resRe = new Float64Array(outLen);
  const resIm = new Float64Array(outLen);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const inBase = o * inLen * inner + i;
      for (let k = 0, p = inBase; k < inLen; k++, p += inner) lineRe[k] = src.re[p]!;
      if (lineIm !== null) for (let k = 0, p = inBase; k < inLen; k++, p += inner) lineIm[k] = src.im![p]!;
      resRe.fill(0);
      resIm.fill(0);
      fn(lineRe, lineIm, resRe, resIm);
      const outBase = o * outLen * inner + i;
      for (let k = 0, p = outBase; k < outLen; k++, p += inner) {
        re[p] = resRe[k]!;
        im[p] = resIm[k]!;
      }
    }
  }
  return { re, im, shape: outShape };
}

/** Checks a requested transform length `n` (NumPy's "Invalid number of FFT data points"). */
export function checkLength(n: number, fn: string, what = 'n'): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new ValueError(`${fn}: invalid number of FFT data points ${what}=${n}; it must be a positive integer.`);
  }
  return n;
}
