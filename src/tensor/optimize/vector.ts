/** Small dense-vector helpers shared by the optimizers, and the conversion of user input to a vector. */
import { NdArray } from '../ndarray.js';
import { ShapeError, ValueError, formatShape } from '../errors.js';

/** What the optimizers accept as a starting point: a 1-D NdArray, a typed array or plain numbers. */
export type VectorInput = NdArray | Float64Array | ArrayLike<number> | number;

/**
 * A fresh Float64Array copy of `value`, checked to be a non-empty 1-D vector of finite numbers.
 * `what` names the argument in error messages.
 */
export function toVector(value: VectorInput, what = 'x0'): Float64Array {
  let out: Float64Array;
  if (value instanceof NdArray) {
    if (value.ndim > 1) {
      throw new ShapeError(`${what} must be 1-D, got shape ${formatShape(value.shape)}; flatten it with .ravel() first.`);
    }
    out = value.toFloat64Array();
  } else if (typeof value === 'number') {
    out = Float64Array.of(value);
  } else if (value !== null && typeof value === 'object' && typeof (value as ArrayLike<number>).length === 'number') {
    const arr = value as ArrayLike<unknown>;
    out = new Float64Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (typeof v !== 'number') {
        throw new ValueError(`${what}[${i}] must be a number, got ${Array.isArray(v) ? 'an array' : typeof v}; give a flat 1-D list of numbers.`);
      }
      out[i] = v;
    }
  } else {
    throw new ValueError(`${what} must be a number array, a Float64Array or an NdArray, got ${value === null ? 'null' : typeof value}.`);
  }
  if (out.length === 0) throw new ValueError(`${what} is empty; give at least one starting value.`);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) {
      throw new ValueError(`${what}[${i}] is ${out[i]}; every starting value must be a finite number.`);
    }
  }
  return out;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function norm2(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
}

export function normInf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]!);
    if (v > m || v !== v) m = v;
  }
  return m;
}

export function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** Checks a user option is a finite number in range; returns it, or `fallback` when it is undefined. */
export function numberOption(
  value: number | undefined,
  name: string,
  fallback: number,
  { min = -Infinity, integer = false, exclusiveMin = false }: { min?: number; integer?: boolean; exclusiveMin?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const bad =
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    (integer && !Number.isInteger(value)) ||
    (exclusiveMin ? value <= min : value < min);
  if (bad) {
    const kind = integer ? 'an integer' : 'a number';
    const range = min === -Infinity ? '' : exclusiveMin ? ` greater than ${min}` : ` of at least ${min}`;
    throw new ValueError(`Option '${name}' must be ${kind}${range}, got ${String(value)}.`);
  }
  return value;
}
