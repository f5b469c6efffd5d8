import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnNotFoundError } from '../errors.js';
import { CsvParseError, LazyFrame, readParquet, scanCsv, scanFile, scanParquet } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-lazy-'));
const csv = join(dir, 'rows.csv');
const N = 10_000;
writeFileSync(csv, 'i,g,v\n' + Array.from({ length: N }, (_, i) => `${i},g${i % 3},${(i * 0.25).toFixed(2)}`).join('\n') + '\n');

test('steps compose into one query and run only on collect', async () => {
  const lf = scanCsv(csv).filter('i % 2 = 0').select('i', 'v').mutate({ w: 'v * 4' }).orderBy('i', { descending: true }).limit(3);
  assert.match(lf.sql, /read_csv/);
  const df = await lf.collect();
  assert.deepEqual(df.toRecords(), [
    { i: 9998, v: 2499.5, w: 9998 },
    { i: 9996, v: 2499, w: 9996 },
    { i: 9994, v: 2498.5, w: 9994 },
  ]);
  assert.equal(await scanCsv(csv).filter("g = 'g1'").count(), 3333);
  const agg = await scanCsv(csv).groupBy(['g'], { n: 'count(*)', total: 'sum(i)' }).orderBy('g').collect();
  assert.deepEqual(agg.column('n').toArray(), [3334, 3333, 3333]);
  assert.deepEqual(agg.column('total').toArray(), [16668333, 16661667, 16665000]);
});

test('batches stream the rows in order, in batches of exactly the size asked for', async () => {
  const sizes: number[] = [];
  let expected = 0;
  for await (const batch of scanCsv(csv).select('i').batches(3000)) {
    sizes.push(batch.numRows);
    for (const v of batch.column('i').toArray()) assert.equal(v, expected++);
  }
  assert.deepEqual(sizes, [3000, 3000, 3000, 1000]);
  let seen = 0;
  for await (const batch of scanCsv(csv).batches(4096)) {
    seen += batch.numRows;
    break; // leaving early closes the stream
  }
  assert.equal(seen, 4096);
  const empty: number[] = [];
  for await (const batch of scanCsv(csv).filter('i < 0').batches(10)) empty.push(batch.numCols, batch.numRows);
  assert.deepEqual(empty, [3, 0]);
});

test('write converts file to file without a frame; schema reads no data', async () => {
  const out = join(dir, 'rows.parquet');
  await scanCsv(csv).filter('i < 100').write(out);
  const back = await readParquet(out);
  assert.equal(back.numRows, 100);
  assert.deepEqual(await scanParquet(out).schema(), [
    { name: 'i', type: 'BIGINT' },
    { name: 'g', type: 'VARCHAR' },
    { name: 'v', type: 'DOUBLE' },
  ]);
  assert.equal(await scanFile(out).filter('v > 10').count(), 59);
  assert.deepEqual((await LazyFrame.fromSql('select 1 as a;').collect()).toRecords(), [{ a: 1 }]);
});

test('lazy errors: unknown columns list the available ones; bad rows keep their line', async () => {
  await assert.rejects(scanCsv(csv).select('vv').collect(), (err: unknown) => err instanceof ColumnNotFoundError && /did you mean 'v'\? Columns: i, g, v/.test(err.message));
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'a,b\n' + Array.from({ length: 5000 }, (_, i) => `${i},${i}`).join('\n') + '\n1,2,3\n');
  let rows = 0;
  await assert.rejects(
    (async () => {
      for await (const b of scanCsv(bad, { delimiter: ',' }).batches(1000)) rows += b.numRows;
    })(),
    (err: unknown) => err instanceof CsvParseError && err.line === 5002,
  );
  assert.ok(rows <= 5000);
});
