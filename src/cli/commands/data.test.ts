import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as capture } from '../../../test/helpers/cli.js';


const dir = mkdtempSync(join(tmpdir(), 'strata-cli-data-'));
const csv = join(dir, 'iris.csv');
writeFileSync(csv, 'sepal,species,day\n5.1,setosa,2024-01-01\n4.9,setosa,\n7.0,versicolor,2024-03-05\n,virginica,2024-02-02\n');

test('data describe --json gives rows and per-column statistics (std with ddof 1, like pandas)', async () => {
  const { code, stdout, stderr } = await capture(['data', 'describe', csv, '--json']);
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout);
  assert.equal(r.rows, 4);
  const [sepal, species, day] = r.columns;
  assert.deepEqual(Object.keys(sepal).sort(), ['count', 'kind', 'max', 'mean', 'min', 'name', 'nulls', 'std', 'type', 'unique'].sort());
  assert.equal(sepal.type, 'float64');
  assert.equal(sepal.count, 3);
  assert.equal(sepal.nulls, 1);
  assert.equal(sepal.unique, 3);
  assert.ok(Math.abs(sepal.mean - 17 / 3) < 1e-12);
  assert.ok(Math.abs(sepal.std - 1.1590225767142472) < 1e-12); // pandas: df.sepal.std()
  assert.equal(sepal.min, 4.9);
  assert.equal(sepal.max, 7);
  assert.deepEqual([species.type, species.count, species.unique, species.mean, species.min, species.max], ['string', 4, 3, null, 'setosa', 'virginica']);
  assert.deepEqual([day.type, day.nulls, day.min, day.max], ['date', 1, '2024-01-01', '2024-03-05']);
});

test('data describe prints an aligned table; --format overrides the extension', async () => {
  const txt = join(dir, 'data.txt');
  writeFileSync(txt, 'a\tb\n1\tx\n2\ty\n');
  const { code, stdout } = await capture(['data', 'describe', txt, '--format', 'tsv']);
  assert.equal(code, 0);
  assert.match(stdout, /2 rows × 2 columns/);
  assert.match(stdout, /^column +type +kind +count/m);
  assert.match(stdout, /^a +int32 +\S+ +2 +0 +2 /m);
});

test('data head -n N returns the first rows; --json has rows', async () => {
  const { code, stdout } = await capture(['data', 'head', csv, '-n', '2', '--json']);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), {
    rows: [
      { sepal: 5.1, species: 'setosa', day: '2024-01-01T00:00:00.000Z' },
      { sepal: 4.9, species: 'setosa', day: null },
    ],
  });
  const table = await capture(['data', 'head', csv]);
  assert.equal(table.stdout.trim().split('\n').length, 6);
  assert.match(table.stdout, /^sepal +species +day/);
});

test('sql over files prints rows; --json has rows', async () => {
  const q = `select species, count(*) as n from '${csv}' group by species order by n desc, species`;
  const { code, stdout } = await capture(['sql', q, '--json']);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout).rows, [
    { species: 'setosa', n: 2 },
    { species: 'versicolor', n: 1 },
    { species: 'virginica', n: 1 },
  ]);
  const human = await capture(['sql', q]);
  assert.match(human.stdout, /^species +n\n-+ +-+\nsetosa +2\n/);
  assert.match(human.stdout, /\(3 rows\)/);
});

test('errors: one sentence on stderr, exit 1 at run time and 2 for usage', async () => {
  const missing = await capture(['data', 'describe', join(dir, 'nope.csv')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^strata: File '.*nope\.csv' not found/);
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'a,b\n' + Array.from({ length: 30 }, (_, i) => `${i},${i}`).join('\n') + '\n3,4,5\n');
  const parse = await capture(['data', 'head', bad]);
  assert.equal(parse.code, 1);
  assert.match(parse.stderr, /bad\.csv line 32, column 3: expected 2 fields but found 3/);
  const ext = await capture(['data', 'describe', join(dir, 'x.xlsx')]);
  assert.equal(ext.code, 1);
  assert.match(ext.stderr, /supported extensions are \.csv/);
  const sqlErr = await capture(['sql', 'select * from nowhere']);
  assert.equal(sqlErr.code, 1);
  assert.match(sqlErr.stderr, /no table 'nowhere'/);
  assert.equal((await capture(['data', 'head', csv, '-n', 'many'])).code, 2);
  assert.equal((await capture(['data', 'describe', csv, '--format', 'xlsx'])).code, 2);
  assert.equal((await capture(['data', 'describe'])).code, 2);
  assert.equal((await capture(['sql', ' '])).code, 2);
});
