// Acceptance: a small CNN (conv-pool-conv-pool-dense) learns scikit-learn's 8×8 digits to ≥ 97%
// test accuracy, with the same split as scikit-learn's train_test_split (fixture nn_digits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { Module } from '../module.js';
import { Tensor, noGrad } from '../tensor.js';
import { relu } from '../ops/elementwise.js';
import { flatten } from '../ops/shape.js';
import { crossEntropy } from '../losses/classification.js';
import { Adam } from '../optim/adam.js';
import { Rng } from '../random.js';
import { Linear } from './linear.js';
import { Conv2d } from './conv.js';
import { MaxPool2d } from './pool.js';

class DigitsCnn extends Module {
  conv1 = new Conv2d(1, 16, 3, { padding: 1, seed: 1 });
  pool1 = new MaxPool2d(2);
  conv2 = new Conv2d(16, 32, 3, { padding: 1, seed: 2 });
  pool2 = new MaxPool2d(2);
  fc1 = new Linear(32 * 2 * 2, 64, { seed: 3 });
  fc2 = new Linear(64, 10, { seed: 4 });

  forward(x: Tensor): Tensor {
    const h = this.pool2.call(relu(this.conv2.call(this.pool1.call(relu(this.conv1.call(x))))));
    return this.fc2.call(relu(this.fc1.call(flatten(h, 1))));
  }
}

interface Split { x: number[]; y: number[] }

function images(s: Split): { x: Float32Array; y: Int32Array; n: number } {
  const x = Float32Array.from(s.x, (v) => v / 16);
  return { x, y: Int32Array.from(s.y), n: s.y.length };
}

test('a conv-pool-conv-pool-dense CNN reaches ≥ 97% test accuracy on digits', () => {
  const data = loadFixture<{ train: Split; test: Split }>('nn_digits');
  const train = images(data.train), held = images(data.test);
  const model = new DigitsCnn();
  const opt = new Adam(model.parameters(), { lr: 0.005 });
  const rng = new Rng(7);
  const batch = 32;
  const xb = new Float32Array(batch * 64);
  const yb = new Int32Array(batch);
  for (let epoch = 0; epoch < 12; epoch++) {
    const order = rng.permutation(train.n);
    for (let start = 0; start + batch <= train.n; start += batch) {
      for (let i = 0; i < batch; i++) {
        const r = order[start + i]!;
        xb.set(train.x.subarray(r * 64, (r + 1) * 64), i * 64);
        yb[i] = train.y[r]!;
      }
      opt.zeroGrad();
      crossEntropy(model.call(Tensor.fromData(xb.slice(), [batch, 1, 8, 8])), yb).backward();
      opt.step();
    }
  }
  model.eval();
  const logits = noGrad(() => model.call(Tensor.fromData(held.x, [held.n, 1, 8, 8])));
  let correct = 0;
  for (let i = 0; i < held.n; i++) {
    let best = 0;
    for (let c = 1; c < 10; c++) if (logits.data[i * 10 + c]! > logits.data[i * 10 + best]!) best = c;
    if (best === held.y[i]) correct++;
  }
  const accuracy = correct / held.n;
  assert.ok(accuracy >= 0.97, `test accuracy ${accuracy.toFixed(4)} < 0.97`);
});
