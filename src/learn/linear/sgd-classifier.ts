/** Linear classifiers trained by SGD, like scikit-learn's `SGDClassifier`. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import type { LabelInput, MatrixInput } from '../base/input.js';
import { type ClassWeight, classWeights, toSampleWeight } from './checks.js';
import { LinearClassifierBase, type LinearClassifierState, classifierData } from './linear-classifier.js';
import type { LinearFitOptions } from './linear-regression.js';
import { sigmoid } from './logistic-loss.js';
import { plainSGD } from './sgd-core.js';
import { CLASSIFIER_LOSSES, type SGDClassifierLoss } from './sgd-losses.js';
import { type SGDCommonParams, sgdCommonDefaults, sgdSettings } from './sgd-params.js';

export interface SGDClassifierParams extends SGDCommonParams {
  /** 'hinge' (default, a linear SVM), 'log_loss' (logistic regression), 'modified_huber', 'squared_hinge', 'perceptron', or a regression loss. */
  loss: SGDClassifierLoss;
  classWeight: ClassWeight;
}

export interface SGDClassifierState extends LinearClassifierState {
  nIter: number;
  loss: string;
}

/**
 * A linear classifier fitted by plain SGD (one-vs-rest for more than two classes), with
 * scikit-learn's losses, penalties, learning-rate schedules and stopping rule.
 *
 * @example
 * const model = new SGDClassifier({ loss: 'log_loss', randomState: 1 }).fit(X, y);
 * model.predictProba(X);
 */
export class SGDClassifier extends LinearClassifierBase<SGDClassifierParams, SGDClassifierState> {
  protected defaults(): SGDClassifierParams {
    return { ...sgdCommonDefaults(), loss: 'hinge', classWeight: null };
  }

  fit(X: MatrixInput, y: LabelInput, options: LinearFitOptions = {}): this {
    const name = 'SGDClassifier';
    const settings = sgdSettings(this.params, name, CLASSIFIER_LOSSES);
    const { m, classes, codes } = classifierData(X, y, name);
    const cw = classWeights(this.params.classWeight, classes, codes, name);
    const sw = toSampleWeight(options.sampleWeight, m.rows, name) ?? new Float64Array(m.rows).fill(1);
    options.run?.logParams({ model: 'sgd-classifier', ...this.params });
    const K = classes.length;
    const targets = K === 2 ? [1] : classes.map((_, c) => c);
    const p = m.cols;
    const coef = new Float64Array(targets.length * p);
    const intercept = new Float64Array(targets.length);
    let nIter = 0;
    targets.forEach((pos, r) => {
      const yy = Float64Array.from(codes, (c) => (c === pos ? 1 : -1));
      const wPos = cw[pos]!;
      const wNeg = K === 2 ? cw[0]! : 1;
      const tag = targets.length > 1 ? `_${r}` : '';
      const run = options.run;
      const res = plainSGD(m.data, m.rows, p, yy, sw, wPos, wNeg, { ...settings, seed: settings.seed + r },
        run ? (e, l) => run.logMetric(`loss${tag}`, l, e) : undefined);
      coef.set(res.coef, r * p);
      intercept[r] = res.intercept;
      nIter = Math.max(nIter, res.nIter);
    });
    this.setFitted({ classes, coef, intercept, nFeatures: p, nIter, loss: this.params.loss });
    return this;
  }

  /** Epochs run (the most over the one-vs-rest problems). */
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }

  /**
   * Probabilities, present only for 'log_loss' (sigmoid of the score) and 'modified_huber'
   * ((clip(score, −1, 1) + 1) / 2), like scikit-learn's `available_if`; undefined for other
   * losses. One-vs-rest scores are normalized to sum to 1.
   */
  get predictProba(): ((X: MatrixInput) => NdArray<'float64'>) | undefined {
    const loss = this.params.loss;
    return loss === 'log_loss' || loss === 'modified_huber' ? (X) => this.probabilities(X) : undefined;
  }

  private probabilities(X: MatrixInput): NdArray<'float64'> {
    const { loss, classes } = this.fitted('predictProba');
    if (loss !== 'log_loss' && loss !== 'modified_huber') {
      throw new ParamError(`SGDClassifier: predictProba needs loss 'log_loss' or 'modified_huber'; this model was fitted with '${loss}'. Refit it.`);
    }
    const { scores, rows, k } = this.scores(X, 'predictProba');
    const K = classes.length;
    const out = new Float64Array(rows * K);
    const f = loss === 'log_loss' ? sigmoid : (z: number) => (Math.min(1, Math.max(-1, z)) + 1) / 2;
    for (let i = 0; i < rows; i++) {
      if (k === 1) {
        const p1 = f(scores[i]!);
        out[2 * i] = 1 - p1;
        out[2 * i + 1] = p1;
        continue;
      }
      let sum = 0;
      for (let c = 0; c < K; c++) sum += (out[i * K + c] = f(scores[i * K + c]!));
      for (let c = 0; c < K; c++) out[i * K + c] = sum === 0 ? 1 / K : out[i * K + c]! / sum;
    }
    return fromTyped(out, [rows, K]);
  }
}

registerEstimator(SGDClassifier);
