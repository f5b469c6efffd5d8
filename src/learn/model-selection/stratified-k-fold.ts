/** StratifiedKFold: folds that keep the class proportions of y. */
import { random } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import type { LabelInput } from '../base/input.js';
import type { TableInput } from '../compose/table.js';
import { typeOfTarget } from '../metrics/targets.js';
import { type Fold, type Splitter, checkNSplits, foldsFromAssignment, requireLabels, sampleCount } from './splitter.js';

export interface StratifiedKFoldOptions {
  nSplits?: number;
  /** Shuffle each class's fold assignment (default false). */
  shuffle?: boolean;
  seed?: number;
}

/**
 * K folds with each class spread as evenly as possible, using scikit-learn 1.2's allocation:
 * classes in order of first appearance, a round-robin over the sorted labels decides how many of
 * each class go to each fold, and each class is dealt to folds in blocks (keeping data order).
 *
 * @example
 * new StratifiedKFold({ nSplits: 2 }).split(4, ['a', 'a', 'b', 'b']); // tests [0, 2] and [1, 3]
 */
export class StratifiedKFold implements Splitter {
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly seed: number | undefined;

  constructor(options: StratifiedKFoldOptions = {}) {
    this.nSplits = options.nSplits ?? 5;
    this.shuffle = options.shuffle ?? false;
    this.seed = options.seed;
    checkNSplits(this.nSplits, 'StratifiedKFold');
    if (!this.shuffle && this.seed !== undefined) {
      throw new ParamError('StratifiedKFold: seed only matters with shuffle: true; set shuffle or drop seed.');
    }
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: TableInput | number, y?: LabelInput, _groups?: LabelInput): Fold[] {
    const n = sampleCount(X);
    const labels = requireLabels(y, n, 'StratifiedKFold', 'y (the class labels)');
    const type = typeOfTarget(labels);
    if (type === 'continuous') {
      throw new DataError('StratifiedKFold: y holds continuous values; stratification needs class labels (use KFold for regression).');
    }
    // Encode classes in order of first appearance.
    const code = new Map<unknown, number>();
    const encoded = new Int32Array(n);
    labels.forEach((l, i) => {
      if (!code.has(l)) code.set(l, code.size);
      encoded[i] = code.get(l)!;
    });
    const k = code.size;
    const counts = new Int32Array(k);
    for (const c of encoded) counts[c]!++;
    if (counts.every((c) => this.nSplits > c)) {
      throw new DataError(`StratifiedKFold: nSplits=${this.nSplits} cannot be greater than the number of members in each class; use fewer splits.`);
    }
    const order = encoded.slice().sort();
    const allocation = Array.from({ length: this.nSplits }, () => new Int32Array(k));
    for (let f = 0; f < this.nSplits; f++) for (let i = f; i < n; i += this.nSplits) allocation[f]![order[i]!]!++;
    const rng = this.shuffle ? random.defaultRng(this.seed) : null;
    const assign = new Int32Array(n);
    for (let c = 0; c < k; c++) {
      const folds: number[] = [];
      for (let f = 0; f < this.nSplits; f++) for (let r = 0; r < allocation[f]![c]!; r++) folds.push(f);
      if (rng) rng.shuffle(folds);
      let at = 0;
      for (let i = 0; i < n; i++) if (encoded[i] === c) assign[i] = folds[at++]!;
    }
    return foldsFromAssignment(assign, this.nSplits);
  }
}
