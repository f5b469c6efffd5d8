/** Turning user seeds into 64-bit words, and drawing a seed from the platform when none is given. */
import { ValueError } from '../errors.js';
import type { Seed } from './bit-generator.js';

const TWO32 = 4294967296;
const MAX_U64 = (1n << 64n) - 1n;

/**
 * Splits a seed into its 64-bit [hi, lo] halves. Accepts a non-negative safe integer or a bigint
 * in [0, 2^64); the same value as number or bigint gives the same words.
 */
export function seedWords(seed: Seed): [number, number] {
  if (typeof seed === 'bigint') {
    if (seed < 0n || seed > MAX_U64) {
      throw new ValueError(`Seed ${seed} is out of range; use an integer in [0, 2^64).`);
    }
    return [Number(seed >> 32n), Number(seed & 0xffffffffn)];
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new ValueError(
      `Seed must be a non-negative integer (at most 2^53 - 1 as a number, or a bigint below 2^64); got ${String(seed)}.`,
    );
  }
  return [Math.floor(seed / TWO32), seed % TWO32];
}

/**
 * A fresh 64-bit seed from the platform's cryptographic source (Web Crypto, available in Node 20
 * and browsers), falling back to Math.random where it is missing. Used when no seed is given.
 */
export function entropySeed(): bigint {
  const words = new Uint32Array(2);
  const cryptoLike = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (cryptoLike?.getRandomValues) {
    cryptoLike.getRandomValues(words);
  } else {
    words[0] = Math.floor(Math.random() * TWO32);
    words[1] = Math.floor(Math.random() * TWO32) ^ Date.now();
  }
  return (BigInt(words[0]!) << 32n) | BigInt(words[1]!);
}
