/**
 * Initial centers for k-means. 'k-means++' is scikit-learn's greedy variant: each new center is
 * the best (lowest resulting potential) of 2 + ⌊ln k⌋ candidates drawn with probability
 * proportional to the squared distance to the nearest chosen center. 'random' picks k distinct
 * samples.
 */
import type { random } from '../../tensor/index.js';
import { sqDist } from './kmeans-core.js';

type Rng = ReturnType<typeof random.defaultRng>;

/** Greedy k-means++ over the first n rows of x (n × d); returns k × d centers. */
export function kmeansPlusPlus(x: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.integers(n) as number;
  centers.set(x.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(x, i, x, first, d);
    potential += closest[i]!;
  }
  const cumulative = new Float64Array(n);
  let candidate = new Float64Array(n);
  let best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cumulative[i] = acc += closest[i]!;
    let bestPot = Infinity;
    let bestId = 0;
    for (let t = 0; t < trials; t++) {
      const target = (rng.random() as number) * potential;
      // First index whose cumulative sum reaches the target (searchsorted, left).
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      const id = lo;
      let pot = 0;
      for (let i = 0; i < n; i++) {
        const v = Math.min(closest[i]!, sqDist(x, i, x, id, d));
        candidate[i] = v;
        pot += v;
      }
      if (pot < bestPot) {
        bestPot = pot;
        bestId = id;
        [best, candidate] = [candidate, best];
      }
    }
    potential = bestPot;
    [closest, best] = [best, closest];
    centers.set(x.subarray(bestId * d, bestId * d + d), c * d);
  }
  return centers;
}

/** k distinct random samples as centers. */
export function randomCenters(x: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const perm = (rng.permutation(n) as { toArray(): number[] }).toArray();
  const centers = new Float64Array(k * d);
  for (let c = 0; c < k; c++) centers.set(x.subarray(perm[c]! * d, perm[c]! * d + d), c * d);
  return centers;
}
