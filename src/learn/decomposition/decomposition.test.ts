import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { DataError, ParamError, PCA, TruncatedSVD, TSNE, trustworthiness } from '../index.js';

const fx = loadFixture('learn_unsupervised');
const data = fx.data;
const ref = fx.decomposition;
const wine = [...data.wineTrain.X, ...data.wineTest.X];
const inputs: Record<string, number[][]> = { iris: data.iris.X, wine, digits: data.digits.X, digitsWhite: data.digits.X };

for (const name of ['iris', 'wine', 'digits', 'digitsWhite']) {
  for (const svdSolver of ['full', 'covariance_eigh'] as const) {
    test(`PCA (${svdSolver}) on ${name} matches scikit-learn to 1e-8`, () => {
      const r = ref[`pca-${name}`];
      const X = inputs[name]!;
      const m = new PCA({ nComponents: r.nComponents, whiten: name === 'digitsWhite', svdSolver }).fit(X);
      assertClose(m.components, r.components, { rtol: 1e-8, atol: 1e-10 }, 'components');
      assertClose(m.explainedVariance, r.explainedVariance, { rtol: 1e-8, atol: 1e-10 }, 'explained variance');
      assertClose(m.explainedVarianceRatio, r.explainedVarianceRatio, { rtol: 1e-8, atol: 1e-12 }, 'ratio');
      assertClose(m.singularValues, r.singularValues, { rtol: 1e-8, atol: 1e-8 }, 'singular values');
      assertClose(m.mean, r.mean, { rtol: 1e-12 }, 'mean');
      assertClose([m.noiseVariance], [r.noiseVariance], { rtol: 1e-8, atol: 1e-10 }, 'noise variance');
      assertClose(m.transform(X.slice(0, 20)), r.transform, { rtol: 1e-8, atol: 1e-8 }, 'transform');
      assertClose(m.inverseTransform(m.transform(X.slice(0, 5))), r.inverse, { rtol: 1e-8, atol: 1e-8 }, 'inverse');
    });
  }
}

test('PCA chooses its solver like documented and keeps a variance fraction', () => {
  assert.equal(new PCA().fit(data.iris.X).solver, 'covariance_eigh');
  assert.equal(new PCA().fit(data.digits.X.slice(0, 50)).solver, 'full');
  const m = new PCA({ nComponents: 0.9, svdSolver: 'full' }).fit(data.digits.X);
  assert.equal(m.nComponents, ref['pca-digits'].components.length);
  const sum = [...m.explainedVarianceRatio].reduce((a, b) => a + b, 0);
  assert.ok(sum > 0.9);
});

test('PCA randomized agrees with the exact solver on the leading components', () => {
  const r = ref['pca-digitsWhite'];
  const m = new PCA({ nComponents: 8, svdSolver: 'randomized', iteratedPower: 7 }).fit(data.digits.X);
  assertClose(m.explainedVariance, r.explainedVariance, { rtol: 1e-3 });
  const c = m.components.toArray() as number[][];
  (r.components as number[][]).slice(0, 3).forEach((row, i) => {
    const dot = row.reduce((s, v, j) => s + v * c[i]![j]!, 0);
    assert.ok(Math.abs(dot) > 0.999, `component ${i}: |cos| = ${Math.abs(dot)}`);
  });
});

test('TruncatedSVD (exact) matches scikit-learn arpack', () => {
  const r = ref['tsvd-arpack'];
  const m = new TruncatedSVD({ nComponents: 5, algorithm: 'arpack' });
  const Xt = m.fitTransform(data.digits.X);
  assertClose(m.singularValues, r.singularValues, { rtol: 1e-9 });
  assertClose(m.explainedVariance, r.explainedVariance, { rtol: 1e-8 });
  assertClose(m.explainedVarianceRatio, r.explainedVarianceRatio, { rtol: 1e-8 });
  assertClose(m.components, r.components, { rtol: 1e-7, atol: 1e-9 });
  assertClose((Xt.toArray() as number[][]).slice(0, 10), r.transform, { rtol: 1e-7, atol: 1e-8 });
  assertClose(m.transform(data.digits.X.slice(0, 10)), r.transform, { rtol: 1e-7, atol: 1e-8 });
});

test('TruncatedSVD randomized finds the same leading singular values as scikit-learn', () => {
  const r = ref['tsvd-randomized'];
  const m = new TruncatedSVD({ nComponents: 5, randomState: 3 }).fit(data.digits.X);
  assertClose(m.singularValues, r.singularValues, { rtol: 1e-4 });
  assertClose(m.explainedVarianceRatio, r.explainedVarianceRatio, { rtol: 1e-2 });
});

for (const method of ['exact', 'barnes_hut'] as const) {
  test(`t-SNE (${method}) reaches scikit-learn's KL and trustworthiness on digits`, () => {
    const r = ref[`tsne-${method}`];
    const X = data.digits.X.slice(0, r.n);
    const m = new TSNE({ method, randomState: 0 });
    const Y = m.fitTransform(X);
    assert.deepEqual(Y.shape, [r.n, 2]);
    assert.ok(m.klDivergence < r.kl * 1.1, `KL ${m.klDivergence} vs scikit-learn ${r.kl}`);
    assert.ok(trustworthiness(X, Y, 5) > r.trust - 0.01, `trustworthiness vs ${r.trust}`);
  });
}

test('trustworthiness is 1 for an isometric embedding and lower for a shuffled one', () => {
  const X = data.iris.X.map((row: number[]) => row.map((v, j) => v + j * 1e-3));
  assertClose([trustworthiness(X, X, 5)], [1], { atol: 1e-12 });
  const shuffled = X.map((_: number[], i: number) => X[(i * 37) % X.length]);
  assert.ok(trustworthiness(X, shuffled, 5) < 0.7);
});

test('t-SNE.transform places a training point near its embedding', () => {
  const X = data.digits.X.slice(0, 120);
  const m = new TSNE({ method: 'exact', perplexity: 10, nIter: 300 }).fit(X);
  const Y = m.embedding.toArray() as number[][];
  const T = m.transform(X.slice(0, 40)).toArray() as number[][];
  const span = Math.max(...Y.map((r) => Math.abs(r[0]!)));
  const moved = T.map((row, i) => Math.hypot(row[0]! - Y[i]![0]!, row[1]! - Y[i]![1]!)).sort((a, b) => a - b);
  assert.ok(moved[20]! < span / 5, `median displacement ${moved[20]} vs span ${span}`);
});

test('bad decomposition input gives clear errors', () => {
  assert.throws(() => new PCA({ nComponents: 5 }).fit(data.iris.X), (e: Error) => e instanceof DataError && /nComponents=5 must be an integer between 0 and min\(n_samples, n_features\)=4/.test(e.message));
  assert.throws(() => new PCA({ nComponents: 2, svdSolver: 'lapack' as never }).fit(data.iris.X), ParamError);
  assert.throws(() => new TruncatedSVD({ nComponents: 10 }).fit(data.iris.X), /nComponents=10 must be a positive integer/);
  assert.throws(() => new TSNE({ perplexity: 50 }).fit(data.iris.X.slice(0, 40)), /perplexity \(50\) must be less than the number of samples \(40\)/);
  assert.throws(() => new TSNE({ nComponents: 3 }).fit(data.iris.X), /Barnes–Hut method embeds in 2 dimensions/);
});

const small = { X: data.iris.X.slice(0, 40) };
checkEstimator(() => new PCA({ nComponents: 2 }), small);
checkEstimator(() => new PCA({ nComponents: 3, whiten: true, svdSolver: 'full' }), small);
checkEstimator(() => new TruncatedSVD({ nComponents: 2 }), small);
checkEstimator(() => new TSNE({ perplexity: 5, nIter: 250, method: 'exact' }), small);
checkEstimator(() => new TSNE({ perplexity: 5, nIter: 300 }), small);

test('PCA.transform finds NaN and ±Infinity in X after projecting, and leaves a borrowed X unchanged', async () => {
  const { fromTyped } = await import('../../tensor/index.js');
  const X = data.iris.X as number[][];
  const flat = fromTyped(Float64Array.from(X.flat()), [X.length, 4]);
  const before = flat.toFloat64Array();
  const pca = new PCA({ nComponents: 2 }).fit(flat);
  pca.transform(flat);
  assert.deepEqual(flat.toFloat64Array(), before);
  for (const [bad, word] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']] as const) {
    const rows = X.slice(0, 5).map((r) => [...r]);
    rows[3]![1] = bad;
    assert.throws(() => pca.transform(rows), (e: Error) => e instanceof DataError && e.message.includes(`contains ${word} at row 3, column 'x1'`));
  }
});
