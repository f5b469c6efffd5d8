import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { DataFrame, ColumnNotFoundError, FrameError, ColumnTypeError } from '../index.js';
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
