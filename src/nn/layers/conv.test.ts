import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { Tensor, tensor } from '../tensor.js';
import { gradCheck } from '../gradcheck.js';
import { Conv1d, Conv2d } from './conv.js';
import { conv2d } from './conv-op.js';
import { buildLayer } from './registry.js';
import { setGemmBackend } from '../../kernels/index.js';

interface ConvCase {
  dims: 1 | 2; stride: number[]; padding: number[]; dilation: number[]; groups: number;
  xShape: number[]; wShape: number[]; yShape: number[];
  x: number[]; w: number[]; b: number[] | null; y: number[]; gy: number[]; gx: number[]; gw: number[]; gb: number[] | null;
}

const cases = loadFixture<{ conv: ConvCase[] }>('nn_conv').conv;

function layerFor(c: ConvCase, dtype: 'float32' | 'float64'): Conv1d | Conv2d {
  const [cout, cg, ...k] = c.wShape;
  const opts = { stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups, bias: c.b !== null, dtype };
  const layer = c.dims === 2 ? new Conv2d(c.xShape[1]!, cout!, k, opts) : new Conv1d(c.xShape[1]!, cout!, k, opts);
  assert.equal(cg, c.xShape[1]! / c.groups);
  layer.weight.data.set(c.w);
  if (c.b !== null) layer.bias!.data.set(c.b);
  return layer;
}

test('Conv1d/Conv2d forward and gradients match PyTorch (float64, stride/padding/dilation/groups)', () => {
  for (const c of cases) {
    const label = `conv${c.dims}d ${JSON.stringify({ x: c.xShape, w: c.wShape, s: c.stride, p: c.padding, d: c.dilation, g: c.groups })}`;
    const layer = layerFor(c, 'float64');
    const x = tensor(c.x, { dtype: 'float64', shape: c.xShape, requiresGrad: true });
    const y = layer.call(x);
    assert.deepEqual(y.shape, c.yShape, label);
    assertClose(y.data, c.y, { rtol: 1e-9, atol: 1e-9 }, `${label} y`);
    y.backward(tensor(c.gy, { dtype: 'float64', shape: c.yShape }));
    assertClose(x.grad!.data, c.gx, { rtol: 1e-9, atol: 1e-9 }, `${label} gx`);
    assertClose(layer.weight.grad!.data, c.gw, { rtol: 1e-9, atol: 1e-9 }, `${label} gw`);
    if (c.gb !== null) assertClose(layer.bias!.grad!.data, c.gb, { rtol: 1e-9, atol: 1e-9 }, `${label} gb`);
  }
});

test('the float32 path agrees with PyTorch within 1e-5 (relative)', () => {
  for (const c of cases) {
    const layer = layerFor(c, 'float32');
    const x = tensor(c.x, { dtype: 'float32', shape: c.xShape, requiresGrad: true });
    const y = layer.call(x);
    assertClose(y.data, c.y, { rtol: 1e-5, atol: 1e-5 }, 'y');
    y.backward(tensor(c.gy, { dtype: 'float32', shape: c.yShape }));
    assertClose(x.grad!.data, c.gx, { rtol: 1e-5, atol: 1e-5 }, 'gx');
    assertClose(layer.weight.grad!.data, c.gw, { rtol: 1e-5, atol: 1e-5 }, 'gw');
  }
});

test('the pure-TypeScript GEMM backend gives the same convolution and gradients as WebAssembly', () => {
  const c = cases[1]!;
  const run = (): number[][] => {
    const layer = layerFor(c, 'float32');
    const x = tensor(c.x, { dtype: 'float32', shape: c.xShape, requiresGrad: true });
    const y = layer.call(x);
    y.backward(tensor(c.gy, { dtype: 'float32', shape: c.yShape }));
    return [Array.from(y.data), Array.from(x.grad!.data), Array.from(layer.weight.grad!.data)];
  };
  const wasm = run();
  setGemmBackend('ts');
  try {
    const ts = run();
    for (let i = 0; i < 3; i++) assertClose(ts[i]!, wasm[i]!, { rtol: 1e-5, atol: 1e-6 });
  } finally {
    setGemmBackend('auto');
  }
});

test('conv2d gradients agree with finite differences, including the multi-block path', () => {
  const rand = (shape: number[], seed: number): Tensor => {
    let s = seed;
    const n = shape.reduce((a, b) => a * b, 1);
    return tensor(Float64Array.from({ length: n }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) - 0.5), { shape, requiresGrad: true });
  };
  const x = rand([2, 4, 5, 6], 1), w = rand([6, 2, 3, 2], 2), b = rand([6], 3);
  gradCheck((xx, ww, bb) => conv2d(xx!, ww!, bb!, { stride: [2, 1], padding: [1, 1], dilation: [1, 2], groups: 2 }), [x, w, b]);
  // A large batch is split into blocks of images for im2col; gradients must sum across them.
  const big = rand([40, 1, 130, 130], 4), w1 = rand([2, 1, 3, 3], 5);
  const y = conv2d(big, w1, null, { stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1 });
  const single = conv2d(tensor(big.data.slice(0, 130 * 130), { dtype: 'float64', shape: [1, 1, 130, 130] }), w1.detach(), null, { stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1 });
  assertClose(y.data.subarray(0, single.size), single.data, { rtol: 1e-12, atol: 1e-12 });
  y.sum().backward();
  let expected = 0;
  for (let i = 0; i < big.size; i++) expected += big.data[i]!; // d(sum y)/d(w[center]) = Σx (padding 1, 3×3)
  assert.ok(Math.abs(w1.grad!.data[4]! - expected) < 1e-8 * Math.abs(expected) + 1e-8, `${w1.grad!.data[4]} vs ${expected}`);
});

test('a second backward pass over the same graph still sees the right columns', () => {
  const c = cases[0]!;
  const layer = layerFor(c, 'float64');
  const x = tensor(c.x, { dtype: 'float64', shape: c.xShape, requiresGrad: true });
  const loss = layer.call(x).mul(tensor(c.gy, { dtype: 'float64', shape: c.yShape })).sum();
  loss.backward();
  // Another convolution of the same shape takes the column buffer the first one handed back.
  layer.call(tensor(c.x.map((v) => -3 * v), { dtype: 'float64', shape: c.xShape })).sum().backward();
  layer.weight.grad = null;
  x.grad = null;
  loss.backward();
  assertClose(layer.weight.grad!.data, c.gw, { rtol: 1e-9, atol: 1e-9 });
  assertClose(x.grad!.data, c.gx, { rtol: 1e-9, atol: 1e-9 });
});

test('shape mismatches name the layer and the expected and actual shapes', () => {
  const conv = new Conv2d(3, 8, 3);
  assert.throws(() => conv.call(tensor(new Float32Array(2 * 4 * 5 * 5), { shape: [2, 4, 5, 5] })), /Conv2d\(3→8, kernel 3×3\): expected input of shape \(N, 3, H, W\) but got \(2, 4, 5, 5\)/);
  assert.throws(() => new Conv1d(4, 6, 3).call(tensor(new Float32Array(12), { shape: [4, 3] })), /Conv1d\(4→6, kernel 3\): expected input of shape \(N, 4, L\)/);
  assert.throws(() => conv.call(tensor(new Float32Array(3 * 4), { shape: [1, 3, 2, 2] })), /smaller than the \(dilated\) kernel 3×3/);
  assert.throws(() => new Conv2d(3, 8, 3, { groups: 2 }), /groups must be a positive integer dividing inChannels \(3\)/);
  assert.throws(() => new Conv2d(3, 8, 3, { padding: 'same', stride: 2 }), /padding 'same' needs stride 1/);
});

test('padding "same" keeps the size, and a layer is rebuilt from its spec', () => {
  const conv = new Conv2d(2, 3, [3, 5], { padding: 'same', seed: 1 });
  assert.deepEqual(conv.call(tensor(new Float32Array(2 * 2 * 7 * 9), { shape: [2, 2, 7, 9] })).shape, [2, 3, 7, 9]);
  const again = buildLayer(conv.spec()) as Conv2d;
  assert.deepEqual(again.weight.shape, conv.weight.shape);
  assert.deepEqual(again.padding, [1, 2]);
});
