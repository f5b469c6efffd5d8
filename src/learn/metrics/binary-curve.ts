/** The counts behind ROC and precision-recall curves. */
import { DataError } from '../base/errors.js';
import type { Label, LabelInput } from '../base/input.js';
import { type ScoreInput, checkLength, resolvePosLabel, toScores, toWeights, typeOfTarget } from './targets.js';
import { toLabels } from '../base/input.js';

export interface BinaryCurveCounts {
  /** False positives at or above each threshold. */
  fps: Float64Array;
  /** True positives at or above each threshold. */
  tps: Float64Array;
  /** Distinct scores, decreasing. */
  thresholds: Float64Array;
}

/** True and false positive counts per distinct score, highest score first (scikit-learn's _binary_clf_curve). */
export function binaryClfCurve(
  yTrue: LabelInput,
  yScore: ScoreInput,
  posLabel: Label | undefined,
  sampleWeight: ScoreInput | undefined,
  metric: string,
): BinaryCurveCounts {
  const labels = toLabels(yTrue, undefined, metric);
  const scores = toScores(yScore, metric);
  checkLength(labels.length, scores.length, metric, 'yScore');
  const type = typeOfTarget(labels);
  if (!(type === 'binary' || (type === 'multiclass' && posLabel !== undefined))) {
    throw new DataError(`${metric}: ${type} targets are not supported; this curve needs two classes (or pass posLabel to treat the rest as negative).`);
  }
  const pos = resolvePosLabel(posLabel, labels, metric);
  const w = toWeights(sampleWeight, labels.length, metric);
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || b - a);
  const fpsList: number[] = [];
  const tpsList: number[] = [];
  const thr: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const wi = w ? w[i]! : 1;
    if (labels[i] === pos) tp += wi;
    else fp += wi;
    if (k === n - 1 || scores[order[k + 1]!] !== scores[i]) {
      tpsList.push(tp);
      fpsList.push(w ? fp : k + 1 - tp);
      thr.push(scores[i]!);
    }
  }
  return { fps: Float64Array.from(fpsList), tps: Float64Array.from(tpsList), thresholds: Float64Array.from(thr) };
}
