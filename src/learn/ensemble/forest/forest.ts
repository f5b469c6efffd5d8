/**
 * What every forest shares: parameters, the job built from the data, seeding, out-of-bag
 * sums and averaged importances (scikit-learn's `BaseForest`). The classifier and regressor
 * bases coordinate these with the estimator contract.
 */
import { random } from '../../../tensor/index.js';
import { ParamError } from '../../base/errors.js';
import { type FlatTree, LEAF, treeFeatureImportances } from '../../tree/flat-tree.js';
import type { GrowOptions } from '../../tree/grow.js';
import { TREE_DEFAULTS, bitsFor } from '../../tree/decision-tree.js';
import type { TreeShapeParams } from '../../tree/params.js';
import { type ForestJob, treeBootstrapCounts } from './forest-job.js';
import { threadsFor } from '../../base/threads.js';
import { growForest } from './parallel.js';

/** Parameters every forest shares, besides the tree shape. */
export interface ForestParams extends TreeShapeParams {
  /** Number of trees. */
  nEstimators: number;
  /** Grow each tree on a bootstrap sample (drawn with replacement). */
  bootstrap: boolean;
  /** Bootstrap sample size: a count, a fraction in (0, 1] of the rows, or null for all rows. */
  maxSamples: number | null;
  /** Compute the out-of-bag score (needs bootstrap). */
  oobScore: boolean;
  /** Threads for growing trees: 1 (default), n, or -1 for every core; worker threads under Node only. */
  nJobs: number;
  /** Seed of the whole forest; null draws a fresh seed. */
  randomState: number | null;
}

export const FOREST_DEFAULTS: Omit<ForestParams, 'bootstrap' | 'maxFeatures'> = {
  ...TREE_DEFAULTS,
  nEstimators: 100,
  maxSamples: null,
  oobScore: false,
  nJobs: 1,
  randomState: null,
};

/** Fitted state every forest has. */
export interface ForestState {
  nFeatures: number;
  trees: FlatTree[];
  /** Out-of-bag score (accuracy or R²), when oobScore was set. */
  oobScore?: number;
}

/** Checks the forest-level parameters; returns the bootstrap sample size. */
export function checkForestParams(p: ForestParams, nSamples: number, who: string): number {
  if (!(Number.isInteger(p.nEstimators) && p.nEstimators >= 1)) {
    throw new ParamError(`${who}: nEstimators must be an integer ≥ 1, got ${p.nEstimators}.`);
  }
  if (!(Number.isInteger(p.nJobs) && (p.nJobs >= 1 || p.nJobs === -1))) {
    throw new ParamError(`${who}: nJobs must be an integer ≥ 1, or -1 for every core, got ${p.nJobs}.`);
  }
  if (p.oobScore && !p.bootstrap) {
    throw new ParamError(`${who}: oobScore needs bootstrap: true (without bootstrap no sample is out of bag).`);
  }
  if (!p.bootstrap) {
    if (p.maxSamples !== null) throw new ParamError(`${who}: maxSamples needs bootstrap: true; set bootstrap or leave maxSamples null.`);
    return nSamples;
  }
  if (p.maxSamples === null) return nSamples;
  if (Number.isInteger(p.maxSamples) && p.maxSamples >= 1 && p.maxSamples !== 1) {
    if (p.maxSamples > nSamples) throw new ParamError(`${who}: maxSamples is ${p.maxSamples} but X has only ${nSamples} rows.`);
    return p.maxSamples;
  }
  if (p.maxSamples > 0 && p.maxSamples <= 1) return Math.max(Math.round(nSamples * p.maxSamples), 1);
  throw new ParamError(`${who}: maxSamples must be a count ≥ 2, a fraction in (0, 1], or null, got ${p.maxSamples}.`);
}

/** One seed per tree, drawn from the forest's seed. */
export function treeSeeds(randomState: number | null, n: number, who: string): Float64Array {
  const bits = bitsFor(randomState, who);
  const seeds = new Float64Array(n);
  for (let t = 0; t < n; t++) seeds[t] = random.boundedInteger(bits, 2147483647);
  return seeds;
}

/** Assembles the job and grows the trees. */
export function fitForest(
  p: ForestParams,
  data: Omit<ForestJob, 'seeds' | 'grow' | 'bootstrap' | 'nSamplesBootstrap'>,
  grow: GrowOptions,
  nSamplesBootstrap: number,
  who: string,
): { job: ForestJob; trees: FlatTree[] } {
  const job: ForestJob = { ...data, bootstrap: p.bootstrap, nSamplesBootstrap, seeds: treeSeeds(p.randomState, p.nEstimators, who), grow };
  return { job, trees: growForest(job, threadsFor(p.nJobs)) };
}

/**
 * Per-node outputs of a tree: class probabilities (leaf class weights normalized) or values.
 */
export function nodeOutputs(tree: FlatTree, probabilities: boolean): Float64Array {
  if (!probabilities) return tree.value;
  const k = tree.valueStride;
  const out = tree.value.slice();
  for (let o = 0; o < out.length; o += k) {
    let s = 0;
    for (let c = 0; c < k; c++) s += out[o + c]!;
    if (s === 0) s = 1;
    for (let c = 0; c < k; c++) out[o + c] /= s;
  }
  return out;
}

/** Σ over trees of each row's leaf output (rows × stride), X row-major float32. */
export function sumTreeOutputs(trees: readonly FlatTree[], X: Float32Array, rows: number, cols: number, probabilities: boolean): Float64Array {
  const stride = trees[0]!.valueStride;
  const out = new Float64Array(rows * stride);
  for (const tree of trees) {
    const outputs = nodeOutputs(tree, probabilities);
    const nodes = packNodes(tree);
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      let at = 0;
      // Each node is 4 doubles: feature (−1 for a leaf), threshold, left and right offsets.
      for (let f = nodes[0]!; f >= 0; f = nodes[at]!) at = X[base + f]! <= nodes[at + 1]! ? nodes[at + 2]! : nodes[at + 3]!;
      const node = at >> 2;
      if (stride === 1) out[i] += outputs[node]!;
      else for (let c = 0; c < stride; c++) out[i * stride + c] += outputs[node * stride + c]!;
    }
  }
  return out;
}

/**
 * The split nodes of a tree interleaved in one array (feature, threshold, left × 4, right × 4),
 * so a step down the tree touches one cache line instead of four arrays.
 */
function packNodes(tree: FlatTree): Float64Array {
  const n = tree.nodeCount;
  const out = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) {
    const leaf = tree.left[i] === LEAF;
    out[4 * i] = leaf ? -1 : tree.feature[i]!;
    out[4 * i + 1] = tree.threshold[i]!;
    out[4 * i + 2] = leaf ? 0 : 4 * tree.left[i]!;
    out[4 * i + 3] = leaf ? 0 : 4 * tree.right[i]!;
  }
  return out;
}

/**
 * Out-of-bag averages: for each training row, the mean output of the trees that did not see
 * it (rows no tree left out get 0, with `missing` counting them).
 */
export function outOfBag(job: ForestJob, trees: readonly FlatTree[], X: Float32Array, probabilities: boolean): { mean: Float64Array; missing: number } {
  const n = job.nSamples;
  const cols = job.nFeatures;
  const stride = trees[0]!.valueStride;
  const sum = new Float64Array(n * stride);
  const count = new Int32Array(n);
  trees.forEach((tree, t) => {
    const counts = treeBootstrapCounts(job, t);
    const outputs = nodeOutputs(tree, probabilities);
    const { feature, threshold, left, right } = tree;
    for (let i = 0; i < n; i++) {
      if (counts[i] !== 0) continue;
      let node = 0;
      while (left[node] !== LEAF) node = X[i * cols + feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
      for (let c = 0; c < stride; c++) sum[i * stride + c] += outputs[node * stride + c]!;
      count[i]++;
    }
  });
  let missing = 0;
  for (let i = 0; i < n; i++) {
    if (count[i] === 0) {
      missing++;
      continue;
    }
    for (let c = 0; c < stride; c++) sum[i * stride + c] /= count[i]!;
  }
  return { mean: sum, missing };
}

/** Mean of the trees' normalized importances (trees that are a single leaf left out), renormalized. */
export function forestImportances(trees: readonly FlatTree[], nFeatures: number): Float64Array {
  const out = new Float64Array(nFeatures);
  let used = 0;
  for (const tree of trees) {
    if (tree.nodeCount <= 1) continue;
    const imp = treeFeatureImportances(tree, nFeatures);
    for (let f = 0; f < nFeatures; f++) out[f] += imp[f]!;
    used++;
  }
  if (used === 0) return out;
  let total = 0;
  for (let f = 0; f < nFeatures; f++) total += (out[f] /= used);
  if (total > 0) for (let f = 0; f < nFeatures; f++) out[f] /= total;
  return out;
}
