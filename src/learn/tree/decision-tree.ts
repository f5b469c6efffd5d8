/**
 * What the decision tree classifier and regressor share: turning input into a TrainingSet,
 * growing the tree, and walking it at predict time (leaves, decision paths, importances).
 */
import { NdArray, fromTyped, random } from '../../tensor/index.js';
import { ParamError } from '../base/errors.js';
import { type Matrix, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import type { FitOptions } from '../base/run.js';
import { type FlatTree, LEAF, applyTree, leafCount, treeFeatureImportances } from './flat-tree.js';
import { type GrowOptions, growTree } from './grow.js';
import { type TreeCriterion, type TreeShapeParams, resolveGrowOptions } from './params.js';
import { type TrainingSet, toColumnMajorF32 } from './training-set.js';

/** `fit` options of trees and forests: per-sample weights besides the run to log to. */
export interface TreeFitOptions extends FitOptions {
  /** One non-negative weight per row of X (default: all 1). */
  sampleWeight?: ArrayLike<number> | NdArray;
}

/** Parameters of a single decision tree. */
export interface DecisionTreeParams extends TreeShapeParams {
  /** 'best' scans every threshold; 'random' draws one per feature (extremely randomized). */
  splitter: 'best' | 'random';
  /** Seed for the feature order (ties) and random thresholds; null draws a fresh seed. */
  randomState: number | null;
}

export const TREE_DEFAULTS: TreeShapeParams = {
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  maxFeatures: null,
  maxLeafNodes: null,
  minImpurityDecrease: 0,
  ccpAlpha: 0,
};

/** Fitted state of a decision tree. */
export interface TreeState {
  nFeatures: number;
  tree: FlatTree;
}

/** X as a validated Matrix plus its column-major float32 copy. */
export function treeMatrix(X: MatrixInput, who: string): { m: Matrix; Xcol: Float32Array } {
  const m = toMatrix(X, { estimator: who });
  return { m, Xcol: toColumnMajorF32(m.data, m.rows, m.cols) };
}

/** Seeded (or, for null, freshly seeded) bit generator. */
export function bitsFor(randomState: number | null, who: string): random.BitGenerator {
  if (randomState !== null && !(Number.isInteger(randomState) && randomState >= 0)) {
    throw new ParamError(`${who}: randomState must be a non-negative integer or null, got ${randomState}.`);
  }
  return (randomState === null ? random.defaultRng() : random.defaultRng(randomState)).bitGenerator;
}

/** Validates the parameters against the data and grows the tree. */
export function fitTree(
  params: DecisionTreeParams & { criterion: TreeCriterion },
  data: TrainingSet,
  who: string,
  allowed: readonly TreeCriterion[],
): FlatTree {
  const options: GrowOptions = resolveGrowOptions(params, data.nSamples, data.nFeatures, who, allowed);
  return growTree(data, options, bitsFor(params.randomState, who));
}

/** Leaf index of each row of X. */
export function leavesOf(tree: FlatTree, X: MatrixInput, nFeatures: number, who: string): Int32Array {
  const m = toMatrix(X, { estimator: who });
  checkFeatureCount(m, nFeatures, who);
  return applyTree(tree, Float32Array.from(m.data), m.rows, m.cols);
}

/** Node ids from the root to the leaf, for each row of X. */
export function decisionPaths(tree: FlatTree, X: MatrixInput, nFeatures: number, who: string): Int32Array[] {
  const m = toMatrix(X, { estimator: who });
  checkFeatureCount(m, nFeatures, who);
  const Xf = Float32Array.from(m.data);
  const out: Int32Array[] = [];
  for (let i = 0; i < m.rows; i++) {
    const path: number[] = [0];
    let node = 0;
    while (tree.left[node] !== LEAF) {
      node = Xf[i * m.cols + tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
      path.push(node);
    }
    out.push(Int32Array.from(path));
  }
  return out;
}

/** Read-only views of a tree's facts, shared by both estimators. */
export function treeSummary(state: TreeState): { depth: number; leaves: number; nodes: number; importances: NdArray } {
  return {
    depth: state.tree.maxDepth,
    leaves: leafCount(state.tree),
    nodes: state.tree.nodeCount,
    importances: fromTyped(treeFeatureImportances(state.tree, state.nFeatures), [state.nFeatures]),
  };
}
