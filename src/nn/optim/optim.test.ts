import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { Parameter, Tensor, SGD, Adam, AdamW, RMSprop, StepLR, CosineAnnealingLR, ExponentialLR, ReduceLROnPlateau, type Optimizer, type LRScheduler } from '../index.js';

interface OptCase { name: string; p0: number[]; grads: number[][]; steps: number[][] }
const fx = loadFixture<{ optimizers: OptCase[]; schedulers: { name: string; lrs: number[] }[]; metrics: number[] }>('nn_layers');

function make(name: string, p: Parameter): Optimizer {
  switch (name) {
    case 'sgd': return new SGD([p], { lr: 0.1 });
    case 'sgdMomentum': return new SGD([p], { lr: 0.1, momentum: 0.9, dampening: 0.1, weightDecay: 0.01 });
    case 'sgdNesterov': return new SGD([p], { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 });
    case 'adam': return new Adam([p], { lr: 0.01 });
    case 'adamWd': return new Adam([p], { lr: 0.01, betas: [0.8, 0.99], weightDecay: 0.1 });
    case 'adamw': return new AdamW([p], { lr: 0.01, weightDecay: 0.1 });
    case 'rmsprop': return new RMSprop([p], { lr: 0.01 });
    case 'rmspropCentered': return new RMSprop([p], { lr: 0.01, momentum: 0.5, centered: true, weightDecay: 0.01 });
    default: throw new Error(name);
  }
}

test('optimizers follow PyTorch step by step', () => {
  for (const c of fx.optimizers) {
    const p = new Parameter(Float64Array.from(c.p0), [c.p0.length]);
    const opt = make(c.name, p);
    c.grads.forEach((g, i) => {
      p.grad = Tensor.fromData(Float64Array.from(g), p.shape);
      opt.step();
      assertClose(p.data, c.steps[i]!, { rtol: 1e-12, atol: 1e-14 }, `${c.name} step ${i + 1}`);
    });
    opt.zeroGrad();
    assert.equal(p.grad, null);
  }
});

test('schedulers give PyTorch learning rates epoch by epoch', () => {
  for (const c of fx.schedulers) {
    const opt = new SGD([new Parameter(new Float64Array(1), [1])], { lr: 0.1 });
    const s: LRScheduler =
      c.name === 'stepLR' ? new StepLR(opt, 3, 0.5)
        : c.name === 'cosine' ? new CosineAnnealingLR(opt, 10, 0.001)
          : c.name === 'exponential' ? new ExponentialLR(opt, 0.9)
            : new ReduceLROnPlateau(opt, { factor: 0.5, patience: 2, cooldown: 1 });
    const lrs = fx.metrics.map((m) => {
      s.step(m);
      return opt.lr;
    });
    assertClose(lrs, c.lrs, { rtol: 1e-9 }, c.name);
  }
});

test('optimizers reject bad settings', () => {
  const p = new Parameter(new Float32Array(2), [2]);
  assert.throws(() => new SGD([p], { nesterov: true }), /Nesterov momentum needs momentum > 0/);
  assert.throws(() => new Adam([], {}), /got no parameters/);
  assert.throws(() => new Adam([p], { betas: [1, 0.9] }), /beta1 must be in \[0, 1\)/);
  assert.throws(() => new ReduceLROnPlateau(new SGD([p])).step(), /pass the monitored value/);
});
