/** Regularization paths of the lasso and the elastic net, like scikit-learn's `lasso_path`/`enet_path`. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { ParamError } from '../base/errors.js';
import { type LabelInput, type MatrixInput, toMatrix, toTargets } from '../base/input.js';
import { toColumnMajor } from './center.js';
import { checkInteger, checkNumber } from './checks.js';
import { enetCoordinateDescent } from './coordinate-descent.js';

export interface EnetPathOptions {
  /** Share of L1 in the penalty, in (0, 1]. Default 1 for lassoPath, 0.5 for enetPath. */
  l1Ratio?: number;
  /** Ratio alphaMin / alphaMax of the grid. Default 1e-3. */
  eps?: number;
  /** Number of alphas on the grid. Default 100. */
  nAlphas?: number;
  /** Explicit alphas (used as given, in the order given) instead of the grid. */
  alphas?: ArrayLike<number>;
  maxIter?: number;
  tol?: number;
  positive?: boolean;
}

export interface EnetPath {
  /** The alphas, largest first. */
  alphas: NdArray<'float64'>;
  /** Coefficients, shape (features, alphas): column k is the fit at alphas[k]. */
  coefs: NdArray<'float64'>;
  /** Duality gap at each alpha (divided by n). */
  dualGaps: NdArray<'float64'>;
  nIters: Int32Array;
}

/**
 * The alpha grid: alphaMax = max|Xᵀy| / (n · l1Ratio) (the smallest alpha with all coefficients
 * 0), then nAlphas values log-spaced down to eps · alphaMax.
 */
export function alphaGrid(X: Float64Array, y: Float64Array, n: number, p: number, l1Ratio: number, eps: number, nAlphas: number): Float64Array {
  let max = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[i * p + j]! * y[i]!;
    max = Math.max(max, Math.abs(s));
  }
  const alphaMax = max / (n * l1Ratio);
  const out = new Float64Array(nAlphas);
  const resolution = 1e-15;
  if (alphaMax <= resolution) return out.fill(resolution);
  const hi = Math.log10(alphaMax);
  const lo = Math.log10(alphaMax * eps);
  for (let k = 0; k < nAlphas; k++) {
    const e = nAlphas === 1 ? hi : hi + ((lo - hi) * k) / (nAlphas - 1);
    out[k] = 10 ** e;
  }
  return out;
}

/**
 * Elastic-net coefficients along a decreasing grid of alphas, each fit warm-started from the
 * previous one. Like scikit-learn's enet_path, X and y are used as given (no centering: center
 * them first for a model with an intercept).
 *
 * @example
 * const { alphas, coefs } = enetPath(X, y, { l1Ratio: 0.7, nAlphas: 30 });
 */
export function enetPath(X: MatrixInput, y: LabelInput, options: EnetPathOptions = {}): EnetPath {
  const name = 'enetPath';
  const l1Ratio = checkNumber(name, 'l1Ratio', options.l1Ratio ?? 0.5, 0, true);
  if (l1Ratio > 1) throw new ParamError(`${name}: l1Ratio must be in (0, 1], got ${l1Ratio}.`);
  const eps = checkNumber(name, 'eps', options.eps ?? 1e-3, 0, true);
  const nAlphas = checkInteger(name, 'nAlphas', options.nAlphas ?? 100, 1);
  const maxIter = checkInteger(name, 'maxIter', options.maxIter ?? 1000, 1);
  const tol = checkNumber(name, 'tol', options.tol ?? 1e-4, 0);
  const m = toMatrix(X, { estimator: name });
  const t = toTargets(y, m.rows, name);
  const { rows: n, cols: p } = m;
  const alphas = options.alphas ? Float64Array.from(options.alphas) : alphaGrid(m.data, t, n, p, l1Ratio, eps, nAlphas);
  alphas.forEach((a, k) => checkNumber(name, `alphas[${k}]`, a, 0));
  const Xc = toColumnMajor(m.data, n, p);
  const k = alphas.length;
  const coefs = new Float64Array(p * k);
  const gaps = new Float64Array(k);
  const iters = new Int32Array(k);
  const w = new Float64Array(p);
  for (let a = 0; a < k; a++) {
    const res = enetCoordinateDescent(w, alphas[a]! * l1Ratio * n, alphas[a]! * (1 - l1Ratio) * n, Xc, t, n, p, maxIter, tol, options.positive ?? false);
    for (let j = 0; j < p; j++) coefs[j * k + a] = res.coef[j]!;
    gaps[a] = res.gap / n;
    iters[a] = res.nIter;
  }
  return { alphas: fromTyped(alphas, [k]), coefs: fromTyped(coefs, [p, k]), dualGaps: fromTyped(gaps, [k]), nIters: iters };
}

/**
 * The lasso path: enetPath with l1Ratio = 1.
 *
 * @example
 * const { alphas, coefs } = lassoPath(X, y); // 100 alphas from alphaMax down to 1e-3·alphaMax
 */
export function lassoPath(X: MatrixInput, y: LabelInput, options: Omit<EnetPathOptions, 'l1Ratio'> = {}): EnetPath {
  return enetPath(X, y, { ...options, l1Ratio: 1 });
}
