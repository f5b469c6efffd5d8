import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { AgglomerativeClustering, DataError, DBSCAN, KMeans, MiniBatchKMeans, ParamError } from '../index.js';

const fx = loadFixture('learn_unsupervised');
const data = fx.data;
const ref = fx.cluster;

/** Asserts the two labelings are the same partition (a bijection maps one onto the other). */
function assertSamePartition(actual: ArrayLike<number>, expected: ArrayLike<number>, message = ''): void {
  assert.equal(actual.length, expected.length);
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    if (!ab.has(a)) ab.set(a, b);
    if (!ba.has(b)) ba.set(b, a);
    assert.ok(ab.get(a) === b && ba.get(b) === a, `${message}: sample ${i} breaks the correspondence (${a} vs ${b})`);
  }
}

for (const algorithm of ['lloyd', 'elkan'] as const) {
  test(`KMeans (${algorithm}) from given centers matches scikit-learn exactly`, () => {
    const r = ref[`kmeans-${algorithm}`];
    const m = new KMeans({ nClusters: 4, init: r.init, algorithm }).fit(data.blobs.X);
    assert.deepEqual([...m.labels], r.labels);
    assertClose([m.inertia], [r.inertia], { rtol: 1e-8 });
    assertClose(m.clusterCenters, r.centers, { rtol: 1e-8, atol: 1e-10 });
    assert.equal(m.nIter, r.nIter);
    assertClose(m.transform(data.blobs.X.slice(0, 10)), r.transform, { rtol: 1e-8 });
    assert.deepEqual([...m.predict(data.blobs.X.slice(0, 20))], r.predict);
    assertClose([m.score(data.blobs.X)], [-r.inertia], { rtol: 1e-8 });
  });
  test(`KMeans (${algorithm}) on digits from given centers matches scikit-learn`, () => {
    const r = ref['kmeans-digits'];
    const m = new KMeans({ nClusters: 10, init: r.init, algorithm }).fit(data.digits.X);
    assert.deepEqual([...m.labels], r.labels);
    assertClose([m.inertia], [r.inertia], { rtol: 1e-8 });
    assertClose(m.clusterCenters, r.centers, { rtol: 1e-8, atol: 1e-10 });
  });
}

test('KMeans runs its initializations on worker threads with the same result as on one thread', () => {
  for (const init of ['k-means++', 'random'] as const) {
    for (const algorithm of ['lloyd', 'elkan'] as const) {
      const params = { nClusters: 6, nInit: 5, init, algorithm, randomState: 3 };
      const one = new KMeans(params).fit(data.digits.X);
      const two = new KMeans({ ...params, nJobs: 2 }).fit(data.digits.X);
      assert.deepEqual([...two.labels], [...one.labels], `${init} ${algorithm}`);
      assert.deepEqual(two.clusterCenters.toArray(), one.clusterCenters.toArray(), `${init} ${algorithm}`);
      assert.equal(two.inertia, one.inertia);
      assert.equal(two.nIter, one.nIter);
    }
  }
  assert.throws(() => new KMeans({ nJobs: 0 }).fit(data.digits.X), /nJobs must be an integer ≥ 1, or -1/);
});

for (const name of ['iris', 'digits', 'blobs']) {
  test(`KMeans with k-means++ reaches scikit-learn's best inertia within 1% on ${name}`, () => {
    const r = ref[`kmeanspp-${name}`];
    for (const algorithm of ['lloyd', 'elkan'] as const) {
      const m = new KMeans({ nClusters: r.k, algorithm, randomState: 1 }).fit(data[name].X);
      assert.ok(m.inertia <= r.inertia * 1.01, `${algorithm}: ${m.inertia} vs ${r.inertia}`);
    }
  });
  test(`MiniBatchKMeans inertia is within 5% of scikit-learn's median on ${name}`, () => {
    const r = ref[`minibatch-${name}`];
    const ratios = [0, 1, 2].map((s) => new MiniBatchKMeans({ nClusters: r.k, batchSize: 100, randomState: s }).fit(data[name].X).inertia / r.inertia);
    ratios.sort();
    assert.ok(ratios[1]! < 1.05, `median ratio ${ratios[1]}`);
  });
}

for (const name of ['noisy', 'noisyWide', 'iris', 'wine']) {
  test(`DBSCAN on ${name} gives scikit-learn's labels and core samples`, () => {
    const r = ref[`dbscan-${name}`];
    const Xs = name === 'wine' ? wineAll() : data[name === 'noisyWide' ? 'noisy' : name].X;
    for (const algorithm of ['kd_tree', 'ball_tree', 'brute'] as const) {
      const m = new DBSCAN({ eps: r.eps, minSamples: r.minSamples, algorithm }).fit(Xs);
      assert.deepEqual([...m.labels], r.labels, algorithm);
      assert.deepEqual([...m.coreSampleIndices], r.core, algorithm);
    }
  });
}

/** The standardized wine data in the script's permuted order: train rows then test rows. */
function wineAll(): number[][] {
  return [...data.wineTrain.X, ...data.wineTest.X];
}

test('DBSCAN.predict labels core samples with their cluster and far points as noise', () => {
  const r = ref['dbscan-noisy'];
  const m = new DBSCAN({ eps: r.eps, minSamples: r.minSamples }).fit(data.noisy.X);
  const core = r.core.slice(0, 20).map((i: number) => data.noisy.X[i]);
  assert.deepEqual([...m.predict(core)], r.core.slice(0, 20).map((i: number) => r.labels[i]));
  assert.deepEqual([...m.predict([[100, 100]])], [-1]);
  assert.equal(m.nClusters, Math.max(...r.labels) + 1);
});

for (const linkage of ['ward', 'complete', 'average', 'single'] as const) {
  for (const name of ['wine', 'blobs']) {
    test(`AgglomerativeClustering ${linkage} on ${name} matches scikit-learn's tree and labels`, () => {
      const r = ref[`agglo-${linkage}-${name}`];
      const X = name === 'wine' ? wineAll() : data.blobs.X;
      const m = new AgglomerativeClustering({ nClusters: r.k, linkage }).fit(X);
      assertSamePartition(m.labels, r.labels, linkage);
      const sortedPairs = (rows: number[][]): number[][] => rows.map((p) => [...p].sort((a, b) => a - b));
      assert.deepEqual(sortedPairs(m.children.toArray() as number[][]), sortedPairs(r.children));
    });
  }
  test(`AgglomerativeClustering ${linkage} with distanceThreshold matches scikit-learn`, () => {
    const r = ref[`agglo-${linkage}-threshold`];
    const m = new AgglomerativeClustering({ nClusters: null, distanceThreshold: r.threshold, linkage }).fit(wineAll());
    assert.equal(m.nClusters, r.nClusters);
    assertSamePartition(m.labels, r.labels, linkage);
    assertClose(m.distances, r.distances, { rtol: 1e-10 });
  });
}


test('bad clustering input gives clear errors', () => {
  assert.throws(() => new KMeans({ nClusters: 5 }).fit([[0], [1], [2]]), (e: Error) => e instanceof DataError && /3 samples but nClusters=5/.test(e.message));
  assert.throws(() => new KMeans({ nClusters: 2, init: [[0]] }).fit([[0], [1], [2]]), /init centers must be 2 × 1/);
  assert.throws(() => new KMeans({ algorithm: 'full' as never, nClusters: 2 }).fit([[0], [1], [2]]), ParamError);
  assert.throws(() => new DBSCAN({ eps: 0 }).fit([[0], [1]]), (e: Error) => e instanceof ParamError && /eps must be a positive number, got 0/.test(e.message));
  assert.throws(() => new DBSCAN({ eps: -1 }).fit([[0], [1]]), /eps must be a positive/);
  assert.throws(() => new AgglomerativeClustering({ nClusters: 2, distanceThreshold: 1 }).fit([[0], [1]]), /exactly one of nClusters and distanceThreshold/);
  assert.throws(() => new AgglomerativeClustering({ metric: 'manhattan' }).fit([[0], [1]]), /ward linkage needs metric 'euclidean'/);
  assert.throws(() => new AgglomerativeClustering({ nClusters: 4 }).fit([[0], [1]]), DataError);
});

const small = { X: data.blobs.X.slice(0, 40) };
checkEstimator(() => new KMeans({ nClusters: 3, nInit: 2 }), small);
checkEstimator(() => new KMeans({ nClusters: 3, algorithm: 'elkan', init: 'random' }), small);
checkEstimator(() => new MiniBatchKMeans({ nClusters: 3, batchSize: 16 }), small);
checkEstimator(() => new DBSCAN({ eps: 1.5, minSamples: 3 }), small);
checkEstimator(() => new AgglomerativeClustering({ nClusters: 3, linkage: 'average' }), small);

test('KMeans.predict finds NaN and ±Infinity in X after the distance products, and leaves a borrowed X unchanged', async () => {
  const { fromTyped } = await import('../../tensor/index.js');
  const X = data.iris.X as number[][];
  const flat = fromTyped(Float64Array.from(X.flat()), [X.length, 4]);
  const before = flat.toFloat64Array();
  const km = new KMeans({ nClusters: 3, nInit: 2, randomState: 0 }).fit(flat);
  assert.deepEqual(Array.from(km.predict(flat)), Array.from(km.labels));
  assert.deepEqual(flat.toFloat64Array(), before);
  for (const [bad, word] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']] as const) {
    const rows = X.slice(0, 5).map((r) => [...r]);
    rows[4]![2] = bad;
    assert.throws(() => km.predict(rows), (e: Error) => e instanceof DataError && e.message.includes(`contains ${word} at row 4, column 'x2'`));
  }
});
