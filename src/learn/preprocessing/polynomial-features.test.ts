import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KBinsDiscretizer, ParamError, PolynomialFeatures } from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_core');

test('PolynomialFeatures matches scikit-learn outputs and feature names', () => {
  const cases: [string, ConstructorParameters<typeof PolynomialFeatures>[0]][] = [
    ['poly2', { degree: 2 }],
    ['poly3_inter', { degree: 3, interactionOnly: true, includeBias: false }],
    ['poly_2_3', { degree: [2, 3] }],
  ];
  for (const [name, params] of cases) {
    const pf = new PolynomialFeatures(params).fit(F.X);
    assertClose(pf.transform(F.X), F[name].train, { rtol: 1e-13 }, name);
    assertClose(pf.transform(F.X2), F[name].test, { rtol: 1e-13 }, name);
    assert.deepEqual(pf.featureNamesOut(), F[name].names, name);
  }
  assert.deepEqual(new PolynomialFeatures().fit([[1, 2]]).featureNamesOut(['a', 'b']), ['1', 'a', 'b', 'a^2', 'a b', 'b^2']);
  assert.throws(() => new PolynomialFeatures({ degree: -1 }).fit(F.X), ParamError);
});

test('KBinsDiscretizer matches scikit-learn for uniform, quantile and kmeans bins', () => {
  for (const strategy of ['uniform', 'quantile', 'kmeans'] as const) {
    for (const nBins of [3, 4]) {
      const ref = F.kbins[`${strategy}_${nBins}`];
      const kb = new KBinsDiscretizer({ nBins, strategy, encode: 'ordinal' }).fit(F.Xb);
      const edges = kb.binEdges;
      ref.edges.forEach((e: number[], j: number) => assertClose(edges[j]!, e, { rtol: 1e-9, atol: 1e-12 }, `${strategy} ${nBins} edges ${j}`));
      assert.deepEqual(kb.nBins, ref.n_bins);
      assert.deepEqual(kb.transform(F.Xb2).toArray(), ref.ordinal, `${strategy} ${nBins} ordinal`);
      assertClose(kb.inverseTransform(kb.transform(F.Xb2)), ref.inverse, { rtol: 1e-9 });
      const oh = new KBinsDiscretizer({ nBins, strategy, encode: 'onehot' }).fit(F.Xb);
      assert.deepEqual(oh.transform(F.Xb2).toArray(), ref.onehot);
      assert.deepEqual(oh.featureNamesOut(), ref.names);
    }
  }
});

test('KBinsDiscretizer removes bins narrower than 1e-8 (quantile ties)', () => {
  const kb = new KBinsDiscretizer({ nBins: 5, encode: 'ordinal' }).fit(F.kbins_ties.X);
  assertClose(kb.binEdges[0]!, F.kbins_ties.edges[0]);
  assert.deepEqual(kb.nBins, F.kbins_ties.n_bins);
  assert.deepEqual(kb.transform(F.kbins_ties.X).toArray(), F.kbins_ties.ordinal);
  assert.throws(() => new KBinsDiscretizer({ nBins: 1 }).fit(F.Xb), /nBins must be an integer >= 2/);
});

const data = { X: [[1, 2], [3, -1], [0, 5], [2, 2], [-1, 0], [4, 1]] };
checkEstimator(() => new PolynomialFeatures({ degree: 3 }), data);
checkEstimator(() => new KBinsDiscretizer({ nBins: 3 }), data);
checkEstimator(() => new KBinsDiscretizer({ nBins: 2, strategy: 'kmeans', encode: 'ordinal' }), data);
