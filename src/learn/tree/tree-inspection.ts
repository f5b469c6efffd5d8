/**
 * The inspection surface the decision tree classifier and regressor share — leaf indices,
 * decision paths, the pruning path, the flat tree, importances, depth and leaf count — added
 * to either base class (Classifier or Regressor) by one mixin.
 */
import type { NdArray } from '../../tensor/index.js';
import type { Estimator } from '../base/estimator.js';
import type { LabelInput, MatrixInput } from '../base/input.js';
import { type TreeFitOptions, type TreeState, decisionPaths, leavesOf, treeSummary } from './decision-tree.js';
import type { FlatTree } from './flat-tree.js';
import { type PruningPath, pruningPath } from './pruning.js';

/** A class of estimators whose fitted state `S` holds one flat tree. */
type TreeEstimatorClass<S extends TreeState> = abstract new (...args: any[]) => Estimator<{ ccpAlpha: number }, S> & {
  fit(X: MatrixInput, y: LabelInput, options?: TreeFitOptions): unknown;
};

/** What `withTreeInspection` adds (named so that declaration files can refer to it). */
export interface TreeInspection {
  apply(X: MatrixInput): Int32Array;
  decisionPath(X: MatrixInput): Int32Array[];
  costComplexityPruningPath(X: MatrixInput, y: LabelInput, options?: TreeFitOptions): PruningPath;
  readonly tree: FlatTree;
  readonly featureImportances: NdArray;
  getDepth(): number;
  getNLeaves(): number;
}

/**
 * `Base` plus the tree inspection methods.
 *
 * @example
 * class MyTree extends withTreeInspection(Regressor<MyTreeParams, TreeState>) { ... }
 */
export function withTreeInspection<S extends TreeState, B extends TreeEstimatorClass<S>>(
  Base: B & TreeEstimatorClass<S>,
): B & (abstract new (...args: any[]) => TreeInspection) {
  abstract class WithTreeInspection extends Base implements TreeInspection {
    /** Index of the leaf each row lands in (node ids as in `tree`). */
    apply(X: MatrixInput): Int32Array {
      const s = this.fitted('apply');
      return leavesOf(s.tree, X, s.nFeatures, this.constructor.name);
    }

    /** The node ids each row passes through, root first. */
    decisionPath(X: MatrixInput): Int32Array[] {
      const s = this.fitted('decisionPath');
      return decisionPaths(s.tree, X, s.nFeatures, this.constructor.name);
    }

    /**
     * The cost-complexity pruning path on (X, y): effective alphas and total leaf impurities, from
     * a tree grown with these parameters and no pruning. Does not change this estimator.
     */
    costComplexityPruningPath(X: MatrixInput, y: LabelInput, options: TreeFitOptions = {}): PruningPath {
      const Ctor = this.constructor as new (params: object) => WithTreeInspection;
      const grown = new Ctor({ ...this.params, ccpAlpha: 0 });
      grown.fit(X, y, options);
      return pruningPath(grown.fitted().tree);
    }

    /** The fitted tree's flat arrays (classifier node values are weighted class counts). */
    get tree(): FlatTree {
      return this.fitted('tree').tree;
    }

    /** Impurity-based importance of each feature, summing to 1 (all 0 for a single leaf). */
    get featureImportances(): NdArray {
      return treeSummary(this.fitted('featureImportances')).importances;
    }

    /** Depth of the fitted tree (0 for a single leaf). */
    getDepth(): number {
      return this.fitted('getDepth').tree.maxDepth;
    }

    /** Number of leaves of the fitted tree. */
    getNLeaves(): number {
      return treeSummary(this.fitted('getNLeaves')).leaves;
    }
  }
  return WithTreeInspection;
}
