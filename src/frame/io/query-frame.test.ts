import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queryFrame } from './query.js';

/** What the query below gives for row i, by its own definition. */
function expected(i: number): string | null {
  if (i % 7 === 0) return null;
  if (i % 3 === 0) return 'dup';
  if (i % 3 === 1) return `long value number ${i % 2500} é`;
  return i % 2 ? 'abcdefghijkl' : 'abcdefghijklm'; // 12 bytes (stored inline by DuckDB) and 13 (not)
}

const QUERY = `select i, case when i % 7 = 0 then null when i % 3 = 0 then 'dup'
  when i % 3 = 1 then 'long value number ' || (i % 2500) || ' é'
  when i % 2 = 1 then 'abcdefghijkl' else 'abcdefghijklm' end as s
  from range(6000) t(i) order by i`;

test('queryFrame builds string columns across chunks: nulls, repeats, inline and long values, thousands of distinct values', async () => {
  const df = await queryFrame(QUERY);
  assert.equal(df.numRows, 6000);
  assert.equal(df.column('s').dtype, 'string');
  const got = df.column('s').toArray();
  for (let i = 0; i < 6000; i++) if (got[i] !== expected(i)) assert.fail(`row ${i}: ${String(got[i])} vs ${String(expected(i))}`);
  assert.equal(df.column('s').nullCount, Math.ceil(6000 / 7));
  assert.deepEqual(df.column('i').toArray().slice(0, 3), [0, 1, 2]);
});

test('queryFrame turns the listed texts into missing values, whatever their length', async () => {
  const df = await queryFrame(QUERY, undefined, { nullText: new Set(['dup', 'abcdefghijklm', 'long value number 4 é']) });
  const got = df.column('s').toArray();
  for (let i = 0; i < 6000; i++) {
    const e = expected(i);
    const want = e === 'dup' || e === 'abcdefghijklm' || e === 'long value number 4 é' ? null : e;
    if (got[i] !== want) assert.fail(`row ${i}: ${String(got[i])} vs ${String(want)}`);
  }
});

test('queryFrame keeps empty strings and an empty result', async () => {
  const df = await queryFrame("select * from (values (''), (null), ('x'), ('')) t(s)");
  assert.deepEqual(df.column('s').toArray(), ['', null, 'x', '']);
  const none = await queryFrame("select 'a' as s, 1.5 as x where false");
  assert.deepEqual(none.shape, [0, 2]);
  assert.deepEqual(none.dtypes, { s: 'string', x: 'float64' });
});

test('queryFrame reads mostly-distinct strings (collected as bytes past the first rows), ASCII or not', async () => {
  for (const accent of [' é', '']) {
    const df = await queryFrame(
      `select case when i % 11 = 0 then null when i % 13 = 0 then 'NA' else 'id ' || i || (case when i % 2 = 0 then '${accent}' else '' end) end as s
       from range(20000) t(i) order by i`,
      undefined,
      { nullText: new Set(['NA']) },
    );
    const got = df.column('s').toArray();
    for (let i = 0; i < 20000; i++) {
      const want = i % 11 === 0 || i % 13 === 0 ? null : `id ${i}${i % 2 === 0 ? accent : ''}`;
      if (got[i] !== want) assert.fail(`accent '${accent}', row ${i}: ${String(got[i])} vs ${String(want)}`);
    }
  }
});
