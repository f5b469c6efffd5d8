/** LabelEncoder: target labels to codes 0 … k−1 and back. */
import { registerEstimator, Estimator } from '../base/estimator.js';
import { DataError } from '../base/errors.js';
import { type Label, type LabelInput, encodeLabels, toLabels } from '../base/input.js';

export interface LabelEncoderParams {}

interface LabelEncoderState {
  classes: Label[];
}

/**
 * Encodes target labels (numbers, strings or booleans) as integers in sorted-label order
 * (scikit-learn's LabelEncoder). Works on y, not X.
 *
 * @example
 * const le = new LabelEncoder().fit(['b', 'a', 'b']);
 * le.transform(['a', 'b']);       // Int32Array [0, 1]
 * le.inverseTransform([1, 0]);    // ['b', 'a']
 */
export class LabelEncoder extends Estimator<LabelEncoderParams, LabelEncoderState> {
  protected defaults(): LabelEncoderParams {
    return {};
  }

  fit(y: LabelInput): this {
    const labels = toLabels(y, undefined, 'LabelEncoder');
    if (labels.length === 0) throw new DataError('LabelEncoder: y is empty; pass at least one label.');
    this.setFitted({ classes: encodeLabels(labels).classes });
    return this;
  }

  fitTransform(y: LabelInput): Int32Array {
    return this.fit(y).transform(y);
  }

  /** The distinct labels, sorted; a label's code is its position here. */
  get classes(): Label[] {
    return this.fitted('classes').classes.slice();
  }

  transform(y: LabelInput): Int32Array {
    const { classes } = this.fitted('transform');
    const index = new Map(classes.map((c, i) => [c, i]));
    const labels = toLabels(y, undefined, 'LabelEncoder');
    const out = new Int32Array(labels.length);
    labels.forEach((v, i) => {
      const k = index.get(v);
      if (k === undefined) {
        throw new DataError(`LabelEncoder: y[${i}] = ${JSON.stringify(v)} was not seen in fit; known labels: ${classes.map((c) => JSON.stringify(c)).join(', ')}.`);
      }
      out[i] = k;
    });
    return out;
  }

  inverseTransform(codes: ArrayLike<number>): Label[] {
    const { classes } = this.fitted('inverseTransform');
    return Array.from(codes, (k, i) => {
      if (!Number.isInteger(k) || k < 0 || k >= classes.length) {
        throw new DataError(`LabelEncoder.inverseTransform: code ${k} at position ${i} is not between 0 and ${classes.length - 1}.`);
      }
      return classes[k]!;
    });
  }
}

registerEstimator(LabelEncoder);
