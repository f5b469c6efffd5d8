/** Ways to make an NdArray: from JS values, typed arrays, or by shape. */
import { type DType, type DTypeToArray, type TypedArray, allocate, assertDType, castScalar, dtypeOfTypedArray } from './dtype.js';
import { ShapeError, ValueError, formatShape } from './errors.js';
import { type ArrayLikeInput, type NestedArray, NdArray } from './ndarray.js';
import { assertShape, sizeOf } from './shape.js';

export interface DTypeOption<D extends DType = DType> {
  dtype?: D;
}

function isTypedArray(value: unknown): value is TypedArray {
  return (
    value instanceof Float64Array || value instanceof Float32Array || value instanceof Int32Array || value instanceof Uint8Array
  );
}

/** Shape of a nested JS array; every row at one depth must have the same length. */
function nestedShape(value: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0]!;
  }
  return shape;
}

/**
 * Makes an array from nested JS arrays, a typed array, a number or an existing NdArray (copied).
 * Numbers default to float64 (what a JS number is), booleans to bool, typed arrays keep their type.
 *
 * @example
 * const a = array([[1, 2], [3, 4]]);      // float64, shape [2, 2]
 * const m = array([true, false]);         // bool
 * const i = array([1, 2, 3], { dtype: 'int32' });
 */
export function array<D extends DType = DType>(value: ArrayLikeInput, options: DTypeOption<D> = {}): NdArray<D> {
  const requested = options.dtype === undefined ? undefined : assertDType(options.dtype);
  if (value instanceof NdArray) return value.astype((requested ?? value.dtype) as D);
  if (isTypedArray(value)) {
    const own = dtypeOfTypedArray(value);
    const dtype = (requested ?? own) as D;
    const data = allocate(dtype, value.length);
    if (dtype === 'bool') for (let i = 0; i < value.length; i++) data[i] = castScalar(value[i]!, 'bool');
    else data.set(value);
    return new NdArray(dtype, data, [value.length]);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    const dtype = (requested ?? (typeof value === 'boolean' ? 'bool' : 'float64')) as D;
    const data = allocate(dtype, 1);
    data[0] = castScalar(Number(value), dtype);
    return new NdArray(dtype, data, []);
  }
  if (!Array.isArray(value)) {
    if (value !== null && typeof value === 'object' && typeof (value as ArrayLike<number>).length === 'number') {
      return array(Array.from(value as ArrayLike<number>), options);
    }
    throw new TypeError(`array() got ${value === null ? 'null' : typeof value}; pass a number, boolean, nested array, typed array or NdArray.`);
  }
  const shape = nestedShape(value);
  const flat: (number | boolean)[] = [];
  let sawNumber = false;
  let sawBool = false;
  const walk = (v: NestedArray, depth: number, path: number[]): void => {
    if (depth === shape.length) {
      if (Array.isArray(v)) {
        throw new ShapeError(`Ragged nested array: element at [${path.join(', ')}] is a list, but its siblings are scalars.`);
      }
      if (typeof v === 'boolean') sawBool = true;
      else if (typeof v === 'number') sawNumber = true;
      else throw new TypeError(`Element at [${path.join(', ')}] is ${typeof v}; only numbers and booleans can go in an NdArray.`);
      flat.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new ShapeError(
        `Ragged nested array: the row at [${path.join(', ')}] has ${Array.isArray(v) ? v.length : 'no'} elements where ` +
          `${shape[depth]} were expected (shape ${formatShape(shape)}); make every row the same length.`,
      );
    }
    for (let i = 0; i < v.length; i++) walk(v[i]!, depth + 1, [...path, i]);
  };
  walk(value, 0, []);
  const dtype = (requested ?? (sawBool && !sawNumber ? 'bool' : 'float64')) as D;
  const data = allocate(dtype, flat.length);
  for (let i = 0; i < flat.length; i++) data[i] = castScalar(Number(flat[i]), dtype);
  return new NdArray(dtype, data, shape);
}

/** Converts any accepted input to an NdArray, without copying when it already is one. */
export function asArray(value: ArrayLikeInput): NdArray {
  return value instanceof NdArray ? value : array(value);
}

/**
 * Wraps a typed array as an NdArray of the given shape without copying.
 *
 * @example
 * const x = fromTyped(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
 */
export function fromTyped<D extends DType>(data: DTypeToArray[D], shape?: readonly number[], dtype?: D): NdArray<D> {
  const d = (dtype ?? dtypeOfTypedArray(data)) as D;
  const s = shape === undefined ? [data.length] : assertShape(shape);
  if (sizeOf(s) !== data.length) {
    throw new ShapeError(`A buffer of ${data.length} elements cannot have shape ${formatShape(s)} (${sizeOf(s)} elements).`);
  }
  return new NdArray(d, data, s);
}

export function full<D extends DType = 'float64'>(shape: readonly number[], value: number | boolean, options: DTypeOption<D> = {}): NdArray<D> {
  const dtype = (options.dtype ?? (typeof value === 'boolean' ? 'bool' : 'float64')) as D;
  const s = assertShape(shape);
  const data = allocate(dtype, sizeOf(s));
  const v = castScalar(Number(value), dtype);
  if (v !== 0) data.fill(v);
  return new NdArray(dtype, data, s);
}

export function zeros<D extends DType = 'float64'>(shape: readonly number[], options: DTypeOption<D> = {}): NdArray<D> {
  return full(shape, 0, { dtype: (options.dtype ?? 'float64') as D });
}

export function ones<D extends DType = 'float64'>(shape: readonly number[], options: DTypeOption<D> = {}): NdArray<D> {
  return full(shape, 1, { dtype: (options.dtype ?? 'float64') as D });
}

/** An array of zeros with the shape (and, unless given, the dtype) of `like`. */
export function zerosLike<D extends DType>(like: NdArray<D>, options: DTypeOption = {}): NdArray {
  return zeros(like.shape, { dtype: options.dtype ?? like.dtype });
}

/**
 * Evenly spaced values in [start, stop) — like NumPy's `arange`. With one argument it counts from 0.
 *
 * @example
 * arange(5);          // [0, 1, 2, 3, 4]
 * arange(1, 2, 0.25); // [1, 1.25, 1.5, 1.75]
 */
export function arange(start: number, stop?: number, step = 1, options: DTypeOption = {}): NdArray {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0 || !Number.isFinite(step)) throw new ValueError(`arange step must be a finite non-zero number, got ${step}.`);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const dtype = options.dtype ?? 'float64';
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = castScalar(start + i * step, dtype);
  return new NdArray(dtype, data, [n]);
}

/** `num` evenly spaced values from start to stop (inclusive unless `endpoint` is false). */
export function linspace(start: number, stop: number, num = 50, endpoint = true): NdArray<'float64'> {
  if (!Number.isInteger(num) || num < 0) throw new ValueError(`linspace num must be a non-negative integer, got ${num}.`);
  const data = new Float64Array(num);
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  for (let i = 0; i < num; i++) data[i] = start + i * step;
  if (endpoint && num > 1) data[num - 1] = stop;
  return new NdArray('float64', data, [num]);
}

/** The n×m identity-like matrix with ones on diagonal `k`. */
export function eye(n: number, m = n, k = 0, options: DTypeOption = {}): NdArray {
  const out = zeros([n, m], { dtype: options.dtype ?? 'float64' });
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < m) out.data[i * m + j] = 1;
  }
  return out;
}
