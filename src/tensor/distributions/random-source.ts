/**
 * Where `rvs` gets its randomness: any object with a `random()` method giving uniform floats
 * in [0, 1) (a `Generator` from tensor/random fits), or a numeric seed, which is turned into
 * `defaultRng(seed)` so the same seed gives the same draws on every platform.
 */
import { ValueError } from '../errors.js';
import { defaultRng } from '../random/index.js';

/** A source of uniform floats in [0, 1): `defaultRng(seed)` from tensor/random, or your own. */
export interface RandomSource {
  /** The next uniform float in [0, 1). */
  random(): number;
}

/** A random source or an integer seed for `defaultRng`. */
export type RandomSourceOrSeed = RandomSource | number;

/**
 * The random source for `who` (a name for messages, like 'Normal.rvs'): the object itself, or
 * `defaultRng(seed)` for a number. There is no hidden global generator: leaving it out is an
 * error, so every draw can be replayed.
 */
export function resolveRandomSource(rng: RandomSourceOrSeed | undefined, who: string): RandomSource {
  if (typeof rng === 'number') {
    if (!Number.isSafeInteger(rng) || rng < 0) {
      throw new ValueError(`${who}: a seed must be a non-negative integer, got ${rng}.`);
    }
    const generator = defaultRng(rng);
    return { random: () => generator.random() };
  }
  if (rng === null || typeof rng !== 'object' || typeof (rng as RandomSource).random !== 'function') {
    throw new ValueError(
      `${who} needs randomness: pass a seed (a non-negative integer) or an object with a random() method, ` +
        'such as defaultRng(seed) from tensor/random.',
    );
  }
  return rng;
}
