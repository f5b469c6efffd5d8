/** Log loss (cross-entropy) and the Brier score. */
import { DataError } from '../base/errors.js';
import { type Label, type LabelInput, toLabels } from '../base/input.js';
import { type ScoreInput, type ScoreMatrixInput, checkLength, resolvePosLabel, toScoreMatrix, toScores, toWeights, typeOfTarget, uniqueLabels } from './targets.js';

export interface LogLossOptions {
  /** Clip probabilities to [eps, 1 − eps]; default machine epsilon (scikit-learn 1.2's 'auto'). */
  eps?: number;
  /** Mean loss per sample (default true) or the sum. */
  normalize?: boolean;
  /** All class labels, in yPred's column order (needed when yTrue lacks some classes). */
  labels?: readonly Label[];
  sampleWeight?: ScoreInput;
}

/**
 * Negative log-likelihood of the true labels under predicted probabilities (n × classes, columns
 * in sorted label order; a vector is the probability of the greater class). Probabilities are
 * clipped to [eps, 1 − eps] and rows renormalized, as in scikit-learn 1.2.
 *
 * @example
 * logLoss(['spam', 'ham', 'ham'], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2]]); // 0.1738…
 */
export function logLoss(yTrue: LabelInput, yPred: ScoreInput | ScoreMatrixInput, options: LogLossOptions = {}): number {
  const metric = 'logLoss';
  const eps = options.eps ?? Number.EPSILON;
  const labels = toLabels(yTrue, undefined, metric);
  const P = toScoreMatrix(yPred as ScoreMatrixInput, metric, 'yPred');
  checkLength(labels.length, P.rows, metric, 'yPred');
  const w = toWeights(options.sampleWeight, labels.length, metric);
  const classes = options.labels ? uniqueLabels([...options.labels]) : uniqueLabels(labels);
  if (classes.length === 1) {
    throw new DataError(
      options.labels
        ? `${metric}: labels must contain at least two classes, got ${JSON.stringify(classes[0])}.`
        : `${metric}: yTrue contains only one label (${JSON.stringify(classes[0])}); pass all class labels with the labels option.`,
    );
  }
  const cols = P.cols === 1 ? 2 : P.cols;
  if (classes.length !== cols) {
    throw new DataError(
      options.labels
        ? `${metric}: labels has ${classes.length} classes but yPred has ${cols} columns.`
        : `${metric}: yTrue has ${classes.length} classes but yPred has ${cols} columns; pass all class labels with the labels option. Classes in yTrue: ${classes.map((c) => JSON.stringify(c)).join(', ')}.`,
    );
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  let total = 0;
  let wsum = 0;
  const row = new Float64Array(cols);
  for (let i = 0; i < P.rows; i++) {
    if (P.cols === 1) {
      const p = Math.min(1 - eps, Math.max(eps, P.data[i]!));
      row[0] = 1 - p;
      row[1] = p;
    } else for (let j = 0; j < cols; j++) row[j] = Math.min(1 - eps, Math.max(eps, P.data[i * cols + j]!));
    let s = 0;
    for (let j = 0; j < cols; j++) s += row[j]!;
    const k = index.get(labels[i]!);
    if (k === undefined) throw new DataError(`${metric}: yTrue[${i}] = ${JSON.stringify(labels[i])} is not among labels.`);
    const loss = -Math.log(row[k]! / s);
    const wi = w ? w[i]! : 1;
    total += loss * wi;
    wsum += wi;
  }
  return options.normalize === false ? total : total / wsum;
}

/**
 * Mean squared difference between the predicted probability of the positive class and the
 * outcome (1 for posLabel, else 0). Binary targets only.
 *
 * @example
 * brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]); // 0.0375
 */
export function brierScoreLoss(yTrue: LabelInput, yProb: ScoreInput, options: { posLabel?: Label; sampleWeight?: ScoreInput } = {}): number {
  const metric = 'brierScoreLoss';
  const labels = toLabels(yTrue, undefined, metric);
  const p = toScores(yProb, metric, 'yProb');
  checkLength(labels.length, p.length, metric, 'yProb');
  const type = typeOfTarget(labels);
  if (type !== 'binary') throw new DataError(`${metric}: only binary classification is supported; the target is ${type}.`);
  if (p.some((v) => v > 1)) throw new DataError(`${metric}: yProb contains values greater than 1; pass probabilities.`);
  if (p.some((v) => v < 0)) throw new DataError(`${metric}: yProb contains values less than 0; pass probabilities.`);
  let pos: Label;
  try {
    pos = resolvePosLabel(options.posLabel, labels, metric);
  } catch (e) {
    const classes = uniqueLabels(labels);
    if (classes.every((c) => typeof c === 'number')) pos = classes[classes.length - 1]!;
    else throw e;
  }
  const w = toWeights(options.sampleWeight, labels.length, metric);
  let s = 0;
  let ws = 0;
  labels.forEach((l, i) => {
    const wi = w ? w[i]! : 1;
    s += ((l === pos ? 1 : 0) - p[i]!) ** 2 * wi;
    ws += wi;
  });
  return s / ws;
}
