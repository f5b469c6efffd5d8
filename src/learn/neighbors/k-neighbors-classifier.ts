/**
 * k-nearest-neighbors classification (scikit-learn's KNeighborsClassifier): a sample gets the
 * class with the largest (weighted) vote among its k nearest training samples.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { type Label, type LabelInput, type MatrixInput, encodeLabels, toLabels } from '../base/input.js';
import { Classifier, type ProbabilisticClassifier } from '../base/kinds.js';
import {
  type KNeighborsParams, type Kneighbors, type NeighborsFit, fitNeighbors, neighborWeights, neighborsDefaults, queryNeighbors, toKneighbors,
} from './neighbors-base.js';

interface KNeighborsClassifierState extends NeighborsFit {
  classes: Label[];
  /** Class index of each training sample. */
  codes: Int32Array;
}

/**
 * Ties: neighbors at equal distance are ordered by training index (the lower index is nearer),
 * so every algorithm gives the same answer; a tied vote goes to the first class in `classes`.
 *
 * @example
 * const knn = new KNeighborsClassifier({ nNeighbors: 3, weights: 'distance' }).fit(X, y);
 * knn.predict([[5.1, 3.5, 1.4, 0.2]]);       // ['setosa']
 * knn.kneighbors([[5.1, 3.5, 1.4, 0.2]]);    // { distances, indices }
 */
export class KNeighborsClassifier
  extends Classifier<KNeighborsParams, KNeighborsClassifierState>
  implements ProbabilisticClassifier {
  protected defaults(): KNeighborsParams {
    return neighborsDefaults();
  }

  fit(X: MatrixInput, y: LabelInput): this {
    const who = this.constructor.name;
    const fit = fitNeighbors(X, this.params, who);
    const labels = toLabels(y, fit.nSamples, who);
    const { classes, codes } = encodeLabels(labels);
    this.setFitted({ ...fit, classes, codes });
    return this;
  }

  /**
   * The k nearest training samples of each row of X (default k = nNeighbors); without X, of
   * each training sample, leaving the sample itself out.
   */
  kneighbors(X?: MatrixInput, k?: number): Kneighbors {
    const s = this.fitted('kneighbors');
    const kk = k ?? this.params.nNeighbors;
    return toKneighbors(queryNeighbors(s, this.params, this.constructor.name, X, kk), kk);
  }

  /** n × classes matrix of (weighted) neighbor votes, normalized per row. */
  predictProba(X: MatrixInput): NdArray {
    const s = this.fitted('predictProba');
    const k = this.params.nNeighbors;
    const r = queryNeighbors(s, this.params, this.constructor.name, X, k);
    const c = s.classes.length;
    const proba = new Float64Array(r.rows * c);
    const w = new Float64Array(k);
    for (let i = 0; i < r.rows; i++) {
      neighborWeights(this.params.weights, r.distances, i, k, w);
      let total = 0;
      for (let j = 0; j < k; j++) {
        proba[i * c + s.codes[r.indices[i * k + j]!]!]! += w[j]!;
        total += w[j]!;
      }
      for (let l = 0; l < c; l++) proba[i * c + l]! /= total;
    }
    return fromTyped(proba, [r.rows, c]);
  }

  predict(X: MatrixInput): Label[] {
    const s = this.fitted('predict');
    const proba = this.predictProba(X).toFloat64Array();
    const c = s.classes.length;
    const out: Label[] = [];
    for (let i = 0; i < proba.length / c; i++) {
      let best = 0;
      for (let l = 1; l < c; l++) if (proba[i * c + l]! > proba[i * c + best]!) best = l;
      out.push(s.classes[best]!);
    }
    return out;
  }
}

registerEstimator(KNeighborsClassifier);

