/**
 * The classifier side of forests: class codes and weights in, averaged leaf class
 * probabilities out, out-of-bag decision function and accuracy (scikit-learn's
 * `ForestClassifier`). RandomForestClassifier and ExtraTreesClassifier only set defaults.
 */
import { type NdArray, fromTyped } from '../../../tensor/index.js';
import type { Label, LabelInput, MatrixInput } from '../../base/input.js';
import { Classifier, type ProbabilisticClassifier } from '../../base/kinds.js';
import type { ClassificationCriterionName } from '../../tree/criterion.js';
import { encodeClassTargets } from '../../tree/decision-tree-classifier.js';
import { argmaxLabels } from '../../base/input.js';
import { type TreeFitOptions, treeMatrix } from '../../tree/decision-tree.js';
import { resolveGrowOptions } from '../../tree/params.js';
import { type ClassWeight, checkSampleWeight, classSampleWeights, multiplyWeights } from '../../tree/weights.js';
import { meanTreeOutputs, withForestInspection } from './forest-inspection.js';
import { type ForestParams, type ForestState, checkForestParams, fitForest, outOfBag } from './forest.js';

export interface ForestClassifierParams extends ForestParams {
  criterion: ClassificationCriterionName;
  /** 'balanced', 'balanced_subsample' (balanced within each bootstrap sample), `{ label: weight }`, or null. */
  classWeight: ClassWeight | 'balanced_subsample';
}

interface State extends ForestState {
  classes: Label[];
  /** Out-of-bag class probabilities, rows × classes (with oobScore). */
  oobDecisionFunction?: Float64Array;
}

const CRITERIA: readonly ClassificationCriterionName[] = ['gini', 'entropy', 'log_loss'];

export abstract class ForestClassifier
  extends withForestInspection(Classifier<ForestClassifierParams, State>)
  implements ProbabilisticClassifier {
  protected abstract readonly splitter: 'best' | 'random';

  /** Grows the trees (on `nJobs` threads); `options.sampleWeight` weighs rows. */
  fit(X: MatrixInput, y: LabelInput, options: TreeFitOptions = {}): this {
    const who = this.constructor.name;
    const p = this.params;
    const { m, Xcol } = treeMatrix(X, who);
    const { classes, codes } = encodeClassTargets(y, m.rows, who);
    const nBoot = checkForestParams(p, m.rows, who);
    const grow = resolveGrowOptions({ ...p, splitter: this.splitter }, m.rows, m.cols, who, CRITERIA);
    let w = checkSampleWeight(options.sampleWeight, m.rows, who);
    const subsample = p.classWeight === 'balanced_subsample' && p.bootstrap;
    if (p.classWeight !== null && !subsample) {
      const cw = p.classWeight === 'balanced_subsample' ? 'balanced' : p.classWeight;
      w = multiplyWeights(w, classSampleWeights(cw, classes, codes, who));
    }
    const y64 = Float64Array.from(codes);
    const data = { X: Xcol, nSamples: m.rows, nFeatures: m.cols, y: y64, nClasses: classes.length, sampleWeight: w, balancedSubsample: subsample };
    const { job, trees } = fitForest(p, data, grow, nBoot, who);
    const state: State = { classes, nFeatures: m.cols, trees };
    if (p.oobScore) {
      const { mean } = outOfBag(job, trees, Float32Array.from(m.data), true);
      const k = classes.length;
      let hits = 0;
      for (let i = 0; i < m.rows; i++) {
        let best = 0;
        for (let c = 1; c < k; c++) if (mean[i * k + c]! > mean[i * k + best]!) best = c;
        if (best === codes[i]) hits++;
      }
      state.oobScore = hits / m.rows;
      state.oobDecisionFunction = mean;
      options.run?.logMetric('oob_accuracy', state.oobScore);
    }
    options.run?.logParams({ ...p });
    this.setFitted(state);
    return this;
  }

  /** Mean over trees of each tree's leaf class probabilities; columns follow `classes`. */
  predictProba(X: MatrixInput): NdArray {
    const s = this.fitted('predictProba');
    const { out, rows } = meanTreeOutputs(s, X, this.constructor.name, true);
    return fromTyped(out, [rows, s.classes.length]);
  }

  /** The class with the highest mean probability (the first on ties). */
  predict(X: MatrixInput): Label[] {
    const s = this.fitted('predict');
    return argmaxLabels(this.predictProba(X).toFloat64Array(), s.classes.length, s.classes);
  }

  /** Out-of-bag class probabilities of the training rows (rows that were never out of bag get zeros). */
  get oobDecisionFunction(): NdArray {
    const s = this.fitted('oobDecisionFunction');
    if (s.oobDecisionFunction === undefined) throw new Error(`${this.constructor.name} was fitted without oobScore: true; refit with it.`);
    return fromTyped(s.oobDecisionFunction.slice(), [s.oobDecisionFunction.length / s.classes.length, s.classes.length]);
  }
}
