/**
 * Greedy ensemble selection (Caruana et al., 2004): start from the best model and repeatedly
 * add, with replacement, the model whose out-of-fold predictions most improve the averaged
 * ensemble's score; keep the best ensemble seen. Ties on the metric (accuracy moves in steps)
 * go to the candidate with the better smooth loss (log loss or squared error). `nestedSelection`
 * tells whether such a blend generalizes better than simply taking the best candidate.
 */
import type { Label } from '../learn/index.js';
import type { MetricSpec } from './metrics.js';
import { toPredictions } from './trial.js';

export interface EnsembleCandidate {
  /** Out-of-fold predictions: probabilities n × k (classification) or values n. */
  oof: Float64Array;
}

export interface EnsembleSelection {
  /** Times each candidate was picked (its weight is count / rounds). */
  counts: number[];
  /** Blended out-of-fold predictions of the chosen ensemble. */
  oof: Float64Array;
  /** Metric of the blend over all rows, in the metric's units. */
  score: number;
}

/** Smooth loss for tie-breaks: mean log loss of the true class, or mean squared error. */
function smoothLoss(blend: Float64Array, truth: readonly Label[], classes: readonly Label[] | null, classIndex: Map<Label, number>): number {
  let s = 0;
  if (!classes) {
    for (let i = 0; i < truth.length; i++) s += (blend[i]! - (truth[i] as number)) ** 2;
    return s / truth.length;
  }
  const k = classes.length;
  for (let i = 0; i < truth.length; i++) s -= Math.log(Math.max(1e-15, blend[i * k + classIndex.get(truth[i]!)!]!));
  return s / truth.length;
}

/**
 * Picks `rounds` members (with replacement) from `candidates`, which must be sorted best first
 * (ties go to the earlier candidate).
 *
 * @example
 * const { counts } = greedyEnsemble(trials, y, classes, resolveMetric('accuracy', 'classification'), 20);
 */
export function greedyEnsemble(
  candidates: readonly EnsembleCandidate[],
  truth: readonly Label[],
  classes: readonly Label[] | null,
  metric: MetricSpec,
  rounds = 20,
): EnsembleSelection {
  const sign = metric.greaterIsBetter ? 1 : -1;
  const classIndex = new Map((classes ?? []).map((c, j) => [c, j]));
  const size = candidates[0]!.oof.length;
  const sum = new Float64Array(size);
  const counts = candidates.map(() => 0);
  /** [metric gain, −smooth loss], both larger-is-better, compared in that order. */
  const evaluate = (blend: Float64Array): [number, number] => [
    sign * metric.compute(truth, toPredictions(blend, classes), classes ?? []),
    -smoothLoss(blend, truth, classes, classIndex),
  ];
  const better = (a: [number, number], b: [number, number]): boolean => a[0] > b[0] + 1e-12 || (Math.abs(a[0] - b[0]) <= 1e-12 && a[1] > b[1] + 1e-12);
  let best: { counts: number[]; oof: Float64Array; key: [number, number] } | null = null;
  const blend = new Float64Array(size);
  for (let r = 1; r <= rounds; r++) {
    let pick = -1;
    let pickKey: [number, number] = [-Infinity, -Infinity];
    candidates.forEach((c, m) => {
      for (let i = 0; i < size; i++) blend[i] = (sum[i]! + c.oof[i]!) / r;
      const key = evaluate(blend);
      if (pick < 0 || better(key, pickKey)) {
        pick = m;
        pickKey = key;
      }
    });
    const chosen = candidates[pick]!.oof;
    for (let i = 0; i < size; i++) sum[i]! += chosen[i]!;
    counts[pick]!++;
    if (best === null || better(pickKey, best.key)) best = { counts: counts.slice(), oof: sum.map((v) => v / r), key: pickKey };
  }
  return { counts: best!.counts, oof: best!.oof, score: sign * best!.key[0] };
}

export interface NestedSelection {
  /** Per outer fold: the metric of the greedy ensemble chosen without that fold's rows, on that fold's rows. */
  ensemble: number[];
  /** Per outer fold: the metric of the single best candidate chosen without that fold's rows, on that fold's rows. */
  single: number[];
}

function takeRows(oof: Float64Array, rows: ArrayLike<number>, width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) out.set(oof.subarray(rows[i]! * width, (rows[i]! + 1) * width), i * width);
  return out;
}

/**
 * An honest comparison of "blend the candidates" with "take the best candidate": both choices
 * are made on the out-of-fold predictions of all folds but one and scored on the rows of the
 * fold left out, so neither is scored on the rows it was chosen on. Choosing among many trials
 * on the same rows flatters both a greedy ensemble and the best single trial; this measures which
 * choice generalizes, at the cost of a few greedy passes over predictions already made.
 *
 * @example
 * const { ensemble, single } = nestedSelection(pool, folds.map((f) => f.test), y, classes, metric);
 */
export function nestedSelection(
  candidates: readonly EnsembleCandidate[],
  foldRows: readonly Int32Array[],
  truth: readonly Label[],
  classes: readonly Label[] | null,
  metric: MetricSpec,
  rounds = 20,
): NestedSelection {
  const width = classes?.length ?? 1;
  const sign = metric.greaterIsBetter ? 1 : -1;
  const ensemble: number[] = [];
  const single: number[] = [];
  foldRows.forEach((held, f) => {
    const inside = Int32Array.from(foldRows.flatMap((rows, g) => (g === f ? [] : Array.from(rows))));
    const fit = candidates.map((c) => ({ oof: takeRows(c.oof, inside, width) }));
    const fitTruth = Array.from(inside, (i) => truth[i]!);
    const heldTruth = Array.from(held, (i) => truth[i]!);
    const score = (blend: Float64Array): number => metric.compute(heldTruth, toPredictions(blend, classes), classes ?? []);
    const { counts } = greedyEnsemble(fit, fitTruth, classes, metric, rounds);
    const total = counts.reduce((a, b) => a + b, 0);
    const blend = new Float64Array(held.length * width);
    candidates.forEach((c, m) => {
      if (counts[m]! === 0) return;
      const part = takeRows(c.oof, held, width);
      for (let i = 0; i < blend.length; i++) blend[i]! += (counts[m]! / total) * part[i]!;
    });
    ensemble.push(score(blend));
    // The single best on the same rows; ties go to the earlier candidate, as in the search.
    let best = 0;
    let bestGain = -Infinity;
    fit.forEach((c, m) => {
      const gain = sign * metric.compute(fitTruth, toPredictions(c.oof, classes), classes ?? []);
      if (gain > bestGain + 1e-12) {
        best = m;
        bestGain = gain;
      }
    });
    single.push(score(takeRows(candidates[best]!.oof, held, width)));
  });
  return { ensemble, single };
}
