import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NdArray } from '../../tensor/index.js';
import { DataError, Estimator, MaxAbsScaler, MinMaxScaler, Normalizer, ParamError, RobustScaler, StandardScaler } from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_core');
const X: number[][] = F.X;
const X2: number[][] = F.X2;

type Tf = { fit(X: number[][]): unknown; transform(X: number[][]): NdArray; inverseTransform?(X: NdArray): NdArray; featureNamesOut(): string[] };

function compare(make: () => Tf, ref: any, rtol = 1e-12, atol = 1e-12): void {
  const m = make();
  m.fit(X);
  assertClose(m.transform(X), ref.train, { rtol, atol }, 'train');
  const t = m.transform(X2);
  assertClose(t, ref.test, { rtol, atol }, 'test');
  if (ref.inverse) assertClose(m.inverseTransform!(t), ref.inverse, { rtol, atol }, 'inverse');
  assert.deepEqual(m.featureNamesOut(), ref.names);
}

test('StandardScaler matches scikit-learn (constant feature keeps scale 1)', () => {
  compare(() => new StandardScaler(), F.standard);
  compare(() => new StandardScaler({ withMean: false }), F.standard_nomean);
  const s = new StandardScaler().fit(X);
  assertClose(s.mean!, F.standard_mean, { rtol: 1e-13 });
  assertClose(s.scale!, F.standard_scale, { rtol: 1e-13 });
  assert.equal(s.scale![3], 1);
});

test('MinMaxScaler matches scikit-learn, with featureRange and clip', () => {
  compare(() => new MinMaxScaler({ featureRange: [-1, 2] }), F.minmax);
  compare(() => new MinMaxScaler({ clip: true }), F.minmax_clip);
  assert.throws(() => new MinMaxScaler({ featureRange: [1, 0] }).fit(X), (e: Error) => e instanceof ParamError && /featureRange/.test(e.message));
});

test('RobustScaler matches scikit-learn (NumPy linear quantiles, unit variance)', () => {
  compare(() => new RobustScaler(), F.robust);
  compare(() => new RobustScaler({ quantileRange: [10, 90], unitVariance: true }), F.robust_10_90_unit, 1e-10, 1e-12);
  assert.throws(() => new RobustScaler({ quantileRange: [80, 20] }).fit(X), /quantileRange/);
});

test('MaxAbsScaler matches scikit-learn', () => compare(() => new MaxAbsScaler(), F.maxabs));

test('Normalizer matches scikit-learn for l1, l2 and max, leaving zero rows alone', () => {
  for (const norm of ['l1', 'l2', 'max'] as const) {
    assertClose(new Normalizer({ norm }).fit(F.Xn).transform(F.Xn), F.normalizer[norm], { rtol: 1e-13, atol: 1e-15 }, norm);
  }
  assert.throws(() => new Normalizer({ norm: 'l3' as never }).fit(X), /norm must be/);
});

test('scalers reject NaN at fit with the row and column, and serialize exactly', () => {
  const holed = X.map((r) => r.slice());
  holed[4]![2] = NaN;
  assert.throws(() => new StandardScaler().fit(holed), (e: Error) => e instanceof DataError && /row 4, column 'x2'/.test(e.message));
  const s = new RobustScaler({ unitVariance: true }).fit(X);
  const back = Estimator.fromJSON<RobustScaler>(JSON.parse(JSON.stringify(s)));
  assert.deepEqual(back.transform(X2).toArray(), s.transform(X2).toArray());
});

const small = { X: [[1, 2, 0], [3, -1, 0], [0, 5, 0], [2, 2, 0], [-1, 0, 0]] };
checkEstimator(() => new StandardScaler(), small);
checkEstimator(() => new MinMaxScaler({ featureRange: [-1, 1] }), small);
checkEstimator(() => new RobustScaler(), small);
checkEstimator(() => new MaxAbsScaler(), small);
checkEstimator(() => new Normalizer({ norm: 'l1' }), small);
