/** The cross-validation splitter contract and helpers shared by the splitters. */
import { DataError, ParamError } from '../base/errors.js';
import { type Label, type LabelInput, toLabels } from '../base/input.js';
import { type TableInput, numSamples } from '../compose/table.js';

/** One train/test split: row indices, ascending. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/** Anything that yields folds (KFold, StratifiedKFold, GroupKFold, TimeSeriesSplit, …). */
export interface Splitter {
  /** Folds for X (or a sample count), with labels for stratified and groups for group splitters. */
  split(X: TableInput | number, y?: LabelInput, groups?: LabelInput): Fold[];
  getNSplits(): number;
}

export function sampleCount(X: TableInput | number): number {
  const n = typeof X === 'number' ? X : numSamples(X);
  if (!Number.isInteger(n) || n < 1) throw new DataError(`Cannot split ${n} samples; at least one is needed.`);
  return n;
}

export function checkNSplits(nSplits: number, name: string): void {
  if (!Number.isInteger(nSplits) || nSplits < 2) {
    throw new ParamError(`${name}: cross-validation needs at least one train/test split; set nSplits to an integer >= 2, got ${nSplits}.`);
  }
}

/** The complement of `test` in 0 … n−1, ascending. */
export function complement(n: number, test: ArrayLike<number>): Int32Array {
  const mask = new Uint8Array(n);
  for (let i = 0; i < test.length; i++) mask[test[i]!] = 1;
  const out = new Int32Array(n - test.length);
  let k = 0;
  for (let i = 0; i < n; i++) if (!mask[i]) out[k++] = i;
  return out;
}

/** Folds from a test-fold assignment per sample (fold f's test set is where assignment == f). */
export function foldsFromAssignment(assign: ArrayLike<number>, nSplits: number): Fold[] {
  const n = assign.length;
  return Array.from({ length: nSplits }, (_, f) => {
    const test: number[] = [];
    for (let i = 0; i < n; i++) if (assign[i] === f) test.push(i);
    return { test: Int32Array.from(test), train: complement(n, test) };
  });
}

export function requireLabels(y: LabelInput | undefined, n: number, name: string, what = 'y'): Label[] {
  if (y === undefined) throw new DataError(`${name}.split needs ${what}.`);
  return toLabels(y, n, name);
}
