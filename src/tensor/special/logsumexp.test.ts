/** logsumexp against SciPy (fixtures/special.json) and at its edges. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { array } from '../create.js';
import { NdArray } from '../ndarray.js';
import { IndexError, ValueError } from '../errors.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { logsumexp } from './index.js';

const ref = loadFixture('special').logsumexp;

describe('logsumexp', () => {
  it('reduces everything to a number', () => {
    assertClose(logsumexp(array(ref.matrix)), ref.matrix_all, { rtol: 1e-14 });
  });

  it('reduces along one axis, a negative axis with keepdims, and several axes', () => {
    const m = array(ref.matrix);
    assertClose(logsumexp(m, { axis: 0 }), ref.matrix_axis0, { rtol: 1e-14 });
    assertClose(logsumexp(m, { axis: 1 }), ref.matrix_axis1, { rtol: 1e-14 });
    const kept = logsumexp(m, { axis: -1, keepdims: true });
    assert.deepEqual(kept.shape, [4, 1]);
    assertClose(kept, ref.matrix_axis_neg1_keepdims, { rtol: 1e-14 });
    const cube = array(ref.cube);
    const r = logsumexp(cube, { axis: [0, 2] });
    assert.deepEqual(r.shape, [3]);
    assertClose(r, ref.cube_axis02, { rtol: 1e-14 });
    assertClose(logsumexp(cube, { axis: 1 }), ref.cube_axis1, { rtol: 1e-14 });
  });

  it('neither overflows nor underflows, and takes plain number lists', () => {
    assertClose(logsumexp(ref.big), ref.big_result, { rtol: 1e-15 });
    assertClose(logsumexp(ref.small), ref.small_result, { rtol: 1e-15 });
    assert.equal(logsumexp(ref.neg_inf), -Infinity);
    assert.equal(logsumexp([1, Infinity]), Infinity);
    assert.ok(Number.isNaN(logsumexp([1, NaN])));
    assert.equal(logsumexp([]), -Infinity);
  });

  it('keepdims with no axis keeps every axis as length 1', () => {
    const r = logsumexp(array([[0, 0], [0, 0]]), { keepdims: true });
    assert.ok(r instanceof NdArray);
    assert.deepEqual(r.shape, [1, 1]);
    assertClose(r, [[Math.log(4)]], { rtol: 1e-15 });
  });

  it('explains bad axes and list inputs with an axis', () => {
    assert.throws(() => logsumexp(array([1, 2]), { axis: 2 }), IndexError);
    assert.throws(() => logsumexp([1, 2] as number[], { axis: 0 } as never), (e: unknown) => e instanceof ValueError && /wrap the list with array/.test((e as Error).message));
  });
});
