/**
 * Seeded randomness for nn: an `Rng` over the tensor stratum's xoshiro256** generator, and a
 * process-wide default (PyTorch's `torch.manual_seed`) that layers without their own seed use,
 * so the same seed gives the same weights, dropout masks and shuffles.
 */
import { random } from '../tensor/index.js';

/** A seeded stream of uniform, normal and integer draws. */
export class Rng {
  private readonly gen: random.Generator;

  constructor(seed: number | bigint = 0) {
    this.gen = random.defaultRng(seed);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.gen.random() as number;
  }

  /** Standard normal. */
  normal(): number {
    return random.standardNormal(this.gen.bitGenerator);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.min(n - 1, Math.floor(this.uniform() * n));
  }

  /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    return p;
  }

  /** A new generator seeded from this one (independent streams for sub-components). */
  fork(): Rng {
    return new Rng(Math.floor(this.uniform() * 2 ** 52));
  }
}

let globalRng = new Rng(0);

/**
 * Reseeds the default generator that layers, dropout and loaders use when given no seed
 * (PyTorch's `torch.manual_seed`).
 */
export function manualSeed(seed: number): void {
  globalRng = new Rng(seed);
}

/** The default generator (see `manualSeed`). */
export function defaultRng(): Rng {
  return globalRng;
}

/** `seed` as a generator: a number seeds a new one, an Rng is used as is, undefined is the default. */
export function rngFrom(seed: number | Rng | undefined): Rng {
  if (seed instanceof Rng) return seed;
  return seed === undefined ? globalRng : new Rng(seed);
}
