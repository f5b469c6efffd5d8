/**
 * Truncated SVD (scikit-learn's TruncatedSVD, also called LSA): the top singular directions of
 * X without centering, so it works on count and TF-IDF matrices. 'randomized' is the seeded
 * randomized SVD; 'arpack' here means the exact SVD (a full SVD, fine for small and medium
 * matrices), which is what ARPACK converges to.
 */
import { type NdArray, fromTyped, linalg } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { Transformer } from '../base/kinds.js';
import { projectRows, svdFlip } from './dense.js';
import { randomizedSvd } from './randomized-svd.js';

export interface TruncatedSVDParams {
  nComponents: number;
  algorithm: 'randomized' | 'arpack';
  /** Power iterations of the randomized solver. */
  nIter: number;
  nOversamples: number;
  randomState: number;
}

interface TruncatedSVDState {
  components: Float64Array;
  singularValues: Float64Array;
  explainedVariance: Float64Array;
  explainedVarianceRatio: Float64Array;
  nComponents: number;
  nFeatures: number;
}

function columnVariances(x: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * k + c]!;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * k + c]! - mean) ** 2;
    out[c] = v / n;
  }
  return out;
}

/**
 * @example
 * const svd = new TruncatedSVD({ nComponents: 100, randomState: 0 }).fit(tfidf);
 * svd.transform(tfidf); // n × 100
 */
export class TruncatedSVD extends Transformer<TruncatedSVDParams, TruncatedSVDState> {
  protected defaults(): TruncatedSVDParams {
    return { nComponents: 2, algorithm: 'randomized', nIter: 5, nOversamples: 10, randomState: 0 };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    this.fitTransform(X);
    return this;
  }

  override fitTransform(X: MatrixInput, _y?: LabelInput): NdArray {
    const who = this.constructor.name;
    const { nComponents: k, algorithm } = this.params;
    const m = toMatrix(X, { estimator: who });
    const { rows: n, cols: p } = m;
    if (!Number.isInteger(k) || k < 1 || k > Math.min(n, p) || (algorithm === 'arpack' && k >= Math.min(n, p) && Math.min(n, p) > 1)) {
      const limit = algorithm === 'arpack' ? `< min(n_samples, n_features)=${Math.min(n, p)}` : `<= min(n_samples, n_features)=${Math.min(n, p)}`;
      throw new DataError(`${who}: nComponents=${k} must be a positive integer ${limit}.`);
    }
    if (algorithm !== 'randomized' && algorithm !== 'arpack') throw new ParamError(`${who}: algorithm must be 'randomized' or 'arpack', got '${String(algorithm)}'.`);
    let S: Float64Array;
    let Vt: Float64Array;
    let Xt: Float64Array;
    if (algorithm === 'arpack') {
      const r = linalg.svd(fromTyped(m.data.slice(), [n, p]), { fullMatrices: false });
      const r0 = Math.min(n, p);
      const Ufull = r.U.toFloat64Array();
      const U = new Float64Array(n * k);
      for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) U[i * k + c] = Ufull[i * r0 + c]!;
      S = r.S.toFloat64Array().slice(0, k);
      Vt = r.Vt.toFloat64Array().slice(0, k * p);
      svdFlip(U, n, k, Vt, p);
      Xt = U;
      for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) Xt[i * k + c]! *= S[c]!;
    } else {
      const r = randomizedSvd(m.data, n, p, k, { nIter: this.params.nIter, nOversamples: this.params.nOversamples, seed: this.params.randomState });
      S = r.S;
      Vt = r.Vt;
      Xt = projectRows(m.data, n, p, null, Vt, k);
    }
    const ev = columnVariances(Xt, n, k);
    let full = 0;
    for (const v of columnVariances(m.data, n, p)) full += v;
    this.setFitted({
      components: Vt, singularValues: S, explainedVariance: ev, explainedVarianceRatio: ev.map((v) => v / full), nComponents: k, nFeatures: p,
    });
    return fromTyped(Xt, [n, k]);
  }

  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const who = this.constructor.name;
    const m = toMatrix(X, { estimator: who });
    checkFeatureCount(m, s.nFeatures, who);
    return fromTyped(projectRows(m.data, m.rows, m.cols, null, s.components, s.nComponents), [m.rows, s.nComponents]);
  }

  inverseTransform(Z: MatrixInput): NdArray {
    const s = this.fitted('inverseTransform');
    const z = toMatrix(Z, { estimator: this.constructor.name });
    if (z.cols !== s.nComponents) throw new DataError(`${this.constructor.name}: inverseTransform expects ${s.nComponents} columns, got ${z.cols}.`);
    const p = s.nFeatures;
    const out = new Float64Array(z.rows * p);
    for (let i = 0; i < z.rows; i++) for (let c = 0; c < s.nComponents; c++) {
      const v = z.data[i * s.nComponents + c]!;
      for (let j = 0; j < p; j++) out[i * p + j]! += v * s.components[c * p + j]!;
    }
    return fromTyped(out, [z.rows, p]);
  }

  get components(): NdArray {
    const s = this.fitted('components');
    return fromTyped(s.components.slice(), [s.nComponents, s.nFeatures]);
  }

  get singularValues(): Float64Array {
    return this.fitted('singularValues').singularValues.slice();
  }

  get explainedVariance(): Float64Array {
    return this.fitted('explainedVariance').explainedVariance.slice();
  }

  get explainedVarianceRatio(): Float64Array {
    return this.fitted('explainedVarianceRatio').explainedVarianceRatio.slice();
  }
}

registerEstimator(TruncatedSVD);
