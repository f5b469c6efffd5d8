/**
 * What KMeans and MiniBatchKMeans share once fitted: centers, labels and inertia, and
 * assigning new rows to their nearest center.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { type Matrix, type MatrixInput, checkFeatureCount, checkFinite, toMatrix } from '../base/input.js';
import { Clusterer } from '../base/kinds.js';
import { assignLabels } from './kmeans-core.js';

/** Fitted state every centroid clusterer has. */
export interface CentroidState {
  labels: Int32Array;
  /** nClusters × features, row-major. */
  centers: Float64Array;
  inertia: number;
  nFeatures: number;
}

/**
 * Base of clusterers that summarize each cluster by a center (KMeans, MiniBatchKMeans).
 *
 * @example
 * class MyKMeans extends CentroidClusterer<MyParams, CentroidState> { ... }
 */
export abstract class CentroidClusterer<P extends { nClusters: number }, S extends CentroidState> extends Clusterer<P, S> {
  /** X checked against the fitted feature count, with the fitted state (`what` names the caller). */
  protected fittedInput(X: MatrixInput, what: string): { s: S; m: Matrix } {
    const s = this.fitted(what);
    const m = toMatrix(X, { estimator: this.constructor.name, borrow: true }); // read only
    checkFeatureCount(m, s.nFeatures, this.constructor.name);
    return { s, m };
  }

  /** Index of the nearest center for each row of X. */
  predict(X: MatrixInput): Int32Array {
    const s = this.fitted('predict');
    const options = { estimator: this.constructor.name, borrow: true, deferFiniteCheck: true };
    const m = toMatrix(X, options);
    checkFeatureCount(m, s.nFeatures, this.constructor.name);
    const labels = new Int32Array(m.rows);
    if (Number.isNaN(assignLabels(m.data, m.rows, m.cols, s.centers, this.params.nClusters, labels, false))) checkFinite(m, options);
    return labels;
  }

  /** Cluster of each training sample. */
  get labels(): Int32Array {
    return this.fitted('labels').labels.slice();
  }

  /** Cluster centers, nClusters × features. */
  get clusterCenters(): NdArray {
    const s = this.fitted('clusterCenters');
    return fromTyped(s.centers.slice(), [this.params.nClusters, s.nFeatures]);
  }

  /** Sum of squared distances of the training samples to their centers. */
  get inertia(): number {
    return this.fitted('inertia').inertia;
  }
}
