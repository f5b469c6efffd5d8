import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataLoader, Tensor, manualSeed } from '../index.js';

const x = Tensor.fromData(Float32Array.from({ length: 20 }, (_, i) => i), [10, 2]);
const y = Tensor.fromData(Float32Array.from({ length: 10 }, (_, i) => i), [10]);

test('batches keep rows of x and y together, in order without shuffle', () => {
  const batches = [...new DataLoader(x, y, { batchSize: 4 })];
  assert.deepEqual(batches.map(([xb]) => xb.shape), [[4, 2], [4, 2], [2, 2]]);
  assert.deepEqual(Array.from(batches[1]![0].data), [8, 9, 10, 11, 12, 13, 14, 15]);
  assert.deepEqual(Array.from(batches[2]![1]!.data), [8, 9]);
  assert.equal(new DataLoader(x, y, { batchSize: 4, dropLast: true }).batches, 2);
});

test('shuffling is a seeded permutation per epoch: epochs differ, runs repeat', () => {
  const order = (loader: DataLoader): number[] => [...loader].flatMap(([, yb]) => Array.from(yb!.data));
  const a = new DataLoader(x, y, { batchSize: 3, shuffle: true, seed: 9 });
  const e1 = order(a);
  const e2 = order(a);
  assert.deepEqual([...e1].sort((p, q) => p - q), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.notDeepEqual(e1, e2);
  const b = new DataLoader(x, y, { batchSize: 3, shuffle: true, seed: 9 });
  assert.deepEqual(order(b), e1);
  assert.deepEqual(order(b), e2);
  for (const [xb, yb] of new DataLoader(x, y, { batchSize: 5, shuffle: true, seed: 1 })) {
    for (let i = 0; i < yb!.size; i++) assert.equal(xb.data[2 * i], 2 * yb!.data[i]!);
  }
  manualSeed(4);
  const c = order(new DataLoader(x, y, { batchSize: 3, shuffle: true }));
  manualSeed(4);
  assert.deepEqual(order(new DataLoader(x, y, { batchSize: 3, shuffle: true })), c);
});

test('mismatched sample counts and bad batch sizes are rejected', () => {
  assert.throws(() => new DataLoader(x, Tensor.fromData(new Float32Array(3), [3])), /x has 10 samples \(10, 2\) but y has 3/);
  assert.throws(() => new DataLoader(x, y, { batchSize: 0 }), /batchSize must be a positive integer/);
});
