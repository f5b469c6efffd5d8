/** Classification report: per-class precision, recall, F1 and support, as text or data. */
import { DataError } from '../base/errors.js';
import type { Label, LabelInput } from '../base/input.js';
import { precisionRecallFscoreSupport } from './precision-recall-fscore.js';
import { type ScoreInput, checkTargets, uniqueLabels } from './targets.js';

export interface ClassificationReportOptions {
  /** Labels to report, in order (default: all, sorted). */
  labels?: readonly Label[];
  /** Display names for the labels, same order. */
  targetNames?: readonly string[];
  /** Decimal places in the text (default 2). */
  digits?: number;
  zeroDivision?: 0 | 1 | 'warn';
  sampleWeight?: ScoreInput;
}

export interface ClassScores {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}

/** The structured report, keyed like scikit-learn's output_dict. */
export type ClassificationReportDict = Record<string, ClassScores | number>;

/** Python's `format(x, '.Nf')`: round half to even on the exact binary value. */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const rounded = x.toFixed(digits);
  // toFixed rounds an exact tie away from zero; Python rounds it to the even neighbour.
  const long = x.toFixed(Math.min(100, digits + 30));
  const dot = long.indexOf('.');
  if (!/^50*$/.test(long.slice(dot + 1 + digits))) return rounded;
  const truncated = digits === 0 ? long.slice(0, dot) : long.slice(0, dot + 1 + digits);
  return Number(truncated.slice(-1)) % 2 === 0 ? truncated : rounded;
}

const padLeft = (s: string, width: number): string => (s.length >= width ? s : ' '.repeat(width - s.length) + s);

/**
 * A text report like scikit-learn's classification_report, or with `outputDict: true` the same
 * numbers as an object (`{ a: { precision, recall, 'f1-score', support }, accuracy, 'macro avg', … }`).
 *
 * @example
 * console.log(classificationReport(yTrue, yPred));
 * //               precision    recall  f1-score   support
 * //
 * //          cat       0.67      1.00      0.80         2
 * // …
 */
export function classificationReport(yTrue: LabelInput, yPred: LabelInput, options?: ClassificationReportOptions & { outputDict?: false }): string;
export function classificationReport(yTrue: LabelInput, yPred: LabelInput, options: ClassificationReportOptions & { outputDict: true }): ClassificationReportDict;
export function classificationReport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ClassificationReportOptions & { outputDict?: boolean } = {},
): string | ClassificationReportDict {
  const t = checkTargets(yTrue, yPred, 'classificationReport');
  const present = uniqueLabels(t.yTrue, t.yPred);
  const labelsGiven = options.labels !== undefined;
  const labels = labelsGiven ? [...options.labels!] : present;
  const microIsAccuracy = !labelsGiven || present.every((l) => labels.includes(l));
  const targetNames = options.targetNames ? [...options.targetNames] : labels.map(String);
  if (targetNames.length !== labels.length) {
    throw new DataError(`classificationReport: ${labels.length} labels but ${targetNames.length} targetNames; give one name per label.`);
  }
  const digits = options.digits ?? 2;
  const common = { labels, zeroDivision: options.zeroDivision, sampleWeight: options.sampleWeight };
  const per = precisionRecallFscoreSupport(t.yTrue, t.yPred, { ...common, average: null });
  const rows = targetNames.map((name, i) => ({ name, p: per.precision[i]!, r: per.recall[i]!, f: per.fscore[i]!, s: per.support![i]! }));
  const totalSupport = per.support!.reduce((a, b) => a + b, 0);
  const averages = (['micro', 'macro', 'weighted'] as const).map((avg) => {
    const r = precisionRecallFscoreSupport(t.yTrue, t.yPred, { ...common, average: avg });
    const heading = avg === 'micro' && microIsAccuracy ? 'accuracy' : `${avg} avg`;
    return { heading, p: r.precision, r: r.recall, f: r.fscore, s: totalSupport };
  });
  if (options.outputDict) {
    const out: ClassificationReportDict = {};
    for (const r of rows) out[r.name] = { precision: r.p, recall: r.r, 'f1-score': r.f, support: r.s };
    for (const a of averages) {
      if (a.heading === 'accuracy') out.accuracy = a.f;
      else out[a.heading] = { precision: a.p, recall: a.r, 'f1-score': a.f, support: a.s };
    }
    return out;
  }
  const width = Math.max(...targetNames.map((n) => n.length), 'weighted avg'.length, digits);
  const headers = ['precision', 'recall', 'f1-score', 'support'];
  const fmtSupport = (s: number): string => String(s);
  let report = padLeft('', width) + ' ' + headers.map((h) => ' ' + padLeft(h, 9)).join('') + '\n\n';
  const line = (name: string, p: number, r: number, f: number, s: number): string =>
    padLeft(name, width) + ' ' + [p, r, f].map((v) => ' ' + padLeft(formatFixed(v, digits), 9)).join('') + ' ' + padLeft(fmtSupport(s), 9) + '\n';
  for (const r of rows) report += line(r.name, r.p, r.r, r.f, r.s);
  report += '\n';
  for (const a of averages) {
    if (a.heading === 'accuracy') {
      report += padLeft('accuracy', width) + ' ' + ' ' + padLeft('', 9) + ' ' + padLeft('', 9) + ' ' + padLeft(formatFixed(a.f, digits), 9) + ' ' + padLeft(fmtSupport(a.s), 9) + '\n';
    } else report += line(a.heading, a.p, a.r, a.f, a.s);
  }
  return report;
}
