import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { DataFrame, ColumnNotFoundError, ColumnTypeError, FrameError, join } from '../index.js';
import { assertFrameEqual, frameFromData } from '../testing.js';

const fx = loadFixture('frame_verbs');
const left = frameFromData(fx.inputs.left);
const right = frameFromData(fx.inputs.right);
const j = fx.join;

test('left and right joins match pandas row for row (duplicate keys, missing keys, unicode)', () => {
  assertFrameEqual(left.join(right, { on: 'k', how: 'left' }), j.left);
  assertFrameEqual(left.join(right, { on: 'k', how: 'right' }), j.right);
  assertFrameEqual(left.join(right, { on: ['k', 'k2'], how: 'left' }), j.left_2keys);
  assertFrameEqual(left.join(right, { on: ['k', 'k2'], how: 'right' }), j.right_2keys);
});

test('inner and outer joins hold the same rows as pandas; outer = left join + unmatched right rows', () => {
  assertFrameEqual(left.join(right, { on: 'k' }), j.inner, { ignoreRowOrder: true });
  assertFrameEqual(left.join(right, { on: ['k', 'k2'] }), j.inner_2keys, { ignoreRowOrder: true });
  assertFrameEqual(left.join(right, { on: 'k', how: 'outer' }), j.outer, { ignoreRowOrder: true });
  assertFrameEqual(left.join(right, { on: ['k', 'k2'], how: 'outer' }), j.outer_2keys);
  // inner keeps left row order
  assert.deepEqual(left.join(right, { on: 'k' }).column('same_x').toArray(), ['l0', 'l1', 'l1', 'l2', 'l2', 'l3', 'l5', 'l6']);
});

test('semi, anti and suffixes match pandas', () => {
  assertFrameEqual(left.join(right, { on: 'k', how: 'semi' }), j.semi);
  assertFrameEqual(left.join(right, { on: 'k', how: 'anti' }), j.anti);
  assertFrameEqual(join(left, right, { on: 'k', suffixes: ['_l', '_r'] }), j.suffixes, { ignoreRowOrder: true });
});

test('leftOn/rightOn keep both key columns; numeric keys of different widths join', () => {
  const a = DataFrame.fromColumns({ id: [1, 2, 3], x: ['a', 'b', 'c'] });
  const b = DataFrame.fromColumns({ key: new Float64Array([3, 1, 9]), y: [true, false, true] });
  const r = a.join(b, { leftOn: 'id', rightOn: 'key', how: 'left' });
  assert.deepEqual(r.columnNames, ['id', 'x', 'key', 'y']);
  assert.deepEqual(r.column('y').toArray(), [false, null, true]);
});

test('join errors: missing key, clashing key types, bad how', () => {
  assert.throws(() => left.join(right, { on: 'kk' }), ColumnNotFoundError);
  const nums = DataFrame.fromColumns({ k: [1, 2] });
  assert.throws(() => left.join(nums, { on: 'k' }), (e: unknown) => e instanceof ColumnTypeError && /'k' \(string\) and 'k' \(int32\) hold different types/.test(e.message));
  assert.throws(() => left.join(right, { on: 'k', how: 'cross' as never }), FrameError);
  assert.throws(() => left.join(right, {}), /give `on`/);
});

test('a 1M x 100k join on an integer key runs in well under a second', () => {
  const n = 1_000_000;
  const lk = new Int32Array(n);
  for (let i = 0; i < n; i++) lk[i] = (i * 7919) % 100_000;
  const rk = Int32Array.from({ length: 100_000 }, (_, i) => i);
  const l = DataFrame.fromColumns({ k: lk, x: new Float64Array(n) });
  const r = DataFrame.fromColumns({ k: rk, y: new Float64Array(100_000).fill(1) });
  const t0 = performance.now();
  const out = l.join(r, { on: 'k' });
  const ms = performance.now() - t0;
  assert.equal(out.numRows, n);
  assert.equal(out.column('y').sum(), n);
  assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
});
