/**
 * Split criteria: how impure a node is, and how much a split at position `pos` of a node's
 * sorted samples improves on it. A criterion is bound to one training set and follows the
 * splitter through each node: `init` for the node's samples, `reset` to put every sample on the
 * right, `update(pos)` to move samples [start, pos) to the left, then impurities and
 * improvements of that partition (scikit-learn's `Criterion`).
 */
import type { TrainingSet } from './training-set.js';

/** Classification criteria; 'log_loss' is the same as 'entropy'. */
export type ClassificationCriterionName = 'gini' | 'entropy' | 'log_loss';
/** Regression criteria. */
export type RegressionCriterionName = 'squared_error' | 'friedman_mse' | 'absolute_error' | 'poisson';
export type CriterionName = ClassificationCriterionName | RegressionCriterionName;

export abstract class Criterion {
  protected readonly y: Float64Array;
  protected readonly w: Float64Array | null;
  protected samples: Int32Array = new Int32Array(0);
  protected start = 0;
  protected end = 0;
  protected pos = 0;
  /** Total weight of the node, of its left part and of its right part. */
  weightedNNode = 0;
  weightedNLeft = 0;
  weightedNRight = 0;
  /** Total weight of the samples the tree grows on (the root's weight). */
  weightedNSamples = 0;
  /** Set by `childrenImpurity`. */
  impurityLeft = 0;
  impurityRight = 0;

  constructor(data: TrainingSet) {
    this.y = data.y;
    this.w = data.sampleWeight;
  }

  /** Starts a node holding `samples[start:end]`, with every sample on the right. */
  abstract init(samples: Int32Array, start: number, end: number): void;
  /** Puts every sample of the node back on the right. */
  abstract reset(): void;
  /** Moves samples [pos, newPos) to the left (newPos ≥ the current position). */
  abstract update(newPos: number): void;
  abstract nodeImpurity(): number;
  /** Computes `impurityLeft` and `impurityRight` of the current partition. */
  abstract childrenImpurity(): void;
  /** The prediction of the node (class weights or the target's mean/median) into `out[offset…]`. */
  abstract nodeValue(out: Float64Array, offset: number): void;

  /**
   * A value that orders the splits of one node like the impurity improvement, cheaper to compute.
   */
  proxyImprovement(): number {
    this.childrenImpurity();
    return -this.weightedNRight * this.impurityRight - this.weightedNLeft * this.impurityLeft;
  }

  /** Weighted impurity decrease of the split, relative to the whole training set. */
  impurityImprovement(parent: number, left: number, right: number): number {
    return (
      (this.weightedNNode / this.weightedNSamples) *
      (parent - (this.weightedNRight / this.weightedNNode) * right - (this.weightedNLeft / this.weightedNNode) * left)
    );
  }
}
