import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../../test/helpers/fixtures.js';
import { assertClose } from '../../../../test/helpers/assert.js';
import { checkEstimator } from '../../../../test/helpers/check-estimator.js';
import {
  Estimator, GaussianNB, KNeighborsRegressor, LogisticRegression, ParamError, Ridge, VotingClassifier, VotingRegressor,
} from '../../index.js';

const f = loadFixture('automl_voting');

const soft = (): VotingClassifier => new VotingClassifier({ estimators: [['lr', new LogisticRegression({ C: 0.5 })], ['nb', new GaussianNB()]], weights: [1, 3] });

test('soft voting matches scikit-learn VotingClassifier probabilities and labels', () => {
  const m = soft().fit(f.X, f.y_cls);
  assert.deepEqual(m.classes, f.classes);
  assertClose(m.predictProba(f.X_new).toArray() as number[][], f.soft_proba, { rtol: 1e-4, atol: 1e-6 });
  assert.deepEqual(m.predict(f.X_new), f.soft_pred);
});

test('hard voting matches scikit-learn weighted votes', () => {
  const m = new VotingClassifier({ estimators: [['lr', new LogisticRegression({ C: 0.5 })], ['nb', new GaussianNB()]], weights: [2, 1], voting: 'hard' }).fit(f.X, f.y_cls);
  assert.deepEqual(m.predict(f.X_new), f.hard_pred);
});

test('VotingRegressor matches scikit-learn VotingRegressor', () => {
  const m = new VotingRegressor({ estimators: [['ridge', new Ridge({ alpha: 2 })], ['knn', new KNeighborsRegressor({ nNeighbors: 4 })]], weights: [1, 2] }).fit(f.X, f.y_reg);
  assertClose(Array.from(m.predict(f.X_new).toFloat64Array()), f.reg_pred, { rtol: 1e-8, atol: 1e-10 });
});

test('a fitted ensemble round-trips through JSON with its fitted members', () => {
  const m = soft().fit(f.X, f.y_cls);
  const back = Estimator.fromJSON<VotingClassifier>(JSON.parse(JSON.stringify(m.toJSON())));
  assert.deepEqual(back.predictProba(f.X_new).toArray(), m.predictProba(f.X_new).toArray());
  const r = new VotingRegressor({ estimators: [['ridge', new Ridge()]] }).fit(f.X, f.y_reg);
  const rBack = Estimator.fromJSON<VotingRegressor>(r.toJSON());
  assert.deepEqual(Array.from(rBack.predict(f.X_new).toFloat64Array()), Array.from(r.predict(f.X_new).toFloat64Array()));
});

test('bad members and weights are errors that say what to pass', () => {
  assert.throws(() => new VotingClassifier().fit(f.X, f.y_cls), /needs at least one member/);
  assert.throws(() => new VotingRegressor({ estimators: [['r', new Ridge()]], weights: [1, 2] }).fit(f.X, f.y_reg), ParamError);
  assert.throws(() => new VotingRegressor({ estimators: [['r', new Ridge()]], weights: [0] }).fit(f.X, f.y_reg), /not all zero/);
});

checkEstimator(soft, { X: f.X, y: f.y_cls });
checkEstimator(() => new VotingRegressor({ estimators: [['ridge', new Ridge()], ['knn', new KNeighborsRegressor()]] }), { X: f.X, y: f.y_reg });
