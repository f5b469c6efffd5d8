import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataFrame } from '../index.js';
import { DataFileError, LazyFrame, readArrow, readFile, readJson, readParquet, writeArrow, writeCsv, writeFile, writeJson, writeNdjson, writeParquet } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-write-'));

function sample(): DataFrame {
  return DataFrame.fromColumns({
    id: [1, 2, 3, 4],
    x: [0.1, null, -2.5e-8, 1 / 3],
    name: ['a', null, 'Zoë, "q"', '日本'],
    ok: [true, false, null, true],
    day: [new Date(Date.UTC(2024, 0, 1)), null, new Date(Date.UTC(2024, 5, 30, 12, 30)), new Date(Date.UTC(1999, 11, 31))],
  }).withColumn(Column.category('kind', new Int32Array([0, 1, -1, 0]), ['buy', 'sell']));
}

for (const ext of ['csv', 'parquet', 'json', 'ndjson', 'arrow']) {
  test(`writeFile → readFile round trip keeps values and missing values (.${ext})`, async () => {
    const df = sample();
    const path = join(dir, `round.${ext}`);
    await writeFile(df, path);
    const back = await readFile(path);
    assert.deepEqual(back.columnNames, df.columnNames);
    for (const name of ['id', 'x', 'name', 'ok']) assert.deepEqual(back.column(name).toArray(), df.column(name).toArray(), name);
    assert.deepEqual(back.column('kind').toArray(), ['buy', 'sell', null, 'buy']);
    const days = back.column('day').toArray().map((d) => (d === null ? null : new Date(d as Date).getTime()));
    assert.deepEqual(days, df.column('day').toArray().map((d) => (d === null ? null : (d as Date).getTime())));
  });
}

test('the named writers pick their format regardless of extension', async () => {
  const df = sample();
  await writeCsv(df, join(dir, 'a.txt'), { delimiter: ';', nullValue: 'NA' });
  const text = readFileSync(join(dir, 'a.txt'), 'utf8');
  assert.match(text.split('\n')[0]!, /^id;x;name;ok;day;kind$/);
  assert.match(text.split('\n')[2]!, /^2;NA;NA;false;NA;sell$/);
  assert.equal(text.split('\n')[1]!.split(';')[1], '0.1');
  await writeParquet(df, join(dir, 'b.bin'));
  assert.equal(readFileSync(join(dir, 'b.bin')).subarray(0, 4).toString(), 'PAR1');
  await writeJson(df, join(dir, 'c.out'));
  assert.equal(JSON.parse(readFileSync(join(dir, 'c.out'), 'utf8')).length, 4);
  await writeNdjson(df, join(dir, 'd.out'));
  assert.equal(readFileSync(join(dir, 'd.out'), 'utf8').trim().split('\n').length, 4);
  await writeArrow(df, join(dir, 'e.out'), { arrowFormat: 'stream' });
  assert.deepEqual((await readArrow(join(dir, 'e.out'))).column('id').toArray(), [1, 2, 3, 4]);
});

test('CSV floats are written to round-trip exactly', async () => {
  const values = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i * 1.37) * 10 ** ((i % 21) - 10));
  const path = join(dir, 'floats.csv');
  await writeCsv(DataFrame.fromColumns({ v: values }), path);
  assert.deepEqual(Array.from((await readFile(path)).column('v').toTypedArray()), Array.from(values));
});

test('a failed write leaves neither the target nor a temporary file', async () => {
  const sub = mkdtempSync(join(dir, 'fail-'));
  await assert.rejects(writeFile(new DataFrame([], 3), join(sub, 'empty.parquet')), /no columns/);
  assert.deepEqual(readdirSync(sub), []);
  const target = join(sub, 'keep.csv');
  writeFileSync(target, 'old\n');
  await assert.rejects(writeFile(new DataFrame([], 3), target));
  assert.equal(readFileSync(target, 'utf8'), 'old\n');
  // A query that fails half-way through the COPY: the old file stays, no temporary is left.
  const failing = "select i, case when i < 50000 then i::VARCHAR else error('boom at ' || i) end as s from range(100000) t(i)";
  await assert.rejects(LazyFrame.fromSql(failing).write(target, { format: 'csv' }), /boom at/);
  assert.equal(readFileSync(target, 'utf8'), 'old\n');
  assert.deepEqual(readdirSync(sub), ['keep.csv']);
});

test('readJson reads arrays of records and NDJSON; bad files name the file', async () => {
  const arr = join(dir, 'arr.json');
  writeFileSync(arr, '[{"a": 1, "b": "x"}, {"a": 2.5, "b": null}]');
  assert.deepEqual((await readJson(arr)).toRecords(), [{ a: 1, b: 'x' }, { a: 2.5, b: null }]);
  const nd = join(dir, 'rows.jsonl');
  writeFileSync(nd, '{"a": 1}\n{"a": 2, "c": true}\n');
  assert.deepEqual((await readFile(nd)).toRecords(), [{ a: 1, c: null }, { a: 2, c: true }]);
  const bad = join(dir, 'bad.parquet');
  writeFileSync(bad, 'not parquet at all');
  await assert.rejects(readParquet(bad), (err: unknown) => err instanceof DataFileError && /bad\.parquet is not a readable Parquet file/.test(err.message));
  await assert.rejects(readArrow(bad), (err: unknown) => err instanceof DataFileError && /not a readable Arrow IPC file/.test(err.message));
});
