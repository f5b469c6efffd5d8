import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { BernoulliNB, DataError, GaussianNB, MultinomialNB, ParamError } from '../index.js';

const fx = loadFixture('learn_unsupervised');
const { iris, wineTrain, wineTest, digits } = fx.data;
const ref = fx.bayes;

test('GaussianNB matches scikit-learn on iris: means, variances, prior, probabilities', () => {
  const m = new GaussianNB().fit(iris.X, iris.y);
  const r = ref.gaussian;
  assertClose(m.theta, r.theta, { rtol: 1e-13 });
  assertClose(m.variance, r.var, { rtol: 1e-12 });
  assertClose(m.classPrior, r.prior, { rtol: 1e-15 });
  assertClose([m.epsilon], [r.epsilon], { rtol: 1e-12 });
  assertClose(m.predictProba(iris.X), r.proba, { atol: 1e-10 });
  assertClose(m.predictLogProba(iris.X), r.logProba, { rtol: 1e-9, atol: 1e-9 });
  assert.deepEqual(m.classes, [0, 1, 2]);
});

test('GaussianNB with priors and varSmoothing matches scikit-learn', () => {
  const m = new GaussianNB({ priors: [0.2, 0.3, 0.5], varSmoothing: 1e-3 }).fit(wineTrain.X, wineTrain.y);
  assertClose(m.variance, ref.gaussianPriors.var, { rtol: 1e-12 });
  assertClose(m.predictProba(wineTest.X), ref.gaussianPriors.proba, { atol: 1e-10 });
});

test('GaussianNB.partialFit in three batches matches scikit-learn', () => {
  const r = ref.gaussianPartial;
  const order: number[] = r.order;
  const m = new GaussianNB();
  const sizes = [50, 50, 50];
  let at = 0;
  for (const size of sizes) {
    const rows = order.slice(at, at + size);
    at += size;
    m.partialFit(rows.map((i) => iris.X[i]), rows.map((i) => iris.y[i]), [0, 1, 2]);
  }
  assertClose(m.theta, r.theta, { rtol: 1e-12 });
  assertClose(m.variance, r.var, { rtol: 1e-10 });
  assertClose(m.predictProba(iris.X), r.proba, { atol: 1e-10 });
});

const discrete = {
  multinomial: () => new MultinomialNB(),
  multinomialAlpha: () => new MultinomialNB({ alpha: 0.5, fitPrior: false }),
  multinomialPrior: () => new MultinomialNB({ classPrior: Array(10).fill(0.1) }),
  bernoulli: () => new BernoulliNB({ binarize: 4 }),
  bernoulliAlpha: () => new BernoulliNB({ alpha: 0.3, binarize: 8, fitPrior: false }),
};
for (const [name, make] of Object.entries(discrete)) {
  test(`${name} matches scikit-learn on digits to 1e-10`, () => {
    const m = make().fit(digits.X.slice(0, 200), digits.y.slice(0, 200));
    const r = ref[name];
    const test = digits.X.slice(200);
    assertClose(m.featureLogProbabilities, r.featureLogProb, { rtol: 1e-13 });
    assertClose(m.classLogPrior, r.classLogPrior, { rtol: 1e-13 });
    assertClose(m.predictProba(test), r.proba, { atol: 1e-10 });
    assertClose(m.predictLogProba(test), r.logProba, { rtol: 1e-10, atol: 1e-10 });
    assert.deepEqual(m.predict(test), r.predict);
  });
}

test('MultinomialNB.partialFit over batches equals one fit', () => {
  const X = digits.X.slice(0, 200);
  const y = digits.y.slice(0, 200);
  const once = new MultinomialNB().fit(X, y);
  const online = new MultinomialNB().partialFit(X.slice(0, 70), y.slice(0, 70), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).partialFit(X.slice(70), y.slice(70));
  assertClose(online.predictProba(digits.X.slice(200)), once.predictProba(digits.X.slice(200)), { rtol: 1e-12 });
});

test('naive Bayes keeps string labels', () => {
  const m = new BernoulliNB({ binarize: null }).fit([[1, 0], [0, 1], [1, 1]], ['spam', 'ham', 'spam']);
  assert.deepEqual(m.classes, ['ham', 'spam']);
  assert.equal(m.predict([[1, 0]])[0], 'spam');
});

test('bad naive Bayes input gives clear errors', () => {
  assert.throws(() => new MultinomialNB().fit([[1, 2], [3, -1]], [0, 1]), (e: Error) => e instanceof DataError && /negative value \(-1\) at row 1, column 'x1'/.test(e.message));
  assert.throws(() => new MultinomialNB({ alpha: -1 }).fit([[1, 2], [3, 1]], [0, 1]), ParamError);
  assert.throws(() => new GaussianNB({ priors: [0.5, 0.6] }).fit([[1], [2]], [0, 1]), /priors must sum to 1/);
  assert.throws(() => new GaussianNB({ priors: [1] }).fit([[1], [2]], [0, 1]), /one prior per class/);
  assert.throws(() => new GaussianNB().partialFit([[1], [2]], [0, 1]), /first partialFit call needs classes/);
  assert.throws(() => new GaussianNB().partialFit([[1], [2]], [0, 3], [0, 1]), /y\[1\] = 3 is not one of the classes/);
});

const small = { X: digits.X.slice(0, 60).map((r: number[]) => r.slice(10, 20)), y: digits.y.slice(0, 60) };
checkEstimator(() => new GaussianNB(), small);
checkEstimator(() => new MultinomialNB({ alpha: 0.5 }), small);
checkEstimator(() => new BernoulliNB({ binarize: 3 }), small);
