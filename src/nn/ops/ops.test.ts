import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Tensor, tensor, gradCheck, noGrad,
  add, sub, mul, div, pow, neg, exp, log, sqrt, abs, relu, leakyRelu, sigmoid, tanh, gelu, silu, softplus, clamp, where,
  sum, mean, max, min, variance, reshape, flatten, transpose, narrow, concat, stack, indexSelect, matmul, linear, softmax, logSoftmax,
} from '../index.js';

/** A float64 leaf with seeded values in [lo, hi). */
function rand(shape: number[], seed: number, lo = -1, hi = 1): Tensor {
  let s = seed >>> 0;
  let n = 1;
  for (const d of shape) n *= d;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    data[i] = lo + ((s >>> 8) / 2 ** 24) * (hi - lo);
  }
  return Tensor.fromData(data, shape, true);
}

test('binary ops with broadcasting match finite differences', () => {
  for (const [sa, sb] of [[[3, 4], [3, 4]], [[3, 4], [4]], [[2, 1, 4], [3, 1]], [[4], [2, 3, 4]]] as number[][][]) {
    const a = rand(sa!, 1);
    const b = rand(sb!, 2, 0.5, 2);
    for (const f of [add, sub, mul, div]) gradCheck((x, y) => f(x!, y!), [a, b]);
  }
  const a = rand([2, 3], 3);
  gradCheck((x) => add(mul(x!, 3), 2).div(4).sub(1), [a]);
});

test('broadcast forward values are right', () => {
  const a = tensor([[1, 2, 3], [4, 5, 6]]);
  const b = tensor([10, 20, 30]);
  assert.deepEqual(a.add(b).toArray(), [[11, 22, 33], [14, 25, 36]]);
  assert.deepEqual(tensor([[1], [2]]).mul(tensor([1, 2, 3])).toArray(), [[1, 2, 3], [2, 4, 6]]);
  assert.throws(() => a.add(tensor([1, 2])), /do not broadcast/);
});

test('unary ops match finite differences', () => {
  const x = rand([3, 5], 4);
  const pos = rand([3, 5], 5, 0.2, 2);
  for (const f of [neg, exp, tanh, sigmoid, gelu, silu, softplus]) gradCheck((t) => f(t!), [x]);
  for (const f of [log, sqrt]) gradCheck((t) => f(t!), [pos]);
  // Kinks (0 for relu/abs) are avoided by values away from them.
  const away = rand([3, 5], 6, 0.1, 1).mul(tensor([1, -1, 1, -1, 1], { dtype: 'float64' })).detach();
  away.requiresGrad = true;
  for (const f of [relu, abs]) gradCheck((t) => f(t!), [away]);
  gradCheck((t) => leakyRelu(t!, 0.1), [away]);
  gradCheck((t) => clamp(t!, -0.5, 0.5), [away]);
  gradCheck((t) => pow(t!, 3), [x]);
  gradCheck((t) => pow(t!, 2), [x]);
  gradCheck((t) => pow(t!, 0.5), [pos]);
  const mask = tensor([1, 0, 1, 0, 1], { dtype: 'float64' });
  gradCheck((a, b) => where(mask, a!, b!), [rand([5], 7), rand([5], 8)]);
});

test('relu keeps positives, zeroes negatives and −0, passes NaN (as PyTorch), and its gradient follows the output, in both dtypes', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    const x = tensor([-2, -0, 0, 0.5, 3, -Infinity, Infinity, NaN, -1e-30, 1e-30], { dtype });
    x.requiresGrad = true;
    const y = relu(x);
    const want = [0, 0, 0, 0.5, 3, 0, Infinity, NaN, 0, dtype === 'float32' ? Math.fround(1e-30) : 1e-30];
    assert.deepEqual([...y.data], want, dtype);
    assert.ok(Object.is(y.data[1], 0), `${dtype}: relu(−0) is +0`);
    y.mul(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { dtype })).sum().backward();
    assert.deepEqual([...x.grad!.data], [0, 0, 0, 4, 5, 0, 7, 8, 0, 10], dtype);
  }
});

test('activation values match closed forms', () => {
  const x = tensor([-2, 0, 1.5], { dtype: 'float64' });
  assert.ok(Math.abs(gelu(x).data[2]! - 1.5 * 0.9331927987311419) < 1e-12);
  assert.ok(Math.abs(sigmoid(tensor([-800], { dtype: 'float64' })).data[0]!) < 1e-300);
  assert.equal(softplus(tensor([1000], { dtype: 'float64' })).data[0], 1000);
});

test('reductions match finite differences for every axis pattern', () => {
  const x = rand([2, 3, 4], 9);
  for (const axis of [undefined, 0, 1, 2, -1, [0, 2], [0, 1], [1, 2]] as (number | number[] | undefined)[]) {
    for (const keep of [false, true]) {
      gradCheck((t) => sum(t!, axis, keep), [x]);
      gradCheck((t) => mean(t!, axis, keep), [x]);
      gradCheck((t) => max(t!, axis, keep), [x]);
      gradCheck((t) => min(t!, axis, keep), [x]);
      gradCheck((t) => variance(t!, axis, keep, 1), [x]);
    }
  }
  const y = tensor([[1, 5, 2], [7, 0, 3]]);
  assert.deepEqual(sum(y, 0).toArray(), [8, 5, 5]);
  assert.deepEqual(sum(y, 1, true).shape, [2, 1]);
  assert.deepEqual(max(y, 1).toArray(), [5, 7]);
  assert.deepEqual(mean(y).toArray(), 3);
  assert.deepEqual(sum(y, [0, 1]).shape, []);
});

test('shape ops match finite differences', () => {
  const x = rand([2, 3, 4], 10);
  gradCheck((t) => reshape(t!, [4, -1]).mul(reshape(t!, [6, 4]).transpose().reshape([4, 6])), [x]);
  gradCheck((t) => transpose(t!, [2, 0, 1]), [x]);
  gradCheck((t) => transpose(t!, [1, 0, 2]), [x]);
  gradCheck((t) => flatten(t!), [x]);
  gradCheck((t) => narrow(t!, 1, 1, 3), [x]);
  gradCheck((t) => narrow(t!, -1, 0, 2), [x]);
  gradCheck((a, b) => concat([a!, b!, a!], 1), [x, rand([2, 2, 4], 11)]);
  gradCheck((a, b) => stack([a!, b!], 1), [x, rand([2, 3, 4], 12)]);
  gradCheck((t) => indexSelect(t!, [1, 0, 1]), [x]);
  assert.deepEqual(transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray(), [[1, 4], [2, 5], [3, 6]]);
  assert.deepEqual(narrow(tensor([[1, 2, 3], [4, 5, 6]]), 1, 1, 3).toArray(), [[2, 3], [5, 6]]);
  assert.deepEqual(concat([tensor([[1], [2]]), tensor([[3], [4]])], 1).toArray(), [[1, 3], [2, 4]]);
  assert.throws(() => reshape(x, [5, 5]), /cannot reshape \(2, 3, 4\)/);
});

test('matmul and linear match finite differences and direct sums', () => {
  gradCheck((a, b) => matmul(a!, b!), [rand([3, 4], 13), rand([4, 5], 14)]);
  gradCheck((a, b) => matmul(a!, b!), [rand([2, 3, 4], 15), rand([4, 2], 16)]);
  gradCheck((a, b) => matmul(a!, b!), [rand([2, 3, 4], 17), rand([2, 4, 5], 18)]);
  gradCheck((a, b) => matmul(a!, b!), [rand([4], 19), rand([4, 3], 20)]);
  gradCheck((a, b) => matmul(a!, b!), [rand([3, 4], 21), rand([4], 22)]);
  gradCheck((x, w, b) => linear(x!, w!, b!), [rand([5, 4], 23), rand([3, 4], 24), rand([3], 25)]);
  gradCheck((x, w) => linear(x!, w!, null), [rand([2, 5, 4], 26), rand([3, 4], 27)]);
  // Large enough for the WebAssembly kernel.
  const a = rand([40, 50], 28);
  const b = rand([50, 30], 29);
  const c = matmul(a, b);
  let ref = 0;
  for (let k = 0; k < 50; k++) ref += a.data[7 * 50 + k]! * b.data[k * 30 + 11]!;
  assert.ok(Math.abs(c.data[7 * 30 + 11]! - ref) < 1e-12);
  gradCheck((x, y) => matmul(x!, y!), [rand([30, 40], 30), rand([40, 35], 31)]);
  assert.throws(() => linear(rand([2, 5], 1), rand([3, 4], 2), null, 'Linear(4→3)'), /Linear\(4→3\): expected input of shape \(…, 4\) but got \(2, 5\)/);
});

test('softmax and logSoftmax match finite differences along any axis', () => {
  const x = rand([2, 3, 4], 32, -3, 3);
  for (const axis of [0, 1, 2, -1]) {
    gradCheck((t) => softmax(t!, axis), [x]);
    gradCheck((t) => logSoftmax(t!, axis), [x]);
  }
  const s = softmax(tensor([[1000, 1000], [0, Math.log(3)]], { dtype: 'float64' }));
  assert.deepEqual(Array.from(s.data).map((v) => Number(v.toFixed(12))), [0.5, 0.5, 0.25, 0.75]);
});

test('backward accumulates over reuse and across calls, and noGrad records nothing', () => {
  const w = tensor([1, 2, 3], { dtype: 'float64', requiresGrad: true });
  const y = w.mul(w).add(w).sum();
  y.backward();
  assert.deepEqual(Array.from(w.grad!.data), [3, 5, 7]);
  w.sum().backward();
  assert.deepEqual(Array.from(w.grad!.data), [4, 6, 8]);
  const z = noGrad(() => w.mul(2));
  assert.equal(z.requiresGrad, false);
  assert.throws(() => z.sum().backward(), /does not require a gradient/);
  assert.throws(() => w.mul(2).backward(), /needs an explicit gradient/);
  const d = w.detach();
  assert.equal(d.requiresGrad, false);
  assert.equal(d.data, w.data);
});

test('gradient buffers a backward pass is done with are reused without touching live tensors or gradients', () => {
  const n = 1 << 15; // above the size the engine recycles
  const x = tensor(Array.from({ length: n }, (_, i) => Math.sin(i)), { dtype: 'float64' });
  x.requiresGrad = true;
  const w = tensor(Array.from({ length: 2 * n }, (_, i) => Math.cos(i)), { dtype: 'float64' });
  // concat's backward hands out views of its incoming gradient and reshape's passes it on
  // whole: neither may be reused while the parent still needs it.
  const step = (): Tensor => {
    const h = relu(x.mul(2));
    concat([h.reshape([2, n / 2]).mul(2).reshape([n]), h.exp()], 0).mul(w).sum().backward();
    return h;
  };
  const h1 = step();
  const kept = h1.data.slice();
  const first = x.grad!.data.slice();
  for (let i = 0; i < n; i++) {
    const xi = x.data[i]!;
    const want = xi > 0 ? 2 * (2 * w.data[i]! + w.data[n + i]! * Math.exp(2 * xi)) : 0;
    if (Math.abs(first[i]! - want) > 1e-9 * Math.max(1, Math.abs(want))) assert.fail(`grad[${i}] = ${first[i]}, want ${want}`);
  }
  step();
  assert.deepEqual(h1.data, kept, 'the first step\'s activations are unchanged');
  assert.deepEqual(x.grad!.data, first.map((v) => 2 * v), 'the second step accumulates the same gradient');
  // A gradient the caller passes in stays the caller's.
  const seed = tensor(new Array<number>(n).fill(1), { dtype: 'float64' });
  relu(x.mul(2)).mul(3).backward(seed);
  assert.ok(seed.data.every((v) => v === 1), 'the seed gradient is unchanged');
});

test('relu\'s backward overwrites only a gradient buffer the engine owns: never the caller\'s seed nor views shared with other inputs', () => {
  const n = 1 << 15;
  for (const dtype of ['float32', 'float64'] as const) {
    const x = tensor(Array.from({ length: n }, (_, i) => Math.sin(i)), { dtype, requiresGrad: true });
    const mask = Array.from(x.data, (v) => (v > 0 ? 1 : 0));
    const ones = (): Tensor => tensor(new Array<number>(n).fill(1), { dtype });
    // The seed reaches relu directly: not owned.
    const seed = ones();
    relu(x).backward(seed);
    assert.ok(seed.data.every((v) => v === 1), `${dtype}: the seed is unchanged`);
    assert.deepEqual([...x.grad!.data], mask, dtype);
    // mul's backward makes a fresh buffer, which relu may take over.
    x.grad = null;
    relu(x).mul(3).backward(ones());
    assert.deepEqual([...x.grad!.data], mask.map((m) => 3 * m), dtype);
    // concat hands its inputs views of one gradient buffer: relu must not write into the part
    // that belongs to the other input (nor into the caller's seed).
    x.grad = null;
    const seed2 = tensor(Array.from({ length: 2 * n }, (_, i) => i + 1), { dtype });
    concat([relu(x), x], 0).backward(seed2);
    assert.deepEqual([...seed2.data], Array.from({ length: 2 * n }, (_, i) => i + 1), `${dtype}: concat's seed is unchanged`);
    assert.deepEqual([...x.grad!.data], mask.map((m, i) => m * (i + 1) + (n + i + 1)), dtype);
  }
});

test('a deep chain back-propagates without recursion limits', () => {
  const x = tensor([0.5], { dtype: 'float64', requiresGrad: true });
  let y: Tensor = x;
  for (let i = 0; i < 20000; i++) y = y.mul(1);
  y.sum().backward();
  assert.equal(x.grad!.item(), 1);
});

test('tensors convert from and to NdArrays and nested arrays', async () => {
  const { array, zeros: ndZeros } = await import('../../tensor/index.js');
  const nd = array([[1, 2, 3], [4, 5, 6]], { dtype: 'float64' });
  const t = tensor(nd);
  assert.equal(t.dtype, 'float64');
  assert.deepEqual(t.shape, [2, 3]);
  const back = t.toNdArray();
  assert.deepEqual(back.toArray(), [[1, 2, 3], [4, 5, 6]]);
  assert.equal(back.data, t.data);
  assert.equal(tensor(ndZeros([2], { dtype: 'int32' })).dtype, 'float32');
  assert.deepEqual(tensor(Float64Array.of(1, 2, 3, 4), { shape: [2, 2] }).toArray(), [[1, 2], [3, 4]]);
  assert.equal(tensor(3).item(), 3);
  assert.throws(() => tensor([[1, 2], [3]]), /ragged/);
  assert.throws(() => Tensor.fromData(new Float32Array(3), [2, 2]), /needs 4 elements but the data has 3/);
});
