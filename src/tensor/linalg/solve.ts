/** Solving square linear systems A·x = b by LU with partial pivoting. */
import type { NdArray } from '../ndarray.js';
import { type MatrixInput, fromData, readRightHandSide, readSquareMatrix } from './input.js';
import { luFactor, luSolve, singularError } from './lu.js';

/**
 * Solves A·x = b for square, non-singular A, like `numpy.linalg.solve`.
 *
 * Uses LU with partial pivoting (backward stable: the computed x solves a system within a few
 * ulps of A·x = b). An exactly zero pivot throws a LinAlgError; a nearly singular A gives an
 * answer with a small residual but possibly large error, so check `cond(A)` when that matters.
 *
 * @param A - an n×n matrix
 * @param b - a vector of length n, or an n×k matrix of k right-hand sides
 * @returns x with the shape of b, as float64
 * @throws ShapeError when A is not square or b's length does not match; LinAlgError when A is singular
 *
 * @example
 * solve([[3, 1], [1, 2]], [9, 8]); // [2, 3]
 */
export function solve(A: MatrixInput, b: MatrixInput): NdArray<'float64'> {
  const a = readSquareMatrix(A, 'solve');
  const rhs = readRightHandSide(b, a.rows, [a.rows, a.cols], 'solve');
  const f = luFactor(a);
  if (f.zeroPivot >= 0) throw singularError('A·x = b has no unique solution', f.zeroPivot);
  const x = luSolve(f, rhs.data, rhs.cols);
  return fromData(x, rhs.vector ? [a.rows] : [a.rows, rhs.cols]);
}
