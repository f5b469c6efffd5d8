import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataFrame } from '../dataframe.js';
import { readPlainCsv, type PlainCsvPlan } from './plain-csv.js';
import { DEFAULT_NULL_VALUES, scanCsv } from './read-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-plain-csv-'));
let counter = 0;
function file(text: string | Buffer): string {
  const path = join(dir, `p${counter++}.csv`);
  writeFileSync(path, text);
  return path;
}

const WORDS = new Set(DEFAULT_NULL_VALUES.filter((w) => w !== ''));
function plan(columns: [string, 'BIGINT' | 'DOUBLE' | 'VARCHAR'][], skipLines = 1, delimiter = ','): PlainCsvPlan {
  return { delimiter, skipLines, columns: columns.map(([name, type]) => ({ name, type })), nullText: WORDS };
}

/** The plain reader's frame equals the DuckDB reader's (dtypes and every value, missing included). */
function assertSameAsDuckDb(plainFrame: DataFrame | undefined, duck: DataFrame): void {
  assert.ok(plainFrame, 'the plain reader gave up on a plain file');
  assert.deepEqual(plainFrame.dtypes, duck.dtypes);
  assert.equal(plainFrame.numRows, duck.numRows);
  for (const name of duck.columnNames) {
    const a = plainFrame.column(name).toArray();
    const b = duck.column(name).toArray();
    for (let i = 0; i < b.length; i++) {
      if (!Object.is(a[i], b[i])) assert.fail(`${name}[${i}]: ${String(a[i])} vs DuckDB ${String(b[i])}`);
    }
  }
}

test('plain reader gives what DuckDB gives: signs, fractions, exponents, long digit strings, missing words, unicode, CRLF, BOM, no final newline', async () => {
  const rows = [
    'id,x,label,big',
    '1,0.5,alpha,3000000000',
    '-2,.5,béta,-3000000000',
    '0,5.,NA,12',
    '-0,-0.25,,0',
    ',1e-3,a label longer than twelve bytes,1',
    'NA,2.5E+10,alpha,2',
    '7,12345678901234567,n/a,3',
    '8,NaN,naïve 日本,4',
    '9,,null,5',
    '10,-123456.789012345,alpha,6',
  ];
  const text = '\ufeff' + rows.join('\r\n');
  const path = file(text);
  const got = await readPlainCsv(path, plan([['id', 'BIGINT'], ['x', 'DOUBLE'], ['label', 'VARCHAR'], ['big', 'BIGINT']]));
  const duck = await scanCsv(path).collect();
  assertSameAsDuckDb(got, duck);
  assert.equal(duck.column('big').dtype, 'float64'); // past int32, as the DuckDB path reads it
  assert.equal(duck.column('id').dtype, 'int32');
  assert.deepEqual(got!.column('id').toArray().slice(3, 6), [0, null, null]);
  assert.equal(got!.column('x').nullCount, 2); // 'NaN' and the empty field
  assert.equal(got!.column('x').nullCount, duck.column('x').nullCount);
});

test('plain reader on many rows: the float block is contiguous and thousands of distinct labels read right', async () => {
  const lines = ['k,a,b,s,c'];
  for (let i = 0; i < 30000; i++) lines.push(`${i % 13},${i * 0.25},${i % 17 === 0 ? '' : -i - 0.5},${i % 3 === 0 ? 'label ' + i : 'k' + (i % 5)},${i / 8}`);
  const path = file(lines.join('\n') + '\n');
  const got = await readPlainCsv(path, plan([['k', 'BIGINT'], ['a', 'DOUBLE'], ['b', 'DOUBLE'], ['s', 'VARCHAR'], ['c', 'DOUBLE']]));
  assertSameAsDuckDb(got, await scanCsv(path).collect());
  const a = got!.column('a').toFloat64();
  const c = got!.column('c').toFloat64();
  assert.equal(c.buffer, a.buffer);
  assert.equal(c.byteOffset - a.byteOffset, 2 * 30000 * 8);
  const m = got!.toMatrix(['a', 'b', 'c'], { order: 'F' });
  assert.equal(m.data.buffer, a.buffer);
  assert.equal(m.get(29999, 2), 29999 / 8);
  // The reader counts the missing values it writes; the counts agree with a scan.
  for (const name of ['a', 'b', 'c']) {
    const col = got!.column(name);
    assert.equal(col.nullCount, col.toFloat64().filter((v) => Number.isNaN(v)).length, name);
  }
  assert.equal(got!.column('b').nullCount, Math.ceil(30000 / 17));
});

test('plain reader gives up on what only DuckDB reads: quotes, ragged rows, unknown words in numbers, bad UTF-8, one column', async () => {
  const two = plan([['a', 'BIGINT'], ['b', 'VARCHAR']]);
  assert.equal(await readPlainCsv(file('a,b\n1,x\n2,"y, z"\n'), two), undefined);
  assert.equal(await readPlainCsv(file('a,b\n1,x\n2,y,3\n'), two), undefined);
  assert.equal(await readPlainCsv(file('a,b\n1,x\n2\n'), two), undefined);
  assert.equal(await readPlainCsv(file('a,b\n1,x\nthree,y\n'), two), undefined);
  assert.equal(await readPlainCsv(file('a,b\n1,x\n+2,y\n'), two), undefined);
  assert.equal(await readPlainCsv(file('a,b\n1.5,x\n'), two), undefined);
  assert.equal(await readPlainCsv(file(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xe9, 0x0a])), two), undefined);
  assert.equal(await readPlainCsv(file('a\n1\n\n2\n'), plan([['a', 'BIGINT']])), undefined);
  assert.equal(await readPlainCsv(file('a,b\n1,2\n'), plan([['a', 'DOUBLE'], ['b', 'DOUBLE']], 1, '"')), undefined);
  // What it does read: an empty file body, and a tab-separated file.
  assert.deepEqual((await readPlainCsv(file('a,b\n'), two))!.shape, [0, 2]);
  assert.deepEqual((await readPlainCsv(file('a\tb\n1\tx\n'), plan([['a', 'BIGINT'], ['b', 'VARCHAR']], 1, '\t')))!.toRecords(), [{ a: 1, b: 'x' }]);
});
