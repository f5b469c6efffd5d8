/**
 * Drawing positions from a population of n items: uniformly or with weights, with or without
 * replacement. `Generator.choice` turns the positions into values.
 */
import { ValueError } from '../errors.js';
import type { BitGenerator } from './bit-generator.js';
import { boundedInteger } from './bounded.js';

/**
 * `count` positions in [0, n), uniform, with replacement.
 */
export function uniformIndices(bg: BitGenerator, n: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = boundedInteger(bg, n);
  return out;
}

/**
 * `count` positions drawn with probabilities `p` (validated, summing to 1), with replacement:
 * a binary search of one uniform in the cumulative distribution. Zero-weight items never appear.
 */
export function weightedIndices(bg: BitGenerator, p: Float64Array, count: number): Float64Array {
  const n = p.length;
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cdf[i] = acc += p[i]!;
  for (let i = 0; i < n; i++) cdf[i] = cdf[i]! / acc;
  // The last positive-weight item closes the distribution at exactly 1.
  let last = n - 1;
  while (last > 0 && p[last] === 0) last--;
  for (let i = last; i < n; i++) cdf[i] = 1;
  const out = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    const u = bg.nextDouble();
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    out[s] = lo;
  }
  return out;
}

/**
 * `count` ≤ n distinct positions, uniform, in random order: a partial Fisher–Yates shuffle. For
 * a small sample of a large population the swaps are kept in a Map instead of an n-long array.
 */
export function uniformIndicesWithoutReplacement(bg: BitGenerator, n: number, count: number): Float64Array {
  const out = new Float64Array(count);
  if (n <= 1 << 20 || n <= 8 * count) {
    const pool = new Float64Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    for (let i = 0; i < count; i++) {
      const j = i + boundedInteger(bg, n - i);
      const t = pool[j]!;
      pool[j] = pool[i]!;
      pool[i] = t;
      out[i] = t;
    }
    return out;
  }
  const swapped = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const j = i + boundedInteger(bg, n - i);
    const vj = swapped.get(j) ?? j;
    const vi = swapped.get(i) ?? i;
    swapped.set(j, vi);
    out[i] = vj;
  }
  return out;
}

/**
 * `count` distinct positions drawn one after another with probability proportional to `p`
 * among those not yet drawn (successive sampling, as NumPy's `choice(replace=False, p=…)`).
 * Uses Efraimidis & Spirakis' keys log(V)/p_i: the `count` largest keys, in decreasing order,
 * have exactly that distribution.
 */
export function weightedIndicesWithoutReplacement(bg: BitGenerator, p: Float64Array, count: number): Float64Array {
  const n = p.length;
  let positive = 0;
  for (let i = 0; i < n; i++) if (p[i]! > 0) positive++;
  if (count > positive) {
    throw new ValueError(
      `choice(): cannot draw ${count} items without replacement when only ${positive} have non-zero probability; lower size or set replace: true.`,
    );
  }
  const keys = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = 1 - bg.nextDouble(); // in (0, 1]
    if (p[i]! > 0) {
      keys[i] = Math.log(v) / p[i]!;
      order.push(i);
    }
  }
  order.sort((a, b) => keys[b]! - keys[a]! || a - b);
  return Float64Array.from(order.slice(0, count));
}
