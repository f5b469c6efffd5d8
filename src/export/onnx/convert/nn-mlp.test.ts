/**
 * MLPClassifier and MLPRegressor in ONNX (float64 graphs like the other learn converters): the
 * file run by onnxruntime-node gives the native labels, probabilities and predictions, alone,
 * inside a Pipeline, and as saved by `strata train --model mlp-classifier` on penguins (where
 * the generated JavaScript module is checked too).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertClose } from '../../../../test/helpers/assert.js';
import { loadFixture } from '../../../../test/helpers/fixtures.js';
import { runCli } from '../../../../test/helpers/cli.js';
import { readFrame } from '../../../cli/commands/train.js';
import { type Label, LogisticRegression, Pipeline, StandardScaler, VotingClassifier } from '../../../learn/index.js';
import { MLPClassifier, MLPRegressor, type MLPActivation } from '../../../nn/index.js';
import { type NdArray, array } from '../../../tensor/index.js';
import { loadModelFile } from '../../../track/index.js';
import { onnxSupport, readOnnx, toJsModule, toOnnx } from '../../index.js';
import { OnnxModel } from '../runtime.node.js';

const PENGUINS = fileURLToPath(new URL('../../../../data/penguins.csv', import.meta.url));
const data = loadFixture('learn_trees').data;
const NAMES = ['setosa', 'versicolor', 'virginica'];
const iris = { X: data.iris.X as number[][], y: (data.iris.y as number[]).map((c) => NAMES[c]!) };
const half = <T>(rows: readonly T[], odd: boolean): T[] => rows.filter((_, i) => i % 2 === (odd ? 1 : 0));
const TOL = { atol: 1e-9, rtol: 0 };
const ACTIVATIONS: MLPActivation[] = ['relu', 'tanh', 'logistic', 'identity'];

async function withOnnx<T>(bytes: Uint8Array, use: (m: OnnxModel) => Promise<T>): Promise<T> {
  const onnx = await OnnxModel.load(bytes);
  try {
    return await use(onnx);
  } finally {
    await onnx.close();
  }
}

test('toOnnx lists the MLP estimators among the models it converts', () => {
  const { models } = onnxSupport();
  assert.ok(models.includes('MLPClassifier') && models.includes('MLPRegressor'));
});

test('MLPClassifier (two and three classes, every activation) gives the native labels and probabilities', async () => {
  const held = half(iris.X, true);
  for (const activation of ACTIVATIONS) {
    for (const binary of [false, true]) {
      const y = binary ? iris.y.map((c) => (c === 'virginica' ? 'yes' : 'no')) : iris.y;
      const clf = new MLPClassifier({ hiddenLayerSizes: [7, 5], activation, maxIter: 40, randomState: 0 }).fit(half(iris.X, false), half(y, false));
      const bytes = toOnnx(clf);
      assert.deepEqual(readOnnx(bytes).undefinedInputs, []);
      await withOnnx(bytes, async (onnx) => {
        assert.deepEqual(await onnx.predict(held), clf.predict(held), `${activation} ${binary ? 'binary' : 'multiclass'}: labels`);
        assertClose(await onnx.predictProba(held), clf.predictProba(held), TOL, `${activation} ${binary ? 'binary' : 'multiclass'}: probabilities`);
        assert.deepEqual(onnx.classes, binary ? ['no', 'yes'] : NAMES);
      });
    }
  }
});

test('MLPRegressor (one and two targets) gives the native predictions', async () => {
  const X = half(iris.X, false);
  const held = half(iris.X, true);
  for (const activation of ACTIVATIONS) {
    const reg = new MLPRegressor({ hiddenLayerSizes: [6], activation, maxIter: 40, randomState: 1 }).fit(X.map((r) => r.slice(0, 3)), X.map((r) => r[3]!));
    await withOnnx(toOnnx(reg), async (onnx) => {
      assertClose((await onnx.predict(held.map((r) => r.slice(0, 3)))) as NdArray, reg.predict(held.map((r) => r.slice(0, 3))), TOL, `${activation}: predictions`);
    });
  }
  const two = new MLPRegressor({ hiddenLayerSizes: [5], maxIter: 30, randomState: 2 }).fit(X.map((r) => r.slice(0, 2)), array(X.map((r) => r.slice(2))));
  const bytes = toOnnx(two);
  assert.deepEqual(readOnnx(bytes).outputs, [{ name: 'prediction', type: 'float64', shape: ['N', 2] }]);
  await withOnnx(bytes, async (onnx) => {
    assertClose((await onnx.predict(held.map((r) => r.slice(0, 2)))) as NdArray, two.predict(held.map((r) => r.slice(0, 2))), TOL);
  });
});

test('a Pipeline ending in an MLPClassifier exports with its scaler', async () => {
  const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['mlp', new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 60, randomState: 3 })]] });
  pipe.fit(half(iris.X, false), half(iris.y, false));
  const held = half(iris.X, true);
  await withOnnx(toOnnx(pipe), async (onnx) => {
    assert.equal(onnx.info.metadata['strata.model'], 'mlp-classifier');
    assert.deepEqual(await onnx.predict(held), pipe.predict(held));
    assertClose(await onnx.predictProba(held), pipe.predictProba(held), TOL);
  });
});

test('a soft VotingClassifier with an MLP member (as AutoML ensembles) exports to ONNX and JavaScript', async () => {
  const vote = new VotingClassifier({
    estimators: [['mlp', new MLPClassifier({ hiddenLayerSizes: [6], maxIter: 50, randomState: 4 })], ['lr', new LogisticRegression({ maxIter: 200 })]],
    voting: 'soft', weights: [2, 1],
  });
  vote.fit(half(iris.X, false), half(iris.y, false));
  const held = half(iris.X, true);
  await withOnnx(toOnnx(vote), async (onnx) => {
    assert.deepEqual(await onnx.predict(held), vote.predict(held));
    assertClose(await onnx.predictProba(held), vote.predictProba(held), TOL);
  });
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(toJsModule(vote)).toString('base64')}`)) as { predictProba(rows: unknown[]): number[][] };
  assertClose(mod.predictProba(held).flat(), Array.from(vote.predictProba(held).toFloat64Array()), TOL);
});

test('strata train --model mlp-classifier on penguins: the ONNX file and the JS module agree with the saved pipeline', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-onnx-mlp-'));
  const home = process.env.STRATA_HOME;
  process.env.STRATA_HOME = join(dir, 'home');
  try {
    const saved = join(dir, 'mlp.json');
    const r = await runCli(['train', PENGUINS, '--target', 'species', '--model', 'mlp-classifier', '--param', 'maxIter=150', '--param', 'hiddenLayerSizes=[16]', '--cv', '2', '--seed', '1', '--save', saved, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const { pipeline } = loadModelFile(saved);
    const X = (await readFrame(PENGUINS, undefined)).drop('species');
    const labels = pipeline.predict(X) as Label[];
    assert.ok(new Set(labels).size === 3, 'the trained model tells the three species apart');
    const bytes = toOnnx(pipeline);
    assert.deepEqual(
      new Map(readOnnx(bytes).inputs.map((i) => [i.name, i.type])),
      new Map([['island', 'string'], ['bill_length_mm', 'float64'], ['bill_depth_mm', 'float64'], ['flipper_length_mm', 'float64'], ['body_mass_g', 'float64'], ['sex', 'string']]),
    );
    await withOnnx(bytes, async (onnx) => {
      assert.deepEqual(await onnx.predict(X), labels);
      assertClose(await onnx.predictProba(X), pipeline.predictProba(X), TOL);
    });
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(toJsModule(pipeline)).toString('base64')}`)) as {
      predict(rows: unknown[]): Label[];
      predictProba(rows: unknown[]): number[][];
    };
    const rows = X.toRecords();
    assert.deepEqual(mod.predict(rows), labels);
    assertClose(mod.predictProba(rows).flat(), Array.from(pipeline.predictProba(X).toFloat64Array()), TOL);
  } finally {
    if (home === undefined) delete process.env.STRATA_HOME;
    else process.env.STRATA_HOME = home;
    rmSync(dir, { recursive: true, force: true });
  }
});
