import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, Estimator, SimpleImputer } from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_core');

test('SimpleImputer matches scikit-learn for every strategy, with indicators', () => {
  for (const strategy of ['mean', 'median', 'most_frequent', 'constant'] as const) {
    const imp = new SimpleImputer({ strategy, addIndicator: true }).fit(F.Xm);
    assertClose(imp.transform(F.Xm), F.imputer[strategy].train, { rtol: 1e-13 }, strategy);
    assertClose(imp.statistics as number[], F.imputer[strategy].statistics, { rtol: 1e-13 }, strategy);
    assert.deepEqual(imp.featureNamesOut(), F.imputer[strategy].names);
  }
});

test('SimpleImputer fills text columns (null or NaN missing) and keeps text via transformTable', () => {
  const imp = new SimpleImputer({ strategy: 'most_frequent' }).fit(F.imputer_str.X);
  const t = imp.transformTable(F.imputer_str.X);
  const rows = Array.from({ length: t.numRows }, (_, i) => t.columnNames.map((_, j) => t.values(j)[i]));
  assert.deepEqual(rows, F.imputer_str.train);
  const c = new SimpleImputer({ strategy: 'constant' }).fit(F.imputer_str.X).transformTable(F.imputer_str.X);
  assert.deepEqual(Array.from({ length: c.numRows }, (_, i) => [c.values(0)[i], c.values(1)[i]]), F.imputer_str_const);
  assert.throws(() => imp.transform(F.imputer_str.X), (e: Error) => e instanceof DataError && /column 'x0' holds text/.test(e.message));
  assert.throws(() => new SimpleImputer().fit(F.imputer_str.X), (e: Error) => e instanceof DataError && /column 'x0'/.test(e.message) && /most_frequent/.test(e.message));
});

test('SimpleImputer drops all-missing columns, honours a custom missing marker, round-trips JSON', () => {
  const imp = new SimpleImputer({ strategy: 'median' }).fit([[1, NaN], [3, NaN]]);
  assert.deepEqual(imp.transform([[NaN, 5]]).toArray(), [[2]]);
  assert.deepEqual(imp.featureNamesOut(), ['x0']);
  const q = new SimpleImputer({ strategy: 'most_frequent', missingValues: '?' }).fit([{ c: 'a' }, { c: '?' }, { c: 'a' }, { c: 'b' }]);
  assert.deepEqual(q.transformTable([{ c: '?' }]).values(0), ['a']);
  const back = Estimator.fromJSON<SimpleImputer>(JSON.parse(JSON.stringify(new SimpleImputer({ addIndicator: true }).fit(F.Xm))));
  assertClose(back.transform(F.Xm), F.imputer.mean.train, { rtol: 1e-13 });
});

checkEstimator(() => new SimpleImputer(), { X: [[1, 2], [NaN, 3], [7, NaN], [4, 4]], allowsNaN: true });
checkEstimator(() => new SimpleImputer({ strategy: 'most_frequent', addIndicator: true }), { X: [[1, 2], [NaN, 3], [7, NaN], [1, 4]], allowsNaN: true });
