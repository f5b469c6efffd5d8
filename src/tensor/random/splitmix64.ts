/**
 * SplitMix64 (Steele, Lea & Flood 2014; Vigna's public-domain version): a 64-bit counter passed
 * through a bijective mixing function. It seeds xoshiro256 so that small or similar seeds still
 * give well-mixed, unrelated states. Arithmetic is done on 32-bit halves.
 */
import type { Seed } from './bit-generator.js';
import { seedWords } from './seed.js';
import { add64, mul64, toBigInt64 } from './uint64.js';

const scratch = new Uint32Array(2);

export class SplitMix64 {
  private sh: number;
  private sl: number;
  /** Upper 32 bits of the last output. */
  hi = 0;
  /** Lower 32 bits of the last output. */
  lo = 0;

  /**
   * @example
   * const sm = new SplitMix64(1234567n);
   * sm.nextUint64(); // 6457827717110365317n
   */
  constructor(seed: Seed) {
    [this.sh, this.sl] = seedWords(seed);
  }

  /** Advances one step; the output is then in `hi`/`lo`. */
  next64(): void {
    add64(this.sh, this.sl, 0x9e3779b9, 0x7f4a7c15, scratch);
    this.sh = scratch[0]!;
    this.sl = scratch[1]!;
    let zh = this.sh;
    let zl = this.sl;
    // z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
    let xl = (zl >>> 30) | (zh << 2);
    let xh = zh >>> 30;
    mul64((zh ^ xh) >>> 0, (zl ^ xl) >>> 0, 0xbf58476d, 0x1ce4e5b9, scratch);
    zh = scratch[0]!;
    zl = scratch[1]!;
    // z = (z ^ (z >> 27)) * 0x94d049bb133111eb
    xl = (zl >>> 27) | (zh << 5);
    xh = zh >>> 27;
    mul64((zh ^ xh) >>> 0, (zl ^ xl) >>> 0, 0x94d049bb, 0x133111eb, scratch);
    zh = scratch[0]!;
    zl = scratch[1]!;
    // z ^ (z >> 31)
    this.lo = (zl ^ ((zl >>> 31) | (zh << 1))) >>> 0;
    this.hi = (zh ^ (zh >>> 31)) >>> 0;
  }

  /** One output as a bigint. */
  nextUint64(): bigint {
    this.next64();
    return toBigInt64(this.hi, this.lo);
  }
}
