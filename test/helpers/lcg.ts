/**
 * The tests' deterministic numbers: a 32-bit linear congruential generator (Numerical Recipes'
 * constants), the same sequence in every test that needs reproducible inputs without fixtures.
 */

/** Uniform numbers in [0, 1) from `seed`. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** `count` uniform numbers in [-1, 1) from `seed`. */
export function lcgValues(count: number, seed: number): Float64Array {
  const next = lcg(seed);
  return Float64Array.from({ length: count }, () => next() * 2 - 1);
}
