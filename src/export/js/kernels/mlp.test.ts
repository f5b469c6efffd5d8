/**
 * MLPClassifier and MLPRegressor as generated JavaScript: the module's labels, probabilities
 * and predictions equal the native ones, for every hidden activation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../../test/helpers/assert.js';
import { loadFixture } from '../../../../test/helpers/fixtures.js';
import type { Label } from '../../../learn/index.js';
import { MLPClassifier, MLPRegressor, type MLPActivation } from '../../../nn/index.js';
import { array } from '../../../tensor/index.js';
import { UnsupportedModelError, jsModuleSignature, supportedJsModels, toJsModule } from '../../index.js';

interface Generated {
  predict(rows: unknown[]): unknown[];
  predictProba?(rows: unknown[]): number[][];
  classes?: readonly Label[];
}

const load = async (source: string): Promise<Generated> =>
  (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as Generated;

const data = loadFixture('learn_trees').data;
const X = (data.cancer.X as number[][]).map((r) => r.slice(0, 5));
const y = data.cancer.y as number[];
const iris = { X: data.iris.X as number[][], y: (data.iris.y as number[]).map((c) => ['a', 'b', 'c'][c]!) };
const TOL = { atol: 1e-9, rtol: 0 };
const ACTIVATIONS: MLPActivation[] = ['relu', 'tanh', 'logistic', 'identity'];

test('the MLP estimators are listed among the JavaScript exports', () => {
  assert.ok(supportedJsModels().includes('mlp-classifier') && supportedJsModels().includes('mlp-regressor'));
});

test('MLPClassifier modules give the native labels and probabilities (binary and multiclass)', async () => {
  for (const activation of ACTIVATIONS) {
    for (const [Xs, ys] of [[X, y], [iris.X, iris.y]] as const) {
      const clf = new MLPClassifier({ hiddenLayerSizes: [6, 4], activation, maxIter: 30, randomState: 0 }).fit(Xs, ys as Label[]);
      const mod = await load(toJsModule(clf));
      assert.deepEqual(mod.classes, clf.classes);
      assert.deepEqual(mod.predict(Xs), clf.predict(Xs), `${activation}: labels`);
      assertClose(mod.predictProba!(Xs).flat(), Array.from(clf.predictProba(Xs).toFloat64Array()), TOL, `${activation}: probabilities`);
    }
  }
});

test('MLPRegressor modules give the native predictions; several targets are refused', async () => {
  for (const activation of ACTIVATIONS) {
    const reg = new MLPRegressor({ hiddenLayerSizes: [5], activation, maxIter: 30, randomState: 1 }).fit(X, y.map((v, i) => v + X[i]![0]! / 10));
    assert.deepEqual(jsModuleSignature(reg).outputs, [{ name: 'prediction', type: 'number' }]);
    const mod = await load(toJsModule(reg));
    assertClose(mod.predict(X) as number[], Array.from(reg.predict(X).toFloat64Array()), TOL, `${activation}: predictions`);
  }
  const two = new MLPRegressor({ hiddenLayerSizes: [3], maxIter: 5, randomState: 0 }).fit(X, array(X.map((r) => [r[0]!, r[1]!])));
  assert.throws(() => toJsModule(two), (err: unknown) => err instanceof UnsupportedModelError && /2 targets/.test(err.message) && /ONNX/.test(err.message));
});
