/**
 * Turning user input into checked float64 matrices, and float64 results back into NdArrays.
 * Internal to linalg: every public routine starts here, so the messages for wrong shapes,
 * empty arrays and non-finite values read the same everywhere.
 */
import { asArray } from '../create.js';
import { ShapeError, ValueError, formatShape } from '../errors.js';
import { type ArrayLikeInput, NdArray } from '../ndarray.js';

/** A dense row-major float64 matrix: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Input accepted by every linalg routine: an NdArray, nested JS arrays or a typed array. */
export type MatrixInput = ArrayLikeInput;

/** Converts input to an NdArray (no copy when it already is one). */
export function toNdArray(x: MatrixInput): NdArray {
  return asArray(x);
}

/** Throws ValueError naming the first NaN or ±Inf and where it is. */
export function assertFinite(data: Float64Array, shape: readonly number[], fn: string, name: string): void {
  for (let k = 0; k < data.length; k++) {
    const v = data[k]!;
    if (v - v !== 0) {
      const index: number[] = [];
      let rest = k;
      for (let axis = shape.length - 1; axis >= 0; axis--) {
        const d = shape[axis]!;
        index.unshift(rest % d);
        rest = Math.floor(rest / d);
      }
      const what = Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf';
      throw new ValueError(
        `${fn}: ${name} contains ${what} at [${index.join(', ')}]; linear algebra needs finite values. ` +
          'Remove or impute the non-finite entries first.',
      );
    }
  }
}

function assertNotEmpty(shape: readonly number[], fn: string, name: string): void {
  if (shape.some((d) => d === 0)) {
    throw new ValueError(`${fn}: ${name} is empty (shape ${formatShape(shape)}); linear algebra needs at least one element.`);
  }
}

/**
 * Reads a 2-D input as a fresh float64 matrix (a copy the caller may overwrite), checking that it
 * is 2-D, not empty and finite.
 */
export function readMatrix(x: MatrixInput, fn: string, name = 'A'): Matrix {
  const a = toNdArray(x);
  if (a.ndim !== 2) {
    throw new ShapeError(
      `${fn} needs a 2-D matrix for ${name}, got shape ${formatShape(a.shape)}` +
        (a.ndim > 2 ? '; stacks of matrices are not supported yet, loop over the leading axes.' : '.'),
    );
  }
  assertNotEmpty(a.shape, fn, name);
  const data = a.toFloat64Array();
  assertFinite(data, a.shape, fn, name);
  return { rows: a.shape[0]!, cols: a.shape[1]!, data };
}

/** Like readMatrix, and also requires the matrix to be square. */
export function readSquareMatrix(x: MatrixInput, fn: string, name = 'A'): Matrix {
  const a = toNdArray(x);
  if (a.ndim !== 2 || a.shape[0] !== a.shape[1]) {
    throw new ShapeError(
      `${fn} needs a square matrix, got shape ${formatShape(a.shape)}` +
        (a.ndim === 2 ? '; for a rectangular matrix use lstsq() or pinv().' : '.'),
    );
  }
  return readMatrix(a, fn, name);
}

/**
 * Reads a right-hand side: a vector (n,) becomes an n×1 matrix and `vector` is true, so results can
 * be returned in the same form.
 */
export function readRightHandSide(
  x: MatrixInput,
  rowsNeeded: number,
  aShape: readonly number[],
  fn: string,
  name = 'b',
): Matrix & { vector: boolean } {
  const b = toNdArray(x);
  if (b.ndim !== 1 && b.ndim !== 2) {
    throw new ShapeError(`${fn}: ${name} must be a vector or a matrix, got shape ${formatShape(b.shape)}.`);
  }
  if (b.shape[0] !== rowsNeeded) {
    throw new ShapeError(
      `${fn}: ${name} has shape ${formatShape(b.shape)} but A has shape ${formatShape(aShape)}; ` +
        `${name}'s first dimension must be ${rowsNeeded} (the number of rows of A).`,
    );
  }
  assertNotEmpty(b.shape, fn, name);
  const data = b.toFloat64Array();
  assertFinite(data, b.shape, fn, name);
  return { rows: b.shape[0]!, cols: b.ndim === 1 ? 1 : b.shape[1]!, data, vector: b.ndim === 1 };
}

/** Wraps a row-major float64 buffer as an NdArray without copying. */
export function fromData(data: Float64Array, shape: readonly number[]): NdArray<'float64'> {
  return new NdArray('float64', data, shape);
}

/** Wraps a Matrix as a 2-D NdArray without copying. */
export function fromMatrix(m: Matrix): NdArray<'float64'> {
  return new NdArray('float64', m.data, [m.rows, m.cols]);
}
