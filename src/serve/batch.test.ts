import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchFromCsv, batchFromRecords, batchFromSplit, batchFromTensors } from './batch.js';
import { parseCsv } from './csv.js';
import { fieldsFromSignature } from './fields.js';
import { nestingDepth } from './json-body.js';
import { checkServedName } from './names.js';

const fields = fieldsFromSignature([
  { name: 'n', type: 'float64' },
  { name: 'c', type: 'string' },
  { name: 'b', type: 'bool' },
  { name: 'k', type: 'label' },
]);

test('signature types map to value kinds and v2 datatypes', () => {
  assert.deepEqual(fields.map((f) => [f.kind, f.datatype]), [['number', 'FP64'], ['string', 'BYTES'], ['boolean', 'BOOL'], ['label', 'BYTES']]);
});

test('records, split frames, CSV and tensors give the same columns', () => {
  const records = batchFromRecords([{ n: 1.5, c: 'a', b: true, k: 3 }, { n: null, c: null, b: false, k: 'x' }], fields, 'instances', 10);
  const split = batchFromSplit({ columns: ['k', 'b', 'c', 'n'], data: [[3, true, 'a', 1.5], ['x', false, null, null]] }, fields, 'dataframe_split', 10);
  const csv = batchFromCsv('c,n,b,k\r\n"a",1.5,true,3\n,,false,x\n', fields, 10);
  const tensors = batchFromTensors([
    { name: 'n', shape: [2], datatype: 'FP64', data: [1.5, null] },
    { name: 'c', shape: [2, 1], datatype: 'BYTES', data: [['a'], [null]] },
    { name: 'b', shape: [2], datatype: 'BOOL', data: [true, false] },
    { name: 'k', shape: [2], datatype: 'BYTES', data: ['3', 'x'] },
  ], fields, 10);
  const want = { n: [1.5, null], c: ['a', null], b: [true, false], k: [3, 'x'] };
  for (const b of [records, split, csv]) {
    assert.equal(b.rows, 2);
    assert.deepEqual({ ...b.columns }, want);
  }
  assert.deepEqual({ ...tensors.columns }, { ...want, k: ['3', 'x'] });
});

test('row limits and the messages that name the field', () => {
  assert.throws(() => batchFromRecords(Array(11).fill({ n: 1, c: 'a', b: true, k: 1 }), fields, 'instances', 10), /11 rows; send at most 10/);
  assert.throws(() => batchFromRecords([{ n: 1, c: 'a', b: 'yes', k: 1 }], fields, 'instances', 10), /instances\[0\]\.b must be true, false or null.*the string "yes"/);
  assert.throws(() => batchFromRecords([{ n: 1, c: 'a', b: true, k: { a: 1 } }], fields, 'instances', 10), /instances\[0\]\.k must be a string, number, boolean or null.*an object/);
  assert.throws(() => batchFromSplit({ columns: ['n', 'c', 'b'], data: [] }, fields, 'dataframe_split', 10), /columns lacks 'k'/);
  assert.throws(() => batchFromSplit({ columns: ['n', 'c', 'b', 'k'], data: [[1, 'a', true]] }, fields, 'dataframe_split', 10), /data\[0\] must be an array of 4 values/);
  assert.throws(() => batchFromCsv('n,c,b,k\n1,a,maybe,1\n', fields, 10), /csv row 1 column 'b' must be true, false/);
  assert.throws(() => batchFromCsv('n,c,b,k\n"1,a,true,1\n', fields, 10), /never closed/);
  assert.throws(() => batchFromRecords([{ n: JSON.parse('1e999'), c: 'a', b: true, k: 1 }], fields, 'instances', 10), /instances\[0\]\.n is Infinity.*finite number/);
  assert.throws(() => batchFromCsv('n,c,b,k\n1e999,a,true,1\n', fields, 10), /is Infinity/);
  assert.throws(() => batchFromTensors([{ name: 'n', shape: [1], datatype: 'FP64', data: [-1e999] }], fields, 10), /-Infinity/);
});

test('CSV quoting, nesting depth and served names', () => {
  assert.deepEqual(parseCsv('a,b\n"x,1","say ""hi"""\n'), [['a', 'b'], ['x,1', 'say "hi"']]);
  assert.equal(nestingDepth('{"a": "[[[[", "b": [[1]]}', 100), 3);
  assert.equal(nestingDepth('"\\"[[["', 100), 0);
  for (const bad of ['..', '../x', 'a/b', '.hidden', '', 'a'.repeat(201), 'x..y']) assert.throws(() => checkServedName(bad), /is not allowed/);
  assert.equal(checkServedName('churn-model.v2_1'), 'churn-model.v2_1');
});
