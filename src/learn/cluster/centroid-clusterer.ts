/**
 * What KMeans and MiniBatchKMeans share once fitted: centers, labels and inertia, and
 * assigning new rows to their nearest center.
 */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { type Matrix, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
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
    const m = toMatrix(X, { estimator: this.constructor.name });
    checkFeatureCount(m, s.nFeatures, this.constructor.name);
    return { s, m };
  }

  /** Index of the nearest center for each row of X. */
  predict(X: MatrixInput): Int32Array {
    const { s, m } = this.fittedInput(X, 'predict');
    const labels = new Int32Array(m.rows);
    assignLabels(m.data, m.rows, m.cols, s.centers, this.params.nClusters, labels);
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
