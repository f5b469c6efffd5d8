import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { SplitMix64, Xoshiro256StarStar } from './index.js';
import { mulHiU32 } from './uint64.js';

interface Stream {
  seed: string;
  state: string[];
  raw: string[];
  doubles: number[];
}
interface Jumps {
  seed: number;
  jump_after_5_state: string[];
  jump_after_5_next: string[];
  long_jump_state: string[];
  two_jumps_state: string[];
}
const F = loadFixture<{
  bitgen: {
    streams: Stream[];
    splitmix_1234567: string[];
    state_1234_raw: string[];
    jumps: Jumps[];
    php_1234_after_jumps: string;
  };
}>('rng').bitgen;

const hex = (v: bigint): string => v.toString(16).padStart(16, '0');

describe('SplitMix64', () => {
  it('matches the published vector for seed 1234567 and the Python reference', () => {
    const sm = new SplitMix64(1234567);
    const out = F.splitmix_1234567.map(() => sm.nextUint64());
    assert.equal(out[0], 6457827717110365317n);
    assert.equal(out[1], 3203168211198807973n);
    assert.deepEqual(out.map(hex), F.splitmix_1234567);
  });
});

describe('Xoshiro256StarStar', () => {
  it('seeds through SplitMix64 exactly like the Python reference', () => {
    for (const s of F.streams) {
      const g = new Xoshiro256StarStar(BigInt(s.seed));
      assert.deepEqual(g.state.s, s.state, `state for seed ${s.seed}`);
    }
  });

  it('reproduces the first 20 raw 64-bit outputs for every fixture seed', () => {
    for (const s of F.streams) {
      const g = new Xoshiro256StarStar(BigInt(s.seed));
      assert.deepEqual(s.raw.map(() => hex(g.nextUint64())), s.raw, `seed ${s.seed}`);
    }
  });

  it('turns outputs into doubles exactly: top 53 bits times 2^-53', () => {
    for (const s of F.streams) {
      const g = new Xoshiro256StarStar(BigInt(s.seed));
      for (let i = 0; i < s.doubles.length; i++) assert.equal(g.nextDouble(), s.doubles[i], `seed ${s.seed} draw ${i}`);
      const h = new Xoshiro256StarStar(BigInt(s.seed));
      assert.deepEqual(Array.from(h.fillDoubles(new Float64Array(20))), s.doubles);
    }
  });

  it('gives the same stream for a seed as number and as bigint', () => {
    const a = new Xoshiro256StarStar(42);
    const b = new Xoshiro256StarStar(42n);
    for (let i = 0; i < 5; i++) assert.equal(a.nextUint64(), b.nextUint64());
  });

  it('nextUint32 is the upper half of an output', () => {
    const s = F.streams[2]!;
    const g = new Xoshiro256StarStar(BigInt(s.seed));
    for (const r of s.raw) assert.equal(g.nextUint32(), Number(BigInt('0x' + r) >> 32n));
  });

  it('matches the xoshiro256** vector for raw state (1, 2, 3, 4)', () => {
    const g = Xoshiro256StarStar.fromState([1n, 2n, 3n, 4n]);
    const out = F.state_1234_raw.map(() => g.nextUint64());
    assert.deepEqual(out.slice(0, 3), [11520n, 0n, 1509978240n]);
    assert.deepEqual(out.map(hex), F.state_1234_raw);
  });

  it('jumps 2^128 and 2^192 steps as the reference (checked there against matrix powers)', () => {
    for (const j of F.jumps) {
      const g = new Xoshiro256StarStar(j.seed);
      for (let i = 0; i < 5; i++) g.next64();
      g.jump();
      assert.deepEqual(g.state.s, j.jump_after_5_state);
      assert.deepEqual(j.jump_after_5_next.map(() => hex(g.nextUint64())), j.jump_after_5_next);
      const l = new Xoshiro256StarStar(j.seed);
      l.longJump();
      assert.deepEqual(l.state.s, j.long_jump_state);
      const base = new Xoshiro256StarStar(j.seed);
      const before = base.state.s;
      assert.deepEqual(base.jumped(2).state.s, j.two_jumps_state);
      assert.deepEqual(base.state.s, before, 'jumped() leaves the original alone');
    }
  });

  it("agrees with PHP's Xoshiro256StarStar(1234) after 10000 draws, jump and long jump", () => {
    const g = new Xoshiro256StarStar(1234);
    for (let i = 0; i < 10000; i++) g.next64();
    g.jump();
    g.longJump();
    assert.equal(hex(g.nextUint64()), F.php_1234_after_jumps);
    assert.equal(F.php_1234_after_jumps, '239196a79c7e191f'); // PHP prints its bytes little-endian: 1f197e9ca7969123
  });

  it('restores a saved state exactly and clones independently', () => {
    const g = new Xoshiro256StarStar(9);
    g.nextDouble();
    const saved = g.state;
    const c = g.clone();
    const a = [g.nextDouble(), g.nextDouble()];
    assert.deepEqual([c.nextDouble(), c.nextDouble()], a);
    g.state = saved;
    assert.deepEqual([g.nextDouble(), g.nextDouble()], a);
    assert.deepEqual(Xoshiro256StarStar.fromState(saved.s).state, saved);
  });

  it('rejects bad seeds and states with a clear message', () => {
    assert.throws(() => new Xoshiro256StarStar(-1), /non-negative integer/);
    assert.throws(() => new Xoshiro256StarStar(1.5), /non-negative integer/);
    assert.throws(() => new Xoshiro256StarStar(2 ** 60), /non-negative integer/);
    assert.throws(() => new Xoshiro256StarStar(1n << 64n), /\[0, 2\^64\)/);
    assert.throws(() => Xoshiro256StarStar.fromState([0n, 0n, 0n, 0n]), /all zeros/);
    assert.throws(() => Xoshiro256StarStar.fromState([1n, 2n]), /4 words/);
    assert.throws(() => Xoshiro256StarStar.fromState(['xyz', '1', '2', '3']), /hex digits/);
    const g = new Xoshiro256StarStar(1);
    assert.throws(() => {
      g.state = { algorithm: 'pcg64', s: ['1', '2', '3', '4'] };
    }, /expected \{ algorithm: 'xoshiro256\*\*'/);
    assert.throws(() => g.jumped(-1), /non-negative integer/);
  });
});

describe('mulHiU32', () => {
  it('is the exact high word of a 32x32-bit product', () => {
    const g = new Xoshiro256StarStar(3);
    const pairs: [number, number][] = [[0xffffffff, 0xffffffff], [0, 0xffffffff], [0x80000000, 2], [1, 1]];
    for (let i = 0; i < 200; i++) pairs.push([g.nextUint32(), g.nextUint32()]);
    for (const [a, b] of pairs) assert.equal(mulHiU32(a, b), Number((BigInt(a) * BigInt(b)) >> 32n), `${a} * ${b}`);
  });
});
