/** permutationImportance: how much the score drops when one feature is shuffled. */
import { NdArray, fromTyped, random } from '../../tensor/index.js';
import { ParamError } from '../base/errors.js';
import { type LabelInput, toLabels } from '../base/input.js';
import { type TableInput, toTable } from '../compose/table.js';
import { type Scorer, getScorer } from '../metrics/scorer.js';
import type { CvEstimator } from './cv.js';

export interface PermutationImportanceOptions {
  /** Scorer (default the estimator's score). */
  scoring?: string | Scorer;
  /** Shuffles per feature (default 5). */
  nRepeats?: number;
  seed?: number;
}

export interface PermutationImportance {
  /** Mean drop in score per feature. */
  importancesMean: number[];
  /** Standard deviation (ddof 0) of the drop per feature. */
  importancesStd: number[];
  /** features × repeats */
  importances: number[][];
  /** Feature names (column names, or x0, x1, …). */
  featureNames: string[];
  baselineScore: number;
}

/**
 * Permutation importance of each feature for a fitted estimator (scikit-learn's
 * permutation_importance): baseline score minus the score with that column shuffled, repeated
 * `nRepeats` times with a seeded generator.
 *
 * @example
 * const imp = permutationImportance(model, Xval, yval, { nRepeats: 10, seed: 0 });
 * imp.importancesMean;
 */
export function permutationImportance(
  estimator: CvEstimator,
  X: TableInput,
  y: LabelInput,
  options: PermutationImportanceOptions = {},
): PermutationImportance {
  const nRepeats = options.nRepeats ?? 5;
  if (!Number.isInteger(nRepeats) || nRepeats < 1) throw new ParamError(`permutationImportance: nRepeats must be an integer >= 1, got ${nRepeats}.`);
  const scorer = getScorer(options.scoring);
  const labels = toLabels(y, undefined, 'permutationImportance');
  const rng = random.defaultRng(options.seed);
  const baseline = scorer(estimator, X, labels);
  const numeric = X instanceof NdArray || (Array.isArray(X) && Array.isArray(X[0]) && (X[0] as unknown[]).every((v) => typeof v === 'number'));
  const table = toTable(X, 'permutationImportance');
  const n = table.numRows;
  const p = table.numColumns;
  const importances: number[][] = [];
  let base: Float64Array | undefined;
  if (numeric) base = (table.toMatrix() as NdArray<'float64'>).toFloat64Array();
  for (let j = 0; j < p; j++) {
    const row: number[] = [];
    for (let r = 0; r < nRepeats; r++) {
      const perm = rng.permutation(n).toTypedArray();
      let shuffled: TableInput;
      if (base) {
        const data = base.slice();
        for (let i = 0; i < n; i++) data[i * p + j] = base[perm[i]! * p + j]!;
        shuffled = fromTyped(data, [n, p]);
      } else {
        const col = table.values(j);
        shuffled = table.withColumn(j, Array.from(perm, (i) => col[i]));
      }
      row.push(baseline - scorer(estimator, shuffled, labels));
    }
    importances.push(row);
  }
  const mean = importances.map((r) => r.reduce((a, b) => a + b, 0) / r.length);
  const std = importances.map((r, j) => Math.sqrt(r.reduce((a, b) => a + (b - mean[j]!) ** 2, 0) / r.length));
  return { importancesMean: mean, importancesStd: std, importances, featureNames: [...table.columnNames], baselineScore: baseline };
}
