/**
 * Principal component analysis (scikit-learn's PCA): center the data and take its top singular
 * directions. Solvers: 'full' (exact SVD of the centered data), 'covariance_eigh' (eigenvectors
 * of the p × p covariance — much faster when samples far outnumber features; scikit-learn 1.5
 * added the same solver), and 'randomized'. Component signs follow scikit-learn's svd_flip: the
 * largest-magnitude entry of each column of U is positive.
 */
import { type NdArray, fromTyped, linalg } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { registerEstimator } from '../base/estimator.js';
import { type LabelInput, type MatrixInput, allFinite, checkFeatureCount, checkFinite, toMatrix } from '../base/input.js';
import { Transformer } from '../base/kinds.js';
import { centered, centeredGram, columnMeans, projectRows, svdFlip } from './dense.js';
import { randomizedSvd } from './randomized-svd.js';

export interface PCAParams {
  /** Components to keep: an integer, a fraction in (0, 1) of variance to explain, or null for min(n, p). */
  nComponents: number | null;
  /** Scale the projections to unit variance. */
  whiten: boolean;
  /**
   * 'auto': 'covariance_eigh' when n ≥ 10·p (and p ≤ 1000), else scikit-learn 1.2's rule
   * ('full' up to 500 rows/columns, 'randomized' for an integer nComponents < 0.8·min(n, p)).
   */
  svdSolver: 'auto' | 'full' | 'covariance_eigh' | 'randomized';
  /** Power iterations for 'randomized'. */
  iteratedPower: number | 'auto';
  nOversamples: number;
  randomState: number;
}

interface PCAState {
  components: Float64Array;
  explainedVariance: Float64Array;
  explainedVarianceRatio: Float64Array;
  singularValues: Float64Array;
  mean: Float64Array;
  noiseVariance: number;
  nComponents: number;
  nFeatures: number;
  nSamples: number;
  solver: 'full' | 'covariance_eigh' | 'randomized';
}

/**
 * @example
 * const pca = new PCA({ nComponents: 2 }).fit(X);
 * pca.transform(X);                 // n × 2
 * pca.explainedVarianceRatio;       // share of variance per component
 * pca.inverseTransform(pca.transform(X));
 */
export class PCA extends Transformer<PCAParams, PCAState> {
  protected defaults(): PCAParams {
    return { nComponents: null, whiten: false, svdSolver: 'auto', iteratedPower: 'auto', nOversamples: 10, randomState: 0 };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const who = this.constructor.name;
    const { nComponents, svdSolver } = this.params;
    const m = toMatrix(X, { estimator: who, borrow: true }); // read only: solvers center copies
    const { rows: n, cols: p } = m;
    const kMax = Math.min(n, p);
    const isFraction = nComponents !== null && nComponents > 0 && nComponents < 1;
    if (nComponents !== null && !isFraction && (!Number.isInteger(nComponents) || nComponents < 0 || nComponents > kMax)) {
      throw new DataError(
        `${who}: nComponents=${nComponents} must be an integer between 0 and min(n_samples, n_features)=${kMax}, ` +
          'or a fraction in (0, 1) of the variance to keep.',
      );
    }
    if (!['auto', 'full', 'covariance_eigh', 'randomized'].includes(svdSolver)) {
      throw new ParamError(`${who}: svdSolver must be 'auto', 'full', 'covariance_eigh' or 'randomized', got '${svdSolver}'.`);
    }
    if (n < 2) throw new DataError(`${who}: needs at least 2 samples to estimate variance, got ${n}.`);
    let solver = svdSolver;
    if (solver === 'auto') {
      if (n >= 10 * p && p <= 1000) solver = 'covariance_eigh';
      else if (Math.max(n, p) <= 500 || nComponents === null || isFraction) solver = 'full';
      else solver = nComponents >= 1 && nComponents < 0.8 * kMax ? 'randomized' : 'full';
    }
    if (solver === 'randomized' && (nComponents === null || isFraction || nComponents < 1)) {
      throw new ParamError(`${who}: svdSolver 'randomized' needs an integer nComponents >= 1.`);
    }
    const mean = columnMeans(m.data, n, p);
    let S: Float64Array;
    let Vt: Float64Array;
    /** U's column signs are decided on the kept components, after choosing how many to keep. */
    let flip: (k: number) => void;
    let totalVariance: number | undefined;
    if (solver === 'full') {
      const xc = centered(m.data, n, p, mean);
      const r = linalg.svd(fromTyped(xc, [n, p]), { fullMatrices: false });
      S = r.S.toFloat64Array();
      Vt = r.Vt.toFloat64Array();
      const U = r.U.toFloat64Array();
      svdFlip(U, n, kMax, Vt, p);
      flip = () => {};
    } else if (solver === 'covariance_eigh') {
      const { eigenvalues, eigenvectors } = linalg.eigh(fromTyped(centeredGram(m.data, n, p, mean), [p, p]));
      const w = eigenvalues.toFloat64Array();
      const Z = eigenvectors.toFloat64Array();
      S = new Float64Array(p);
      Vt = new Float64Array(p * p);
      for (let c = 0; c < p; c++) {
        const src = p - 1 - c; // eigh sorts ascending
        S[c] = Math.sqrt(Math.max(w[src]!, 0));
        for (let j = 0; j < p; j++) Vt[c * p + j] = Z[j * p + src]!;
      }
      flip = (k) => svdFlip(projectRows(m.data, n, p, mean, Vt, k), n, k, Vt, p);
    } else {
      const k = nComponents!;
      const r = randomizedSvd(centered(m.data, n, p, mean), n, p, k, {
        nIter: this.params.iteratedPower, nOversamples: this.params.nOversamples, seed: this.params.randomState,
      });
      S = r.S;
      Vt = r.Vt;
      flip = () => {};
      totalVariance = 0;
      for (let j = 0; j < p; j++) {
        let v = 0;
        for (let i = 0; i < n; i++) v += (m.data[i * p + j]! - mean[j]!) ** 2;
        totalVariance += v / (n - 1);
      }
    }
    const ev = S.map((s) => (s * s) / (n - 1));
    const total = totalVariance ?? ev.reduce((a, b) => a + b, 0);
    const ratio = ev.map((v) => v / total);
    let k: number;
    if (nComponents === null) k = solver === 'randomized' ? S.length : kMax;
    else if (isFraction) {
      // Smallest k whose cumulative ratio exceeds the fraction (searchsorted right, + 1).
      let acc = 0;
      k = 0;
      while (k < ratio.length && acc + ratio[k]! <= nComponents) acc += ratio[k++]!;
      k = Math.min(k + 1, ratio.length);
    } else k = nComponents;
    flip(k);
    let noiseVariance = 0;
    if (solver === 'randomized') {
      const kept = ev.slice(0, k).reduce((a, b) => a + b, 0);
      noiseVariance = k < kMax ? (total - kept) / (kMax - k) : 0;
    } else if (k < kMax) {
      let s = 0;
      for (let c = k; c < kMax; c++) s += ev[c]!;
      noiseVariance = s / (kMax - k);
    }
    this.setFitted({
      components: Vt.slice(0, k * p), explainedVariance: ev.slice(0, k), explainedVarianceRatio: ratio.slice(0, k),
      singularValues: S.slice(0, k), mean, noiseVariance, nComponents: k, nFeatures: p, nSamples: n, solver,
    });
    return this;
  }

  /** Projects X on the components (whitened when `whiten`). */
  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const who = this.constructor.name;
    const options = { estimator: who, borrow: true, deferFiniteCheck: true };
    const m = toMatrix(X, options);
    checkFeatureCount(m, s.nFeatures, who);
    const k = s.nComponents;
    const out = projectRows(m.data, m.rows, m.cols, s.mean, s.components, k);
    // Any NaN or ±Infinity in a row reaches its projection (unless no component is kept).
    if (k === 0 || !allFinite(out)) checkFinite(m, options);
    if (this.params.whiten) {
      for (let i = 0; i < m.rows; i++) for (let c = 0; c < k; c++) out[i * k + c]! /= Math.sqrt(s.explainedVariance[c]!);
    }
    return fromTyped(out, [m.rows, k]);
  }

  /** Maps projections back to the original space (exact when all components are kept). */
  inverseTransform(Z: MatrixInput): NdArray {
    const s = this.fitted('inverseTransform');
    const who = this.constructor.name;
    const z = toMatrix(Z, { estimator: who });
    if (z.cols !== s.nComponents) throw new DataError(`${who}: inverseTransform expects ${s.nComponents} columns (one per component), got ${z.cols}.`);
    const p = s.nFeatures;
    const k = s.nComponents;
    const out = new Float64Array(z.rows * p);
    for (let i = 0; i < z.rows; i++) {
      for (let j = 0; j < p; j++) out[i * p + j] = s.mean[j]!;
      for (let c = 0; c < k; c++) {
        const v = z.data[i * k + c]! * (this.params.whiten ? Math.sqrt(s.explainedVariance[c]!) : 1);
        for (let j = 0; j < p; j++) out[i * p + j]! += v * s.components[c * p + j]!;
      }
    }
    return fromTyped(out, [z.rows, p]);
  }

  override featureNamesOut(): string[] {
    return Array.from({ length: this.fitted('featureNamesOut').nComponents }, (_, i) => `pca${i}`);
  }

  /** Principal axes, nComponents × features, by decreasing variance. */
  get components(): NdArray {
    const s = this.fitted('components');
    return fromTyped(s.components.slice(), [s.nComponents, s.nFeatures]);
  }

  get explainedVariance(): Float64Array {
    return this.fitted('explainedVariance').explainedVariance.slice();
  }

  get explainedVarianceRatio(): Float64Array {
    return this.fitted('explainedVarianceRatio').explainedVarianceRatio.slice();
  }

  get singularValues(): Float64Array {
    return this.fitted('singularValues').singularValues.slice();
  }

  get mean(): Float64Array {
    return this.fitted('mean').mean.slice();
  }

  /** Mean variance of the discarded directions (probabilistic PCA's noise). */
  get noiseVariance(): number {
    return this.fitted('noiseVariance').noiseVariance;
  }

  get nComponents(): number {
    return this.fitted('nComponents').nComponents;
  }

  /** The solver 'auto' resolved to. */
  get solver(): string {
    return this.fitted('solver').solver;
  }
}

registerEstimator(PCA);
