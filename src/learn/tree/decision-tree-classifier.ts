/**
 * CART classification tree (scikit-learn 1.2's `DecisionTreeClassifier`): Gini or entropy
 * splits, depth/size limits, class and sample weights, best-first growth under `maxLeafNodes`,
 * and minimal cost-complexity pruning.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { DataError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type Label, type LabelInput, type MatrixInput, argmaxLabels, encodeLabels, toLabels } from '../base/input.js';
import { Classifier, type ProbabilisticClassifier } from '../base/kinds.js';
import type { ClassificationCriterionName } from './criterion.js';
import {
  type DecisionTreeParams, TREE_DEFAULTS, type TreeFitOptions, type TreeState, fitTree, leavesOf, treeMatrix,
} from './decision-tree.js';
import { withTreeInspection } from './tree-inspection.js';
import { type ClassWeight, checkSampleWeight, classSampleWeights, multiplyWeights } from './weights.js';

export interface DecisionTreeClassifierParams extends DecisionTreeParams {
  criterion: ClassificationCriterionName;
  /** Weights per class: 'balanced', an object `{ label: weight }`, or null for equal weights. */
  classWeight: ClassWeight;
}

interface State extends TreeState {
  classes: Label[];
}

const CRITERIA: readonly ClassificationCriterionName[] = ['gini', 'entropy', 'log_loss'];

/** Class codes, checked to hold at least two classes. */
export function encodeClassTargets(y: LabelInput, rows: number, who: string): { classes: Label[]; codes: Int32Array } {
  const { classes, codes } = encodeLabels(toLabels(y, rows, who));
  if (classes.length < 2) {
    throw new DataError(`${who}: y has a single class (${JSON.stringify(classes[0])}); a classifier needs samples of at least two classes.`);
  }
  return { classes, codes };
}

/** Leaf class weights → probabilities (rows summing to 1). */
export function normalizeRows(values: Float64Array, stride: number): Float64Array {
  for (let o = 0; o < values.length; o += stride) {
    let s = 0;
    for (let c = 0; c < stride; c++) s += values[o + c]!;
    if (s === 0) s = 1;
    for (let c = 0; c < stride; c++) values[o + c] /= s;
  }
  return values;
}

/**
 * A decision tree classifier.
 *
 * @example
 * import { DecisionTreeClassifier } from 'strata/learn';
 * const tree = new DecisionTreeClassifier({ maxDepth: 3 }).fit([[0, 0], [1, 1], [0, 1], [1, 0]], ['a', 'b', 'a', 'b']);
 * tree.predict([[1, 0.5]]); // ['b']
 * tree.predictProba([[1, 0.5]]).toArray(); // [[0, 1]]
 */
export class DecisionTreeClassifier
  extends withTreeInspection(Classifier<DecisionTreeClassifierParams, State>)
  implements ProbabilisticClassifier
{
  protected defaults(): DecisionTreeClassifierParams {
    return { ...TREE_DEFAULTS, criterion: 'gini', splitter: 'best', classWeight: null, randomState: null };
  }

  /**
   * Grows the tree. `options.sampleWeight` weighs rows; class weights multiply it.
   */
  fit(X: MatrixInput, y: LabelInput, options: TreeFitOptions = {}): this {
    const who = this.constructor.name;
    const { m, Xcol } = treeMatrix(X, who);
    const { classes, codes } = encodeClassTargets(y, m.rows, who);
    let w = checkSampleWeight(options.sampleWeight, m.rows, who);
    if (this.params.classWeight !== null) w = multiplyWeights(w, classSampleWeights(this.params.classWeight, classes, codes, who));
    const data = { X: Xcol, nSamples: m.rows, nFeatures: m.cols, y: Float64Array.from(codes), nClasses: classes.length, sampleWeight: w };
    const tree = fitTree(this.params, data, who, CRITERIA);
    options.run?.logParams({ ...this.params });
    this.setFitted({ classes, nFeatures: m.cols, tree });
    return this;
  }

  /** Class of each row: the heaviest class of its leaf (the first on ties). */
  predict(X: MatrixInput): Label[] {
    const s = this.fitted('predict');
    return argmaxLabels(this.leafValues(X, 'predict'), s.classes.length, s.classes);
  }

  /** Class probabilities: the weighted class shares of each row's leaf (columns follow `classes`). */
  predictProba(X: MatrixInput): NdArray {
    const k = this.fitted('predictProba').classes.length;
    const values = normalizeRows(this.leafValues(X, 'predictProba'), k);
    return fromTyped(values, [values.length / k, k]);
  }

  /** Natural log of `predictProba`. */
  predictLogProba(X: MatrixInput): NdArray {
    const p = this.predictProba(X).toFloat64Array();
    for (let i = 0; i < p.length; i++) p[i] = Math.log(p[i]!);
    const k = this.fitted('predictLogProba').classes.length;
    return fromTyped(p, [p.length / k, k]);
  }

  private leafValues(X: MatrixInput, what: string): Float64Array {
    const s = this.fitted(what);
    const leaves = leavesOf(s.tree, X, s.nFeatures, this.constructor.name);
    const k = s.classes.length;
    const out = new Float64Array(leaves.length * k);
    for (let i = 0; i < leaves.length; i++) out.set(s.tree.value.subarray(leaves[i]! * k, leaves[i]! * k + k), i * k);
    return out;
  }
}

registerEstimator(DecisionTreeClassifier);
