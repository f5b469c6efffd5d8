/**
 * Initial centers for k-means. 'k-means++' is scikit-learn's greedy variant: each new center is
 * the best (lowest resulting potential) of 2 + ⌊ln k⌋ candidates drawn with probability
 * proportional to the squared distance to the nearest chosen center. 'random' picks k distinct
 * samples.
 */
import type { random } from '../../tensor/index.js';
import { gemmF64 } from '../../kernels/index.js';
import { rowSqNorms, sqDist } from './kmeans-core.js';

/** Rows per GEMM block of the candidate distances. */
const BLOCK = 1024;

type Rng = ReturnType<typeof random.defaultRng>;

/**
 * Greedy k-means++ over the first n rows of x (n × d); returns k × d centers. `xNorms` (the
 * squared row norms, computed when absent) lets the distances to all candidates of a step come
 * from one GEMM pass, as in scikit-learn.
 */
export function kmeansPlusPlus(x: Float64Array, n: number, d: number, k: number, rng: Rng, xNorms = rowSqNorms(x, n, d)): Float64Array {
  return kmeansPlusPlusFrom(x, n, d, k, kmeansPlusPlusDraws(rng, n, k), xNorms);
}

/** Candidates per step of the greedy k-means++. */
function trialsFor(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/**
 * The random numbers one k-means++ run consumes, in the order it consumes them: the first
 * center's index, then a uniform draw per candidate per step. Drawing them up front lets runs
 * proceed on other threads with the same results as one after another.
 */
export function kmeansPlusPlusDraws(rng: Rng, n: number, k: number): Float64Array {
  const draws = new Float64Array(1 + (k - 1) * trialsFor(k));
  draws[0] = rng.integers(n) as number;
  for (let i = 1; i < draws.length; i++) draws[i] = rng.random() as number;
  return draws;
}

/** `kmeansPlusPlus` with its random numbers drawn already (see `kmeansPlusPlusDraws`). */
export function kmeansPlusPlusFrom(x: Float64Array, n: number, d: number, k: number, draws: Float64Array, xNorms: Float64Array): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = trialsFor(k);
  let next = 1;
  const first = draws[0]!;
  centers.set(x.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(x, i, x, first, d);
    potential += closest[i]!;
  }
  const cumulative = new Float64Array(n);
  const ids = new Int32Array(trials);
  const candidates = new Float64Array(trials * d);
  const cNorms = new Float64Array(trials);
  const dots = new Float64Array(Math.min(n, BLOCK) * trials);
  const pots = new Float64Array(trials);
  // mins[t][i] = min(closest[i], ‖x_i − candidate_t‖²): the new closest distances if t wins.
  const mins = Array.from({ length: trials }, () => new Float64Array(n));
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cumulative[i] = acc += closest[i]!;
    for (let t = 0; t < trials; t++) {
      const target = draws[next++]! * potential;
      // First index whose cumulative sum reaches the target (searchsorted, left).
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      ids[t] = lo;
      candidates.set(x.subarray(lo * d, lo * d + d), t * d);
      cNorms[t] = xNorms[lo]!;
    }
    // Squared distances to the candidates as ‖x‖² − 2·x·c + ‖c‖² (clamped at 0), the products
    // from one GEMM per block of rows, folded straight into the minima and their sums.
    pots.fill(0);
    for (let start = 0; start < n; start += BLOCK) {
      const rows = Math.min(BLOCK, n - start);
      gemmF64(rows, trials, d, x, start * d, d, candidates, 0, d, dots, 0, trials, { transB: true });
      // One candidate at a time, so its minima and running sum stay in locals.
      for (let t = 0; t < trials; t++) {
        const out = mins[t]!;
        const cn = cNorms[t]!;
        let pot = 0;
        for (let r = 0, o = t; r < rows; r++, o += trials) {
          const i = start + r;
          let v = xNorms[i]! - 2 * dots[o]! + cn;
          if (!(v > 0)) v = 0;
          const ci = closest[i]!;
          const m = v < ci ? v : ci;
          out[i] = m;
          pot += m;
        }
        pots[t] += pot;
      }
    }
    let bestPot = Infinity;
    let bestTrial = 0;
    for (let t = 0; t < trials; t++) {
      if (pots[t]! < bestPot) {
        bestPot = pots[t]!;
        bestTrial = t;
      }
    }
    potential = bestPot;
    [closest, mins[bestTrial]] = [mins[bestTrial]!, closest];
    const id = ids[bestTrial]!;
    centers.set(x.subarray(id * d, id * d + d), c * d);
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
