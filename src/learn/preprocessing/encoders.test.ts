import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, Estimator, LabelEncoder, OneHotEncoder, OrdinalEncoder, ParamError } from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_core');
const C: unknown[][] = F.cats;
const Cn: unknown[][] = F.cats_new;
const Cu: unknown[][] = F.cats_unknown;
const E = F.onehot;

test('OneHotEncoder matches scikit-learn on string and number columns', () => {
  const cases: [string, ConstructorParameters<typeof OneHotEncoder>[0]][] = [
    ['default', {}],
    ['drop_first', { drop: 'first' }],
    ['if_binary', { drop: 'if_binary' }],
    ['min_freq2', { minFrequency: 2, handleUnknown: 'infrequent_if_exist' }],
    ['max_cat2', { maxCategories: 2 }],
  ];
  for (const [name, params] of cases) {
    const enc = new OneHotEncoder(params).fit(C as never);
    assert.deepEqual(enc.transform(C as never).toArray(), E[name].train, `${name} train`);
    assert.deepEqual(enc.transform(Cn as never).toArray(), E[name].test, `${name} test`);
    assert.deepEqual(enc.featureNamesOut(), E[name].names, `${name} names`);
    const inv = enc.inverseTransform(enc.transform(Cn as never)).map((r) => r.map((v) => (v === 'infrequent_sklearn' ? 'infrequent_sklearn' : v)));
    assert.deepEqual(inv, E[name].inverse, `${name} inverse`);
  }
  const infreq = new OneHotEncoder({ minFrequency: 2, handleUnknown: 'infrequent_if_exist' }).fit(C as never);
  assert.deepEqual(infreq.transform(Cu as never).toArray(), E.min_freq2.unknown);
  assert.deepEqual(infreq.infrequentCategories, [['green'], [3], ['L', 'XL']]);
});

test('OneHotEncoder: handleUnknown ignore gives zeros, given categories keep their order, NaN is a category', () => {
  const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(C as never);
  assert.deepEqual(enc.transform(Cu as never).toArray(), E.ignore_unknown.test);
  assert.deepEqual(enc.inverseTransform(enc.transform(Cu as never)), E.ignore_unknown.inverse);
  const given = new OneHotEncoder({ categories: [['red', 'green', 'blue'], [1, 2, 3], ['S', 'M', 'L', 'XL']] }).fit(C as never);
  assert.deepEqual(given.transform(Cn as never).toArray(), E.given.test);
  assert.deepEqual(given.featureNamesOut(), E.given.names);
  const nan = new OneHotEncoder().fit(F.onehot_nan.X);
  assert.deepEqual(nan.transform(F.onehot_nan.X).toArray(), F.onehot_nan.train);
  // JS has one number type, so integral categories print as '1', where NumPy floats print '1.0'.
  assert.deepEqual(nan.featureNamesOut(), F.onehot_nan.names.map((n: string) => n.replace('.0', '')));
});

test('OneHotEncoder: an unknown category names the column and the value', () => {
  const enc = new OneHotEncoder().fit([{ city: 'Paris', n: 1 }, { city: 'Rome', n: 2 }]);
  assert.throws(
    () => enc.transform([{ city: 'Paris', n: 1 }, { city: 'Lyon', n: 2 }]),
    (e: Error) => e instanceof DataError && /"Lyon"/.test(e.message) && /column 'city'/.test(e.message) && /row 1/.test(e.message) && /handleUnknown/.test(e.message),
  );
  assert.deepEqual(enc.featureNamesOut(), ['city_Paris', 'city_Rome', 'n_1', 'n_2']);
  assert.throws(() => new OneHotEncoder().fit([['a'], [1]]), /mixes text and numbers/);
  assert.throws(() => new OneHotEncoder({ handleUnknown: 'bogus' as never }).fit(C as never), ParamError);
  assert.throws(() => enc.transform([{ n: 1 }]), /column 'city' seen in fit is missing/);
});

test('OrdinalEncoder matches scikit-learn; use_encoded_value and missing values', () => {
  const o = new OrdinalEncoder().fit(C as never);
  assert.deepEqual(o.transform(C as never).toArray(), F.ordinal.train);
  assert.deepEqual(o.transform(Cn as never).toArray(), F.ordinal.test);
  const o2 = new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 }).fit(C as never);
  assert.deepEqual(o2.transform(Cu as never).toArray(), F.ordinal.unknown);
  assertClose(new OrdinalEncoder().fit(F.onehot_nan.X).transform(F.onehot_nan.X), F.ordinal.nan);
  assert.deepEqual(o.inverseTransform(o.transform(Cn as never)), Cn);
  assert.throws(() => o.transform(Cu as never), (e: Error) => e instanceof DataError && /"purple"/.test(e.message) && /column 'x0'/.test(e.message));
  assert.throws(() => new OrdinalEncoder({ handleUnknown: 'use_encoded_value' }).fit(C as never), /unknownValue/);
  assert.throws(() => new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: 1 }).fit(C as never), /already the code/);
});

test('LabelEncoder maps labels to sorted codes and back, and round-trips JSON', () => {
  const le = new LabelEncoder().fit(['b', 'a', 'c', 'a']);
  assert.deepEqual([...le.transform(['c', 'a'])], [2, 0]);
  assert.deepEqual(le.inverseTransform([1, 2]), ['b', 'c']);
  assert.throws(() => le.transform(['z']), (e: Error) => e instanceof DataError && /"z"/.test(e.message));
  assert.throws(() => le.inverseTransform([3]), /between 0 and 2/);
  const back = Estimator.fromJSON<LabelEncoder>(JSON.parse(JSON.stringify(le)));
  assert.deepEqual(back.classes, ['a', 'b', 'c']);
  assert.deepEqual([...new LabelEncoder().fitTransform([3, 1, 3])], [1, 0, 1]);
});

test('encoders round-trip through JSON with string categories', () => {
  const enc = new OneHotEncoder({ drop: 'if_binary', minFrequency: 2 }).fit(C as never);
  const back = Estimator.fromJSON<OneHotEncoder>(JSON.parse(JSON.stringify(enc)));
  assert.deepEqual(back.transform(Cn as never).toArray(), enc.transform(Cn as never).toArray());
  assert.deepEqual(back.featureNamesOut(), enc.featureNamesOut());
});

const cat = { X: [[1, 0], [2, 1], [1, 1], [3, 0], [2, 0]], allowsNaN: true };
checkEstimator(() => new OneHotEncoder(), cat);
checkEstimator(() => new OneHotEncoder({ drop: 'first', handleUnknown: 'ignore' }), cat);
checkEstimator(() => new OrdinalEncoder(), cat);
