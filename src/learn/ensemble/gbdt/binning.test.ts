import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, ParamError } from '../../base/errors.js';
import { MISSING_BIN, applyBins, fitBins, upperBound } from './binning.js';

const names = ['a', 'b'];

test('few distinct values: one bin each, cut = next distinct value (XGBoost hist convention)', () => {
  // column a: 0,1,2,3 repeated; column b constant
  const rows = 40;
  const data = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    data[2 * r] = r % 4;
    data[2 * r + 1] = 7;
  }
  const m = fitBins(data, rows, 2, 255, new Uint8Array(2), names, 0);
  assert.deepEqual([...m.cuts[0]!], [1, 2, 3]);
  assert.equal(m.nBins[0], 4);
  assert.deepEqual([...m.cuts[1]!], []);
  assert.equal(m.nBins[1], 1);
  const b = applyBins(m, Float64Array.of(0, 7, 2.5, NaN, 3, 7, -5, 1e9), 4);
  assert.deepEqual([...b], [0, 0, 2, MISSING_BIN, 3, 0, 0, 0]);
});

test('many distinct values: equal-count quantile bins whose edges are data values', () => {
  const rows = 10_000;
  const data = new Float64Array(rows);
  for (let r = 0; r < rows; r++) data[r] = (r * 7919) % rows; // a permutation of 0..9999
  const m = fitBins(data, rows, 1, 100, new Uint8Array(1), ['x'], 0);
  const cuts = m.cuts[0]!;
  assert.equal(cuts.length, 99);
  for (let j = 0; j < cuts.length; j++) assert.equal(cuts[j], (j + 1) * 100);
  const binned = applyBins(m, data, rows);
  const counts = new Array(100).fill(0);
  for (const v of binned) counts[v]++;
  assert.deepEqual(counts, new Array(100).fill(100));
});

test('applyBins equals #{cuts <= v} exactly, through the lookup grid, for skewed data', () => {
  const rows = 5000;
  const data = new Float64Array(rows);
  for (let r = 0; r < rows; r++) data[r] = Math.exp(((r * 37) % rows) / 250) - 1; // heavy right tail
  const m = fitBins(data, rows, 1, 255, new Uint8Array(1), ['x'], 0);
  const probe = new Float64Array(20_000);
  for (let i = 0; i < probe.length; i++) probe[i] = i % 3 === 0 ? m.cuts[0]![i % m.cuts[0]!.length]! : Math.exp((i % 5000) / 250) - 1.0000001;
  const binned = applyBins(m, probe, probe.length);
  for (let i = 0; i < probe.length; i++) assert.equal(binned[i], upperBound(m.cuts[0]!, probe[i]!), `value ${probe[i]}`);
});

test('rows are padded to the stride with zero bytes', () => {
  const m = fitBins(Float64Array.of(1, 2, 3, 4), 2, 2, 255, new Uint8Array(2), names, 0);
  const b = applyBins(m, Float64Array.of(1, 2, 3, 4), 2, 4);
  assert.deepEqual([...b], [0, 0, 0, 0, 1, 1, 0, 0]);
});

test('categorical features: one bin per category; unseen categories and NaN are missing', () => {
  const data = Float64Array.of(10, 0, 30, 0, 20, 0, 10, 0, NaN, 0);
  const m = fitBins(data, 5, 2, 255, Uint8Array.of(1, 0), names, 0);
  assert.deepEqual([...m.categories[0]!], [10, 20, 30]);
  const b = applyBins(m, Float64Array.of(30, 0, 99, 0, NaN, 0), 3);
  assert.deepEqual([b[0], b[2], b[4]], [2, MISSING_BIN, MISSING_BIN]);
});

test('a categorical feature with more categories than maxBins is a DataError naming it', () => {
  const rows = 300;
  const data = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) data[2 * r + 1] = r;
  assert.throws(
    () => fitBins(data, rows, 2, 255, Uint8Array.of(0, 1), names, 0),
    (e: Error) => e instanceof DataError && /'b' has 300 distinct values/.test(e.message) && /maxBins=255/.test(e.message),
  );
});

test('maxBins out of range is a ParamError', () => {
  assert.throws(() => fitBins(Float64Array.of(1), 1, 1, 256, new Uint8Array(1), ['x'], 0), ParamError);
  assert.throws(() => fitBins(Float64Array.of(1), 1, 1, 1, new Uint8Array(1), ['x'], 0), ParamError);
});

test('large data bins a seeded sample of 200,000 rows: deterministic for a seed', () => {
  const rows = 210_000;
  const data = new Float64Array(rows);
  for (let r = 0; r < rows; r++) data[r] = Math.sin(r * 12.9898) * 43758.5453 % 1;
  const a = fitBins(data, rows, 1, 255, new Uint8Array(1), ['x'], 3);
  const b = fitBins(data, rows, 1, 255, new Uint8Array(1), ['x'], 3);
  assert.deepEqual([...a.cuts[0]!], [...b.cuts[0]!]);
  assert.equal(a.cuts[0]!.length, 254);
  // Equal-count bins over all rows, within sampling error.
  const counts = new Array(255).fill(0);
  for (const v of applyBins(a, data, rows)) counts[v]++;
  for (const c of counts) assert.ok(Math.abs(c - rows / 255) < rows / 255 * 0.3, `bin count ${c}`);
});
