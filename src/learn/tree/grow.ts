/**
 * One call that grows a tree on a TrainingSet with resolved limits: picks the criterion,
 * splitter and builder, then prunes. Decision trees, forests (also inside worker threads) and
 * isolation forests all grow their trees through here.
 */
import { random } from '../../tensor/index.js';
import { AbsoluteErrorCriterion } from './absolute-error-criterion.js';
import { BestSplitter } from './best-splitter.js';
import { type BuilderLimits, buildBestFirst, buildDepthFirst } from './builder.js';
import { EntropyCriterion, GiniCriterion } from './classification-criterion.js';
import type { Criterion, CriterionName } from './criterion.js';
import type { FlatTree } from './flat-tree.js';
import { pruneTree } from './pruning.js';
import { RandomSplitter } from './random-splitter.js';
import { FriedmanMseCriterion, PoissonCriterion, SquaredErrorCriterion } from './regression-criterion.js';
import type { TrainingSet } from './training-set.js';

/** Everything that shapes a tree, with sizes already resolved to counts. */
export interface GrowOptions {
  criterion: CriterionName;
  splitter: 'best' | 'random';
  /** Depth limit (a large number for none). */
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Fraction of the total sample weight a leaf must hold. */
  minWeightFractionLeaf: number;
  /** Features drawn per split, 1…nFeatures. */
  maxFeatures: number;
  /** -1 for no limit. */
  maxLeafNodes: number;
  minImpurityDecrease: number;
  ccpAlpha: number;
}

export function makeCriterion(name: CriterionName, data: TrainingSet): Criterion {
  switch (name) {
    case 'gini':
      return new GiniCriterion(data);
    case 'entropy':
    case 'log_loss':
      return new EntropyCriterion(data);
    case 'squared_error':
      return new SquaredErrorCriterion(data);
    case 'friedman_mse':
      return new FriedmanMseCriterion(data);
    case 'absolute_error':
      return new AbsoluteErrorCriterion(data);
    case 'poisson':
      return new PoissonCriterion(data);
  }
}

/**
 * Grows (and prunes, when `ccpAlpha > 0`) one tree. `bits` drives feature sampling and random
 * thresholds.
 *
 * @example
 * const tree = growTree(data, options, random.defaultRng(0).bitGenerator);
 */
export function growTree(data: TrainingSet, options: GrowOptions, bits: random.BitGenerator): FlatTree {
  const criterion = makeCriterion(options.criterion, data);
  let totalWeight = data.nSamples;
  if (data.sampleWeight !== null) {
    totalWeight = 0;
    for (let i = 0; i < data.nSamples; i++) totalWeight += data.sampleWeight[i]!;
  }
  const minWeightLeaf = options.minWeightFractionLeaf * totalWeight;
  const splitterOptions = { maxFeatures: options.maxFeatures, minSamplesLeaf: options.minSamplesLeaf, minWeightLeaf };
  const splitter =
    options.splitter === 'best'
      ? new BestSplitter(data, criterion, splitterOptions, bits)
      : new RandomSplitter(data, criterion, splitterOptions, bits);
  const limits: BuilderLimits = {
    maxDepth: options.maxDepth,
    minSamplesSplit: Math.max(options.minSamplesSplit, 2 * options.minSamplesLeaf),
    minSamplesLeaf: options.minSamplesLeaf,
    minWeightLeaf,
    minImpurityDecrease: options.minImpurityDecrease,
    maxLeafNodes: options.maxLeafNodes,
  };
  const stride = data.nClasses > 0 ? data.nClasses : 1;
  const tree = options.maxLeafNodes < 0 ? buildDepthFirst(splitter, limits, stride) : buildBestFirst(splitter, limits, stride);
  return pruneTree(tree, options.ccpAlpha);
}
