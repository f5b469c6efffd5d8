/**
 * Uniform integers in a range without modulo bias.
 *
 * Ranges up to 2^32 use Lemire's multiply-and-reject method ("Fast random integer generation in
 * an interval", ACM TOMACS 2019): the high half of x·range is the draw, and the rare low halves
 * that would over-represent some values are rejected. Larger ranges (up to 2^53) take the top
 * bits of a 53-bit draw and reject values past the range.
 */
import type { BitGenerator } from './bit-generator.js';
import { mulHiU32 } from './uint64.js';

const TWO32 = 4294967296;

/**
 * Uniform integer in [0, range) for an integer 1 ≤ range ≤ 2^32, using the upper 32 bits of
 * one or more outputs.
 *
 * @example
 * const card = boundedUint32(new Xoshiro256StarStar(5), 52); // 0 … 51
 */
export function boundedUint32(bg: BitGenerator, range: number): number {
  if (range === TWO32) return bg.nextUint32();
  let x = bg.nextUint32();
  let low = Math.imul(x, range) >>> 0;
  if (low < range) {
    // Reject the (2^32 mod range) smallest low halves; computed only when a rejection is possible.
    const threshold = (TWO32 - range) % range;
    while (low < threshold) {
      x = bg.nextUint32();
      low = Math.imul(x, range) >>> 0;
    }
  }
  return mulHiU32(x, range);
}

/**
 * Uniform integer in [0, range) for an integer 1 ≤ range ≤ 2^53.
 *
 * @example
 * const die = 1 + boundedInteger(new Xoshiro256StarStar(5), 6); // 1 … 6
 */
export function boundedInteger(bg: BitGenerator, range: number): number {
  if (range <= TWO32) return boundedUint32(bg, range);
  const bits = Math.ceil(Math.log2(range));
  // `range` may sit just above a power of two where log2 rounds down; make sure 2^bits ≥ range.
  const shift = 2 ** (53 - (2 ** bits >= range ? bits : bits + 1));
  for (;;) {
    bg.next64();
    const v = Math.floor((bg.hi * 2097152 + (bg.lo >>> 11)) / shift);
    if (v < range) return v;
  }
}
