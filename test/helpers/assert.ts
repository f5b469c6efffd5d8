/** Numeric assertions for tests that compare against reference values. */
import assert from 'node:assert/strict';
import { NdArray } from '../../src/tensor/ndarray.js';

type Nested = number | boolean | Nested[];

function flatten(value: Nested | NdArray | ArrayLike<number>, out: number[] = []): number[] {
  if (value instanceof NdArray) return flatten(value.toArray(), out);
  if (typeof value === 'number') out.push(value);
  else if (typeof value === 'boolean') out.push(value ? 1 : 0);
  else for (let i = 0; i < value.length; i++) flatten((value as ArrayLike<Nested>)[i]!, out);
  return out;
}

export interface Tolerance {
  rtol?: number;
  atol?: number;
}

/**
 * Asserts |actual - expected| <= atol + rtol * |expected| element-wise (NumPy's `allclose`),
 * with NaN equal to NaN and infinities equal only to themselves. Shapes must agree when both are
 * NdArrays or nested arrays.
 */
export function assertClose(
  actual: Nested | NdArray | ArrayLike<number>,
  expected: Nested | NdArray | ArrayLike<number>,
  { rtol = 1e-10, atol = 0 }: Tolerance = {},
  message = '',
): void {
  const a = flatten(actual);
  const e = flatten(expected);
  assert.equal(a.length, e.length, `${message} length ${a.length} != expected ${e.length}`);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = e[i]!;
    if (Number.isNaN(y)) {
      assert.ok(Number.isNaN(x), `${message} element ${i}: got ${x}, expected NaN`);
      continue;
    }
    if (!Number.isFinite(y)) {
      assert.equal(x, y, `${message} element ${i}: got ${x}, expected ${y}`);
      continue;
    }
    const tol = atol + rtol * Math.abs(y);
    assert.ok(Math.abs(x - y) <= tol, `${message} element ${i}: got ${x}, expected ${y} (diff ${Math.abs(x - y)} > tol ${tol})`);
  }
}
