/**
 * Shared plumbing for the rules that integrate sampled data (trapezoid, simpson,
 * cumulativeTrapezoid): read y and x, walk every line along the integration axis.
 * Internal to integrate.
 */
import { asArray } from '../create.js';
import { ShapeError, ValueError, formatShape } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';
import { normalizeAxis, splitAtAxis } from '../shape.js';

export interface SampledOptions {
  /** Sample points: 1-D with one entry per sample along `axis`, or the same shape as y. */
  x?: ArrayLikeInput;
  /** Spacing between samples when x is not given (default 1). */
  dx?: number;
  /** Axis to integrate along (default -1, the last). */
  axis?: number;
}

export interface Sampled {
  y: Float64Array;
  shape: readonly number[];
  axis: number;
  /** Samples per line. */
  n: number;
  outer: number;
  inner: number;
  /** x as given (1-D, length n) or full (same shape as y), or null for uniform spacing dx. */
  x: Float64Array | null;
  xFull: boolean;
  dx: number;
}

export function readSampled(yIn: ArrayLikeInput, options: SampledOptions, fn: string): Sampled {
  const ya = asArray(yIn);
  if (ya.ndim === 0) throw new ValueError(`${fn} needs at least a 1-D array of samples, got a scalar.`);
  const axis = normalizeAxis(options.axis ?? -1, ya.ndim);
  const shape = ya.shape;
  const n = shape[axis]!;
  const { outer, inner } = splitAtAxis(shape, axis);
  let x: Float64Array | null = null;
  let xFull = false;
  const dx = options.dx ?? 1;
  if (options.x !== undefined && options.x !== null) {
    if (options.dx !== undefined) throw new ValueError(`${fn}: give either x or dx, not both.`);
    const xa = asArray(options.x);
    if (xa.ndim === 1) {
      if (xa.size !== n) {
        throw new ShapeError(`${fn}: x has ${xa.size} points but y has ${n} samples along axis ${axis}; they must match.`);
      }
    } else if (xa.ndim === ya.ndim && xa.shape.every((d, i) => d === shape[i])) {
      xFull = true;
    } else {
      throw new ShapeError(`${fn}: x must be 1-D or have y's shape ${formatShape(shape)}, got shape ${formatShape(xa.shape)}.`);
    }
    x = xa.toFloat64Array();
  } else if (typeof dx !== 'number' || !Number.isFinite(dx)) {
    throw new ValueError(`${fn}: dx must be a finite number, got ${String(dx)}.`);
  }
  return { y: ya.toFloat64Array(), shape, axis, n, outer, inner, x, xFull, dx };
}

/** Calls `fn(yAt, xAt)` per line; the accessors read sample k of that line. */
export function forEachLine(s: Sampled, fn: (line: number, yAt: (k: number) => number, xAt: (k: number) => number) => void): void {
  const { y, n, outer, inner, x, xFull, dx } = s;
  let line = 0;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++, line++) {
      const base = o * n * inner + i;
      const yAt = (k: number): number => y[base + k * inner]!;
      const xAt = x === null ? (k: number): number => k * dx : xFull ? (k: number): number => x[base + k * inner]! : (k: number): number => x[k]!;
      fn(line, yAt, xAt);
    }
  }
}

/** The reduced result: a number when y was 1-D, else an NdArray of y's shape without `axis`. */
export function reducedResult(s: Sampled, values: Float64Array): number | NdArray<'float64'> {
  if (s.shape.length === 1) return values[0]!;
  const shape = s.shape.filter((_, i) => i !== s.axis);
  return new NdArray('float64', values, shape);
}
