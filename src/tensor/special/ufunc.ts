/**
 * Lifting scalar functions to arrays: every special function takes plain numbers or NdArrays.
 * With numbers only it returns a number; with any NdArray among its arguments it broadcasts
 * the arguments (NumPy rules) and returns a new float64 NdArray of the broadcast shape.
 */
import { NdArray } from '../ndarray.js';
import { broadcastShapes, sizeOf } from '../shape.js';
import { broadcastTo } from '../views.js';
import { ValueError } from '../errors.js';

/** A number or an array of numbers: what every element-wise special function accepts. */
export type NumOrArray = number | NdArray;

/** A one-argument element-wise function: number in, number out; array in, float64 array out. */
export interface UnaryUfunc {
  (x: number): number;
  (x: NdArray): NdArray<'float64'>;
  (x: NumOrArray): NumOrArray;
}

/** A two-argument element-wise function; arrays broadcast against each other and numbers. */
export interface BinaryUfunc {
  (a: number, b: number): number;
  (a: NdArray, b: NumOrArray): NdArray<'float64'>;
  (a: NumOrArray, b: NdArray): NdArray<'float64'>;
  (a: NumOrArray, b: NumOrArray): NumOrArray;
}

/** A three-argument element-wise function; arrays broadcast against each other and numbers. */
export interface TernaryUfunc {
  (a: number, b: number, c: number): number;
  (a: NdArray, b: NumOrArray, c: NumOrArray): NdArray<'float64'>;
  (a: NumOrArray, b: NdArray, c: NumOrArray): NdArray<'float64'>;
  (a: NumOrArray, b: NumOrArray, c: NdArray): NdArray<'float64'>;
  (a: NumOrArray, b: NumOrArray, c: NumOrArray): NumOrArray;
}

/** The elements of `x` broadcast to `shape`, in C order, as a Float64Array. */
function valuesAt(x: NumOrArray, shape: readonly number[]): Float64Array {
  if (typeof x === 'number') return new Float64Array(sizeOf(shape)).fill(x);
  return broadcastTo(x, shape).toFloat64Array();
}

/** Applies `fn` position by position over the broadcast arguments. */
export function mapArrays(fn: (...values: number[]) => number, args: readonly NumOrArray[]): NdArray<'float64'> {
  for (const a of args) {
    if (typeof a !== 'number' && !(a instanceof NdArray)) {
      throw new ValueError(
        `Expected a number or an NdArray, got ${Array.isArray(a) ? 'a plain array' : typeof a}; ` +
          'wrap plain arrays with array(...) first.',
      );
    }
  }
  const shape = broadcastShapes(...args.map((a) => (typeof a === 'number' ? [] : a.shape)));
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  if (args.length === 1) {
    const x = valuesAt(args[0]!, shape);
    for (let i = 0; i < n; i++) out[i] = fn(x[i]!);
  } else if (args.length === 2) {
    const a = valuesAt(args[0]!, shape);
    const b = valuesAt(args[1]!, shape);
    for (let i = 0; i < n; i++) out[i] = fn(a[i]!, b[i]!);
  } else {
    const cols = args.map((a) => valuesAt(a, shape));
    const row = new Array<number>(cols.length);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < cols.length; j++) row[j] = cols[j]![i]!;
      out[i] = fn(...row);
    }
  }
  return new NdArray('float64', out, shape);
}

/** Makes a scalar function of one number element-wise over NdArrays. */
export function unary(fn: (x: number) => number): UnaryUfunc {
  return ((x: NumOrArray) => (typeof x === 'number' ? fn(x) : mapArrays(fn, [x]))) as UnaryUfunc;
}

/** Makes a scalar function of two numbers element-wise over broadcast NdArrays. */
export function binary(fn: (a: number, b: number) => number): BinaryUfunc {
  return ((a: NumOrArray, b: NumOrArray) =>
    typeof a === 'number' && typeof b === 'number' ? fn(a, b) : mapArrays(fn as (...v: number[]) => number, [a, b])) as BinaryUfunc;
}

/** Makes a scalar function of three numbers element-wise over broadcast NdArrays. */
export function ternary(fn: (a: number, b: number, c: number) => number): TernaryUfunc {
  return ((a: NumOrArray, b: NumOrArray, c: NumOrArray) =>
    typeof a === 'number' && typeof b === 'number' && typeof c === 'number'
      ? fn(a, b, c)
      : mapArrays(fn as (...v: number[]) => number, [a, b, c])) as TernaryUfunc;
}
