/** Normalizer: scale each sample (row) to unit norm. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';

export interface NormalizerParams {
  /** 'l2' (default), 'l1' or 'max'. */
  norm: 'l1' | 'l2' | 'max';
}

interface NormalizerState {
  featureNamesIn: string[];
}

/**
 * Rescales each row to unit l1, l2 or max norm (scikit-learn's Normalizer); all-zero rows are
 * left as they are. Fitting only records the number of features.
 *
 * @example
 * new Normalizer().fit([[3, 4]]).transform([[3, 4]]); // [[0.6, 0.8]]
 */
export class Normalizer extends Transformer<NormalizerParams, NormalizerState> {
  protected defaults(): NormalizerParams {
    return { norm: 'l2' };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    if (!['l1', 'l2', 'max'].includes(this.params.norm)) {
      throw new ParamError(`Normalizer: norm must be 'l1', 'l2' or 'max', got '${this.params.norm}'.`);
    }
    const m = toMatrix(X, { estimator: 'Normalizer' });
    this.setFitted({ featureNamesIn: m.featureNames });
    return this;
  }

  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const m = toMatrix(X, { estimator: 'Normalizer' });
    checkFeatureCount(m, s.featureNamesIn.length, 'Normalizer');
    const out = m.data.slice();
    for (let i = 0; i < m.rows; i++) {
      const row = out.subarray(i * m.cols, (i + 1) * m.cols);
      let norm = 0;
      if (this.params.norm === 'l1') for (const v of row) norm += Math.abs(v);
      else if (this.params.norm === 'max') for (const v of row) norm = Math.max(norm, Math.abs(v));
      else {
        for (const v of row) norm += v * v;
        norm = Math.sqrt(norm);
      }
      if (norm < 10 * Number.EPSILON) norm = 1;
      for (let j = 0; j < row.length; j++) row[j] = row[j]! / norm;
    }
    return fromTyped(out, [m.rows, m.cols]);
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    return (inputNames ?? this.fitted('featureNamesOut').featureNamesIn).slice();
  }
}

registerEstimator(Normalizer);
