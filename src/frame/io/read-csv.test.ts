import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { ColumnNotFoundError } from '../errors.js';
import { CsvParseError, DataFileNotFoundError, UnsupportedFormatError, readCsv, readFile } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-read-csv-'));
let counter = 0;
function file(text: string | Buffer, ext = '.csv'): string {
  const path = join(dir, `f${counter++}${ext}`);
  writeFileSync(path, text);
  return path;
}

interface CsvCase {
  name: string;
  text: string;
  strata: Record<string, unknown>;
  columns: string[];
  kinds: string[];
  values: Record<string, unknown[]>;
}
interface LateWordsCase {
  late_number: boolean;
  rows: number;
  kinds: Record<string, string>;
  x_null_rows: number[];
  x_sum: number;
  label_null_rows: number[];
  label_counts: Record<string, number>;
}
const fixture = loadFixture<{ csv: CsvCase[]; late_words: LateWordsCase[] }>('frame_io');

const kindOf = (dtype: string): string =>
  dtype === 'int32' ? 'int' : dtype === 'float64' || dtype === 'float32' ? 'float' : dtype === 'bool' ? 'bool' : dtype === 'datetime' || dtype === 'date' ? 'datetime' : 'string';

for (const c of fixture.csv) {
  test(`readCsv matches pandas.read_csv: ${c.name}`, async () => {
    const df = await readCsv(file(c.text), c.strata);
    assert.deepEqual(df.columnNames, c.columns);
    c.columns.forEach((name, i) => {
      const got = df.column(name).toArray();
      const want = c.values[name]!;
      // pandas keeps a boolean column with a gap as object; the values are the same.
      const wantKind = c.kinds[i] === 'string' && want.every((v) => v === null || typeof v === 'boolean') ? 'bool' : c.kinds[i];
      const kind = kindOf(df.column(name).dtype);
      assert.ok(kind === wantKind || (wantKind === 'int' && kind === 'float' && want.some((v) => Math.abs(v as number) > 2 ** 31)), `${name}: ${kind} vs ${wantKind}`);
      assert.deepEqual(got, want, name);
    });
  });
}

/** The text bench/reference/frame_io.py builds: missing-value words only past DuckDB's 20,480-row sample. */
function lateWordsCsv(lateNumber: boolean): string {
  const labels = ['alpha', 'beta', 'a much longer label é'];
  const special: Record<number, string> = { 21000: '', 22000: 'n/a', 23000: '"NA"', 24500: 'null' };
  const lines = ['i,x,label'];
  for (let i = 0; i < 25000; i++) {
    const x = lateNumber && i === 24000 ? 'NA' : `${i % 97}.25`;
    lines.push(`${i},${x},${special[i] ?? labels[i % 3]}`);
  }
  return lines.join('\n') + '\n';
}

for (const c of fixture.late_words) {
  test(`missing-value words past the type-detection sample match pandas (${c.late_number ? 'in a number column' : 'in a text column'})`, async () => {
    const df = await readCsv(file(lateWordsCsv(c.late_number)));
    assert.equal(df.numRows, c.rows);
    assert.deepEqual(Object.fromEntries(Object.entries(df.dtypes).map(([k, d]) => [k, kindOf(d)])), c.kinds);
    const x = df.column('x');
    const label = df.column('label');
    const nullRows = (col: typeof x): number[] => [...col.validMask().keys()].filter((i) => col.isNull(i));
    assert.deepEqual(nullRows(x), c.x_null_rows);
    assert.equal(x.sum(), c.x_sum);
    assert.deepEqual(nullRows(label), c.label_null_rows);
    const counts: Record<string, number> = {};
    for (const v of label.toArray()) if (v !== null) counts[v as string] = (counts[v as string] ?? 0) + 1;
    assert.deepEqual(counts, c.label_counts);
  });
}

test('readCsv reads dates, selected columns, nRows, schema and category overrides', async () => {
  const path = file('day,kind,amount\n2024-01-31,buy,10\n2024-02-01,sell,-2.5\n2024-02-02,buy,\n');
  const df = await readCsv(path);
  assert.equal(df.column('day').dtype, 'date');
  assert.deepEqual(df.column('day').toArray(), [new Date(Date.UTC(2024, 0, 31)), new Date(Date.UTC(2024, 1, 1)), new Date(Date.UTC(2024, 1, 2))]);
  const some = await readCsv(path, { columns: ['amount', 'kind'], nRows: 2, dtypes: { kind: 'category' } });
  assert.deepEqual(some.columnNames, ['amount', 'kind']);
  assert.equal(some.numRows, 2);
  assert.equal(some.column('kind').dtype, 'category');
  assert.deepEqual(some.column('kind').toArray(), ['buy', 'sell']);
  const typed = await readCsv(path, { schema: { day: 'string', kind: 'string', amount: 'float32' } });
  assert.deepEqual(typed.dtypes, { day: 'string', kind: 'string', amount: 'float32' });
  assert.equal(typed.column('day').get(0), '2024-01-31');
});

test('yes/no values stay strings, true/false become booleans, 0/1 stay integers (as pandas reads them)', async () => {
  const df = await readCsv(file('answer,flag,bit\nyes,true,1\nno,False,0\nyes,,1\n'));
  assert.equal(df.column('answer').dtype, 'string');
  assert.deepEqual(df.column('answer').toArray(), ['yes', 'no', 'yes']);
  assert.equal(df.column('flag').dtype, 'bool');
  assert.deepEqual(df.column('flag').toArray(), [true, false, null]);
  assert.equal(df.column('bit').dtype, 'int32');
});

test('readCsv honours an explicit delimiter, quote and latin-1 encoding', async () => {
  const pipe = await readCsv(file("a|b\n'x|y'|2\n"), { delimiter: '|', quote: "'" });
  assert.deepEqual(pipe.toRecords(), [{ a: 'x|y', b: 2 }]);
  const latin = await readCsv(file(Buffer.from([0x6e, 0x2c, 0x77, 0x0a, 0x31, 0x2c, 0x63, 0x61, 0x66, 0xe9, 0x0a])), { encoding: 'latin-1' });
  assert.deepEqual(latin.toRecords(), [{ n: 1, w: 'café' }]);
});

test('a row with too many fields is reported with its line and column', async () => {
  const path = file('a,b,c\n1,2,x\n3,4,y\n5,6,z,9\n7,8,w\n');
  await assert.rejects(readCsv(path), (err: unknown) => {
    assert.ok(err instanceof CsvParseError);
    assert.equal(err.line, 4);
    assert.equal(err.column, 4);
    assert.match(err.message, /line 4, column 4: expected 3 fields but found 4 \("5,6,z,9"\)/);
    assert.ok(err.message.includes(path));
    return true;
  });
});

test('a row with too few fields in a large file is reported with its line', async () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `${i},${i * 0.5},k${i % 7}`);
  rows.splice(2500, 0, '1,2');
  const path = file(`a,b,c\n${rows.join('\n')}\n`);
  await assert.rejects(readCsv(path), (err: unknown) => err instanceof CsvParseError && err.line === 2502 && err.column === 3);
});

test('a value that does not fit the requested type names the line, column and value', async () => {
  const path = file('id,qty\n1,2\n2,three\n');
  await assert.rejects(readCsv(path, { dtypes: { qty: 'int32' } }), (err: unknown) => {
    assert.ok(err instanceof CsvParseError);
    assert.equal(err.line, 3);
    assert.equal(err.column, 'qty');
    assert.match(err.message, /column 'qty': cannot read "three" as INTEGER.*dtypes: \{ 'qty': 'string' \}/);
    return true;
  });
});

test('bytes that are not UTF-8 say which encoding to pass', async () => {
  const path = file(Buffer.from([0x61, 0x0a, 0xe9, 0x0a]));
  await assert.rejects(readCsv(path), /not valid UTF-8\. Pass encoding: 'latin-1'/);
});

test('missing files, unknown extensions and unknown columns are clear errors', async () => {
  await assert.rejects(readCsv(join(dir, 'nope.csv')), (err: unknown) => err instanceof DataFileNotFoundError && /nope\.csv' not found/.test(err.message));
  await assert.rejects(readFile(file('a\n1\n', '.xlsx')), (err: unknown) => err instanceof UnsupportedFormatError && /\.csv, \.tsv.*\.parquet.*\.arrow/.test(err.message));
  const path = file('price,qty\n1,2\n');
  await assert.rejects(readCsv(path, { columns: ['prise'] }), (err: unknown) => err instanceof ColumnNotFoundError && /did you mean 'price'/.test(err.message));
  await assert.rejects(readCsv(path, { dtypes: { qtty: 'float64' } }), (err: unknown) => err instanceof ColumnNotFoundError && /Columns: price, qty/.test(err.message));
  await assert.rejects(readCsv(path, { dtypes: { qty: 'no such type!' } }), /Unknown type 'no such type!' for column 'qty'/);
});

test("nullValues: [''] keeps the missing-value words as text, whichever reader runs", async () => {
  const plain = await readCsv(file('k,s\n1,NA\n2,\n3,null\n'), { nullValues: [''] });
  assert.deepEqual(plain.column('s').toArray(), ['NA', null, 'null']);
  const quoted = await readCsv(file('k,s\n1,"NA"\n2,\n3,null\n'), { nullValues: [''] });
  assert.deepEqual(quoted.column('s').toArray(), ['NA', null, 'null']);
  const defaults = await readCsv(file('k,s\n1,"NA"\n2,\n3,null\n'));
  assert.deepEqual(defaults.column('s').toArray(), [null, null, null]);
});
