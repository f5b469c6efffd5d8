/**
 * The `size` argument shared by every sampler (NumPy's convention): undefined for one draw as a
 * JS number, a count for a 1-d array, or a shape.
 */
import { ValueError } from '../errors.js';
import { NdArray } from '../ndarray.js';
import type { BitGenerator } from './bit-generator.js';

/** Number of draws (a 1-d array) or the shape of the array of draws. */
export type Size = number | readonly number[];

/** The output shape for `size`, validated. */
export function shapeOfSize(size: Size): number[] {
  const shape = typeof size === 'number' ? [size] : Array.from(size);
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0)) {
    throw new ValueError(
      `size must be a non-negative integer or an array of them (a shape), got ${JSON.stringify(size)}.`,
    );
  }
  return shape;
}

/** Product of the dimensions. */
export function countOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** One draw, or a float64 array of `size` draws. */
export function drawFloat(bg: BitGenerator, size: Size | undefined, draw: (bg: BitGenerator) => number): number | NdArray<'float64'> {
  if (size === undefined) return draw(bg);
  const shape = shapeOfSize(size);
  const out = new Float64Array(countOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = draw(bg);
  return new NdArray('float64', out, shape);
}

const INT32_MAX = 2147483647;

/** One integer draw, or an int32 array of `size` draws. */
export function drawInt(
  method: string,
  bg: BitGenerator,
  size: Size | undefined,
  draw: (bg: BitGenerator) => number,
): number | NdArray<'int32'> {
  if (size === undefined) return draw(bg);
  const shape = shapeOfSize(size);
  const out = new Int32Array(countOf(shape));
  for (let i = 0; i < out.length; i++) {
    const v = draw(bg);
    if (v > INT32_MAX || v < -INT32_MAX - 1) {
      throw new ValueError(
        `${method}() drew ${v}, which does not fit the int32 array it returns; draw scalars (no size) to get exact large values.`,
      );
    }
    out[i] = v;
  }
  return new NdArray('int32', out, shape);
}
