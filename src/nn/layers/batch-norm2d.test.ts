import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { tensor } from '../tensor.js';
import { gradCheck } from '../gradcheck.js';
import { BatchNorm2d } from './batch-norm2d.js';

interface BnCase {
  shape: number[]; affine: boolean; momentum: number; eps: number;
  weight: number[] | null; bias: number[] | null; x: number[]; y: number[]; gy: number[]; gx: number[];
  gweight: number[] | null; gbias: number[] | null; runningMean: number[]; runningVar: number[]; xEval: number[]; yEval: number[];
}

test('BatchNorm2d matches PyTorch: training output, gradients, running estimates, eval output', () => {
  for (const c of loadFixture<{ batchNorm2d: BnCase[] }>('nn_conv').batchNorm2d) {
    for (const dtype of ['float64', 'float32'] as const) {
      const tol = dtype === 'float64' ? 1e-10 : 1e-5;
      const bn = new BatchNorm2d(c.shape[1]!, { affine: c.affine, momentum: c.momentum, eps: c.eps, dtype });
      if (c.affine) {
        bn.weight!.data.set(c.weight!);
        bn.bias!.data.set(c.bias!);
      }
      const x = tensor(c.x, { dtype, shape: c.shape, requiresGrad: true });
      const y = bn.call(x);
      assertClose(y.data, c.y, { rtol: tol, atol: tol }, `${dtype} y`);
      y.backward(tensor(c.gy, { dtype, shape: c.shape }));
      assertClose(x.grad!.data, c.gx, { rtol: tol, atol: tol }, `${dtype} gx`);
      if (c.affine) {
        assertClose(bn.weight!.grad!.data, c.gweight!, { rtol: tol, atol: tol }, `${dtype} gweight`);
        assertClose(bn.bias!.grad!.data, c.gbias!, { rtol: tol, atol: tol }, `${dtype} gbias`);
      }
      assertClose(bn.runningMean!.data, c.runningMean, { rtol: tol, atol: tol }, `${dtype} running mean`);
      assertClose(bn.runningVar!.data, c.runningVar, { rtol: tol, atol: tol }, `${dtype} running var`);
      bn.eval();
      assertClose(bn.call(tensor(c.xEval, { dtype, shape: c.shape })).data, c.yEval, { rtol: tol, atol: tol }, `${dtype} eval`);
    }
  }
});

test('BatchNorm2d gradients agree with finite differences in training and eval mode', () => {
  let s = 5;
  const r = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const bn = new BatchNorm2d(3, { dtype: 'float64' });
  bn.weight!.data.set([0.5, 1.5, -1]);
  bn.bias!.data.set([0.1, -0.2, 0.3]);
  const x = tensor(Float64Array.from({ length: 2 * 3 * 3 * 2 }, r), { shape: [2, 3, 3, 2], requiresGrad: true });
  gradCheck((t) => bn.call(t!), [x, bn.weight!, bn.bias!]);
  bn.eval();
  gradCheck((t) => bn.call(t!), [x, bn.weight!, bn.bias!]);
});

test('BatchNorm2d names the expected and actual shapes', () => {
  const bn = new BatchNorm2d(4);
  assert.throws(() => bn.call(tensor(new Float32Array(2 * 3 * 2 * 2), { shape: [2, 3, 2, 2] })), /BatchNorm2d\(4\): expected input of shape \(N, 4, H, W\) but got \(2, 3, 2, 2\)/);
  assert.throws(() => bn.call(tensor(new Float32Array(4), { shape: [1, 4, 1, 1] })), /more than one value per channel/);
});
