/** Parameter grids and random parameter sampling for the searches. */
import { NdArray, random } from '../../tensor/index.js';
import { ParamError } from '../base/errors.js';

/** Parameter name → candidate values. */
export type ParamGrid = Readonly<Record<string, readonly unknown[]>>;

/** Something to draw a value from: `rvs(size, rng)` (tensor's distributions) or `sample(rng)`. */
export interface ParamDistribution {
  rvs?(size: number, rng: ReturnType<typeof random.defaultRng>): NdArray | ArrayLike<number>;
  sample?(rng: ReturnType<typeof random.defaultRng>): unknown;
}

/** Parameter name → list of values (drawn uniformly) or a distribution. */
export type ParamDistributions = Readonly<Record<string, readonly unknown[] | ParamDistribution>>;

/**
 * Every combination of a grid (or of each grid in a list), keys in sorted order and the last key
 * varying fastest, like scikit-learn's ParameterGrid.
 *
 * @example
 * parameterGrid({ C: [1, 10], kernel: ['rbf', 'linear'] });
 * // [{ C: 1, kernel: 'rbf' }, { C: 1, kernel: 'linear' }, { C: 10, kernel: 'rbf' }, { C: 10, kernel: 'linear' }]
 */
export function parameterGrid(grid: ParamGrid | readonly ParamGrid[]): Record<string, unknown>[] {
  const grids = Array.isArray(grid) ? (grid as ParamGrid[]) : [grid as ParamGrid];
  const out: Record<string, unknown>[] = [];
  for (const g of grids) {
    const keys = Object.keys(g).sort();
    for (const k of keys) {
      if (!Array.isArray(g[k]) || g[k]!.length === 0) {
        throw new ParamError(`Parameter grid value for '${k}' must be a non-empty array of candidates.`);
      }
    }
    const rec = (i: number, acc: Record<string, unknown>): void => {
      if (i === keys.length) {
        out.push({ ...acc });
        return;
      }
      for (const v of g[keys[i]!]!) rec(i + 1, { ...acc, [keys[i]!]: v });
    };
    rec(0, {});
  }
  return out;
}

function draw(dist: ParamDistribution, rng: ReturnType<typeof random.defaultRng>, key: string): unknown {
  if (typeof dist.sample === 'function') return dist.sample(rng);
  if (typeof dist.rvs === 'function') {
    const r = dist.rvs(1, rng);
    return r instanceof NdArray ? r.toFloat64Array()[0] : r[0];
  }
  throw new ParamError(`Parameter distribution for '${key}' must be an array of values or have rvs(size, rng) or sample(rng).`);
}

/**
 * `nIter` seeded parameter settings. When every entry is a list, settings are drawn from the
 * grid without replacement (at most the grid size); otherwise each key (sorted) is drawn anew.
 *
 * @example
 * parameterSampler({ C: new distributions.Uniform(0, 10), penalty: ['l1', 'l2'] }, 5, 0);
 */
export function parameterSampler(dists: ParamDistributions, nIter: number, seed?: number): Record<string, unknown>[] {
  if (!Number.isInteger(nIter) || nIter < 1) throw new ParamError(`nIter must be an integer >= 1, got ${nIter}.`);
  const rng = random.defaultRng(seed);
  const keys = Object.keys(dists).sort();
  if (keys.every((k) => Array.isArray(dists[k]))) {
    const grid = parameterGrid(dists as ParamGrid);
    const n = Math.min(nIter, grid.length);
    const picks = rng.permutation(grid.length).toTypedArray().slice(0, n);
    return Array.from(picks, (i) => grid[i]!);
  }
  const out: Record<string, unknown>[] = [];
  for (let it = 0; it < nIter; it++) {
    const params: Record<string, unknown> = {};
    for (const k of keys) {
      const d = dists[k]!;
      if (Array.isArray(d)) {
        if (d.length === 0) throw new ParamError(`Parameter list for '${k}' is empty.`);
        params[k] = d[Number(rng.integers(0, d.length))];
      } else params[k] = draw(d as ParamDistribution, rng, k);
    }
    out.push(params);
  }
  return out;
}
