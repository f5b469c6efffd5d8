import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, ParamError } from '../index.js';
import { DecisionTreeClassifier } from './decision-tree-classifier.js';
import { DecisionTreeRegressor } from './decision-tree-regressor.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';

interface Facts {
  node_count: number; max_depth: number; n_leaves: number;
  feature: number[]; threshold: number[]; children_left: number[]; impurity: number[];
  n_node_samples: number[]; weighted_n_node_samples: number[]; value: number[][];
  feature_importances: number[]; predict: number[]; apply: number[]; predict_proba?: number[][];
}
interface TreeCase {
  name: string; data: string; kind: 'clf' | 'reg'; params: Record<string, unknown>; weighted: boolean;
  deterministic: boolean; same_partition: boolean; stable?: boolean[]; facts: Facts;
  ccp_alphas: number[]; ccp_impurities: number[]; ccp_stable: boolean; apply_stable: boolean;
}
const fx = loadFixture<{ data: Record<string, { X: number[][]; y: number[]; w?: number[] }>; trees: TreeCase[] }>('learn_trees');

const DATA: Record<string, { X: number[][]; y: number[]; w?: number[] }> = {
  iris: fx.data.iris!,
  cancer: fx.data.cancer!,
  diabetes: fx.data.diabetes!,
  diabetes100: { X: fx.data.diabetes!.X.slice(0, 100), y: fx.data.diabetes!.y.slice(0, 100) },
  diabetes_poisson: { X: fx.data.diabetes!.X.slice(0, 200), y: fx.data.diabetes!.y.slice(0, 200).map((v) => Math.round(Math.exp(v / 100))) },
};

const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
function ourParams(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { randomState: 0 };
  for (const [k, v] of Object.entries(p)) out[camel(k)] = v;
  return out;
}

function fitCase(c: TreeCase): DecisionTreeClassifier | DecisionTreeRegressor {
  const d = DATA[c.data]!;
  const sampleWeight = c.weighted ? d.w : undefined;
  const params = ourParams(c.params);
  return c.kind === 'clf'
    ? new DecisionTreeClassifier(params).fit(d.X, d.y, { sampleWeight })
    : new DecisionTreeRegressor(params).fit(d.X, d.y, { sampleWeight });
}

for (const c of fx.trees) {
  const how = c.deterministic ? 'the same tree' : c.same_partition ? 'the same partitions' : 'the same training predictions';
  test(`DecisionTree ${c.name}: ${how} as scikit-learn`, () => {
    const d = DATA[c.data]!;
    const model = fitCase(c);
    const t = model.tree;
    const f = c.facts;
    if (!c.deterministic && !c.same_partition) {
      // Ties between equally good splits make scikit-learn's tree depend on its seed: only the
      // training predictions (pure leaves) are comparable.
      const pred = model.predict(d.X);
      assert.deepEqual(Array.isArray(pred) ? pred : pred.toArray(), f.predict);
      return;
    }
    assert.equal(t.nodeCount, f.node_count, 'node count');
    assert.equal(model.getDepth(), f.max_depth);
    assert.equal(model.getNLeaves(), f.n_leaves);
    assert.deepEqual([...t.left], f.children_left);
    assert.deepEqual([...t.nNodeSamples], f.n_node_samples);
    assertClose(t.weightedNNodeSamples, f.weighted_n_node_samples, { rtol: 1e-12 });
    assertClose(t.impurity, f.impurity, { rtol: 1e-9, atol: 1e-9 }, 'impurity');
    assertClose(t.value, f.value, { rtol: 1e-10, atol: 1e-12 }, 'value');
    for (let i = 0; i < t.nodeCount; i++) {
      if (!c.deterministic && !c.stable![i]) continue;
      assert.equal(t.feature[i], f.feature[i], `feature of node ${i}`);
      assert.equal(t.threshold[i], f.threshold[i], `threshold of node ${i}`);
    }
    if (c.deterministic) assertClose(model.featureImportances, f.feature_importances, { rtol: 1e-9, atol: 1e-12 }, 'importances');
    // Equal counts need not mean equal samples: compare where every seed sends samples alike.
    if (!c.apply_stable) return;
    assert.deepEqual([...model.apply(d.X)], f.apply);
    const pred = model.predict(d.X);
    if (Array.isArray(pred)) assert.deepEqual(pred, f.predict);
    else assertClose(pred, f.predict, { rtol: 1e-10, atol: 1e-12 });
    if (f.predict_proba) assertClose((model as DecisionTreeClassifier).predictProba(d.X), f.predict_proba, { rtol: 1e-12, atol: 1e-15 });
  });

  if (c.ccp_stable) {
    test(`DecisionTree ${c.name}: cost-complexity pruning path matches scikit-learn to 1e-10`, () => {
      const d = DATA[c.data]!;
      const params = ourParams(c.params);
      delete params.ccpAlpha;
      const sampleWeight = c.weighted ? d.w : undefined;
      const model = c.kind === 'clf' ? new DecisionTreeClassifier(params) : new DecisionTreeRegressor(params);
      const path = model.costComplexityPruningPath(d.X, d.y, { sampleWeight });
      assertClose(path.ccpAlphas, c.ccp_alphas, { rtol: 1e-10, atol: 1e-12 }, 'alphas');
      assertClose(path.impurities, c.ccp_impurities, { rtol: 1e-10, atol: 1e-12 }, 'impurities');
      assert.equal(model.isFitted, false, 'the path leaves the estimator unfitted');
    });
  }
}

test('pruning at each alpha of the path leaves fewer leaves, down to the root alone', () => {
  const d = DATA.cancer!;
  const path = new DecisionTreeClassifier({ randomState: 0, minSamplesLeaf: 8 }).costComplexityPruningPath(d.X, d.y);
  let previous = Infinity;
  for (const alpha of path.ccpAlphas) {
    const leaves = new DecisionTreeClassifier({ randomState: 0, minSamplesLeaf: 8, ccpAlpha: alpha }).fit(d.X, d.y).getNLeaves();
    assert.ok(leaves < previous || alpha === 0, `alpha ${alpha}: ${leaves} leaves`);
    previous = leaves;
  }
  assert.equal(previous, 1);
});

const small = {
  X: DATA.iris!.X.filter((_, i) => i % 5 === 0),
  y: DATA.iris!.y.filter((_, i) => i % 5 === 0).map((v) => ['setosa', 'versicolor', 'virginica'][v]!),
};
checkEstimator(() => new DecisionTreeClassifier({ randomState: 1, maxFeatures: 2 }), small);
checkEstimator(() => new DecisionTreeRegressor({ randomState: 1, splitter: 'random' }), { X: small.X, y: small.X.map((r) => r[0]! * 2 - r[3]!) });

test('the random splitter depends on its seed, fits the training data and respects maxDepth', () => {
  const d = DATA.diabetes!;
  const a = new DecisionTreeRegressor({ splitter: 'random', randomState: 1 }).fit(d.X, d.y);
  const b = new DecisionTreeRegressor({ splitter: 'random', randomState: 2 }).fit(d.X, d.y);
  assert.notDeepEqual([...a.tree.threshold], [...b.tree.threshold]);
  assert.ok(a.score(d.X, d.y) > 0.999);
  const shallow = new DecisionTreeRegressor({ splitter: 'random', randomState: 1, maxDepth: 3 }).fit(d.X, d.y);
  assert.equal(shallow.getDepth(), 3);
  const best = new DecisionTreeRegressor({ randomState: 1, maxDepth: 3 }).fit(d.X, d.y);
  assert.ok(best.score(d.X, d.y) > shallow.score(d.X, d.y), 'best splits beat random ones at equal depth');
});

test('maxFeatures draws features per split from the seed', () => {
  const d = DATA.cancer!;
  const fit = (seed: number) => new DecisionTreeClassifier({ maxFeatures: 'sqrt', randomState: seed }).fit(d.X, d.y).tree;
  assert.deepEqual([...fit(3).feature], [...fit(3).feature]);
  assert.notDeepEqual([...fit(3).feature], [...fit(4).feature]);
});

test('decisionPath runs from the root to the leaf given by apply', () => {
  const d = DATA.iris!;
  const m = new DecisionTreeClassifier({ randomState: 0, maxDepth: 3 }).fit(d.X, d.y);
  const leaves = m.apply(d.X);
  m.decisionPath(d.X).forEach((path, i) => {
    assert.equal(path[0], 0);
    assert.equal(path[path.length - 1], leaves[i]);
    assert.equal(path.length - 1 <= 3, true);
  });
});

test('all-constant features give a single leaf that predicts the (weighted) majority / mean', () => {
  const X = [[1, 5], [1, 5], [1, 5], [1, 5]];
  const clf = new DecisionTreeClassifier({ randomState: 0 }).fit(X, ['a', 'b', 'b', 'c']);
  assert.equal(clf.tree.nodeCount, 1);
  assert.deepEqual(clf.predict([[0, 0]]), ['b']);
  assert.deepEqual(clf.featureImportances.toArray(), [0, 0]);
  const reg = new DecisionTreeRegressor({ randomState: 0 }).fit(X, [1, 2, 3, 6]);
  assert.equal(reg.tree.nodeCount, 1);
  assert.deepEqual(reg.predict([[9, 9]]).toArray(), [3]);
});

test('bad input gets errors that say what to fix', () => {
  const X = [[0], [1], [2], [3]];
  assert.throws(() => new DecisionTreeClassifier().fit(X, ['a', 'a', 'a', 'a']), (e: Error) => e instanceof DataError && /single class/.test(e.message));
  assert.throws(() => new DecisionTreeClassifier().fit(X, [0, 1, NaN, 1]), (e: Error) => e instanceof DataError && /row 2/.test(e.message));
  assert.throws(() => new DecisionTreeRegressor().fit(X, [0, 1, NaN, 1]), (e: Error) => e instanceof DataError && /row 2/.test(e.message));
  assert.throws(() => new DecisionTreeRegressor({ maxDepth: 0 }).fit(X, [0, 1, 2, 3]), (e: Error) => e instanceof ParamError && /maxDepth/.test(e.message));
  assert.throws(() => new DecisionTreeRegressor({ maxFeatures: 5 }).fit(X, [0, 1, 2, 3]), (e: Error) => e instanceof ParamError && /only 1 features/.test(e.message));
  assert.throws(() => new DecisionTreeRegressor({ maxFeatures: 'half' as never }).fit(X, [0, 1, 2, 3]), (e: Error) => e instanceof ParamError && /maxFeatures/.test(e.message));
  assert.throws(() => new DecisionTreeRegressor({ criterion: 'gini' as never }).fit(X, [0, 1, 2, 3]), (e: Error) => e instanceof ParamError && /squared_error/.test(e.message));
  assert.throws(() => new DecisionTreeClassifier({ minSamplesLeaf: 0 }).fit(X, [0, 1, 0, 1]), (e: Error) => e instanceof ParamError && /minSamplesLeaf/.test(e.message));
  assert.throws(() => new DecisionTreeClassifier({ ccpAlpha: -1 }).fit(X, [0, 1, 0, 1]), (e: Error) => e instanceof ParamError && /ccpAlpha/.test(e.message));
  assert.throws(() => new DecisionTreeClassifier({ maxLeafNodes: 1 }).fit(X, [0, 1, 0, 1]), (e: Error) => e instanceof ParamError && /maxLeafNodes/.test(e.message));
  assert.throws(() => new DecisionTreeClassifier({ classWeight: { z: 2 } }).fit(X, [0, 1, 0, 1]), (e: Error) => e instanceof ParamError && /'z'/.test(e.message));
  assert.throws(() => new DecisionTreeClassifier().fit(X, [0, 1, 0, 1], { sampleWeight: [1, 1] }), (e: Error) => e instanceof DataError && /one weight per row/.test(e.message));
  assert.throws(() => new DecisionTreeClassifier().fit(X, [0, 1, 0, 1], { sampleWeight: [1, -1, 1, 1] }), (e: Error) => e instanceof DataError && /sampleWeight\[1\]/.test(e.message));
  assert.throws(() => new DecisionTreeRegressor({ criterion: 'poisson' }).fit(X, [0, 1, -2, 1]), (e: Error) => e instanceof DataError && /y\[2\]/.test(e.message));
  const m = new DecisionTreeClassifier().fit(X, [0, 1, 0, 1]);
  assert.throws(() => m.predict([[0, 1]]), (e: Error) => e instanceof DataError && /features/.test(e.message));
});
