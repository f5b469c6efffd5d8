import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Column } from './column.js';
import { sortedIntGroups } from './keys.js';

test('sortedIntGroups numbers groups in ascending key order, with gaps, negatives and missing keys', () => {
  const g = sortedIntGroups(Column.int32('k', Int32Array.of(7, -2, 7, 4, -2, 9, 4), Uint8Array.of(1, 1, 1, 0, 1, 1, 1)))!;
  assert.equal(g.count, 4);
  assert.deepEqual(Array.from(g.codes), [2, 0, 2, -1, 0, 3, 1]);
  assert.deepEqual(Array.from(g.first), [1, 6, 0, 5]);
  assert.deepEqual(Array.from(g.sizes), [2, 1, 2, 1]);
  // Every value of the range present: the offsets are the codes.
  const full = sortedIntGroups(Column.int32('k', Int32Array.of(3, 1, 2, 1)))!;
  assert.deepEqual(Array.from(full.codes), [2, 0, 1, 0]);
  assert.deepEqual(Array.from(full.first), [1, 2, 0]);
  const b = sortedIntGroups(Column.bool('b', Uint8Array.of(1, 0, 1)))!;
  assert.deepEqual(Array.from(b.codes), [1, 0, 1]);
});

test('sortedIntGroups declines floats, strings, all-missing keys and ranges far wider than the rows', () => {
  assert.equal(sortedIntGroups(Column.float64('x', Float64Array.of(1, 2))), null);
  assert.equal(sortedIntGroups(Column.from('s', ['a', 'b'])), null);
  assert.equal(sortedIntGroups(Column.int32('k', Int32Array.of(1, 2), Uint8Array.of(0, 0))), null);
  assert.equal(sortedIntGroups(Column.int32('k', Int32Array.of(0, 5_000_000))), null);
  assert.notEqual(sortedIntGroups(Column.int32('k', Int32Array.of(0, 60_000))), null);
});
