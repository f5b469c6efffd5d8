/**
 * What the forest classifier and regressor share at predict time — the mean of the trees'
 * outputs — and the inspection surface added to either base class (Classifier or Regressor)
 * by one mixin: importances, the out-of-bag score and the fitted trees.
 */
import { type NdArray, fromTyped } from '../../../tensor/index.js';
import type { Estimator } from '../../base/estimator.js';
import { type MatrixInput, checkFeatureCount, toMatrix } from '../../base/input.js';
import type { FlatTree } from '../../tree/flat-tree.js';
import { type ForestState, forestImportances, sumTreeOutputs } from './forest.js';

/**
 * Mean over the trees of each row's leaf output (class probabilities when `probabilities`),
 * rows × the trees' value stride, after checking X against the fitted feature count.
 */
export function meanTreeOutputs(
  s: ForestState, X: MatrixInput, who: string, probabilities: boolean,
): { out: Float64Array; rows: number } {
  const m = toMatrix(X, { estimator: who });
  checkFeatureCount(m, s.nFeatures, who);
  const out = sumTreeOutputs(s.trees, Float32Array.from(m.data), m.rows, m.cols, probabilities);
  for (let i = 0; i < out.length; i++) out[i] /= s.trees.length;
  return { out, rows: m.rows };
}

/** A class of estimators whose fitted state `S` is a forest's. */
type ForestClass<S extends ForestState> = abstract new (...args: any[]) => Estimator<object, S>;

/** What `withForestInspection` adds (named so that declaration files can refer to it). */
export interface ForestInspection {
  readonly featureImportances: NdArray;
  readonly oobScore: number;
  readonly estimators: readonly FlatTree[];
}

/**
 * `Base` plus the forest inspection getters.
 *
 * @example
 * abstract class MyForest extends withForestInspection(Regressor<MyParams, ForestState>) { ... }
 */
export function withForestInspection<S extends ForestState, B extends ForestClass<S>>(
  Base: B & ForestClass<S>,
): B & (abstract new (...args: any[]) => ForestInspection) {
  abstract class WithForestInspection extends Base implements ForestInspection {
    /** Mean impurity-based importances of the trees, summing to 1. */
    get featureImportances(): NdArray {
      const s = this.fitted('featureImportances');
      return fromTyped(forestImportances(s.trees, s.nFeatures), [s.nFeatures]);
    }

    /**
     * The out-of-bag score (fit with oobScore: true): accuracy for classifiers, R² for
     * regressors.
     */
    get oobScore(): number {
      const s = this.fitted('oobScore');
      if (s.oobScore === undefined) throw new Error(`${this.constructor.name} was fitted without oobScore: true; refit with it to get the out-of-bag score.`);
      return s.oobScore;
    }

    /** The fitted trees (flat arrays; classifier node values are weighted class counts). */
    get estimators(): readonly FlatTree[] {
      return this.fitted('estimators').trees;
    }
  }
  return WithForestInspection;
}
