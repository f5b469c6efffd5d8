/**
 * The path users take: `strata train` on the shipped penguins CSV (text categories, missing
 * values) saves a pipeline; its ONNX export, fed the same raw frame, predicts what the saved
 * pipeline predicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertClose } from '../../../test/helpers/assert.js';
import { runCli } from '../../../test/helpers/cli.js';
import { readFrame } from '../../cli/commands/train.js';
import { loadModelFile } from '../../track/index.js';
import { readOnnx, toOnnx } from '../index.js';
import { OnnxModel } from './runtime.node.js';

const PENGUINS = fileURLToPath(new URL('../../../data/penguins.csv', import.meta.url));

test('models saved by strata train export to ONNX with raw typed inputs and the same predictions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-onnx-train-'));
  const home = process.env.STRATA_HOME;
  process.env.STRATA_HOME = join(dir, 'home');
  try {
    const frame = await readFrame(PENGUINS, undefined);
    for (const [model, params] of [['logistic-regression', []], ['random-forest-classifier', ['--param', 'nEstimators=15']]] as const) {
      const saved = join(dir, `${model}.json`);
      const r = await runCli(['train', PENGUINS, '--target', 'species', '--model', model, ...params, '--cv', '2', '--seed', '1', '--save', saved, '--json']);
      assert.equal(r.code, 0, r.stderr);
      const { pipeline } = loadModelFile(saved);
      const bytes = toOnnx(pipeline);
      const info = readOnnx(bytes);
      // Every raw column but the target, text as string (order aside).
      assert.deepEqual(
        new Map(info.inputs.map((i) => [i.name, i.type])),
        new Map([['island', 'string'], ['bill_length_mm', 'float64'], ['bill_depth_mm', 'float64'], ['flipper_length_mm', 'float64'], ['body_mass_g', 'float64'], ['sex', 'string']]),
      );
      const onnx = await OnnxModel.load(bytes);
      try {
        const X = frame.drop('species');
        assert.deepEqual(await onnx.predict(X), pipeline.predict(X));
        assertClose(await onnx.predictProba(X), pipeline.predictProba(X), { atol: 1e-9 });
      } finally {
        await onnx.close();
      }
    }
  } finally {
    if (home === undefined) delete process.env.STRATA_HOME;
    else process.env.STRATA_HOME = home;
    rmSync(dir, { recursive: true, force: true });
  }
});
