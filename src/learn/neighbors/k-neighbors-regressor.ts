/**
 * k-nearest-neighbors regression (scikit-learn's KNeighborsRegressor): the prediction is the
 * (weighted) mean target of the k nearest training samples.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, toTargets } from '../base/input.js';
import { Regressor } from '../base/kinds.js';
import {
  type KNeighborsParams, type Kneighbors, type NeighborsFit, fitNeighbors, neighborWeights, neighborsDefaults, queryNeighbors, toKneighbors,
} from './neighbors-base.js';

interface KNeighborsRegressorState extends NeighborsFit {
  y: Float64Array;
}

/**
 * @example
 * const knn = new KNeighborsRegressor({ nNeighbors: 2 }).fit([[0], [1], [2], [3]], [0, 0, 1, 1]);
 * knn.predict([[1.5]]).toArray(); // [0.5]
 */
export class KNeighborsRegressor extends Regressor<KNeighborsParams, KNeighborsRegressorState> {
  protected defaults(): KNeighborsParams {
    return neighborsDefaults();
  }

  fit(X: MatrixInput, y: LabelInput): this {
    const who = this.constructor.name;
    const fit = fitNeighbors(X, this.params, who);
    this.setFitted({ ...fit, y: toTargets(y, fit.nSamples, who) });
    return this;
  }

  /** See KNeighborsClassifier.kneighbors. */
  kneighbors(X?: MatrixInput, k?: number): Kneighbors {
    const s = this.fitted('kneighbors');
    const kk = k ?? this.params.nNeighbors;
    return toKneighbors(queryNeighbors(s, this.params, this.constructor.name, X, kk), kk);
  }

  predict(X: MatrixInput): NdArray {
    const s = this.fitted('predict');
    const k = this.params.nNeighbors;
    const r = queryNeighbors(s, this.params, this.constructor.name, X, k);
    const out = new Float64Array(r.rows);
    const w = new Float64Array(k);
    for (let i = 0; i < r.rows; i++) {
      neighborWeights(this.params.weights, r.distances, i, k, w);
      let num = 0;
      let den = 0;
      for (let j = 0; j < k; j++) {
        num += w[j]! * s.y[r.indices[i * k + j]!]!;
        den += w[j]!;
      }
      out[i] = this.params.weights === 'uniform' ? num / k : num / den;
    }
    return fromTyped(out, [r.rows]);
  }
}

registerEstimator(KNeighborsRegressor);
