/** Adjusted Rand index between two clusterings. */
import { type LabelInput, encodeLabels, toLabels } from '../base/input.js';
import { checkLength } from './targets.js';

/**
 * Similarity of two labelings, adjusted for chance: 1 for identical partitions (label names do
 * not matter), about 0 for random ones, negative when worse than chance.
 *
 * @example
 * adjustedRandScore([0, 0, 1, 1], [1, 1, 0, 0]); // 1
 */
export function adjustedRandScore(labelsTrue: LabelInput, labelsPred: LabelInput): number {
  const t = toLabels(labelsTrue, undefined, 'adjustedRandScore');
  const p = toLabels(labelsPred, undefined, 'adjustedRandScore');
  checkLength(t.length, p.length, 'adjustedRandScore', 'labelsPred');
  const a = encodeLabels(t);
  const b = encodeLabels(p);
  const n = BigInt(t.length);
  const cont = new Map<number, bigint>();
  const rowSums = new Array<bigint>(a.classes.length).fill(0n);
  const colSums = new Array<bigint>(b.classes.length).fill(0n);
  for (let i = 0; i < t.length; i++) {
    const key = a.codes[i]! * b.classes.length + b.codes[i]!;
    cont.set(key, (cont.get(key) ?? 0n) + 1n);
    rowSums[a.codes[i]!]! += 1n;
    colSums[b.codes[i]!]! += 1n;
  }
  let sumSquares = 0n;
  for (const v of cont.values()) sumSquares += v * v;
  const sq = (xs: bigint[]): bigint => xs.reduce((s, x) => s + x * x, 0n);
  const tp = sumSquares - n;
  const fp = sq(colSums) - sumSquares;
  const fn = sq(rowSums) - sumSquares;
  const tn = n * n - fp - fn - sumSquares;
  if (fn === 0n && fp === 0n) return 1;
  const num = 2n * (tp * tn - fn * fp);
  const den = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return Number(num) / Number(den);
}
