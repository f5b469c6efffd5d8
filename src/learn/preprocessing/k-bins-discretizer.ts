/** KBinsDiscretizer: bin continuous features into intervals. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { DataError, ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';
import { columnOf, sortedQuantile } from './stats.js';

export interface KBinsDiscretizerParams {
  /** Bins per feature: one count for all, or one per feature (each >= 2; default 5). */
  nBins: number | number[];
  /** Output: 'onehot' (default; dense here), 'onehot-dense' or 'ordinal' bin indices. */
  encode: 'onehot' | 'onehot-dense' | 'ordinal';
  /** Bin widths: 'uniform', 'quantile' (default, equal counts) or 'kmeans' (1-d k-means). */
  strategy: 'uniform' | 'quantile' | 'kmeans';
}

interface KBinsDiscretizerState {
  binEdges: number[][];
  nBins: number[];
  featureNamesIn: string[];
}

/** NumPy's linspace(start, stop, num) with endpoint. */
function linspace(start: number, stop: number, num: number): number[] {
  const div = num - 1;
  const step = (stop - start) / div;
  const out = Array.from({ length: num }, (_, k) => (step === 0 ? ((k / div) * (stop - start)) + start : k * step + start));
  out[num - 1] = stop;
  return out;
}

/** 1-d Lloyd k-means from the given sorted initial centers, as scikit-learn's KMeans(init=…, n_init=1). */
function kmeans1d(x: Float64Array, init: number[]): number[] {
  const k = init.length;
  let centers = init.slice();
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let variance = 0;
  for (const v of x) variance += (v - mean) ** 2;
  const tol = (variance / n) * 1e-4;
  const labels = new Int32Array(n);
  const old = new Int32Array(n).fill(-1);
  const assign = (cs: number[]): void => {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = (x[i]! - cs[c]!) ** 2;
        if (d < bestD) (bestD = d), (best = c);
      }
      labels[i] = best;
    }
  };
  for (let iter = 0; iter < 300; iter++) {
    assign(centers);
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) (sums[labels[i]!] += x[i]!), counts[labels[i]!]++;
    const next = centers.map((c, j) => (counts[j]! > 0 ? sums[j]! / counts[j]! : c));
    let shift = 0;
    for (let j = 0; j < k; j++) shift += (next[j]! - centers[j]!) ** 2;
    centers = next;
    if (labels.every((l, i) => l === old[i])) break;
    if (shift <= tol) break;
    old.set(labels);
  }
  return centers;
}

/**
 * Discretizes each feature into bins (scikit-learn's KBinsDiscretizer): equal-width, equal-count
 * (NumPy linear percentiles) or 1-d k-means bins; bins narrower than 1e-8 are merged away.
 *
 * @example
 * const kb = new KBinsDiscretizer({ nBins: 2, encode: 'ordinal', strategy: 'uniform' });
 * kb.fit([[0], [1], [2], [3]]).transform([[0.5], [2.5]]).toArray(); // [[0], [1]]
 */
export class KBinsDiscretizer extends Transformer<KBinsDiscretizerParams, KBinsDiscretizerState> {
  protected defaults(): KBinsDiscretizerParams {
    return { nBins: 5, encode: 'onehot', strategy: 'quantile' };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const { encode, strategy } = this.params;
    if (!['onehot', 'onehot-dense', 'ordinal'].includes(encode)) {
      throw new ParamError(`KBinsDiscretizer: encode must be 'onehot', 'onehot-dense' or 'ordinal', got '${encode}'.`);
    }
    if (!['uniform', 'quantile', 'kmeans'].includes(strategy)) {
      throw new ParamError(`KBinsDiscretizer: strategy must be 'uniform', 'quantile' or 'kmeans', got '${strategy}'.`);
    }
    const m = toMatrix(X, { estimator: 'KBinsDiscretizer' });
    const requested = typeof this.params.nBins === 'number' ? new Array<number>(m.cols).fill(this.params.nBins) : this.params.nBins;
    if (requested.length !== m.cols) {
      throw new ParamError(`KBinsDiscretizer: nBins has ${requested.length} entries but X has ${m.cols} features; give one per feature or a single number.`);
    }
    requested.forEach((b, j) => {
      if (!Number.isInteger(b) || b < 2) throw new ParamError(`KBinsDiscretizer: nBins must be an integer >= 2, got ${b} for feature ${j}.`);
    });
    const binEdges: number[][] = [];
    const nBins: number[] = [];
    for (let j = 0; j < m.cols; j++) {
      const col = columnOf(m.data, m.rows, m.cols, j);
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of col) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
      let b = requested[j]!;
      let edges: number[];
      if (lo === hi) {
        edges = [-Infinity, Infinity];
        b = 1;
      } else if (strategy === 'uniform') {
        edges = linspace(lo, hi, b + 1);
      } else if (strategy === 'quantile') {
        const sorted = col.slice().sort();
        edges = linspace(0, 100, b + 1).map((q) => sortedQuantile(sorted, q / 100));
      } else {
        const uniform = linspace(lo, hi, b + 1);
        const init = uniform.slice(1).map((e, k) => (e + uniform[k]!) * 0.5);
        const centers = kmeans1d(col, init).sort((a, c) => a - c);
        edges = [lo, ...centers.slice(1).map((c, k) => (c + centers[k]!) * 0.5), hi];
      }
      if (lo !== hi && strategy !== 'uniform') {
        edges = edges.filter((e, k) => k === 0 || e - edges[k - 1]! > 1e-8);
        b = edges.length - 1;
      }
      binEdges.push(edges);
      nBins.push(b);
    }
    this.setFitted({ binEdges, nBins, featureNamesIn: m.featureNames });
    return this;
  }

  /** Edges of each feature's bins (nBins + 1 values). */
  get binEdges(): number[][] {
    return this.fitted('binEdges').binEdges.map((e) => e.slice());
  }

  /** Bins per feature after merging narrow bins. */
  get nBins(): number[] {
    return this.fitted('nBins').nBins.slice();
  }

  /** Bin index of every value (n × features). */
  #ordinal(X: MatrixInput): { codes: Float64Array; rows: number; cols: number } {
    const s = this.fitted('transform');
    const m = toMatrix(X, { estimator: 'KBinsDiscretizer' });
    checkFeatureCount(m, s.featureNamesIn.length, 'KBinsDiscretizer');
    const codes = new Float64Array(m.rows * m.cols);
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        const edges = s.binEdges[j]!;
        const v = m.data[i * m.cols + j]!;
        const x = v + (1e-8 + 1e-5 * Math.abs(v));
        // searchsorted(edges[1:], x, side='right'), clipped to the last bin
        let lo = 1;
        let hi = edges.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (edges[mid]! <= x) lo = mid + 1;
          else hi = mid;
        }
        codes[i * m.cols + j] = Math.min(Math.max(lo - 1, 0), s.nBins[j]! - 1);
      }
    }
    return { codes, rows: m.rows, cols: m.cols };
  }

  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const { codes, rows, cols } = this.#ordinal(X);
    if (this.params.encode === 'ordinal') return fromTyped(codes, [rows, cols]);
    const total = s.nBins.reduce((a, b) => a + b, 0);
    const out = new Float64Array(rows * total);
    for (let i = 0; i < rows; i++) {
      let offset = 0;
      for (let j = 0; j < cols; j++) {
        out[i * total + offset + codes[i * cols + j]!] = 1;
        offset += s.nBins[j]!;
      }
    }
    return fromTyped(out, [rows, total]);
  }

  /** Bin indices (or one-hot rows) back to the centers of the bins. */
  inverseTransform(X: MatrixInput): NdArray {
    const s = this.fitted('inverseTransform');
    const m = toMatrix(X, { estimator: 'KBinsDiscretizer' });
    const p = s.nBins.length;
    const onehot = this.params.encode !== 'ordinal';
    const width = onehot ? s.nBins.reduce((a, b) => a + b, 0) : p;
    if (m.cols !== width) {
      throw new DataError(`KBinsDiscretizer.inverseTransform: X has ${m.cols} features, expected ${width} (the width of transform's output).`);
    }
    const out = new Float64Array(m.rows * p);
    for (let i = 0; i < m.rows; i++) {
      let offset = 0;
      for (let j = 0; j < p; j++) {
        let code: number;
        if (onehot) {
          code = 0;
          for (let b = 0; b < s.nBins[j]!; b++) if (m.data[i * width + offset + b]! > m.data[i * width + offset + code]!) code = b;
          offset += s.nBins[j]!;
        } else code = Math.trunc(m.data[i * width + j]!);
        const edges = s.binEdges[j]!;
        if (code < 0 || code >= s.nBins[j]!) throw new DataError(`KBinsDiscretizer.inverseTransform: bin ${code} out of range for feature ${j}.`);
        out[i * p + j] = (edges[code + 1]! + edges[code]!) * 0.5;
      }
    }
    return fromTyped(out, [m.rows, p]);
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    const s = this.fitted('featureNamesOut');
    const names = inputNames ?? s.featureNamesIn;
    if (this.params.encode === 'ordinal') return names.slice();
    return s.nBins.flatMap((b, j) => Array.from({ length: b }, (_, k) => `${names[j]}_${k}.0`));
  }
}

registerEstimator(KBinsDiscretizer);
