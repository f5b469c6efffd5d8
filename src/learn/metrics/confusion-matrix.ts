/** Confusion matrix. */
import { DataError } from '../base/errors.js';
import type { Label, LabelInput } from '../base/input.js';
import { type ScoreInput, checkTargets, toWeights, uniqueLabels } from './targets.js';

export interface ConfusionMatrixOptions {
  /** Row/column order (default: sorted labels of yTrue and yPred); samples with other labels are ignored. */
  labels?: readonly Label[];
  /** Normalize over true labels (rows), predicted labels (columns) or all samples. */
  normalize?: 'true' | 'pred' | 'all' | null;
  sampleWeight?: ScoreInput;
}

/**
 * Counts of samples by true label (rows) and predicted label (columns), with the label order.
 *
 * @example
 * confusionMatrix(['cat', 'dog', 'dog'], ['cat', 'cat', 'dog']);
 * // { labels: ['cat', 'dog'], matrix: [[1, 0], [1, 1]] }
 */
export function confusionMatrix(yTrue: LabelInput, yPred: LabelInput, options: ConfusionMatrixOptions = {}): { labels: Label[]; matrix: number[][] } {
  const t = checkTargets(yTrue, yPred, 'confusionMatrix');
  const w = toWeights(options.sampleWeight, t.yTrue.length, 'confusionMatrix');
  let labels: Label[];
  if (options.labels) {
    labels = [...options.labels];
    if (labels.length === 0) throw new DataError("confusionMatrix: 'labels' must contain at least one label.");
    const inTrue = new Set(t.yTrue);
    if (!labels.some((l) => inTrue.has(l))) {
      throw new DataError(`confusionMatrix: none of the given labels (${labels.map((l) => JSON.stringify(l)).join(', ')}) occurs in yTrue; at least one must.`);
    }
  } else labels = uniqueLabels(t.yTrue, t.yPred);
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < t.yTrue.length; i++) {
    const a = index.get(t.yTrue[i]!);
    const b = index.get(t.yPred[i]!);
    if (a === undefined || b === undefined) continue;
    matrix[a]![b]! += w ? w[i]! : 1;
  }
  const norm = options.normalize ?? null;
  if (norm !== null) {
    if (!['true', 'pred', 'all'].includes(norm)) throw new DataError(`confusionMatrix: normalize must be 'true', 'pred', 'all' or null, got '${norm}'.`);
    const div = (v: number, d: number): number => (d === 0 ? 0 : v / d);
    if (norm === 'true') matrix.forEach((row) => {
      const s = row.reduce((a, b) => a + b, 0);
      row.forEach((v, j) => (row[j] = div(v, s)));
    });
    else if (norm === 'pred') {
      const colSums = labels.map((_, j) => matrix.reduce((a, row) => a + row[j]!, 0));
      matrix.forEach((row) => row.forEach((v, j) => (row[j] = div(v, colSums[j]!))));
    } else {
      const s = matrix.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
      matrix.forEach((row) => row.forEach((v, j) => (row[j] = div(v, s))));
    }
  }
  return { labels, matrix };
}
