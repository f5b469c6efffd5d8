import { test } from 'node:test';
import assert from 'node:assert/strict';
import { random } from '../../../tensor/index.js';
import { GradientBoostingClassifier } from './gradient-boosting-classifier.js';
import { GradientBoostingRegressor } from './gradient-boosting-regressor.js';
import { MIN_CELLS_FOR_THREADS, createBackend, setThreadCellsMinimum, threadsReady } from './parallel.js';

const rng = random.defaultRng(5);
const rows = 3000;
const cols = 13;
const X: number[][] = [];
const y: number[] = [];
for (let i = 0; i < rows; i++) {
  const row = Array.from({ length: cols }, () => rng.standardNormal() as number);
  if (i % 7 === 0) row[i % cols] = NaN;
  X.push(row);
  y.push((row[0]! || 0) - (row[1]! || 0) * (row[2]! || 0) + 0.5 * (rng.standardNormal() as number));
}

test('worker threads load in Node and a threaded fit gives the identical model', async () => {
  assert.equal(await threadsReady(), true);
  setThreadCellsMinimum(0);
  try {
    const backend = createBackend(2, rows, 16);
    assert.equal(backend.threads, 2, 'the threaded backend is used');
    backend.close();
    const p = { nEstimators: 15, maxDepth: 5, subsample: 0.8, colsampleByTree: 0.8, randomState: 2 };
    const one = new GradientBoostingRegressor({ ...p, nThreads: 1 }).fit(X, y);
    for (const t of [2, 3]) {
      const many = new GradientBoostingRegressor({ ...p, nThreads: t }).fit(X, y);
      assert.deepEqual(many.toJSON().state, one.toJSON().state, `${t} threads`);
    }
    const labels = y.map((v) => (v > 0.5 ? 'hi' : v > -0.5 ? 'mid' : 'lo'));
    const c1 = new GradientBoostingClassifier({ nEstimators: 5, growPolicy: 'lossguide', maxLeaves: 12, nThreads: 1 }).fit(X, labels);
    const c2 = new GradientBoostingClassifier({ nEstimators: 5, growPolicy: 'lossguide', maxLeaves: 12, nThreads: 2 }).fit(X, labels);
    assert.deepEqual(c2.toJSON().state, c1.toJSON().state);
  } finally {
    setThreadCellsMinimum(MIN_CELLS_FOR_THREADS);
  }
});

test('large nodes are partitioned by several threads and large batches predicted by several, with identical results', () => {
  const n = 20000;
  const big: number[][] = [];
  const target: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: 6 }, () => rng.standardNormal() as number);
    if (i % 5 === 0) row[1] = NaN;
    big.push(row);
    target.push(row[0]! - (row[1]! || 0.3) + 0.2 * (rng.standardNormal() as number));
  }
  setThreadCellsMinimum(0);
  try {
    const p = { nEstimators: 4, maxDepth: 4 };
    const one = new GradientBoostingRegressor({ ...p, nThreads: 1 }).fit(big, target);
    const two = new GradientBoostingRegressor({ ...p, nThreads: 2 }).fit(big, target);
    assert.deepEqual(two.toJSON().state, one.toJSON().state);
    // The threaded fit started the prediction workers; a large batch is split across them.
    assert.deepEqual(two.predict(big).toFloat64Array(), one.predict(big).toFloat64Array());
  } finally {
    setThreadCellsMinimum(MIN_CELLS_FOR_THREADS);
  }
});

test('small data stays on the calling thread', () => {
  const backend = createBackend(4, 100, 16);
  assert.equal(backend.threads, 1);
  backend.close();
});
