/** PolynomialFeatures: all products of features up to a degree. */
import { type NdArray, fromTyped } from '../../tensor/index.js';
import { registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import { Transformer } from '../base/kinds.js';
import { type LabelInput, type MatrixInput, checkFeatureCount, toMatrix } from '../base/input.js';

export interface PolynomialFeaturesParams {
  /** Maximum degree, or [min, max] degrees (default 2). */
  degree: number | [number, number];
  /** Only products of distinct features (no x0^2) (default false). */
  interactionOnly: boolean;
  /** Include the constant column 1 (default true). */
  includeBias: boolean;
}

interface PolynomialFeaturesState {
  /** Exponent of each input feature in each output column (outputs × inputs). */
  powers: number[][];
  featureNamesIn: string[];
}

/** Combinations (with or without replacement) of 0..n-1 of size k, in lexicographic order. */
function combinations(n: number, k: number, withReplacement: boolean, out: number[][]): void {
  const current: number[] = [];
  const rec = (start: number): void => {
    if (current.length === k) {
      out.push(current.slice());
      return;
    }
    for (let i = start; i < n; i++) {
      current.push(i);
      rec(withReplacement ? i : i + 1);
      current.pop();
    }
  };
  rec(0);
}

/**
 * Generates polynomial and interaction features in scikit-learn's order: bias, degree 1,
 * degree 2 (x0^2, x0 x1, …), …, with feature names like `x0 x1` and `x0^2`.
 *
 * @example
 * const pf = new PolynomialFeatures({ degree: 2 }).fit([[2, 3]]);
 * pf.transform([[2, 3]]).toArray(); // [[1, 2, 3, 4, 6, 9]]
 * pf.featureNamesOut();             // ['1', 'x0', 'x1', 'x0^2', 'x0 x1', 'x1^2']
 */
export class PolynomialFeatures extends Transformer<PolynomialFeaturesParams, PolynomialFeaturesState> {
  protected defaults(): PolynomialFeaturesParams {
    return { degree: 2, interactionOnly: false, includeBias: true };
  }

  fit(X: MatrixInput, _y?: LabelInput): this {
    const { degree, interactionOnly, includeBias } = this.params;
    const [minDeg, maxDeg] = typeof degree === 'number' ? [0, degree] : degree;
    if (!(Number.isInteger(minDeg) && Number.isInteger(maxDeg) && minDeg >= 0 && minDeg <= maxDeg)) {
      throw new ParamError(`PolynomialFeatures: degree must be an integer >= 0 or [min, max] with 0 <= min <= max, got ${JSON.stringify(degree)}.`);
    }
    const m = toMatrix(X, { estimator: 'PolynomialFeatures' });
    const combos: number[][] = [];
    if (includeBias) combos.push([]);
    for (let d = Math.max(1, minDeg); d <= maxDeg; d++) combinations(m.cols, d, !interactionOnly, combos);
    if (combos.length === 0) {
      throw new ParamError('PolynomialFeatures: these settings produce no output features; raise degree or set includeBias: true.');
    }
    const powers = combos.map((c) => {
      const row = new Array<number>(m.cols).fill(0);
      for (const j of c) row[j]!++;
      return row;
    });
    this.setFitted({ powers, featureNamesIn: m.featureNames });
    return this;
  }

  /** Exponents of the input features in each output column. */
  get powers(): number[][] {
    return this.fitted('powers').powers.map((r) => r.slice());
  }

  transform(X: MatrixInput): NdArray {
    const s = this.fitted('transform');
    const m = toMatrix(X, { estimator: 'PolynomialFeatures' });
    checkFeatureCount(m, s.featureNamesIn.length, 'PolynomialFeatures');
    const k = s.powers.length;
    const out = new Float64Array(m.rows * k);
    const terms = s.powers.map((row) => row.flatMap((e, j) => Array<number>(e).fill(j)));
    for (let i = 0; i < m.rows; i++) {
      const base = i * m.cols;
      terms.forEach((t, c) => {
        let v = 1;
        for (const j of t) v *= m.data[base + j]!;
        out[i * k + c] = v;
      });
    }
    return fromTyped(out, [m.rows, k]);
  }

  override featureNamesOut(inputNames?: readonly string[]): string[] {
    const s = this.fitted('featureNamesOut');
    const names = inputNames ?? s.featureNamesIn;
    return s.powers.map((row) => {
      const parts = row.flatMap((e, j) => (e === 0 ? [] : [e === 1 ? names[j]! : `${names[j]}^${e}`]));
      return parts.length ? parts.join(' ') : '1';
    });
  }
}

registerEstimator(PolynomialFeatures);
