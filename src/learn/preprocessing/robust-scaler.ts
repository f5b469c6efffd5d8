/** RobustScaler: center on the median and scale by an interquantile range. */
import { type NdArray, fromTyped, special } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { columnOf, handleZerosInScale, sortedQuantile } from './stats.js';

export interface RobustScalerParams {
  /** Subtract the median (default true). */
  withCentering: boolean;
  /** Divide by the interquantile range (default true). */
  withScaling: boolean;
  /** Percentiles [low, high] of the range, 0 < low < high < 100 (default [25, 75]). */
  quantileRange: [number, number];
  /** Rescale so that normally distributed features get variance 1 (default false). */
  unitVariance: boolean;
}

interface RobustScalerState {
  center: Float64Array | null;
  scale: Float64Array | null;
  featureNamesIn: string[];
}

const normalPpf = (p: number): number => Math.SQRT2 * special.erfinv(2 * p - 1);

/**
 * Scales features using statistics robust to outliers (scikit-learn's RobustScaler): the median
 * and the range between two percentiles, computed with NumPy's linear interpolation.
 *
 * @example
 * new RobustScaler().fit([[1], [2], [3], [100]]).transform([[2.5]]); // [[0]]
 */
export class RobustScaler extends Transformer<RobustScalerParams, RobustScalerState> {
  protected defaults(): RobustScalerParams {
    return { withCentering: true, withScaling: true, quantileRange: [25, 75], unitVariance: false };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const [qMin, qMax] = this.params.quantileRange;
    if (!(qMin >= 0 && qMin <= qMax && qMax <= 100)) {
      throw new ParamError(`RobustScaler: invalid quantileRange [${qMin}, ${qMax}]; use 0 <= low <= high <= 100, e.g. [25, 75].`);
    }
    const m = toMatrix(X, { estimator: 'RobustScaler' });
    const center = this.params.withCentering ? new Float64Array(m.cols) : null;
    let scale: Float64Array | null = this.params.withScaling ? new Float64Array(m.cols) : null;
    for (let j = 0; j < m.cols; j++) {
      const sorted = columnOf(m.data, m.rows, m.cols, j).sort();
      if (center) center[j] = sortedQuantile(sorted, 0.5);
      if (scale) scale[j] = sortedQuantile(sorted, qMax / 100) - sortedQuantile(sorted, qMin / 100);
    }
    if (scale) {
      scale = handleZerosInScale(scale);
      if (this.params.unitVariance) {
        const adjust = normalPpf(qMax / 100) - normalPpf(qMin / 100);
        scale = scale.map((s) => s / adjust);
      }
    }
    this.setFitted({ center, scale, featureNamesIn: m.featureNames });
    return this;
  }

  get center(): Float64Array | null { return this.fitted('center').center?.slice() ?? null; }
  get scale(): Float64Array | null { return this.fitted('scale').scale?.slice() ?? null; }

  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const m = toMatrix(X, { estimator: 'RobustScaler' });
    checkFeatureCount(m, s.featureNamesIn.length, 'RobustScaler');
    const out = m.data.map((v, i) => {
      const j = i % m.cols;
      if (s.center) v -= s.center[j]!;
      if (s.scale) v /= s.scale[j]!;
      return v;
    });
    return fromTyped(out, [m.rows, m.cols]);
  }

  inverseTransform(X: MatrixInput): NdArray {
    const s = this.fitted('inverseTransform');
    const m = toMatrix(X, { estimator: 'RobustScaler' });
    checkFeatureCount(m, s.featureNamesIn.length, 'RobustScaler');
    const out = m.data.map((v, i) => {
      const j = i % m.cols;
      if (s.scale) v *= s.scale[j]!;
      if (s.center) v += s.center[j]!;
      return v;
    });
    return fromTyped(out, [m.rows, m.cols]);
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    return (inputNames ?? this.fitted('featureNamesOut').featureNamesIn).slice();
  }
}

registerEstimator(RobustScaler);
