import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { array } from '../create.js';
import { ValueError } from '../errors.js';
import { NdArray } from '../ndarray.js';
import { defaultRng } from './index.js';

const CHI2_999 = loadFixture<{ chi2_999: Record<string, number> }>('rng').chi2_999;

function chiSquare(counts: number[], probs: number[]): number {
  const n = counts.reduce((s, v) => s + v, 0);
  return counts.reduce((s, c, i) => s + (c - n * probs[i]!) ** 2 / (n * probs[i]!), 0);
}

const flat = (a: NdArray): number[] => Array.from(a.toFloat64Array());

describe('choice', () => {
  it('from a count gives int32 positions; without size a number', () => {
    const rng = defaultRng(1);
    const x = rng.choice(5, [3, 4]);
    assert.equal(x.dtype, 'int32');
    assert.deepEqual(x.shape, [3, 4]);
    assert.ok(flat(x).every((v) => Number.isInteger(v) && v >= 0 && v < 5));
    const one = rng.choice(5);
    assert.ok(Number.isInteger(one) && one >= 0 && one < 5);
    const counts = [0, 0, 0, 0, 0];
    for (const v of flat(rng.choice(5, 20000))) counts[v]!++;
    assert.ok(chiSquare(counts, [0.2, 0.2, 0.2, 0.2, 0.2]) < CHI2_999['4']!);
  });

  it('weighted with replacement: frequencies follow p, zero-weight items never appear', () => {
    const p = [0.1, 0.2, 0, 0.3, 0.4];
    const counts = [0, 0, 0, 0, 0];
    for (const v of flat(defaultRng(2).choice(5, 20000, { p }))) counts[v]!++;
    assert.equal(counts[2], 0);
    const used = [0, 1, 3, 4];
    assert.ok(chiSquare(used.map((i) => counts[i]!), used.map((i) => p[i]!)) < CHI2_999['3']!, `counts ${counts}`);
    // A skewed p must not pass as uniform: the check has power.
    assert.ok(chiSquare(used.map((i) => counts[i]!), [0.25, 0.25, 0.25, 0.25]) > CHI2_999['3']!);
  });

  it('picks values and rows, keeping the dtype', () => {
    const rng = defaultRng(3);
    const vals = rng.choice([1.5, 2.5, 9], [2, 2]);
    assert.equal(vals.dtype, 'float64');
    assert.ok(flat(vals).every((v) => [1.5, 2.5, 9].includes(v)));
    assert.ok([10, 20, 30].includes(rng.choice([10, 20, 30])));
    const ints = rng.choice(array([7, 8, 9], { dtype: 'int32' }), 4);
    assert.equal(ints.dtype, 'int32');
    const m = array([[0, 1, 2], [10, 11, 12], [20, 21, 22], [30, 31, 32]]);
    const rows = rng.choice(m, 5);
    assert.deepEqual(rows.shape, [5, 3]);
    const r = rows.toArray() as number[][];
    for (const row of r) assert.deepEqual(row, [row[0]!, row[0]! + 1, row[0]! + 2]);
    const single = rng.choice(m);
    assert.ok(single instanceof NdArray && single.shape[0] === 3);
  });

  it('without replacement never repeats, for small and very large populations', () => {
    const rng = defaultRng(4);
    assert.deepEqual(flat(rng.choice(10, 10, { replace: false })).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const big = flat(rng.choice(2_000_000_000, 5000, { replace: false }));
    assert.equal(new Set(big).size, 5000);
    assert.ok(big.every((v) => v >= 0 && v < 2_000_000_000));
    const mid = flat(rng.choice(3_000_000, 100_000, { replace: false }));
    assert.equal(new Set(mid).size, 100_000);
    const weighted = flat(rng.choice(6, 4, { replace: false, p: [0.3, 0.3, 0.1, 0.1, 0.1, 0.1] }));
    assert.equal(new Set(weighted).size, 4);
  });

  it('without replacement, every position of the sample is uniform', () => {
    const rng = defaultRng(5);
    const first = [0, 0, 0, 0, 0];
    const second = [0, 0, 0, 0, 0];
    for (let t = 0; t < 10000; t++) {
      const [a, b] = flat(rng.choice(5, 2, { replace: false }));
      first[a!]!++;
      second[b!]!++;
    }
    const u = [0.2, 0.2, 0.2, 0.2, 0.2];
    assert.ok(chiSquare(first, u) < CHI2_999['4']! && chiSquare(second, u) < CHI2_999['4']!);
  });

  it('weighted without replacement is successive sampling (first pick ~ p, inclusion as NumPy)', () => {
    const p = [0.5, 0.3, 0.2];
    const rng = defaultRng(6);
    const first = [0, 0, 0];
    const included = [0, 0, 0];
    const trials = 20000;
    for (let t = 0; t < trials; t++) {
      const [a, b] = flat(rng.choice(3, 2, { replace: false, p }));
      first[a!]!++;
      included[a!]!++;
      included[b!]!++;
    }
    assert.ok(chiSquare(first, p) < CHI2_999['2']!, `first picks ${first}`);
    // P(i in sample) = p_i + sum_{j != i} p_j * p_i / (1 - p_j)
    for (let i = 0; i < 3; i++) {
      let pi = p[i]!;
      for (let j = 0; j < 3; j++) if (j !== i) pi += (p[j]! * p[i]!) / (1 - p[j]!);
      const se = Math.sqrt((pi * (1 - pi)) / trials);
      assert.ok(Math.abs(included[i]! / trials - pi) <= 5 * se, `inclusion of ${i}: ${included[i]! / trials} vs ${pi}`);
    }
  });

  it('rejects bad input with a clear message', () => {
    const rng = defaultRng(0);
    assert.throws(() => rng.choice(3, 2, { p: [0.5, 0.2, 0.2] }), /p must sum to 1, but sums to 0.9/);
    assert.throws(() => rng.choice(3, 2, { p: [1.2, -0.1, -0.1] }), /p\[1\] = -0.1; probabilities must be finite and non-negative/);
    assert.throws(() => rng.choice(3, 2, { p: [0.5, 0.5] }), /p has 2 entries but the population has 3/);
    assert.throws(() => rng.choice(3, 4, { replace: false }), /cannot take 4 items without replacement from a population of 3/);
    assert.throws(() => rng.choice(3, 3, { replace: false, p: [0.5, 0.5, 0] }), /only 2 have non-zero probability/);
    assert.throws(() => rng.choice(0, 1), /empty population/);
    assert.throws(() => rng.choice(-2, 1), /population size\) must be in \[0/);
  });
});

describe('shuffle and permutation', () => {
  it('shuffle permutes a JS array and a typed array in place', () => {
    const rng = defaultRng(7);
    const xs = Array.from({ length: 50 }, (_, i) => i);
    rng.shuffle(xs);
    assert.notDeepEqual(xs, Array.from({ length: 50 }, (_, i) => i));
    assert.deepEqual([...xs].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
    const t = Float64Array.from({ length: 20 }, (_, i) => i);
    rng.shuffle(t);
    assert.deepEqual(Array.from(t).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i));
  });

  it('shuffle moves whole rows of an NdArray, through a strided view', () => {
    const rng = defaultRng(8);
    const m = array([[0, 1], [10, 11], [20, 21], [30, 31], [40, 41]]);
    rng.shuffle(m);
    const rows = m.toArray() as number[][];
    for (const r of rows) assert.equal(r[1], r[0]! + 1);
    assert.deepEqual(rows.map((r) => r[0]).sort((a, b) => a! - b!), [0, 10, 20, 30, 40]);
    // A view of the 2nd column of a 4x3 buffer: shuffling it permutes only those elements.
    const base = Float64Array.from({ length: 12 }, (_, i) => i);
    const col = new NdArray('float64', base, [4], [3], 1);
    rng.shuffle(col);
    assert.deepEqual([base[1], base[4], base[7], base[10]].sort((a, b) => a! - b!), [1, 4, 7, 10]);
    assert.deepEqual([0, 2, 3, 5, 6, 8, 9, 11].map((i) => base[i]), [0, 2, 3, 5, 6, 8, 9, 11]);
  });

  it('permutation returns shuffled copies and leaves its input alone', () => {
    const rng = defaultRng(9);
    const p = rng.permutation(8);
    assert.equal(p.dtype, 'int32');
    assert.deepEqual(flat(p).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7]);
    const src = ['a', 'b', 'c', 'd'];
    const out = rng.permutation(src);
    assert.deepEqual(src, ['a', 'b', 'c', 'd']);
    assert.deepEqual([...out].sort(), src);
    const m = array([[1, 2], [3, 4], [5, 6]]);
    const pm = rng.permutation(m);
    assert.deepEqual(m.toArray(), [[1, 2], [3, 4], [5, 6]]);
    assert.deepEqual((pm.toArray() as number[][]).map((r) => r[0]).sort(), [1, 3, 5]);
  });

  it('all orderings are equally likely', () => {
    const rng = defaultRng(10);
    const counts = new Map<string, number>();
    for (let t = 0; t < 12000; t++) {
      const key = flat(rng.permutation(3)).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    assert.equal(counts.size, 6);
    assert.ok(chiSquare([...counts.values()], Array(6).fill(1 / 6)) < CHI2_999['5']!);
  });

  it('rejects what it cannot shuffle', () => {
    const rng = defaultRng(0);
    assert.throws(() => rng.shuffle(3 as unknown as number[]), /shuffle\(\) needs an array/);
    assert.throws(() => rng.permutation(-1), /n must be in \[0/);
    assert.throws(() => rng.permutation(array(5)), /cannot permute a 0-d array/);
    assert.throws(() => rng.shuffle(3 as unknown as number[]), ValueError);
    assert.throws(() => rng.permutation('abc' as unknown as number[]), (e: unknown) => e instanceof ValueError && /permutation\(\) needs a count, an array or an NdArray, got string/.test((e as Error).message));
  });
});
