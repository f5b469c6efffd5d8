import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { FilterSyntaxError, columnName, parseColumns, parseFilter, parseSort } from './filter.js';
import { filterSql, orderSql } from './filter-sql.js';
import { downsampleSeries, lttbIndices } from './downsample.js';
import { debiasedSmoothing } from './smoothing.js';

test('the filter language parses AND/OR precedence, parentheses, IN, LIKE and NOT into an AST', () => {
  const ast = parseFilter("metrics.accuracy > 0.9 AND (params.model = 'ridge' OR tags.team IN ('a','b'))");
  assert.deepEqual(ast, {
    kind: 'and',
    left: { kind: 'compare', column: { kind: 'metric', key: 'accuracy' }, op: '>', value: 0.9 },
    right: {
      kind: 'or',
      left: { kind: 'compare', column: { kind: 'param', key: 'model' }, op: '=', value: 'ridge' },
      right: { kind: 'in', column: { kind: 'tag', key: 'team' }, values: ['a', 'b'], negated: false },
    },
  });
  // AND binds tighter than OR
  const p = parseFilter('metrics.a = 1 OR metrics.b = 2 AND metrics.c = 3')!;
  assert.equal(p.kind, 'or');
  assert.equal((p as { right: { kind: string } }).right.kind, 'and');
  assert.deepEqual(parseFilter("status != 'failed' and not params.x like 'a%' and metrics.train-loss <= -1.5e-3"), {
    kind: 'and',
    left: {
      kind: 'and',
      left: { kind: 'compare', column: { kind: 'attribute', key: 'status' }, op: '!=', value: 'failed' },
      right: { kind: 'not', expr: { kind: 'compare', column: { kind: 'param', key: 'x' }, op: 'LIKE', value: 'a%' } },
    },
    right: { kind: 'compare', column: { kind: 'metric', key: 'train-loss' }, op: '<=', value: -0.0015 },
  });
  assert.deepEqual(parseFilter('params."my key" NOT IN (1, 2)'), { kind: 'in', column: { kind: 'param', key: 'my key' }, values: [1, 2], negated: true });
  assert.deepEqual(parseFilter("tags.note = 'it''s'"), { kind: 'compare', column: { kind: 'tag', key: 'note' }, op: '=', value: "it's" });
  assert.equal(parseFilter('   '), null);
});

test('filter errors say what is wrong and point at the position', () => {
  const cases: [string, number, RegExp][] = [
    ['metrics.accuracy 0.9', 17, /expected an operator .* after metrics\.accuracy, found '0\.9'/],
    ["params.model = 'ridge", 15, /string starting here is not closed/],
    ['(metrics.a > 1', 0, /'\(' here is not closed/],
    ['metrics.a > 1)', 13, /no matching '\('/],
    ["metrics.acc > 'high'", 14, /holds numbers; compare it with a number/],
    ['foo.bar = 1', 0, /unknown prefix 'foo'/],
    ['accuracy > 1', 0, /'accuracy' is not a column; write params\.accuracy, metrics\.accuracy/],
    ["status = 'runing'", 9, /status is one of 'running', 'finished'/],
    ['metrics.a > 1 metrics.b > 2', 14, /expected AND or OR between conditions/],
    ['tags.t IN (1, ', 14, /expected a value/],
    ['metrics.a LIKE \'x%\'', 10, /holds numbers; LIKE matches text/],
    ['metrics.a > 1 AND', 17, /expected a column .* found the end of the filter/],
  ];
  for (const [src, pos, re] of cases) {
    assert.throws(() => parseFilter(src), (err: unknown) => {
      assert.ok(err instanceof FilterSyntaxError, `${src}: ${String(err)}`);
      assert.equal(err.position, pos, `${src}: position of ${err.message}`);
      assert.match(err.message, re);
      assert.ok(err.message.includes(`\n  ${src}\n  ${' '.repeat(pos)}^`), 'the message shows a caret under the problem');
      return true;
    });
  }
});

test('compiled SQL carries every value and key as a parameter (no injection)', () => {
  const evil = "x'; DROP TABLE runs; --";
  const { sql, args } = filterSql(parseFilter(`params.model = '${evil.replace(/'/g, "''")}' OR metrics."a b" >= 2`)!);
  assert.ok(!sql.includes('DROP'), sql);
  assert.deepEqual(args, ['model', evil, 'a b', 2]);
  assert.equal((sql.match(/\?/g) ?? []).length, args.length);
  const numParam = filterSql(parseFilter('params.alpha < 0.5')!);
  assert.match(numParam.sql, /^\(strata_num\(\(SELECT p\.value FROM params p WHERE p\.run_id = r\.id AND p\.key = \?\)\) < CAST\(\? AS DOUBLE PRECISION\)\)$/);
  const order = orderSql(parseSort('metrics.acc DESC, params.alpha'));
  assert.equal((order.sql.match(/\?/g) ?? []).length, order.args.length);
  assert.match(order.sql, /DESC/);
  assert.deepEqual(parseColumns('params.alpha, metrics.acc,tags.t').map(columnName), ['params.alpha', 'metrics.acc', 'tags.t']);
  assert.deepEqual(parseSort('start_time desc'), [{ column: { kind: 'attribute', key: 'start_time' }, descending: true }]);
});

test('LTTB keeps the same points as the reference implementation', () => {
  const fx = loadFixture<{ lttb: { x: number[]; y: number[]; threshold: number; indices: number[] }[] }>('track_query');
  for (const c of fx.lttb) assert.deepEqual(lttbIndices(c.x, c.y, c.threshold), c.indices);
  assert.throws(() => lttbIndices([1, 2, 3, 4], [1, 2, 3, 4], 2), /integer ≥ 3/);
});

test('downsampleSeries cuts a long series to the budget, keeps both ends and marks NaN points', () => {
  const series = Array.from({ length: 100_000 }, (_, i) => ({ key: 'loss', step: i, time: 1000 + i, value: i % 5000 === 17 ? NaN : Math.sin(i / 1000) }));
  const d = downsampleSeries(series, 1000);
  assert.equal(d.total, 100_000);
  assert.ok(d.downsampled);
  assert.ok(d.points.length <= 1000 && d.points.length >= 990, String(d.points.length));
  assert.equal(d.points[0]!.step, 0);
  assert.equal(d.points.at(-1)!.step, 99_999);
  assert.equal(d.points.filter((p) => Number.isNaN(p.value)).length, 20, 'all 20 NaN points are kept');
  assert.ok(d.points.every((p, i) => i === 0 || p.step > d.points[i - 1]!.step), 'sorted by step');
  // the peaks of the sine survive
  assert.ok(Math.max(...d.points.filter((p) => Number.isFinite(p.value)).map((p) => p.value)) > 0.9999);
  assert.deepEqual(downsampleSeries(series.slice(0, 10), 1000).points, series.slice(0, 10));
});

test('debiased smoothing matches pandas ewm(adjust=True), TensorBoard style', () => {
  const fx = loadFixture<{ smoothing: { weight: number; values: number[]; smoothed: number[] }[] }>('track_query');
  for (const c of fx.smoothing) assertClose(debiasedSmoothing(c.values, c.weight), c.smoothed, { rtol: 1e-12, atol: 1e-14 });
  const withNaN = debiasedSmoothing([1, NaN, 3], 0.5);
  assert.equal(withNaN[0], 1);
  assert.ok(Number.isNaN(withNaN[1]!));
  assertClose(withNaN[2]!, (0.5 * 0.5 * 1 + 0.5 * 3) / (1 - 0.25), { rtol: 1e-12 });
  assert.deepEqual(debiasedSmoothing([2, 2, 2], 0.9), [2, 2, 2]);
  assert.throws(() => debiasedSmoothing([1], 1), /\[0, 1\)/);
});
