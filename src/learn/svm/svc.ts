/** Kernel support-vector classification, like scikit-learn's `SVC` (libsvm's C-SVC). */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { type Label, type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { Classifier } from '../base/kinds.js';
import type { FitOptions } from '../base/run.js';
import { type ClassWeight, checkChoice, classWeights } from '../linear/checks.js';
import { classifierData } from '../linear/linear-classifier.js';
import { type KernelSpec, RowCache, kernelValue, resolveGamma } from './kernels.js';
import { solveSMO } from './smo.js';
import { type KernelParams, checkKernelParams, iterationLimit, kernelDefaults } from './svm-params.js';

export interface SVCParams extends KernelParams {
  /** 'balanced', a map label → weight multiplying C for that class, or null. Default null. */
  classWeight: ClassWeight;
  /** Shape of decisionFunction for more than two classes: 'ovr' (default, n × classes) or 'ovo' (n × pairs). */
  decisionFunctionShape: 'ovr' | 'ovo';
}

export interface SVCState {
  classes: Label[];
  kernel: KernelSpec;
  nFeatures: number;
  /** Support vectors, row-major, grouped by class in classes order. */
  supportVectors: Float64Array;
  /** Training-row index of each support vector. */
  support: Int32Array;
  /** Support vectors per class. */
  nSupport: Int32Array;
  /** libsvm's layout: (classes − 1) × nSV; row r of a vector of class c holds its coefficient in the pair with the r-th other class. */
  dualCoef: Float64Array;
  /** −ρ of each one-vs-one problem (pairs (i, j), i < j, in order). */
  intercept: Float64Array;
  nIter: Int32Array;
}

/**
 * C-support-vector classification with a kernel, solved by SMO (libsvm's WSS-2 working-set
 * selection and kernel cache, without shrinking); more than two classes are handled one-vs-one
 * with voting, as libsvm does.
 *
 * @example
 * const model = new SVC({ kernel: 'rbf', C: 10 }).fit(X, y);
 * model.predict(Xtest);
 * model.decisionFunction(Xtest); // n × classes (ovr-shaped votes + confidences) for > 2 classes
 */
export class SVC extends Classifier<SVCParams, SVCState> {
  protected defaults(): SVCParams {
    return { ...kernelDefaults(), classWeight: null, decisionFunctionShape: 'ovr' };
  }

  fit(X: MatrixInput, y: LabelInput, options: FitOptions = {}): this {
    const name = 'SVC';
    const params = this.params;
    checkKernelParams(params, name);
    checkChoice(name, 'decisionFunctionShape', params.decisionFunctionShape, ['ovr', 'ovo'] as const);
    const { m, classes, codes } = classifierData(X, y, name);
    const cw = classWeights(params.classWeight, classes, codes, name);
    const { rows: n, cols: p } = m;
    const spec: KernelSpec = { kernel: params.kernel, gamma: resolveGamma(params.gamma, m.data, p, name), degree: params.degree, coef0: params.coef0 };
    options.run?.logParams({ model: 'svc', ...params, gammaValue: spec.gamma });
    const K = classes.length;
    const members: number[][] = classes.map(() => []);
    for (let i = 0; i < n; i++) members[codes[i]!]!.push(i);
    // alphaCoef[pair][t]: y·α of the t-th sample of the pair's subproblem.
    const pairs: { a: number; b: number; idx: Int32Array; coef: Float64Array; rho: number; iters: number }[] = [];
    const isSV = new Uint8Array(n);
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++) {
        const idx = Int32Array.from([...members[a]!, ...members[b]!]);
        const l = idx.length;
        const ySub = new Int8Array(l);
        const Cs = new Float64Array(l);
        for (let t = 0; t < l; t++) {
          const pos = codes[idx[t]!] === a;
          ySub[t] = pos ? 1 : -1;
          Cs[t] = params.C * cw[pos ? a : b]!;
        }
        const cache = new RowCache(l, (i, out) => {
          const oi = idx[i]! * p;
          for (let j = 0; j < l; j++) out[j] = ySub[i]! * ySub[j]! * kernelValue(spec, m.data, oi, m.data, idx[j]! * p, p);
        }, params.cacheSize);
        const diag = new Float64Array(l);
        for (let t = 0; t < l; t++) diag[t] = kernelValue(spec, m.data, idx[t]! * p, m.data, idx[t]! * p, p);
        const tag = K > 2 ? `_${a}_${b}` : '';
        const run = options.run;
        const res = solveSMO({ row: (i) => cache.row(i), diag }, new Float64Array(l).fill(-1), ySub, Cs, params.tol,
          iterationLimit(params.maxIter, l), run ? (it, v) => run.logMetric(`kkt_violation${tag}`, v, it) : undefined);
        const coef = new Float64Array(l);
        for (let t = 0; t < l; t++) {
          coef[t] = ySub[t]! * res.alpha[t]!;
          if (res.alpha[t]! > 0) isSV[idx[t]!] = 1;
        }
        run?.logMetric(`dual_objective${tag}`, res.objective);
        pairs.push({ a, b, idx, coef, rho: res.rho, iters: res.iterations });
      }
    }
    // Support vectors grouped by class, each group in training order.
    const support: number[] = [];
    const nSupport = new Int32Array(K);
    for (let c = 0; c < K; c++) {
      for (const i of members[c]!) {
        if (isSV[i]) {
          support.push(i);
          nSupport[c]++;
        }
      }
    }
    const nSV = support.length;
    const position = new Map(support.map((i, k) => [i, k]));
    const dualCoef = new Float64Array((K - 1) * nSV);
    for (const pr of pairs) {
      pr.idx.forEach((i, t) => {
        if (pr.coef[t] === 0) return;
        const k = position.get(i)!;
        // libsvm: for a vector of class a in pair (a, b) the row is b − 1; for class b it is a.
        const row = codes[i] === pr.a ? pr.b - 1 : pr.a;
        dualCoef[row * nSV + k] = pr.coef[t]!;
      });
    }
    const supportVectors = new Float64Array(nSV * p);
    support.forEach((i, k) => supportVectors.set(m.data.subarray(i * p, (i + 1) * p), k * p));
    this.setFitted({
      classes, kernel: spec, nFeatures: p, supportVectors, support: Int32Array.from(support), nSupport, dualCoef,
      intercept: Float64Array.from(pairs, (pr) => -pr.rho), nIter: Int32Array.from(pairs, (pr) => pr.iters),
    });
    return this;
  }

  /** One-vs-one decision values, n × pairs, pair (i, j) positive for classes[i] (libsvm's sign). */
  private ovo(X: MatrixInput, what: string): { dec: Float64Array; rows: number; pairs: number } {
    const s = this.fitted(what);
    const m = toMatrix(X, { estimator: 'SVC' });
    checkFeatureCount(m, s.nFeatures, 'SVC');
    const K = s.classes.length;
    const nSV = s.support.length;
    const p = s.nFeatures;
    const start = new Int32Array(K + 1);
    for (let c = 0; c < K; c++) start[c + 1] = start[c]! + s.nSupport[c]!;
    const P = (K * (K - 1)) / 2;
    const dec = new Float64Array(m.rows * P);
    const kv = new Float64Array(nSV);
    for (let r = 0; r < m.rows; r++) {
      for (let k = 0; k < nSV; k++) kv[k] = kernelValue(s.kernel, m.data, r * p, s.supportVectors, k * p, p);
      let pair = 0;
      for (let a = 0; a < K; a++) {
        for (let b = a + 1; b < K; b++) {
          let sum = 0;
          for (let k = start[a]!; k < start[a + 1]!; k++) sum += s.dualCoef[(b - 1) * nSV + k]! * kv[k]!;
          for (let k = start[b]!; k < start[b + 1]!; k++) sum += s.dualCoef[a * nSV + k]! * kv[k]!;
          dec[r * P + pair] = sum + s.intercept[pair]!;
          pair++;
        }
      }
    }
    return { dec, rows: m.rows, pairs: P };
  }

  /**
   * For two classes, shape (n,), positive for classes[1]. For more: 'ovr' gives n × classes
   * (votes plus confidences scaled into (−1/3, 1/3), scikit-learn's transform), 'ovo' n × pairs.
   */
  decisionFunction(X: MatrixInput): NdArray<'float64'> {
    const { classes } = this.fitted('decisionFunction');
    const { dec, rows, pairs } = this.ovo(X, 'decisionFunction');
    const K = classes.length;
    if (K === 2) return fromTyped(dec.map((v) => -v), [rows]);
    if (this.params.decisionFunctionShape === 'ovo') return fromTyped(dec, [rows, pairs]);
    const out = new Float64Array(rows * K);
    const conf = new Float64Array(K);
    for (let r = 0; r < rows; r++) {
      conf.fill(0);
      let pair = 0;
      for (let a = 0; a < K; a++) {
        for (let b = a + 1; b < K; b++) {
          const d = dec[r * pairs + pair++]!;
          conf[a] += d;
          conf[b] -= d;
          out[r * K + (d > 0 ? a : b)] += 1;
        }
      }
      for (let c = 0; c < K; c++) out[r * K + c] += conf[c]! / (3 * (Math.abs(conf[c]!) + 1));
    }
    return fromTyped(out, [rows, K]);
  }

  /** Majority vote of the one-vs-one classifiers (ties go to the first class), as libsvm. */
  predict(X: MatrixInput): Label[] {
    const { classes } = this.fitted('predict');
    const { dec, rows, pairs } = this.ovo(X, 'predict');
    const K = classes.length;
    const out: Label[] = new Array(rows);
    const votes = new Int32Array(K);
    for (let r = 0; r < rows; r++) {
      votes.fill(0);
      let pair = 0;
      for (let a = 0; a < K; a++) for (let b = a + 1; b < K; b++) votes[dec[r * pairs + pair++]! > 0 ? a : b]++;
      let best = 0;
      for (let c = 1; c < K; c++) if (votes[c]! > votes[best]!) best = c;
      out[r] = classes[best]!;
    }
    return out;
  }

  /** Training-row indices of the support vectors, grouped by class. */
  get support(): Int32Array {
    return this.fitted('support').support.slice();
  }

  /** Support vectors, nSV × features. */
  get supportVectors(): NdArray<'float64'> {
    const s = this.fitted('supportVectors');
    return fromTyped(s.supportVectors.slice(), [s.support.length, s.nFeatures]);
  }

  /** Number of support vectors per class. */
  get nSupport(): Int32Array {
    return this.fitted('nSupport').nSupport.slice();
  }

  /** Dual coefficients yᵢαᵢ, (classes − 1) × nSV in libsvm's layout (sign flipped for two classes, as scikit-learn). */
  get dualCoef(): NdArray<'float64'> {
    const s = this.fitted('dualCoef');
    const K = s.classes.length;
    const d = K === 2 ? s.dualCoef.map((v) => -v) : s.dualCoef.slice();
    return fromTyped(d, [K - 1, s.support.length]);
  }

  /** Intercept per one-vs-one problem (for two classes: ρ, the sign scikit-learn reports). */
  get intercept(): NdArray<'float64'> {
    const s = this.fitted('intercept');
    const b = s.classes.length === 2 ? s.intercept.map((v) => -v) : s.intercept.slice();
    return fromTyped(b, [b.length]);
  }
}

registerEstimator(SVC);
