/** StandardScaler: remove the mean and divide by the standard deviation of each feature. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { Transformer } from '../base/kinds.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { meanVar } from './stats.js';

export interface StandardScalerParams {
  /** Subtract the mean (default true). */
  withMean: boolean;
  /** Divide by the standard deviation, ddof 0 (default true). */
  withStd: boolean;
}

interface StandardScalerState {
  mean: Float64Array | null;
  variance: Float64Array | null;
  scale: Float64Array | null;
  nSamplesSeen: number;
  featureNamesIn: string[];
}

/**
 * Standardizes features to zero mean and unit variance (scikit-learn's StandardScaler).
 * Features whose variance is zero up to rounding keep scale 1.
 *
 * @example
 * const s = new StandardScaler().fit([[0, 1], [2, 3]]);
 * s.transform([[1, 2]]); // [[0, 0]]
 */
export class StandardScaler extends Transformer<StandardScalerParams, StandardScalerState> {
  protected defaults(): StandardScalerParams {
    return { withMean: true, withStd: true };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const m = toMatrix(X, { estimator: 'StandardScaler' });
    const { mean, variance } = meanVar(m.data, m.rows, m.cols);
    let scale: Float64Array | null = null;
    if (this.params.withStd) {
      const n = m.rows;
      scale = new Float64Array(m.cols);
      for (let j = 0; j < m.cols; j++) {
        // scikit-learn's _is_constant_feature: variance within rounding error of zero.
        const bound = n * Number.EPSILON * variance[j]! + (n * mean[j]! * Number.EPSILON) ** 2;
        const sd = Math.sqrt(variance[j]!);
        scale[j] = variance[j]! <= bound || sd < 10 * Number.EPSILON ? 1 : sd;
      }
    }
    this.setFitted({
      mean: this.params.withMean || this.params.withStd ? mean : null,
      variance: this.params.withStd ? variance : null,
      scale,
      nSamplesSeen: m.rows,
      featureNamesIn: m.featureNames,
    });
    return this;
  }

  /** Per-feature mean seen in fit (null when neither centering nor scaling). */
  get mean(): Float64Array | null {
    return this.fitted('mean').mean?.slice() ?? null;
  }

  /** Per-feature scale (standard deviation, or 1 for constant features); null when withStd is false. */
  get scale(): Float64Array | null {
    return this.fitted('scale').scale?.slice() ?? null;
  }

  get variance(): Float64Array | null {
    return this.fitted('variance').variance?.slice() ?? null;
  }

  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const m = toMatrix(X, { estimator: 'StandardScaler' });
    checkFeatureCount(m, s.featureNamesIn.length, 'StandardScaler');
    const out = m.data.slice();
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        let v = out[i * m.cols + j]!;
        if (this.params.withMean) v -= s.mean![j]!;
        if (s.scale) v /= s.scale[j]!;
        out[i * m.cols + j] = v;
      }
    }
    return fromTyped(out, [m.rows, m.cols]);
  }

  inverseTransform(X: MatrixInput): NdArray {
    const s = this.fitted('inverseTransform');
    const m = toMatrix(X, { estimator: 'StandardScaler' });
    checkFeatureCount(m, s.featureNamesIn.length, 'StandardScaler');
    const out = m.data.slice();
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        let v = out[i * m.cols + j]!;
        if (s.scale) v *= s.scale[j]!;
        if (this.params.withMean) v += s.mean![j]!;
        out[i * m.cols + j] = v;
      }
    }
    return fromTyped(out, [m.rows, m.cols]);
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    return (inputNames ?? this.fitted('featureNamesOut').featureNamesIn).slice();
  }
}

registerEstimator(StandardScaler);
