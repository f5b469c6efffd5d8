/**
 * The branch-free prediction walks (four rows together; leftover rows four trees at a time)
 * against the plain walk `leafOf` does, bit for bit: every batch size around the multiples of
 * four, rows with NaN, tree counts that are not multiples of four, several outputs, and a
 * categorical forest (which always takes the plain walk); batches of 64 rows or more take the
 * WebAssembly walk (float32 or float64 rows, one or more threads).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { random } from '../../../tensor/index.js';
import { boost } from './boosting.js';
import { makeLoss } from './losses.js';
import { boostingDefaults } from './params.js';
import { leafOf, predictMargins } from './predictor.js';
import { GradientBoostingClassifier } from './gradient-boosting-classifier.js';
import { threadsReady } from './parallel.js';
import { THREADED_PREDICT_MIN_ROWS } from './wasm-predict.js';

const rows = 160;
const cols = 5;
const rng = random.defaultRng(11);
const X = rng.standardNormal([rows * cols]).toFloat64Array() as Float64Array;
for (let i = 3; i < X.length; i += 17) X[i] = NaN;
const v = (r: number, j: number) => (Number.isNaN(X[r * cols + j]!) ? 0 : X[r * cols + j]!);
const yReg = Float64Array.from({ length: rows }, (_, r) => 2 * v(r, 0) - v(r, 1) * v(r, 2) + Math.abs(v(r, 3)) + 0.1 * rng.standardNormal());
const yCls = Float64Array.from({ length: rows }, (_, r) => (v(r, 0) + v(r, 4) > 0.5 ? 2 : v(r, 1) > 0 ? 1 : 0));
const matrix = { data: X, rows, cols, featureNames: ['a', 'b', 'c', 'd', 'e'] };

/** Margins by the plain walk: base margin, then each tree's leaf in tree order. */
function plainMargins(state: ReturnType<typeof boost>, x: Float64Array, n: number): Float64Array {
  const f = state.forest;
  const K = f.outputs;
  const out = new Float64Array(n * K);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < K; k++) out[r * K + k] = state.baseMargin[k]!;
    for (let t = 0; t < f.roots.length; t++) out[r * K + (t % K)] += f.value[leafOf(f, state.categories, x, r * cols, f.roots[t]!)]!;
  }
  return out;
}

function checkAllBatchSizes(state: ReturnType<typeof boost>, what: string): void {
  const f = state.forest;
  const K = f.outputs;
  const all = plainMargins(state, X, rows);
  assert.deepEqual(predictMargins(f, state.categories, X, rows, cols, state.baseMargin), all, `${what}: all rows`);
  for (let n = 1; n <= 9; n++) {
    for (const start of [0, 1, 50]) {
      const x = X.subarray(start * cols, (start + n) * cols);
      const got = predictMargins(f, state.categories, x, n, cols, state.baseMargin);
      assert.deepEqual(got, all.subarray(start * K, (start + n) * K), `${what}: ${n} rows from row ${start}`);
    }
  }
}

test('numeric forests: the branch-free walks give the plain walk bit for bit, NaN rows and odd tree counts included', () => {
  for (const nEstimators of [1, 6, 13]) {
    const state = boost({
      X: matrix, y: yReg, w: null, loss: makeLoss('squared'), metric: 'rmse', huberDelta: 1,
      params: { ...boostingDefaults(), nEstimators, maxDepth: 5, learningRate: 0.3 }, who: 'test', strata: null,
    });
    assert.equal(state.forest.roots.length, nEstimators);
    assert.equal(state.forest.catBits.length, 0);
    checkAllBatchSizes(state, `${nEstimators} trees`);
  }
});

test('multiclass forests (tree t adds to output t mod K) match the plain walk for every batch size', () => {
  const state = boost({
    X: matrix, y: yCls, w: null, loss: makeLoss('softmax', { classes: 3 }), metric: 'mlogloss', huberDelta: 1,
    params: { ...boostingDefaults(), nEstimators: 5, maxDepth: 4, learningRate: 0.5 }, who: 'test', strata: Int32Array.from(yCls),
  });
  assert.equal(state.forest.outputs, 3);
  assert.equal(state.forest.roots.length, 15);
  checkAllBatchSizes(state, 'softmax');
});

test('a categorical forest takes the plain walk, unseen categories and NaN included', () => {
  const Xc = X.slice();
  for (let r = 0; r < rows; r++) Xc[r * cols + 4] = r % 7 === 3 ? NaN : r % 4;
  const y = Float64Array.from({ length: rows }, (_, r) => (Xc[r * cols + 4] === 2 ? 3 : 0) + v(r, 0));
  const state = boost({
    X: { ...matrix, data: Xc }, y, w: null, loss: makeLoss('squared'), metric: 'rmse', huberDelta: 1,
    params: { ...boostingDefaults(), nEstimators: 6, maxDepth: 3, learningRate: 0.5, categoricalFeatures: [4] }, who: 'test', strata: null,
  });
  assert.ok(state.forest.catBits.length > 0, 'the forest splits on the categorical feature');
  const unseen = Xc.slice(0, 3 * cols);
  unseen[4] = 9;
  assert.deepEqual(predictMargins(state.forest, state.categories, unseen, 3, cols, state.baseMargin), plainMargins(state, unseen, 3));
  assert.deepEqual(predictMargins(state.forest, state.categories, Xc, rows, cols, state.baseMargin), plainMargins(state, Xc, rows));
});

test('predictWithProba is predict and predictProba from one pass, for string and numeric labels', () => {
  const Xrows = Array.from({ length: rows }, (_, r) => Array.from(X.subarray(r * cols, (r + 1) * cols)));
  const labelSets: [string, (c: number) => string | number][] = [
    ['strings', (c) => ['lo', 'mid', 'hi'][c]!],
    ['numbers', (c) => [10, 20, 30][c]!],
  ];
  for (const [name, label] of labelSets) {
    for (const binary of [true, false]) {
      const y = Array.from(yCls, (c) => label(binary ? Math.min(c, 1) : c));
      const m = new GradientBoostingClassifier({ nEstimators: 7, maxDepth: 3 }).fit(Xrows, y);
      for (const n of [1, 3, 4, 5, rows]) {
        const Xn = Xrows.slice(0, n);
        const both = m.predictWithProba(Xn);
        assert.deepEqual(both.labels, m.predict(Xn), `${name}, binary ${binary}, ${n} rows: labels`);
        assert.deepEqual(both.proba.toFloat64Array(), m.predictProba(Xn).toFloat64Array(), `${name}, binary ${binary}, ${n} rows: probabilities`);
        assert.deepEqual(both.proba.shape, [n, binary ? 2 : 3]);
        assert.ok(both.labels.every((l) => typeof l === typeof label(0)), 'labels keep their type');
      }
    }
  }
});

test('large batches (WebAssembly, float32 rows, two threads) give the plain walk bit for bit', async () => {
  assert.equal(await threadsReady(), true);
  const state = boost({
    X: matrix, y: yCls, w: null, loss: makeLoss('softmax', { classes: 3 }), metric: 'mlogloss', huberDelta: 1,
    params: { ...boostingDefaults(), nEstimators: 7, maxDepth: 4, learningRate: 0.3 }, who: 'test', strata: null,
  });
  const n = THREADED_PREDICT_MIN_ROWS + 37;
  const x32 = new Float32Array(n * cols);
  for (let i = 0; i < x32.length; i++) x32[i] = X[i % X.length]! + (i % 7) * 0.01;
  const x64 = Float64Array.from(x32);
  const expected = plainMargins(state, x64, n);
  for (const threads of [1, 2]) {
    assert.deepEqual(predictMargins(state.forest, state.categories, x32, n, cols, state.baseMargin, undefined, threads), expected, `float32, ${threads} threads`);
    assert.deepEqual(predictMargins(state.forest, state.categories, x64, n, cols, state.baseMargin, undefined, threads), expected, `float64, ${threads} threads`);
  }
});
