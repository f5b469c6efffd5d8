/** Special functions on NdArrays: same shape out, broadcasting, views, dtypes and errors. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NdArray } from '../ndarray.js';
import { array } from '../create.js';
import { transpose } from '../views.js';
import { ShapeError, ValueError } from '../errors.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { betainc, erf, gamma, gammainc, xlogy } from './index.js';

describe('element-wise special functions', () => {
  it('a number gives a number, an NdArray a float64 NdArray of the same shape', () => {
    assert.equal(typeof gamma(4), 'number');
    const x = array([[1, 2, 3], [4, 5, 6]]);
    const g = gamma(x);
    assert.ok(g instanceof NdArray);
    assert.equal(g.dtype, 'float64');
    assert.deepEqual(g.shape, [2, 3]);
    assert.deepEqual(g.toArray(), [[1, 1, 2], [6, 24, 120]]);
  });

  it('reads integer and boolean arrays as numbers', () => {
    const x = array([0, 1, 2], { dtype: 'int32' });
    assertClose(erf(x), [0, erf(1), erf(2)], { rtol: 1e-15 });
  });

  it('follows views: a transposed array is read in its logical order', () => {
    const x = array([[1, 2], [3, 4]]);
    assert.deepEqual(gamma(transpose(x)).toArray(), [[1, 2], [1, 6]]);
  });

  it('broadcasts two and three arguments, NumPy style', () => {
    const a = array([[1], [2]]); // (2, 1)
    const x = array([0.5, 1, 2]); // (3,)
    const p = gammainc(a, x);
    assert.deepEqual(p.shape, [2, 3]);
    assertClose(p.get(1, 2), gammainc(2, 2), { rtol: 1e-15 });
    const b = betainc(2, array([3, 4]), array([[0.1], [0.5]]));
    assert.deepEqual(b.shape, [2, 2]);
    assertClose(b.get(1, 0), betainc(2, 3, 0.5), { rtol: 1e-15 });
    assert.deepEqual(xlogy(array([0, 2]), 1).toArray(), [0, 0]);
  });

  it('keeps 0-d and empty shapes', () => {
    const scalar = gamma(new NdArray('float64', new Float64Array([5]), []));
    assert.deepEqual(scalar.shape, []);
    assert.equal(scalar.get(), 24);
    assert.deepEqual(gamma(new NdArray('float64', new Float64Array(0), [0, 3])).shape, [0, 3]);
  });

  it('rejects shapes that do not broadcast, and plain arrays, with a fix in the message', () => {
    assert.throws(() => gammainc(array([1, 2]), array([1, 2, 3])), ShapeError);
    assert.throws(() => gamma([1, 2] as unknown as number), (e: unknown) => e instanceof ValueError && /wrap plain arrays with array\(\.\.\.\)/.test((e as Error).message));
  });
});
