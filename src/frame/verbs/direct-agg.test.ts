import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFrame } from '../index.js';
import type { AggSpec } from './groupby.js';

/** The same aggregation through the general path (grouping codes computed first, so the direct path is skipped). */
function general(df: DataFrame, key: string, spec: AggSpec): DataFrame {
  const g = df.groupBy(key);
  assert.ok(g.codes.length === df.numRows);
  return g.agg(spec);
}

/** Bitwise equality of two frames (names, dtypes, values; NaN equals NaN). */
function assertSame(a: DataFrame, b: DataFrame): void {
  assert.deepEqual(a.columnNames, b.columnNames);
  assert.deepEqual(a.dtypes, b.dtypes);
  for (const name of a.columnNames) {
    const x = a.column(name).toArray();
    const y = b.column(name).toArray();
    assert.equal(x.length, y.length);
    x.forEach((v, i) => assert.ok(Object.is(v, y[i]) || (v !== v && y[i] !== y[i]), `${name}[${i}]: ${String(v)} vs ${String(y[i])}`));
  }
}

test('int-key count/size/sum/mean (direct path) equal the general path: gaps in the key range, negative keys, NaN, an all-NaN group', () => {
  const n = 5003; // odd size
  const k = new Int32Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    k[i] = ((i * 7919) % 61) * 3 - 40; // 61 keys spread over [-40, 140] with gaps
    x[i] = i % 13 === 0 ? NaN : Math.sin(i) * 1e3;
    y[i] = k[i] === 20 ? NaN : i / 7; // key 20: every y missing
  }
  const z = Float64Array.from(k, (v, i) => v * 0.5 + i); // no missing values: rows per key come from its counts
  const df = DataFrame.fromColumns({ k, x, y, z, s: Array.from({ length: n }, (_, i) => (i % 5 ? `v${i % 3}` : null)) });
  const spec: AggSpec = { x: ['mean', 'sum', 'count'], y: 'mean', n: { column: 'y', agg: 'count' }, size: { column: 's', agg: 'size' }, s: 'count' };
  const spec3: AggSpec = { ...spec, z: ['sum', 'count'] }; // three summed columns: a pair, then one alone
  const fast = df.groupBy('k').agg(spec);
  assertSame(fast, general(df, 'k', spec));
  assertSame(df.groupBy('k').agg(spec3), general(df, 'k', spec3));
  assert.equal(fast.numRows, 61);
  assert.deepEqual(fast.columnNames, ['k', 'x_mean', 'x_sum', 'x_count', 'y', 'n', 'size', 's']);
  const at20 = fast.column('k').toArray().indexOf(20);
  assert.ok(Number.isNaN(fast.column('y').toFloat64()[at20]!));
  assert.equal(fast.column('n').get(at20), 0);
  // A single row, and the shortcuts that go through agg.
  const one = DataFrame.fromColumns({ k: Int32Array.of(5), x: Float64Array.of(2.5) });
  assertSame(one.groupBy('k').agg({ x: ['sum', 'mean', 'count'] }), general(one, 'k', { x: ['sum', 'mean', 'count'] }));
  assertSame(df.select('k', 'x', 'y').groupBy('k').mean(), general(df.select('k', 'x', 'y'), 'k', { x: 'mean', y: 'mean' }));
});

test('direct path with sorted keys whose range the first rows do not show (the range guess is redone), and a count-only float column', () => {
  const n = 20011;
  const k = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 3) - 100);
  const x = Float64Array.from({ length: n }, (_, i) => (i % 11 === 0 ? NaN : i * 0.25));
  const df = DataFrame.fromColumns({ k, x, w: Float64Array.from(x, (v) => -v) });
  for (const spec of [{ x: 'sum' }, { x: 'count' }, { x: ['mean', 'count'], w: 'sum' }, { w: { column: 'x', agg: 'size' } }] as AggSpec[]) {
    const fast = df.groupBy('k').agg(spec);
    assertSame(fast, general(df, 'k', spec));
    assert.equal(fast.numRows, Math.ceil(n / 3));
    assert.equal(fast.column('k').get(fast.numRows - 1), Math.floor((n - 1) / 3) - 100);
  }
});

test('the direct path steps aside for keys with nulls, int sums, other aggregations, string keys and wide key ranges', () => {
  const df = DataFrame.fromColumns({ k: [3, null, 1, 3, 1], i: [1, 2, 3, 4, 5], x: [0.5, 1.5, 2.5, 3.5, 4.5], s: ['b', 'a', 'b', 'a', 'c'] });
  assert.deepEqual(df.groupBy('k').agg({ x: 'sum' }).toColumns(), { k: [1, 3], x: [7, 4] });
  assert.equal(df.groupBy('s').agg({ i: 'sum' }).column('i').dtype, 'int32');
  assert.deepEqual(df.groupBy('s').agg({ x: 'mean' }).toColumns(), { s: ['a', 'b', 'c'], x: [2.5, 1.5, 4.5] });
  const noNull = df.dropNull();
  assert.deepEqual(noNull.groupBy('k').agg({ i: 'sum', x: 'max' }).toColumns(), { k: [1, 3], i: [8, 5], x: [4.5, 3.5] });
  const wide = DataFrame.fromColumns({ k: Int32Array.of(-2000000000, 2000000000, -2000000000), x: Float64Array.of(1, 2, 3) });
  assert.deepEqual(wide.groupBy('k').agg({ x: 'sum' }).toColumns(), { k: [-2000000000, 2000000000], x: [4, 2] });
});
