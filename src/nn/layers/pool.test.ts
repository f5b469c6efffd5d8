import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { noGrad, tensor } from '../tensor.js';
import { gradCheck } from '../gradcheck.js';
import { AdaptiveAvgPool2d, AvgPool2d, MaxPool1d, MaxPool2d } from './pool.js';
import { Module } from '../module.js';

interface PoolCase {
  kind: 'max2d' | 'max1d' | 'avg2d' | 'adaptiveavg2d';
  options: Record<string, number | number[] | boolean>;
  xShape: number[]; yShape: number[]; x: number[]; y: number[]; gy: number[]; gx: number[];
}

function layerFor(c: PoolCase): Module {
  const o = c.options as { kernel_size: number & number[]; stride?: number & number[]; padding?: number & number[]; dilation?: number & number[]; count_include_pad?: boolean; output_size: number & number[] };
  switch (c.kind) {
    case 'max2d': return new MaxPool2d(o.kernel_size, { stride: o.stride, padding: o.padding, dilation: o.dilation });
    case 'max1d': return new MaxPool1d(o.kernel_size, { stride: o.stride, padding: o.padding, dilation: o.dilation });
    case 'avg2d': return new AvgPool2d(o.kernel_size, { stride: o.stride, padding: o.padding, countIncludePad: o.count_include_pad });
    case 'adaptiveavg2d': return new AdaptiveAvgPool2d(o.output_size);
  }
}

test('max, average and adaptive average pooling match PyTorch forward and backward', () => {
  for (const c of loadFixture<{ pool: PoolCase[] }>('nn_conv').pool) {
    const label = `${c.kind} ${JSON.stringify(c.options)}`;
    for (const dtype of ['float64', 'float32'] as const) {
      const tol = dtype === 'float64' ? 1e-12 : 1e-5;
      const x = tensor(c.x, { dtype, shape: c.xShape, requiresGrad: true });
      const y = layerFor(c).call(x) as ReturnType<typeof tensor>;
      assert.deepEqual(y.shape, c.yShape, label);
      assertClose(y.data, c.y, { rtol: tol, atol: tol }, `${label} ${dtype} y`);
      y.backward(tensor(c.gy, { dtype, shape: c.yShape }));
      assertClose(x.grad!.data, c.gx, { rtol: tol, atol: tol }, `${label} ${dtype} gx`);
    }
  }
});

test('pooling gradients agree with finite differences', () => {
  let s = 9;
  const x = tensor(Float64Array.from({ length: 2 * 2 * 7 * 6 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)), { shape: [2, 2, 7, 6], requiresGrad: true });
  gradCheck((t) => new MaxPool2d(3, { stride: 2, padding: 1 }).call(t!), [x]);
  gradCheck((t) => new AvgPool2d([3, 2], { stride: [2, 1], padding: [1, 1], countIncludePad: false }).call(t!), [x]);
  gradCheck((t) => new AdaptiveAvgPool2d([4, 5]).call(t!), [x]);
});

test('bad input names the layer and the shapes', () => {
  assert.throws(() => new MaxPool2d(2).call(tensor(new Float32Array(12), { shape: [3, 4] })), /MaxPool2d\(2×2\): expected input of shape \(N, C, H, W\) but got \(3, 4\)/);
  assert.throws(() => new MaxPool1d(2).call(tensor(new Float32Array(12), { shape: [1, 3, 2, 2] })), /MaxPool1d\(2\): expected input of shape \(N, C, L\) but got \(1, 3, 2, 2\)/);
  assert.throws(() => new MaxPool2d(2, { padding: 2 }).call(tensor(new Float32Array(16), { shape: [1, 1, 4, 4] })), /padding must be at most half the kernel size/);
  assert.throws(() => new AvgPool2d(5).call(tensor(new Float32Array(16), { shape: [1, 1, 4, 4] })), /smaller than the pooling window 5×5/);
  assert.throws(() => new AdaptiveAvgPool2d(0), /outputSize must be an integer ≥ 1/);
});

test('max pooling keeps each graph\'s winners while other pools of the same size run, and a second backward pass finds them again', () => {
  const shape = [2, 3, 8, 8];
  const make = (seed: number): ReturnType<typeof tensor> => {
    let s = seed;
    return tensor(Array.from({ length: 2 * 3 * 8 * 8 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)), { shape, requiresGrad: true });
  };
  const pool = new MaxPool2d(2);
  /** The gradient of sum(pool(x) · weights) by hand: each window's weight on its (first) maximum. */
  const expected = (x: ReturnType<typeof tensor>): number[] => {
    const gx = new Array<number>(x.size).fill(0);
    for (let p = 0; p < 6; p++) {
      for (let oy = 0; oy < 4; oy++) {
        for (let ox = 0; ox < 4; ox++) {
          let at = -1;
          for (const [dy, dx] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
            const q = p * 64 + (2 * oy + dy) * 8 + 2 * ox + dx;
            if (at < 0 || x.data[q]! > x.data[at]!) at = q;
          }
          gx[at] = p * 16 + oy * 4 + ox + 1;
        }
      }
    }
    return gx;
  };
  const weights = tensor(Array.from({ length: 96 }, (_, i) => i + 1), { shape: [2, 3, 4, 4] });
  const a = make(1), b = make(2), c = make(3);
  const lossA = pool.call(a).mul(weights).sum();
  // Pools of the same size in between: one without a graph, one whose backward runs first.
  noGrad(() => pool.call(c));
  pool.call(b).mul(weights).sum().backward();
  noGrad(() => pool.call(c));
  lossA.backward();
  assert.deepEqual([...a.grad!.data], expected(a));
  assert.deepEqual([...b.grad!.data], expected(b));
  lossA.backward();
  assert.deepEqual([...a.grad!.data], expected(a).map((v) => 2 * v), 'the second pass accumulates the same gradient');
});
