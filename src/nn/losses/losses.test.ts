import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { Tensor, mseLoss, l1Loss, huberLoss, crossEntropy, nllLoss, bceWithLogits, gradCheck, CrossEntropyLoss, tensor } from '../index.js';

interface LossCase { weight?: number[]; name: string; input: number[]; inputShape: number[]; target: number[]; targetShape: number[]; loss: number; grad: number[]; labelSmoothing?: number }
const fx = loadFixture<{ losses: LossCase[] }>('nn_layers');

function compute(c: LossCase, x: Tensor): Tensor {
  const y = Tensor.fromData(Float64Array.from(c.target), c.targetShape);
  const smoothing = c.labelSmoothing ?? 0;
  switch (c.name) {
    case 'mse': return mseLoss(x, y);
    case 'mseSum': return mseLoss(x, y, 'sum');
    case 'l1': return l1Loss(x, y);
    case 'huber': return huberLoss(x, y, 0.7);
    case 'crossEntropy': case 'crossEntropySmooth': return crossEntropy(x, c.target, { labelSmoothing: smoothing });
    case 'crossEntropyProbs': case 'crossEntropyProbsSmooth': return crossEntropy(x, y, { labelSmoothing: smoothing });
    case 'crossEntropySum': return crossEntropy(x, c.target, { reduction: 'sum' });
    case 'nll': return nllLoss(x, c.target);
    case 'nllWeighted': return nllLoss(x, c.target, { weight: c.weight! });
    case 'crossEntropyWeighted': case 'crossEntropyWeightedSmooth': return crossEntropy(x, c.target, { weight: c.weight!, labelSmoothing: smoothing });
    case 'crossEntropyProbsWeighted': return crossEntropy(x, y, { weight: c.weight!, labelSmoothing: smoothing });
    case 'bceWithLogits': return bceWithLogits(x, y);
    default: throw new Error(c.name);
  }
}

test('losses match PyTorch values and input gradients (float64)', () => {
  for (const c of fx.losses) {
    const x = Tensor.fromData(Float64Array.from(c.input), c.inputShape, true);
    const loss = compute(c, x);
    assertClose([loss.item()], [c.loss], { rtol: 1e-10 }, c.name);
    loss.backward();
    assertClose(x.grad!.data, c.grad, { rtol: 1e-8, atol: 1e-12 }, `${c.name} grad`);
  }
});

test('losses match finite differences', () => {
  for (const c of fx.losses) {
    const x = Tensor.fromData(Float64Array.from(c.input), c.inputShape, true);
    gradCheck((t) => compute(c, t!), [x]);
  }
});

test('losses reject mismatched shapes and bad targets with clear messages', () => {
  assert.throws(() => mseLoss(tensor([[1, 2]]), tensor([1, 2])), /mseLoss: input has shape \(1, 2\) but target has shape \(2,\)/);
  assert.throws(() => crossEntropy(tensor([[1, 2]]), [2]), /target 2 of sample 0 is not a class index in \[0, 2\)/);
  assert.throws(() => crossEntropy(tensor([1, 2]), [0]), /expected input of shape \(N, C\) but got \(2,\)/);
  assert.throws(() => new CrossEntropyLoss().call(tensor([[1, 2], [3, 4]]), [0]), /got 1 targets for 2 samples/);
  assert.throws(() => crossEntropy(tensor([[1, 2]]), [1], { weight: [1, 2, 3] }), /weight has 3 entries but there are 2 classes/);
  const none = crossEntropy(tensor([[1, 2], [3, 1]], { dtype: 'float64' }), [1, 0], { reduction: 'none' });
  assert.deepEqual(none.shape, [2]);
});
