/**
 * One forest fit as plain data (a `ForestJob`) and the function that grows tree t of it. The
 * job holds only typed arrays and numbers, so it can be posted to worker threads; each tree's
 * bootstrap sample and split choices come from its own seed, so a tree is the same whichever
 * thread grows it.
 */
import { random } from '../../../tensor/index.js';
import type { FlatTree } from '../../tree/flat-tree.js';
import { type GrowOptions, growTree } from '../../tree/grow.js';

export interface ForestJob {
  /** Column-major float32 features (may live in a SharedArrayBuffer). */
  X: Float32Array;
  nSamples: number;
  nFeatures: number;
  /** Targets, or class codes 0…nClasses−1. */
  y: Float64Array;
  nClasses: number;
  sampleWeight: Float64Array | null;
  /** Re-weight classes to balance within each bootstrap sample (class_weight 'balanced_subsample'). */
  balancedSubsample: boolean;
  bootstrap: boolean;
  nSamplesBootstrap: number;
  /** One seed per tree. */
  seeds: Float64Array;
  grow: GrowOptions;
}

/**
 * How many times each sample is drawn into a bootstrap sample of size `draws` (uniform with
 * replacement), from the start of the tree's random stream.
 */
export function bootstrapCounts(bits: random.BitGenerator, nSamples: number, draws: number): Float64Array {
  const counts = new Float64Array(nSamples);
  for (let d = 0; d < draws; d++) counts[random.boundedInteger(bits, nSamples)]!++;
  return counts;
}

/** The bootstrap counts of tree t of a job (zero marks its out-of-bag samples). */
export function treeBootstrapCounts(job: Pick<ForestJob, 'seeds' | 'nSamples' | 'nSamplesBootstrap'>, t: number): Float64Array {
  return bootstrapCounts(random.defaultRng(job.seeds[t]!).bitGenerator, job.nSamples, job.nSamplesBootstrap);
}

function balanceWithin(w: Float64Array, counts: Float64Array, y: Float64Array, nClasses: number): void {
  const perClass = new Float64Array(nClasses);
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    perClass[y[i]!] += counts[i]!;
    total += counts[i]!;
  }
  let present = 0;
  for (let c = 0; c < nClasses; c++) if (perClass[c]! > 0) present++;
  for (let c = 0; c < nClasses; c++) perClass[c] = perClass[c]! > 0 ? total / (present * perClass[c]!) : 0;
  for (let i = 0; i < w.length; i++) w[i] *= perClass[y[i]!]!;
}

/** Grows tree t of the job. */
export function buildForestTree(job: ForestJob, t: number): FlatTree {
  const bits = random.defaultRng(job.seeds[t]!).bitGenerator;
  let w = job.sampleWeight;
  if (job.bootstrap) {
    const counts = bootstrapCounts(bits, job.nSamples, job.nSamplesBootstrap);
    const weights = counts.slice();
    if (w !== null) for (let i = 0; i < weights.length; i++) weights[i] *= w[i]!;
    if (job.balancedSubsample) balanceWithin(weights, counts, job.y, job.nClasses);
    w = weights;
  }
  const data = { X: job.X, nSamples: job.nSamples, nFeatures: job.nFeatures, y: job.y, nClasses: job.nClasses, sampleWeight: w };
  return growTree(data, job.grow, bits);
}
