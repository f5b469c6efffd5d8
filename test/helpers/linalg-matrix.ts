/**
 * Test helpers shared by the linalg tests: flattening fixture matrices, max-abs differences,
 * the Park–Miller test matrix of bench/reference/linalg.py.
 */
import assert from 'node:assert/strict';
import { fromTyped } from '../../src/tensor/create.js';
import type { NdArray } from '../../src/tensor/ndarray.js';
import { maxAbs } from '../../src/tensor/linalg/dense.js';
import type { Matrix } from '../../src/tensor/linalg/input.js';

/** A fixture's nested matrix (or vector) as one flat row-major Float64Array. */
export const flat = (x: number[][] | number[]): Float64Array => Float64Array.from((x as number[][]).flat() as number[]);

/** A 2-D NdArray as a dense Matrix (a copy). */
export const asMat = (x: NdArray): Matrix => ({ rows: x.shape[0]!, cols: x.shape[1]!, data: x.toFloat64Array() });

/** max |a − b| over all entries. */
export const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

/**
 * Normwise relative agreement: equal lengths and max|a − e| ≤ tol·max|e| (entries near zero are
 * judged against the largest one).
 */
export const closeScaled = (actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, msg = ''): void => {
  const e = Float64Array.from(expected);
  const scale = maxAbs(e);
  const d = maxDiff(actual, e);
  assert.equal(actual.length, e.length, `${msg} length`);
  assert.ok(d <= tol * scale, `${msg} max diff ${d} > ${tol} × ${scale}`);
};

/** The Park–Miller matrix of bench/reference/linalg.py, bit for bit. */
export function parkMiller(rows: number, cols: number, seed: number): NdArray<'float64'> {
  let x = seed;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) {
    x = (x * 16807) % 2147483647;
    out[i] = x / 2147483647 - 0.5;
  }
  return fromTyped(out, [rows, cols]);
}
