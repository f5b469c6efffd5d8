/** MaxAbsScaler: divide each feature by its largest absolute value. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { Transformer } from '../base/kinds.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { handleZerosInScale } from './stats.js';

export interface MaxAbsScalerParams {}

interface MaxAbsScalerState {
  maxAbs: Float64Array;
  scale: Float64Array;
  featureNamesIn: string[];
}

/**
 * Scales each feature into [-1, 1] by its maximum absolute value (scikit-learn's MaxAbsScaler);
 * keeps zeros at zero, so sparsity survives.
 *
 * @example
 * new MaxAbsScaler().fit([[-4], [2]]).transform([[2]]); // [[0.5]]
 */
export class MaxAbsScaler extends Transformer<MaxAbsScalerParams, MaxAbsScalerState> {
  protected defaults(): MaxAbsScalerParams {
    return {};
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const m = toMatrix(X, { estimator: 'MaxAbsScaler' });
    const maxAbs = new Float64Array(m.cols);
    for (let i = 0; i < m.data.length; i++) {
      const j = i % m.cols;
      const a = Math.abs(m.data[i]!);
      if (a > maxAbs[j]!) maxAbs[j] = a;
    }
    this.setFitted({ maxAbs, scale: handleZerosInScale(maxAbs), featureNamesIn: m.featureNames });
    return this;
  }

  get maxAbs(): Float64Array { return this.fitted('maxAbs').maxAbs.slice(); }
  get scale(): Float64Array { return this.fitted('scale').scale.slice(); }

  transform(X: MatrixInput): NdArray {
    return this.#apply(X, 'transform', (v, s) => v / s);
  }

  inverseTransform(X: MatrixInput): NdArray {
    return this.#apply(X, 'inverseTransform', (v, s) => v * s);
  }

  #apply(X: MatrixInput, what: string, f: (v: number, s: number) => number): NdArray {
    const s = this.fitted(what);
    const m = toMatrix(X, { estimator: 'MaxAbsScaler' });
    checkFeatureCount(m, s.featureNamesIn.length, 'MaxAbsScaler');
    const out = m.data.map((v, i) => f(v, s.scale[i % m.cols]!));
    return fromTyped(out, [m.rows, m.cols]);
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    return (inputNames ?? this.fitted('featureNamesOut').featureNamesIn).slice();
  }
}

registerEstimator(MaxAbsScaler);
