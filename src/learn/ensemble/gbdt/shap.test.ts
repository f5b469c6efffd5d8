import { test } from 'node:test';
import assert from 'node:assert/strict';
import { random } from '../../../tensor/index.js';
import { boost } from './boosting.js';
import { makeLoss } from './losses.js';
import { boostingDefaults } from './params.js';
import { type Forest, goesLeft, predictMargins } from './predictor.js';
import { expectedTreeValues, shapValues } from './shap.js';

const rows = 300;
const cols = 4;
const rng = random.defaultRng(7);
const X = rng.standardNormal([rows * cols]).toFloat64Array() as Float64Array;
for (let i = 0; i < X.length; i += 13) X[i] = NaN;
const y = new Float64Array(rows);
for (let r = 0; r < rows; r++) {
  const v = (j: number) => (Number.isNaN(X[r * cols + j]!) ? 0 : X[r * cols + j]!);
  y[r] = 2 * v(0) + v(1) * v(2) - Math.abs(v(3)) + 0.1 * rng.standardNormal();
}
const state = boost({
  X: { data: X, rows, cols, featureNames: ['a', 'b', 'c', 'd'] }, y, w: null, loss: makeLoss('squared'), metric: 'rmse',
  huberDelta: 1, params: { ...boostingDefaults(), nEstimators: 6, maxDepth: 4, learningRate: 0.5 }, who: 'test', strata: null,
});
const f = state.forest;

/** E[tree(x) | x_S] with absent features averaged by cover (the path-dependent definition). */
function condExpectation(forest: Forest, x: Float64Array, xo: number, inS: (j: number) => boolean, node: number): number {
  const feat = forest.feature[node]!;
  if (feat < 0) return forest.value[node]!;
  const l = forest.left[node]!;
  const r = forest.right[node]!;
  if (inS(feat)) return condExpectation(forest, x, xo, inS, goesLeft(forest, [], node, x[xo + feat]!) ? l : r);
  const c = forest.cover[node]!;
  return (forest.cover[l]! * condExpectation(forest, x, xo, inS, l) + forest.cover[r]! * condExpectation(forest, x, xo, inS, r)) / c;
}

function bruteForceShap(forest: Forest, x: Float64Array, xo: number): number[] {
  const phi = new Array(cols).fill(0);
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const value = (mask: number): number => {
    let s = 0;
    for (const root of forest.roots) s += condExpectation(forest, x, xo, (j) => ((mask >> j) & 1) === 1, root);
    return s;
  };
  for (let i = 0; i < cols; i++) {
    for (let mask = 0; mask < 1 << cols; mask++) {
      if ((mask >> i) & 1) continue;
      let size = 0;
      for (let j = 0; j < cols; j++) size += (mask >> j) & 1;
      const weight = (fact(size) * fact(cols - size - 1)) / fact(cols);
      phi[i] += weight * (value(mask | (1 << i)) - value(mask));
    }
  }
  return phi;
}

test('TreeSHAP equals the Shapley values of the path-dependent value function (brute force)', () => {
  const phi = shapValues(f, [], X, 40, cols, state.baseMargin);
  for (let r = 0; r < 40; r++) {
    const expected = bruteForceShap(f, X, r * cols);
    for (let j = 0; j < cols; j++) {
      assert.ok(Math.abs(phi[r * (cols + 1) + j]! - expected[j]!) < 1e-10, `row ${r} feature ${j}: ${phi[r * (cols + 1) + j]} vs ${expected[j]}`);
    }
  }
});

test('each row of SHAP values plus the expected value sums to the margin (1e-9)', () => {
  const phi = shapValues(f, [], X, rows, cols, state.baseMargin);
  const margin = predictMargins(f, [], X, rows, cols, state.baseMargin);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j <= cols; j++) s += phi[r * (cols + 1) + j]!;
    assert.ok(Math.abs(s - margin[r]!) < 1e-9, `row ${r}: ${s} vs ${margin[r]}`);
  }
  // The expected value is the cover-weighted mean of the training margins.
  const bias = state.baseMargin[0]! + expectedTreeValues(f)[0]!;
  assert.equal(phi[cols], bias);
  let mean = 0;
  const trainMargin = predictMargins(f, [], X, rows, cols, state.baseMargin);
  for (let r = 0; r < rows; r++) mean += trainMargin[r]! / rows;
  assert.ok(Math.abs(bias - mean) < 1e-9, 'squared loss: covers are row counts, so E[f] is the training mean');
});

test('a feature that is never split on gets zero SHAP value', () => {
  const phi = shapValues(f, [], X, rows, cols, state.baseMargin);
  const used = new Set(Array.from(f.feature).filter((v) => v >= 0));
  for (let j = 0; j < cols; j++) {
    if (used.has(j)) continue;
    for (let r = 0; r < rows; r++) assert.equal(phi[r * (cols + 1) + j], 0);
  }
});
