import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { ShapeError, ValueError } from '../errors.js';
import { NdArray } from '../ndarray.js';
import { Generator, Xoshiro256StarStar, defaultRng } from './index.js';

const F = loadFixture<{
  bitgen: {
    streams: { seed: string; doubles: number[] }[];
    jumps: { seed: number; two_jumps_state: string[] }[];
    bounded: { seed: number; range: number; values: number[] }[];
  };
}>('rng').bitgen;

const flat = (a: NdArray): number[] => Array.from(a.toFloat64Array());

describe('Generator: determinism', () => {
  it('random() is the bit stream exactly', () => {
    for (const s of F.streams) {
      assert.deepEqual(flat(defaultRng(BigInt(s.seed)).random(20)), s.doubles, `seed ${s.seed}`);
      const rng = defaultRng(BigInt(s.seed));
      assert.equal(rng.random(), s.doubles[0]);
    }
  });

  it('integers() reproduces the reference Lemire draws, rejections included', () => {
    for (const b of F.bounded) {
      const rng = defaultRng(b.seed);
      assert.deepEqual(b.values.map(() => rng.integers(0, b.range)), b.values, `seed ${b.seed} range ${b.range}`);
    }
  });

  it('the same seed gives identical arrays for every sampler; different seeds differ', () => {
    const draw = (rng: Generator): number[] => [
      ...flat(rng.normal(1, 2, [3, 4])),
      ...flat(rng.gamma(0.7, 1, 5)),
      ...flat(rng.beta(0.5, 0.5, 5)),
      ...flat(rng.binomial(500, 0.3, 5)),
      ...flat(rng.poisson(30, 5)),
      ...flat(rng.choice(100, 5, { replace: false })),
      ...flat(rng.permutation(10)),
      ...flat(rng.multivariateNormal([0, 1], [[2, 1], [1, 2]], 3)),
      ...flat(rng.dirichlet([1, 2, 3], 2)),
      ...flat(rng.multinomial(10, [0.5, 0.5], 2)),
      rng.studentT(4),
      rng.integers(1000),
    ];
    const a = draw(defaultRng(123));
    assert.deepEqual(draw(defaultRng(123)), a);
    assert.deepEqual(draw(defaultRng(123n)), a);
    const b = draw(defaultRng(124));
    assert.notDeepEqual(b, a);
    assert.ok(a.filter((v, i) => v === b[i]).length < a.length / 2, 'streams of neighbouring seeds are unrelated');
  });

  it('unseeded generators draw their seed from the platform and differ', () => {
    assert.notDeepEqual(flat(defaultRng().random(4)), flat(defaultRng().random(4)));
  });

  it('saving and restoring the bit generator state replays the draws', () => {
    const rng = defaultRng(5);
    rng.normal();
    const saved = rng.bitGenerator.state;
    const a = flat(rng.normal(0, 1, 10));
    rng.bitGenerator.state = saved;
    assert.deepEqual(flat(rng.normal(0, 1, 10)), a);
  });

  it('defaultRng passes a Generator through and wraps a bit generator', () => {
    const rng = defaultRng(1);
    assert.equal(defaultRng(rng), rng);
    const wrapped = defaultRng(new Xoshiro256StarStar(1));
    assert.equal(wrapped.random(), defaultRng(1).random());
  });
});

describe('Generator: streams', () => {
  it('jumped() moves 2^128 steps per jump without touching the parent', () => {
    for (const j of F.jumps) {
      const rng = defaultRng(j.seed);
      const before = rng.bitGenerator.state;
      assert.deepEqual(rng.jumped(2).bitGenerator.state.s, j.two_jumps_state);
      assert.deepEqual(rng.bitGenerator.state, before);
    }
  });

  it('spawn(n) gives deterministic children on jumped streams, and moves the parent past them', () => {
    const parent = defaultRng(77);
    const original = defaultRng(77);
    const kids = parent.spawn(3);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(kids[i]!.bitGenerator.state, original.jumped(i + 1).bitGenerator.state);
    }
    assert.deepEqual(parent.bitGenerator.state, original.jumped(4).bitGenerator.state);
    const draws = kids.map((k) => flat(k.random(4)));
    assert.notDeepEqual(draws[0], draws[1]);
    assert.notDeepEqual(draws[1], draws[2]);
    const again = parent.spawn(1)[0]!;
    assert.notDeepEqual(flat(again.random(4)), draws[0]);
    assert.deepEqual(flat(defaultRng(77).spawn(3)[1]!.random(4)), draws[1]);
  });
});

describe('Generator: size and dtype', () => {
  it('no size gives a number, a count a 1-d array, a shape that shape', () => {
    const rng = defaultRng(0);
    assert.equal(typeof rng.normal(), 'number');
    const one = rng.normal(0, 1, 5);
    assert.deepEqual(one.shape, [5]);
    assert.equal(one.dtype, 'float64');
    assert.deepEqual(rng.uniform(0, 1, [2, 3]).shape, [2, 3]);
    assert.deepEqual(rng.random([]).shape, []);
    assert.equal(rng.random(0).size, 0);
    for (const a of [rng.integers(0, 5, 4), rng.binomial(5, 0.5, 4), rng.poisson(2, 4), rng.geometric(0.5, 4)]) {
      assert.equal(a.dtype, 'int32');
      assert.deepEqual(a.shape, [4]);
    }
    assert.deepEqual(rng.multinomial(5, [0.5, 0.5]).shape, [2]);
    assert.deepEqual(rng.dirichlet([1, 1, 1], [4, 2]).shape, [4, 2, 3]);
    assert.deepEqual(rng.multivariateNormal([0, 0], [[1, 0], [0, 1]], [5]).shape, [5, 2]);
  });

  it('the return type follows size (checked by the type checker)', () => {
    const rng = defaultRng(0);
    const scalar: number = rng.normal();
    const floats: NdArray<'float64'> = rng.normal(0, 1, [2]);
    const ints: NdArray<'int32'> = rng.integers(0, 3, 2);
    const count: number = rng.poisson(3);
    const picks: NdArray<'int32'> = rng.choice(4, 2);
    const perm: string[] = rng.permutation(['a', 'b']);
    assert.equal(typeof scalar + typeof count, 'numbernumber');
    assert.deepEqual([floats.dtype, ints.dtype, picks.dtype, perm.length], ['float64', 'int32', 'int32', 2]);
  });

  it('integers covers exactly [low, high), or [low, high] with endpoint', () => {
    const rng = defaultRng(3);
    const a = flat(rng.integers(-3, 2, 2000));
    assert.deepEqual([...new Set(a)].sort((x, y) => x - y), [-3, -2, -1, 0, 1]);
    const b = flat(rng.integers(1, 6, 2000, { endpoint: true }));
    assert.deepEqual([...new Set(b)].sort((x, y) => x - y), [1, 2, 3, 4, 5, 6]);
    const c = flat(rng.integers(4, undefined, 500));
    assert.deepEqual([...new Set(c)].sort((x, y) => x - y), [0, 1, 2, 3]);
    assert.equal(rng.integers(7, 7, undefined, { endpoint: true }), 7);
    const full = flat(rng.integers(-(2 ** 31), 2 ** 31, 1000));
    assert.ok(full.some((v) => v < -(2 ** 30)) && full.some((v) => v > 2 ** 30), 'the full int32 range is used');
    for (let i = 0; i < 200; i++) {
      const v = rng.integers(2 ** 40, 2 ** 52 + 3);
      assert.ok(Number.isInteger(v) && v >= 2 ** 40 && v < 2 ** 52 + 3);
    }
  });
});

describe('Generator: bad input', () => {
  const rng = defaultRng(0);
  it('uniform needs low < high', () => {
    assert.throws(() => rng.uniform(2, 1), /low \(2\) must be less than high \(1\)/);
    assert.throws(() => rng.uniform(1, 1), /must be less than high/);
    assert.throws(() => rng.uniform(0, Infinity), /high must be a finite number/);
  });
  it('integers needs integer bounds with low < high', () => {
    assert.throws(() => rng.integers(5, 3), /low \(5\) must be less than high \(3\)/);
    assert.throws(() => rng.integers(0), /range \[low, high\) is empty/);
    assert.throws(() => rng.integers(5, 4, undefined, { endpoint: true }), /must be <= high/);
    assert.throws(() => rng.integers(0.5, 3), /low must be a safe integer/);
    assert.throws(() => rng.integers(0, 2 ** 40, 3), /arrays are int32/);
  });
  it('scales, shapes and degrees of freedom must be valid', () => {
    assert.throws(() => rng.normal(0, -1), /normal\(\): scale must be >= 0, got -1/);
    assert.throws(() => rng.normal(NaN, 1), /loc must be a finite number/);
    assert.throws(() => rng.lognormal(0, -2), /sigma must be >= 0/);
    assert.throws(() => rng.exponential(-1), /scale must be >= 0/);
    assert.throws(() => rng.gamma(-1), /shape must be >= 0/);
    assert.throws(() => rng.beta(0, 1), /a must be > 0/);
    assert.throws(() => rng.chisquare(0), /df must be > 0/);
    assert.throws(() => rng.studentT(-3), /df must be > 0/);
    assert.throws(() => rng.laplace(0, -1), /scale must be >= 0/);
    assert.throws(() => rng.logistic(0, -1), /scale must be >= 0/);
  });
  it('discrete parameters must be valid', () => {
    assert.throws(() => rng.binomial(10, 1.5), /p must be in \[0, 1\], got 1.5/);
    assert.throws(() => rng.binomial(2.5, 0.5), /n must be an integer/);
    assert.throws(() => rng.poisson(-1), /lam must be >= 0/);
    assert.throws(() => rng.geometric(0), /p must be > 0/);
    assert.throws(() => rng.multinomial(5, [0.5, 0.6]), /must sum to 1, but sums to 1.1/);
    assert.throws(() => rng.multinomial(5, [1.5, -0.5]), /pvals\[1\] = -0.5; probabilities must be finite and non-negative/);
    assert.throws(() => rng.dirichlet([1, 0]), /alpha\[1\] must be > 0/);
    assert.throws(() => rng.dirichlet([]), /non-empty 1-d array/);
    assert.throws(() => rng.dirichlet([]), ValueError, 'an empty alpha is a bad value');
    assert.throws(() => rng.dirichlet([[1, 2]]), ShapeError, 'a 2-d alpha is a bad shape, as in linalg and interpolate');
    assert.throws(
      () => rng.multinomial(3, new NdArray('float64', Float64Array.of(0.5, 0.5), [1, 2])),
      (e: unknown) => e instanceof ShapeError && /pvals must be 1-d, got shape \(1, 2\)/.test((e as Error).message),
    );
  });
  it('size must be a count or a shape', () => {
    assert.throws(() => rng.random(-1), /size must be a non-negative integer/);
    assert.throws(() => rng.normal(0, 1, [2, 1.5]), /size must be a non-negative integer/);
    assert.throws(() => rng.random(-1), ValueError, 'a bad size is a ValueError, as in distributions');
  });
  it('multivariateNormal needs a matching symmetric semidefinite cov', () => {
    assert.throws(() => rng.multivariateNormal([0, 0], [[1, 0, 0]]), /cov must have shape \(2, 2\)/);
    assert.throws(() => rng.multivariateNormal([0, 0], [[1, 0.5], [0.2, 1]]), /cov must be symmetric/);
    assert.throws(() => rng.multivariateNormal([0, 0], [[1, 2], [2, 1]]), /not positive semidefinite/);
  });
  it('a draw too large for an int32 array says how to get it', () => {
    assert.throws(() => rng.poisson(1e10, 2), /does not fit the int32 array/);
    assert.throws(() => rng.poisson(1e10, 2), ValueError);
    assert.ok(rng.poisson(1e10) > 2 ** 31, 'scalar draws are exact beyond int32');
  });
});
