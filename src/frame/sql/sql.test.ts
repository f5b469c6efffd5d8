import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { Column, DataFrame } from '../index.js';
import { DataFileNotFoundError } from '../io/index.js';
import { SqlError, sql } from './index.js';

const fx = loadFixture('frame_io');

test('group-by over a frame matches pandas (missing values, empty-string and unicode keys)', async () => {
  const left = DataFrame.fromColumns(fx.groupby.left, { k: 'string' });
  const out = await sql(
    'select k, avg(x) as x_mean, coalesce(sum(x), 0) as x_sum, count(x) as x_count, sum(y) as y_sum from t group by k order by k',
    { t: left },
  );
  assert.deepEqual(out.column('k').toArray(), fx.groupby.keys);
  assertClose(out.column('x_mean').toFloat64(), fx.groupby.x_mean, { rtol: 1e-12 });
  assertClose(out.column('x_sum').toFloat64(), fx.groupby.x_sum, { rtol: 1e-12, atol: 1e-12 });
  assert.deepEqual(out.column('x_count').toArray(), fx.groupby.x_count);
  assert.deepEqual(out.column('y_sum').toArray(), fx.groupby.y_sum);
});

test('a join of two frames with duplicate keys matches pandas.merge', async () => {
  const left = DataFrame.fromColumns(fx.groupby.left, { k: 'string' });
  const right = DataFrame.fromColumns(fx.join.right);
  const out = await sql('select l.k, l.y, r.w from l join r using (k) order by k, y, w', { l: left, r: right });
  assert.equal(out.numRows, fx.join.rows);
  assert.deepEqual(out.column('k').toArray(), fx.join.k);
  assert.equal(out.column('w').sum(), fx.join.w_sum);
  assert.equal(out.column('y').sum(), fx.join.y_sum);
});

test('every column type survives a trip through SQL, row order is kept', async () => {
  const df = DataFrame.fromColumns({
    f: [1.5, null, -0],
    i: [1, null, 3],
    s: ['a', null, 'long string that is not inlined'],
    b: [true, null, false],
    t: [new Date(Date.UTC(2020, 1, 29, 1, 2, 3, 4)), null, new Date(0)],
  })
    .withColumn(Column.category('c', new Int32Array([1, -1, 0]), ['x', 'y']))
    .withColumn(Column.float32('g', new Float32Array([0.5, NaN, 2])))
    .withColumn(Column.int32('n', new Int32Array([7, 0, -7]), new Uint8Array([1, 0, 1])));
  const back = await sql('select * from df', { df });
  assert.deepEqual(back.dtypes, { f: 'float64', i: 'float64', s: 'string', b: 'bool', t: 'datetime', c: 'category', g: 'float32', n: 'int32' });
  assert.deepEqual(back.toRecords(), df.toRecords());
  const n = 50_000;
  const big = DataFrame.fromColumns({ v: Int32Array.from({ length: n }, (_, k) => n - k), s: Array.from({ length: n }, (_, k) => `s${k % 7}`) });
  const same = await sql('select v, s from big', { big });
  assert.deepEqual(same.column('v').toTypedArray(), big.column('v').toTypedArray());
  assert.deepEqual(same.column('s').toArray(), big.column('s').toArray());
});

test('files can be queried directly, and errors say what to do', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-sql-'));
  const path = join(dir, 'data.csv');
  writeFileSync(path, 'a,b\n1,x\n2,y\n3,x\n');
  const out = await sql(`select b, sum(a) as s from '${path}' group by b order by b`);
  assert.deepEqual(out.toRecords(), [{ b: 'x', s: 4 }, { b: 'y', s: 2 }]);
  const df = DataFrame.fromColumns({ a: [1] });
  await assert.rejects(sql('select * from missing_table', { t: df }), (err: unknown) => err instanceof SqlError && /no table 'missing_table' \(the frames passed are t\)/.test(err.message));
  await assert.rejects(sql(`select * from '${join(dir, 'nope.csv')}'`), (err: unknown) => err instanceof DataFileNotFoundError);
  await assert.rejects(sql('select nosuch from t', { t: df }), /column 'nosuch' not found/);
  await assert.rejects(sql('selec 1'), (err: unknown) => err instanceof SqlError && /syntax error/.test(err.message));
});
