/**
 * The contract between a bit generator (a stream of raw random bits) and the samplers that turn
 * bits into draws from a distribution. Samplers only ever call these methods, so another
 * generator (PCG64, Philox, …) can be dropped in behind `Generator` without touching them.
 */

/** A seed: a non-negative integer below 2^64, as a safe-integer `number` or a `bigint`. */
export type Seed = number | bigint;

/** Serializable snapshot of a bit generator: its algorithm and state words as 16-digit hex. */
export interface BitGeneratorState {
  algorithm: string;
  /** The 64-bit state words, each as 16 lowercase hex digits. */
  s: string[];
}

export interface BitGenerator {
  /**
   * Advances one step. Afterwards `hi` and `lo` hold the step's 64-bit output as two unsigned
   * 32-bit halves. This is the allocation-free primitive the samplers build on.
   */
  next64(): void;
  /** Upper 32 bits of the last `next64()` output, as an unsigned integer in [0, 2^32). */
  readonly hi: number;
  /** Lower 32 bits of the last `next64()` output, as an unsigned integer in [0, 2^32). */
  readonly lo: number;
  /** Uniform integer in [0, 2^32): the upper half of one 64-bit output. */
  nextUint32(): number;
  /** Uniform double in [0, 1): the top 53 bits of one 64-bit output times 2^-53 (exact). */
  nextDouble(): number;
  /** One raw 64-bit output as a bigint (slow; for tests and interop, not for hot loops). */
  nextUint64(): bigint;
  /** Advances the state by a fixed, huge number of steps (2^128 for xoshiro256) in place. */
  jump(): void;
  /** A new, independent copy at the same position. */
  clone(): BitGenerator;
  /** A copy of the state; assigning it restores the generator exactly. */
  state: BitGeneratorState;
}
