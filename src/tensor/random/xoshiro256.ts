/**
 * xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021):
 * 256 bits of state, period 2^256 − 1, passes BigCrush and PractRand, and has jump polynomials
 * that move the state 2^128 or 2^192 steps ahead for independent parallel streams.
 *
 * Every 64-bit quantity is held as two 32-bit halves and the scrambler's multiplications by 5 and
 * 9 are shifts and adds, so the integer stream — and the doubles made from it — are bit-for-bit
 * identical on every JavaScript engine, with no BigInt in the hot path.
 */
import { ValueError } from '../errors.js';
import type { BitGenerator, BitGeneratorState, Seed } from './bit-generator.js';
import { entropySeed } from './seed.js';
import { SplitMix64 } from './splitmix64.js';
import { fromHex64, toBigInt64, toHex64 } from './uint64.js';

const TWO32 = 4294967296;
const TWO_NEG53 = 1 / 9007199254740992;
const ALGORITHM = 'xoshiro256**';

/** Jump polynomial for 2^128 steps, as 32-bit words, least significant first. */
const JUMP = Uint32Array.of(
  0x3cfd0aba, 0x180ec6d3, 0xf0c9392c, 0xd5a61266, 0xe03fc9aa, 0xa9582618, 0x29b1661c, 0x39abdc45,
);
/** Jump polynomial for 2^192 steps. */
const LONG_JUMP = Uint32Array.of(
  0xfefdcbbf, 0x76e15d3e, 0x1c522fb3, 0xc5004e44, 0x854ee241, 0x77710069, 0x2acbe635, 0x39109bb0,
);

export class Xoshiro256StarStar implements BitGenerator {
  // State words s0..s3 as (high, low) halves, kept as int32 values for fast bit operations.
  private s0h = 0;
  private s0l = 0;
  private s1h = 0;
  private s1l = 0;
  private s2h = 0;
  private s2l = 0;
  private s3h = 0;
  private s3l = 0;
  hi = 0;
  lo = 0;

  /**
   * Seeds the state with four outputs of SplitMix64 started at `seed` (Vigna's recommended
   * seeding). With no seed, 64 bits come from the platform's cryptographic source.
   *
   * @example
   * const bits = new Xoshiro256StarStar(42);
   * bits.nextDouble(); // the same value on every platform
   */
  constructor(seed: Seed = entropySeed()) {
    const sm = new SplitMix64(seed);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      sm.next64();
      words.push(sm.hi, sm.lo);
    }
    this.setWords(words);
  }

  /**
   * A generator with the given raw state (four 64-bit words as bigints or hex strings), for
   * reproducing a published test vector or restoring a snapshot.
   *
   * @example
   * const bits = Xoshiro256StarStar.fromState([1n, 2n, 3n, 4n]);
   * bits.nextUint64(); // 11520n
   */
  static fromState(words: readonly (bigint | string)[]): Xoshiro256StarStar {
    const g = new Xoshiro256StarStar(0);
    g.setWords(parseWords(words));
    return g;
  }

  private setWords(w: readonly number[]): void {
    if (w.every((v) => v === 0)) {
      throw new ValueError('The xoshiro256 state must not be all zeros (the generator would output only zeros); use a seed.');
    }
    this.s0h = w[0]! | 0;
    this.s0l = w[1]! | 0;
    this.s1h = w[2]! | 0;
    this.s1l = w[3]! | 0;
    this.s2h = w[4]! | 0;
    this.s2l = w[5]! | 0;
    this.s3h = w[6]! | 0;
    this.s3l = w[7]! | 0;
  }

  private words(): number[] {
    return [this.s0h, this.s0l, this.s1h, this.s1l, this.s2h, this.s2l, this.s3h, this.s3l].map((v) => v >>> 0);
  }

  next64(): void {
    const s1h = this.s1h;
    const s1l = this.s1l;
    // result = rotl(s1 * 5, 7) * 9, with x*5 = (x << 2) + x and x*9 = (x << 3) + x.
    let low = ((s1l << 2) >>> 0) + (s1l >>> 0);
    const mh = ((s1h << 2) | (s1l >>> 30)) + s1h + (low >= TWO32 ? 1 : 0);
    const ml = low | 0;
    const rh = (mh << 7) | (ml >>> 25);
    const rl = (ml << 7) | (mh >>> 25);
    low = ((rl << 3) >>> 0) + (rl >>> 0);
    this.hi = (((rh << 3) | (rl >>> 29)) + rh + (low >= TWO32 ? 1 : 0)) >>> 0;
    this.lo = low >>> 0;
    // t = s1 << 17
    const th = (s1h << 17) | (s1l >>> 15);
    const tl = s1l << 17;
    this.s2h ^= this.s0h;
    this.s2l ^= this.s0l;
    this.s3h ^= s1h;
    this.s3l ^= s1l;
    this.s1h = s1h ^ this.s2h;
    this.s1l = s1l ^ this.s2l;
    this.s0h ^= this.s3h;
    this.s0l ^= this.s3l;
    this.s2h ^= th;
    this.s2l ^= tl;
    // s3 = rotl(s3, 45): swap the halves (rotate by 32), then rotate by 13.
    const a = this.s3l;
    const b = this.s3h;
    this.s3h = (a << 13) | (b >>> 19);
    this.s3l = (b << 13) | (a >>> 19);
  }

  nextUint32(): number {
    this.next64();
    return this.hi;
  }

  nextDouble(): number {
    this.next64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * TWO_NEG53;
  }

  nextUint64(): bigint {
    this.next64();
    return toBigInt64(this.hi, this.lo);
  }

  /** Fills `out` with uniform doubles in [0, 1), exactly as repeated `nextDouble()` calls would. */
  fillDoubles(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) {
      this.next64();
      out[i] = (this.hi * 2097152 + (this.lo >>> 11)) * TWO_NEG53;
    }
    return out;
  }

  private jumpWith(poly: Uint32Array): void {
    let a0h = 0, a0l = 0, a1h = 0, a1l = 0, a2h = 0, a2l = 0, a3h = 0, a3l = 0; // prettier-ignore
    for (let w = 0; w < poly.length; w++) {
      const word = poly[w]!;
      for (let b = 0; b < 32; b++) {
        if ((word >>> b) & 1) {
          a0h ^= this.s0h;
          a0l ^= this.s0l;
          a1h ^= this.s1h;
          a1l ^= this.s1l;
          a2h ^= this.s2h;
          a2l ^= this.s2l;
          a3h ^= this.s3h;
          a3l ^= this.s3l;
        }
        this.next64();
      }
    }
    this.s0h = a0h;
    this.s0l = a0l;
    this.s1h = a1h;
    this.s1l = a1l;
    this.s2h = a2h;
    this.s2l = a2l;
    this.s3h = a3h;
    this.s3l = a3l;
  }

  /** Advances 2^128 steps in place: 2^128 non-overlapping streams of 2^128 values each. */
  jump(): void {
    this.jumpWith(JUMP);
  }

  /** Advances 2^192 steps in place: for splitting at a coarser level (e.g. per machine). */
  longJump(): void {
    this.jumpWith(LONG_JUMP);
  }

  /**
   * A copy advanced by `jumps` × 2^128 steps; this generator is unchanged (NumPy's `jumped`).
   *
   * @example
   * const a = new Xoshiro256StarStar(1);
   * const b = a.jumped(); // a stream that will not overlap a's next 2^128 values
   */
  jumped(jumps = 1): Xoshiro256StarStar {
    if (!Number.isInteger(jumps) || jumps < 0) {
      throw new ValueError(`jumped() needs a non-negative integer number of jumps, got ${jumps}.`);
    }
    const g = this.clone();
    for (let i = 0; i < jumps; i++) g.jump();
    return g;
  }

  clone(): Xoshiro256StarStar {
    const g = new Xoshiro256StarStar(0);
    g.setWords(this.words());
    g.hi = this.hi;
    g.lo = this.lo;
    return g;
  }

  get state(): BitGeneratorState {
    const w = this.words();
    return { algorithm: ALGORITHM, s: [0, 2, 4, 6].map((i) => toHex64(w[i]!, w[i + 1]!)) };
  }

  set state(value: BitGeneratorState) {
    if (value === null || typeof value !== 'object' || value.algorithm !== ALGORITHM) {
      throw new ValueError(
        `Cannot restore state: expected { algorithm: '${ALGORITHM}', s: [4 hex words] }, got algorithm ${JSON.stringify((value as { algorithm?: unknown } | null)?.algorithm)}.`,
      );
    }
    this.setWords(parseWords(value.s));
  }
}

function parseWords(words: readonly (bigint | string)[]): number[] {
  if (!Array.isArray(words) || words.length !== 4) {
    throw new ValueError(`A xoshiro256 state is 4 words of 64 bits; got ${Array.isArray(words) ? words.length : typeof words} words.`);
  }
  const out: number[] = [];
  for (const w of words) {
    if (typeof w === 'bigint') {
      if (w < 0n || w >= 1n << 64n) throw new ValueError(`State word ${w} is outside [0, 2^64).`);
      out.push(Number(w >> 32n), Number(w & 0xffffffffn));
    } else {
      const parsed = typeof w === 'string' ? fromHex64(w) : undefined;
      if (parsed === undefined) throw new ValueError(`State word ${JSON.stringify(w)} is not 1 to 16 hex digits.`);
      out.push(parsed[0], parsed[1]);
    }
  }
  return out;
}
