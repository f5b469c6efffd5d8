/** Moving the zero-frequency bin to the centre and back (NumPy's `fft.fftshift` / `ifftshift`). */
import { asArray } from '../create.js';
import { allocate } from '../dtype.js';
import { ValueError } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import { normalizeAxis, splitAtAxis } from '../shape.js';
import { ComplexArray } from './complex-array.js';

type Buffer = Float64Array | Float32Array | Int32Array | Uint8Array;

/** Circularly shifts a C-order buffer by `shift` positions along one axis. */
function rollAxis<T extends Buffer>(src: T, shape: readonly number[], axis: number, shift: number, make: (n: number) => T): T {
  const len = shape[axis]!;
  const { outer, inner } = splitAtAxis(shape, axis);
  const out = make(src.length);
  const s = ((shift % len) + len) % len;
  for (let o = 0; o < outer; o++) {
    const base = o * len * inner;
    for (let k = 0; k < len; k++) {
      const from = base + k * inner;
      const to = base + ((k + s) % len) * inner;
      out.set(src.subarray(from, from + inner), to);
    }
  }
  return out;
}

function shiftAll(x: ComplexArray | ArrayLikeInput, axes: number | readonly number[] | undefined, inverse: boolean, fn: string): NdArray | ComplexArray {
  const shape = x instanceof ComplexArray ? x.shape : asArray(x).shape;
  const ndim = shape.length;
  const list = axes === undefined ? shape.map((_, i) => i) : (typeof axes === 'number' ? [axes] : axes).map((a) => normalizeAxis(a, ndim));
  if (new Set(list).size !== list.length) throw new ValueError(`${fn}: axes ${JSON.stringify(axes)} repeat an axis; list each axis once.`);
  const amount = (axis: number): number => {
    const half = Math.floor(shape[axis]! / 2);
    return inverse ? -half : half;
  };
  if (x instanceof ComplexArray) {
    let re = x.re;
    let im = x.im;
    for (const axis of list) {
      if (shape[axis] === 0) continue;
      re = rollAxis(re, shape, axis, amount(axis), (n) => new Float64Array(n));
      im = rollAxis(im, shape, axis, amount(axis), (n) => new Float64Array(n));
    }
    return new ComplexArray(re === x.re ? re.slice() : re, im === x.im ? im.slice() : im, shape);
  }
  const a = asArray(x);
  let data: Buffer = a.copy().data;
  for (const axis of list) {
    if (shape[axis] === 0) continue;
    data = rollAxis(data, shape, axis, amount(axis), (n) => allocate(a.dtype, n));
  }
  return new NdArray(a.dtype, data as NdArray['data'], shape);
}

/**
 * Shifts the zero-frequency term to the centre of the spectrum: rolls every axis in `axes`
 * (default all) by ⌊n/2⌋. Works on NdArrays (keeping their dtype) and on ComplexArrays.
 *
 * @example
 * fftshift(fftfreq(5)).toArray(); // [-0.4, -0.2, 0, 0.2, 0.4]
 */
export function fftshift(x: ArrayLikeInput, axes?: number | readonly number[]): NdArray;
export function fftshift(x: ComplexArray, axes?: number | readonly number[]): ComplexArray;
export function fftshift(x: ComplexArray | ArrayLikeInput, axes?: number | readonly number[]): NdArray | ComplexArray {
  return shiftAll(x, axes, false, 'fftshift');
}

/**
 * The inverse of `fftshift` (they differ for odd lengths): rolls each axis by −⌊n/2⌋.
 *
 * @example
 * ifftshift(fftshift([0, 1, 2, 3, 4])).toArray(); // [0, 1, 2, 3, 4]
 */
export function ifftshift(x: ArrayLikeInput, axes?: number | readonly number[]): NdArray;
export function ifftshift(x: ComplexArray, axes?: number | readonly number[]): ComplexArray;
export function ifftshift(x: ComplexArray | ArrayLikeInput, axes?: number | readonly number[]): NdArray | ComplexArray {
  return shiftAll(x, axes, true, 'ifftshift');
}
