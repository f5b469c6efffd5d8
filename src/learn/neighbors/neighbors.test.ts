import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { DataError, Estimator, KNeighborsClassifier, KNeighborsRegressor, ParamError } from '../index.js';
import type { MetricName } from './metric.js';

const fx = loadFixture('learn_unsupervised');
const { wineTrain, wineTest, blobs } = fx.data;
const ref = fx.neighbors;
const ALGORITHMS = ['kd_tree', 'ball_tree', 'brute'] as const;

/**
 * Same distances, and the same indices except within runs of equal distances (scikit-learn
 * orders ties by search order, Strata by index), where the sets must agree — unless the run
 * reaches the k-th neighbor, where which tied points get in is a free choice.
 */
function assertSameNeighbors(indices: number[][], distances: number[][], refIdx: number[][], refDist: number[][], label: string): void {
  assertClose(distances, refDist, { rtol: 1e-12 }, label);
  indices.forEach((row, i) => {
    const k = row.length;
    let start = 0;
    while (start < k) {
      let end = start + 1;
      while (end < k && refDist[i]![end] === refDist[i]![start]) end++;
      if (end < k) {
        assert.deepEqual([...row.slice(start, end)].sort((a, b) => a - b), [...refIdx[i]!.slice(start, end)].sort((a, b) => a - b), `${label} row ${i}`);
      }
      start = end;
    }
  });
}

for (const key of ['l2', 'l1', 'p3', 'chebyshev']) {
  for (const weights of ['uniform', 'distance'] as const) {
    const r = ref[`${key}-${weights}`];
    test(`KNeighborsClassifier ${key} ${weights} matches scikit-learn with every algorithm`, () => {
      for (const algorithm of ALGORITHMS) {
        const m = new KNeighborsClassifier({ ...r.params, metric: r.params.metric as MetricName, algorithm, leafSize: 5 }).fit(wineTrain.X, wineTrain.y);
        const { distances, indices } = m.kneighbors(wineTest.X);
        assertSameNeighbors(indices.toArray() as number[][], distances.toArray() as number[][], r.indices, r.distances, algorithm);
        if (key !== 'chebyshev') assert.deepEqual(indices.toArray(), r.indices, `${algorithm}: no ties expected`);
        assertClose(m.predictProba(wineTest.X), r.proba, { atol: 1e-12 }, algorithm);
        assert.deepEqual(m.predict(wineTest.X), r.predict);
      }
    });
  }
}

test('kneighbors() without X leaves each training point out, like scikit-learn', () => {
  const m = new KNeighborsClassifier({ nNeighbors: 4 }).fit(wineTrain.X, wineTrain.y);
  const { distances, indices } = m.kneighbors();
  assert.deepEqual(indices.toArray(), ref.self.indices);
  assertClose(distances, ref.self.distances, { rtol: 1e-12 });
});

for (const weights of ['uniform', 'distance'] as const) {
  test(`KNeighborsRegressor ${weights} matches scikit-learn`, () => {
    const X = blobs.X.slice(0, 300);
    const t = blobs.t.slice(0, 300);
    for (const algorithm of ALGORITHMS) {
      const m = new KNeighborsRegressor({ nNeighbors: 6, weights, algorithm }).fit(X, t);
      assertClose(m.predict(blobs.X.slice(300)), ref[`regressor-${weights}`].predict, { rtol: 1e-12 });
      assertClose([m.score(blobs.X.slice(300), blobs.t.slice(300))], [ref[`regressor-${weights}`].score], { rtol: 1e-12 });
    }
  });
}

test('ties in distance are ordered by training index, the same for every algorithm', () => {
  // A grid of integer points has many equal distances.
  const X: number[][] = [];
  for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) X.push([i, j]);
  const y = X.map((_, i) => i % 3);
  const Q = [[5, 5], [0, 0], [3.5, 7], [11, 6]];
  const results = ALGORITHMS.map((algorithm) =>
    new KNeighborsClassifier({ nNeighbors: 9, algorithm, leafSize: 3 }).fit(X, y).kneighbors(Q).indices.toArray());
  assert.deepEqual(results[0], results[2]);
  assert.deepEqual(results[1], results[2]);
  // The 4 points at distance 1 from (5,5) come after it, in index order.
  assert.deepEqual((results[0] as number[][])[0]!.slice(0, 5), [65, 53, 64, 66, 77]);
});

test('brute force over several GEMM blocks finds exactly the tree\'s neighbors, ties and large offsets included', () => {
  // Integer coordinates (many equal distances) far from the origin, where ‖q‖² + ‖t‖² − 2q·t
  // loses most of its digits: only the exact re-check keeps the order right.
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 5;
  const point = (): number[] => Array.from({ length: 17 }, () => 1e8 + next());
  const X = Array.from({ length: 2500 }, point);
  const Q = [...Array.from({ length: 290 }, point), X[3]!, X[2499]!];
  const y = X.map((_, i) => i % 2);
  const tree = new KNeighborsClassifier({ nNeighbors: 7, algorithm: 'kd_tree' }).fit(X, y).kneighbors(Q);
  for (const algorithm of ['brute', 'auto'] as const) {
    const got = new KNeighborsClassifier({ nNeighbors: 7, algorithm }).fit(X, y).kneighbors(Q);
    assert.deepEqual(got.indices.toArray(), tree.indices.toArray(), algorithm);
    assert.deepEqual(got.distances.toArray(), tree.distances.toArray(), algorithm);
  }
  assert.equal((tree.indices.toArray() as number[][])[290]![0], 3);
});

test('distance weighting gives exact matches all the weight', () => {
  const m = new KNeighborsRegressor({ nNeighbors: 3, weights: 'distance' }).fit([[0], [1], [2], [3]], [10, 20, 30, 40]);
  assert.deepEqual(m.predict([[1]]).toArray(), [20]);
  const c = new KNeighborsClassifier({ nNeighbors: 3, weights: 'distance' }).fit([[0], [1], [2]], ['a', 'b', 'b']);
  assert.deepEqual(c.predictProba([[0]]).toArray(), [[1, 0]]);
  assert.deepEqual(c.predict([[0]]), ['a']);
});

test('fitted neighbors survive toJSON/fromJSON and give the same neighbors', () => {
  const m = new KNeighborsClassifier({ nNeighbors: 3, algorithm: 'ball_tree' }).fit(wineTrain.X, wineTrain.y);
  const back = Estimator.fromJSON<KNeighborsClassifier>(JSON.parse(JSON.stringify(m.toJSON())));
  assert.deepEqual(back.kneighbors(wineTest.X).indices.toArray(), m.kneighbors(wineTest.X).indices.toArray());
});

test('bad neighbors input gives clear errors', () => {
  assert.throws(() => new KNeighborsClassifier({ nNeighbors: 10 }).fit([[0], [1], [2]], [0, 1, 0]), (e: Error) => e instanceof DataError && /nNeighbors=10 is larger than the 3 training samples/.test(e.message));
  assert.throws(() => new KNeighborsClassifier({ nNeighbors: 0 }).fit([[0], [1]], [0, 1]), ParamError);
  assert.throws(() => new KNeighborsClassifier({ algorithm: 'octree' as never }).fit([[0], [1]], [0, 1]), /algorithm must be/);
  assert.throws(() => new KNeighborsClassifier({ metric: 'cosine' as never }).fit([[0], [1]], [0, 1]), /unknown metric 'cosine'/);
  assert.throws(() => new KNeighborsClassifier({ p: 0.5 }).fit([[0], [1]], [0, 1]), /p must be >= 1/);
  const m = new KNeighborsRegressor({ nNeighbors: 2 }).fit([[0], [1], [2]], [0, 1, 2]);
  assert.throws(() => m.kneighbors([[0]], 4), /asked for 4 neighbors but only 3/);
  assert.throws(() => m.kneighbors(undefined, 3), /only 2 training samples are available \(excluding each point itself\)/);
});

const small = { X: wineTrain.X.slice(0, 40).map((r: number[]) => r.slice(0, 4)), y: wineTrain.y.slice(0, 40) };
checkEstimator(() => new KNeighborsClassifier({ nNeighbors: 3 }), small);
checkEstimator(() => new KNeighborsRegressor({ nNeighbors: 3, weights: 'distance', algorithm: 'ball_tree' }), small);
