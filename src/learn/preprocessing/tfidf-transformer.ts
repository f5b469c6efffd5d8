/** TfidfTransformer: term counts → TF-IDF weights, row-normalized. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { DataError, ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';

/** The weighting options shared by TfidfTransformer and TfidfVectorizer. */
export interface TfidfWeighting {
  /** Row normalization: 'l2' (default), 'l1' or null. */
  norm: 'l1' | 'l2' | null;
  /** Multiply by the inverse document frequency (default true). */
  useIdf: boolean;
  /** Add one to every document frequency, as if one extra document held every term once (default true). */
  smoothIdf: boolean;
  /** Replace a count tf by 1 + ln(tf) (default false). */
  sublinearTf: boolean;
}

export function checkWeighting(p: TfidfWeighting, estimator: string): void {
  if (p.norm !== null && p.norm !== 'l1' && p.norm !== 'l2') {
    throw new ParamError(`${estimator}: norm must be 'l1', 'l2' or null, got ${JSON.stringify(p.norm)}.`);
  }
}

/**
 * idf(t) = ln((1 + n) / (1 + df(t))) + 1 with smoothing, ln(n / df(t)) + 1 without (scikit-learn's
 * definition: the + 1 keeps terms that occur in every document).
 */
export function inverseDocumentFrequency(counts: Float64Array, rows: number, cols: number, smooth: boolean): Float64Array {
  const df = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (counts[i * cols + j]! !== 0) df[j]++;
  const s = smooth ? 1 : 0;
  const idf = new Float64Array(cols);
  for (let j = 0; j < cols; j++) idf[j] = Math.log((rows + s) / (df[j]! + s)) + 1;
  return idf;
}

/** Applies sublinear tf, idf and row normalization to a row-major count matrix, in place. */
export function weightCounts(data: Float64Array, rows: number, cols: number, idf: Float64Array | null, p: TfidfWeighting): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let norm = 0;
    for (let j = 0; j < cols; j++) {
      let v = data[o + j]!;
      if (v !== 0) {
        if (p.sublinearTf) v = Math.log(v) + 1;
        if (idf) v *= idf[j]!;
        data[o + j] = v;
        norm += p.norm === 'l1' ? Math.abs(v) : v * v;
      }
    }
    if (p.norm === null || norm === 0) continue;
    const scale = p.norm === 'l2' ? Math.sqrt(norm) : norm;
    for (let j = 0; j < cols; j++) data[o + j]! /= scale;
  }
}

interface TfidfTransformerState {
  idf: Float64Array | null;
  nFeaturesIn: number;
  featureNamesIn: string[];
}

/**
 * Reweights a matrix of term counts (one row per document) by TF-IDF and normalizes each row
 * (scikit-learn's TfidfTransformer). Usually used through TfidfVectorizer, which counts too.
 *
 * @example
 * const counts = new CountVectorizer().fitTransform(docs);
 * new TfidfTransformer({ sublinearTf: true }).fitTransform(counts);
 */
export class TfidfTransformer extends Transformer<TfidfWeighting, TfidfTransformerState> {
  protected defaults(): TfidfWeighting {
    return { norm: 'l2', useIdf: true, smoothIdf: true, sublinearTf: false };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    checkWeighting(this.params, 'TfidfTransformer');
    const m = toMatrix(X, { estimator: 'TfidfTransformer' });
    const negative = m.data.findIndex((v) => v < 0);
    if (negative >= 0) {
      throw new DataError(`TfidfTransformer: X holds a negative count (${m.data[negative]}) at row ${Math.floor(negative / m.cols)}, column '${m.featureNames[negative % m.cols]}'; it expects term counts.`);
    }
    const idf = this.params.useIdf ? inverseDocumentFrequency(m.data, m.rows, m.cols, this.params.smoothIdf) : null;
    this.setFitted({ idf, nFeaturesIn: m.cols, featureNamesIn: m.featureNames });
    return this;
  }

  /** The inverse document frequency of each term (null when useIdf is false). */
  get idf(): Float64Array | null {
    return this.fitted('idf').idf?.slice() ?? null;
  }

  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const m = toMatrix(X, { estimator: 'TfidfTransformer' });
    checkFeatureCount(m, s.nFeaturesIn, 'TfidfTransformer');
    const data = m.data.slice();
    weightCounts(data, m.rows, m.cols, s.idf, this.params);
    return fromTyped(data, [m.rows, m.cols]);
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    return (inputNames ?? this.fitted('featureNamesOut').featureNamesIn).slice();
  }
}

registerEstimator(TfidfTransformer);
