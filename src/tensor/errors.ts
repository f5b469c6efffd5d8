/** Errors raised by the tensor stratum. Each message says what was wrong and how to fix it. */

/** Shapes that cannot be combined (broadcast, matmul, concatenate, reshape). */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/** An operation got an array of a dtype it cannot work on. */
export class DTypeError extends Error {
  override name = 'DTypeError';
}

/** An axis or index outside the array. */
export class IndexError extends RangeError {
  override name = 'IndexError';
}

/** A numerical routine could not produce a result (singular matrix, NaN input, no convergence). */
export class LinAlgError extends Error {
  override name = 'LinAlgError';
}

/** Input values that the routine cannot accept (NaN where none is allowed, empty arrays, …). */
export class ValueError extends Error {
  override name = 'ValueError';
}

/** Formats a shape the way NumPy prints it: `(3,)`, `(2, 3)`, `()`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}
