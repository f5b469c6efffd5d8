/** MinMaxScaler: map each feature linearly onto a range. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { handleZerosInScale } from './stats.js';

export interface MinMaxScalerParams {
  /** Target range [min, max] (default [0, 1]). */
  featureRange: [number, number];
  /** Clip transformed values of new data to the range (default false). */
  clip: boolean;
}

interface MinMaxScalerState {
  dataMin: Float64Array;
  dataMax: Float64Array;
  dataRange: Float64Array;
  scale: Float64Array;
  min: Float64Array;
  featureNamesIn: string[];
}

/**
 * Scales each feature to `featureRange` using the minimum and maximum seen in fit
 * (scikit-learn's MinMaxScaler); constant features map to the range's lower end.
 *
 * @example
 * new MinMaxScaler().fit([[1], [3]]).transform([[2]]); // [[0.5]]
 */
export class MinMaxScaler extends Transformer<MinMaxScalerParams, MinMaxScalerState> {
  protected defaults(): MinMaxScalerParams {
    return { featureRange: [0, 1], clip: false };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const [lo, hi] = this.params.featureRange;
    if (!(lo < hi)) {
      throw new ParamError(`MinMaxScaler: featureRange must be [min, max] with min < max, got [${lo}, ${hi}].`);
    }
    const m = toMatrix(X, { estimator: 'MinMaxScaler' });
    const dataMin = new Float64Array(m.cols).fill(Infinity);
    const dataMax = new Float64Array(m.cols).fill(-Infinity);
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        const v = m.data[i * m.cols + j]!;
        if (v < dataMin[j]!) dataMin[j] = v;
        if (v > dataMax[j]!) dataMax[j] = v;
      }
    }
    const dataRange = dataMax.map((v, j) => v - dataMin[j]!);
    const safe = handleZerosInScale(dataRange);
    const scale = safe.map((r) => (hi - lo) / r);
    const min = scale.map((s, j) => lo - dataMin[j]! * s);
    this.setFitted({ dataMin, dataMax, dataRange, scale, min, featureNamesIn: m.featureNames });
    return this;
  }

  get dataMin(): Float64Array { return this.fitted('dataMin').dataMin.slice(); }
  get dataMax(): Float64Array { return this.fitted('dataMax').dataMax.slice(); }
  get scale(): Float64Array { return this.fitted('scale').scale.slice(); }
  get min(): Float64Array { return this.fitted('min').min.slice(); }

  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const m = toMatrix(X, { estimator: 'MinMaxScaler' });
    checkFeatureCount(m, s.featureNamesIn.length, 'MinMaxScaler');
    const [lo, hi] = this.params.featureRange;
    const out = m.data.slice();
    for (let i = 0; i < out.length; i++) {
      const j = i % m.cols;
      let v = out[i]! * s.scale[j]! + s.min[j]!;
      if (this.params.clip) v = Math.min(hi, Math.max(lo, v));
      out[i] = v;
    }
    return fromTyped(out, [m.rows, m.cols]);
  }

  inverseTransform(X: MatrixInput): NdArray {
    const s = this.fitted('inverseTransform');
    const m = toMatrix(X, { estimator: 'MinMaxScaler' });
    checkFeatureCount(m, s.featureNamesIn.length, 'MinMaxScaler');
    const out = m.data.slice();
    for (let i = 0; i < out.length; i++) {
      const j = i % m.cols;
      out[i] = (out[i]! - s.min[j]!) / s.scale[j]!;
    }
    return fromTyped(out, [m.rows, m.cols]);
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    return (inputNames ?? this.fitted('featureNamesOut').featureNamesIn).slice();
  }
}

registerEstimator(MinMaxScaler);
