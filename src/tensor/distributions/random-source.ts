/**
 * Where `rvs` gets its randomness: a numeric seed (turned into `defaultRng(seed)`, so the same
 * seed gives the same draws on every platform), a `Generator` from tensor/random, or any object
 * with a `random()` method giving uniform floats in [0, 1). Whatever it is, `rvs` reads it as a
 * `BitGenerator`, so every draw goes through the samplers of tensor/random.
 */
import { ValueError } from '../errors.js';
import { type BitGenerator, type BitGeneratorState, Generator, defaultRng } from '../random/index.js';

/** A source of uniform floats in [0, 1): `defaultRng(seed)` from tensor/random, or your own. */
export interface RandomSource {
  /** The next uniform float in [0, 1). */
  random(): number;
}

/** A random source or an integer seed for `defaultRng`. */
export type RandomSourceOrSeed = RandomSource | number;

const TWO32 = 4294967296;

/**
 * A plain `random()` source seen as a bit generator: each 32-bit half of a 64-bit output is the
 * top 32 bits of one uniform, and `nextDouble()` is the source's own uniform. Only the methods the
 * samplers call are meaningful; a source cannot be cloned, jumped or snapshotted.
 */
class RandomSourceBits implements BitGenerator {
  hi = 0;
  lo = 0;
  private readonly source: RandomSource;

  constructor(source: RandomSource) {
    this.source = source;
  }

  next64(): void {
    this.hi = this.nextUint32();
    this.lo = this.nextUint32();
  }

  nextUint32(): number {
    return Math.floor(this.source.random() * TWO32) >>> 0;
  }

  nextDouble(): number {
    return this.source.random();
  }

  nextUint64(): bigint {
    this.next64();
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  jump(): void {
    throw unsupported('jump');
  }

  clone(): BitGenerator {
    throw unsupported('clone');
  }

  get state(): BitGeneratorState {
    throw unsupported('state');
  }

  set state(_state: BitGeneratorState) {
    throw unsupported('state');
  }
}

function unsupported(what: string): ValueError {
  return new ValueError(`A random() source has no ${what}; use defaultRng(seed) from tensor/random for that.`);
}

/**
 * The bit generator `rvs` draws from for `who` (a name for messages, like 'Normal.rvs'): a
 * Generator's own bit generator, `defaultRng(seed)`'s for a number, or an adapter over any other
 * `random()` source. There is no hidden global generator: leaving it out is an error, so every
 * draw can be replayed.
 */
export function resolveRandomSource(rng: RandomSourceOrSeed | undefined, who: string): BitGenerator {
  if (typeof rng === 'number') {
    if (!Number.isSafeInteger(rng) || rng < 0) {
      throw new ValueError(`${who}: a seed must be a non-negative integer, got ${rng}.`);
    }
    return defaultRng(rng).bitGenerator;
  }
  if (rng instanceof Generator) return rng.bitGenerator;
  if (rng === null || typeof rng !== 'object' || typeof (rng as RandomSource).random !== 'function') {
    throw new ValueError(
      `${who} needs randomness: pass a seed (a non-negative integer) or an object with a random() method, ` +
        'such as defaultRng(seed) from tensor/random.',
    );
  }
  return new RandomSourceBits(rng);
}

/**
 * A uniform in (0, 1): never exactly 0 (or 1), so a quantile function gives a finite value.
 */
export function openUniform(bg: BitGenerator): number {
  for (;;) {
    const u = bg.nextDouble();
    if (u > 0) return u;
  }
}
