/**
 * The hyper-parameters trees share with forests, their validation, and their resolution to the
 * counts the grower uses (scikit-learn's `BaseDecisionTree.fit` checks). JavaScript has one
 * number type, so an integer is a count and a number strictly between 0 and 1 is a fraction
 * (scikit-learn tells them apart by int/float); `null` means "no limit" / "all features".
 */
import { ParamError } from '../base/errors.js';
import type { ClassificationCriterionName, RegressionCriterionName } from './criterion.js';
import type { GrowOptions } from './grow.js';

/** Features drawn per split: a count, a fraction in (0, 1), 'sqrt', 'log2', or null for all. */
export type MaxFeatures = number | 'sqrt' | 'log2' | null;

/** Parameters every tree and forest shares. */
export interface TreeShapeParams {
  /** Depth limit; null grows until leaves are pure or hit the other limits. */
  maxDepth: number | null;
  /** Samples a node needs to be split: a count ≥ 2 or a fraction in (0, 1). */
  minSamplesSplit: number;
  /** Samples each leaf must keep: a count ≥ 1 or a fraction in (0, 1). */
  minSamplesLeaf: number;
  /** Fraction of the total sample weight each leaf must keep, in [0, 0.5]. */
  minWeightFractionLeaf: number;
  maxFeatures: MaxFeatures;
  /** Grow best first with at most this many leaves (≥ 2); null for depth-first growth. */
  maxLeafNodes: number | null;
  /** Split only when the weighted impurity decreases by at least this much. */
  minImpurityDecrease: number;
  /** Cost-complexity pruning strength (≥ 0; 0 does not prune). */
  ccpAlpha: number;
}

export type TreeCriterion = ClassificationCriterionName | RegressionCriterionName;

const INT_MAX = 2147483647;

function isCount(v: number): boolean {
  return Number.isInteger(v) && v >= 1;
}

/**
 * Checks the shape parameters and turns them into GrowOptions for `nSamples` × `nFeatures`
 * data. Errors name the parameter and its valid range.
 */
export function resolveGrowOptions(
  p: TreeShapeParams & { criterion: TreeCriterion; splitter: 'best' | 'random' },
  nSamples: number,
  nFeatures: number,
  who: string,
  allowed: readonly TreeCriterion[],
): GrowOptions {
  if (!allowed.includes(p.criterion)) {
    throw new ParamError(`${who}: criterion must be one of ${allowed.map((c) => `'${c}'`).join(', ')}, got ${JSON.stringify(p.criterion)}.`);
  }
  if (p.splitter !== 'best' && p.splitter !== 'random') {
    throw new ParamError(`${who}: splitter must be 'best' or 'random', got ${JSON.stringify(p.splitter)}.`);
  }
  let maxDepth = INT_MAX;
  if (p.maxDepth !== null) {
    if (!isCount(p.maxDepth)) throw new ParamError(`${who}: maxDepth must be an integer ≥ 1 or null, got ${p.maxDepth}.`);
    maxDepth = p.maxDepth;
  }
  let minSamplesLeaf: number;
  if (isCount(p.minSamplesLeaf)) minSamplesLeaf = p.minSamplesLeaf;
  else if (p.minSamplesLeaf > 0 && p.minSamplesLeaf < 1) minSamplesLeaf = Math.ceil(p.minSamplesLeaf * nSamples);
  else throw new ParamError(`${who}: minSamplesLeaf must be an integer ≥ 1 or a fraction in (0, 1), got ${p.minSamplesLeaf}.`);
  let minSamplesSplit: number;
  if (Number.isInteger(p.minSamplesSplit) && p.minSamplesSplit >= 2) minSamplesSplit = p.minSamplesSplit;
  else if (p.minSamplesSplit > 0 && p.minSamplesSplit < 1) minSamplesSplit = Math.max(2, Math.ceil(p.minSamplesSplit * nSamples));
  else throw new ParamError(`${who}: minSamplesSplit must be an integer ≥ 2 or a fraction in (0, 1), got ${p.minSamplesSplit}.`);
  if (!(p.minWeightFractionLeaf >= 0 && p.minWeightFractionLeaf <= 0.5)) {
    throw new ParamError(`${who}: minWeightFractionLeaf must be in [0, 0.5], got ${p.minWeightFractionLeaf}.`);
  }
  const maxFeatures = resolveMaxFeatures(p.maxFeatures, nFeatures, who);
  let maxLeafNodes = -1;
  if (p.maxLeafNodes !== null) {
    if (!(Number.isInteger(p.maxLeafNodes) && p.maxLeafNodes >= 2)) {
      throw new ParamError(`${who}: maxLeafNodes must be an integer ≥ 2 or null, got ${p.maxLeafNodes}.`);
    }
    maxLeafNodes = p.maxLeafNodes;
  }
  if (!(p.minImpurityDecrease >= 0)) throw new ParamError(`${who}: minImpurityDecrease must be ≥ 0, got ${p.minImpurityDecrease}.`);
  if (!(p.ccpAlpha >= 0)) throw new ParamError(`${who}: ccpAlpha must be ≥ 0, got ${p.ccpAlpha}.`);
  return {
    criterion: p.criterion, splitter: p.splitter, maxDepth, minSamplesSplit, minSamplesLeaf,
    minWeightFractionLeaf: p.minWeightFractionLeaf, maxFeatures, maxLeafNodes,
    minImpurityDecrease: p.minImpurityDecrease, ccpAlpha: p.ccpAlpha,
  };
}

/**
 * The number of features drawn per split.
 *
 * @example
 * resolveMaxFeatures('sqrt', 30, 'RandomForestClassifier'); // 5
 */
export function resolveMaxFeatures(m: MaxFeatures, nFeatures: number, who: string): number {
  if (m === null) return nFeatures;
  if (m === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (m === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (typeof m === 'number') {
    if (isCount(m)) {
      if (m > nFeatures) throw new ParamError(`${who}: maxFeatures is ${m} but X has only ${nFeatures} features; use at most ${nFeatures} or null for all.`);
      return m;
    }
    if (m > 0 && m < 1) return Math.max(1, Math.floor(m * nFeatures));
  }
  throw new ParamError(`${who}: maxFeatures must be an integer ≥ 1, a fraction in (0, 1), 'sqrt', 'log2' or null (all), got ${JSON.stringify(m)}.`);
}
