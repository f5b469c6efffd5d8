import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { Column, DataFrame, ColumnNotFoundError, FrameError, ColumnTypeError } from '../index.js';
import { assertFrameEqual, frameFromData } from '../testing.js';

const fx = loadFixture('frame_verbs');
const sales = frameFromData(fx.inputs.sales);
const g = fx.groupby;

for (const fn of ['count', 'sum', 'mean', 'median', 'std', 'var', 'min', 'max', 'nunique', 'first', 'last'] as const) {
  test(`groupBy(city).agg(${fn}) matches pandas (nulls, unicode keys, an all-missing group)`, () => {
    assertFrameEqual(sales.groupBy('city').agg({ price: fn, qty: fn }), g[fn]);
  });
}

test('size, quantile, string min/max, two keys, dropNull false, integer keys match pandas', () => {
  assertFrameEqual(sales.groupBy('city').size(), g.size);
  assertFrameEqual(sales.groupBy('city').quantile(0.9).select('city', 'price', 'qty'), g.quantile90);
  assertFrameEqual(sales.dropNull({ subset: ['city'] }).groupBy('product').agg({ city: ['min', 'max'] }), g.min_str);
  assertFrameEqual(sales.groupBy(['city', 'product']).agg({ qty: 'sum', price: 'mean' }), g.two_keys);
  assertFrameEqual(sales.groupBy('city', { dropNull: false }).agg({ qty: 'sum' }), g.dropna_false);
  assertFrameEqual(sales.groupBy('qty').agg({ price: 'mean' }), g.by_int);
});

test('named aggregations, custom functions and unsorted groups', () => {
  const df = DataFrame.fromColumns({ k: ['b', 'a', 'b'], x: [1, 2, 5] });
  const r = df.groupBy('k', { sort: false }).agg({
    p: { column: 'x', agg: 'quantile', q: 1 },
    spread: { column: 'x', agg: (v) => Math.max(...(v as number[])) - Math.min(...(v as number[])) },
  });
  assert.deepEqual(r.toColumns(), { k: ['b', 'a'], p: [5, 2], spread: [4, 0] });
  assert.equal(r.column('p').dtype, 'float64');
  assert.equal(df.groupBy('k').agg({ x: 'sum' }).column('x').dtype, 'int32');
});

test('groupBy errors name the column and the fix', () => {
  assert.throws(() => sales.groupBy('citty'), (e: unknown) => e instanceof ColumnNotFoundError && /did you mean 'city'/.test(e.message));
  assert.throws(() => sales.groupBy('city').agg({ qty: 'avg' as never }), (e: unknown) => e instanceof FrameError && /unknown aggregation 'avg'/.test(e.message));
  assert.throws(() => sales.groupBy('product').agg({ city: 'mean' }), (e: unknown) => e instanceof ColumnTypeError && /column 'city'/.test(e.message));
});

test('group-by on a million rows stays on typed arrays (well under a second)', () => {
  const n = 1_000_000;
  const key = new Int32Array(n);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    key[i] = (i * 7919) % 1000;
    x[i] = i % 13;
  }
  const df = DataFrame.fromColumns({ key, x });
  const t0 = performance.now();
  const r = df.groupBy('key').agg({ x: ['mean', 'sum', 'count'] });
  const ms = performance.now() - t0;
  assert.equal(r.numRows, 1000);
  assert.equal(r.column('x_count').get(0), 1000);
  assert.ok(ms < 1500, `took ${ms.toFixed(0)} ms`);
});

test('integer keys (direct indexing) group exactly like the same keys as floats (hashing, then sorting)', () => {
  const n = 5000;
  const key = new Int32Array(n);
  const valid = new Uint8Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    key[i] = ((i * 7919) % 613) - 300 + (i % 3 === 0 ? 0 : 5); // negatives and gaps
    valid[i] = i % 17 === 0 ? 0 : 1;
    x[i] = Math.sin(i) * 1e3;
    y[i] = i % 11 === 0 ? NaN : Math.cos(i);
  }
  const asFloat = Float64Array.from(key, (k, i) => (valid[i] ? k : NaN));
  const spec = { x: ['mean', 'sum', 'count', 'std'], y: ['mean', 'sum', 'count', 'max'] } as const;
  for (const v of [null, valid]) {
    const ints = DataFrame.fromColumns({ k: Column.int32('k', key, v), x, y });
    const floats = DataFrame.fromColumns({ k: v === null ? Float64Array.from(key) : asFloat, x, y });
    const a = ints.groupBy('k').agg(spec);
    const b = floats.groupBy('k').agg(spec);
    assert.equal(a.column('k').dtype, 'int32');
    assert.deepEqual(a.column('k').toArray(), b.column('k').toArray());
    for (const c of a.columnNames.slice(1)) assert.deepEqual(a.column(c).toArray(), b.column(c).toArray(), c);
    assert.deepEqual(ints.groupBy('k').size().column('size').toArray(), floats.groupBy('k').size().column('size').toArray());
    assert.deepEqual(Array.from(ints.groupBy('k').keyRows), Array.from(floats.groupBy('k').keyRows));
    // Unsorted groups and dropNull: false take the general path and still agree.
    assert.deepEqual(ints.groupBy('k', { sort: false }).agg(spec).toColumns(), floats.groupBy('k', { sort: false }).agg(spec).cast({ k: 'int32' }).toColumns());
    assert.deepEqual(ints.groupBy('k', { dropNull: false }).agg({ x: 'sum' }).column('x').toArray(), floats.groupBy('k', { dropNull: false }).agg({ x: 'sum' }).column('x').toArray());
  }
});
