/** KFold: consecutive folds, optionally after a seeded shuffle. */
import { random } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import type { LabelInput } from '../base/input.js';
import type { TableInput } from '../compose/table.js';
import { type Fold, type Splitter, checkNSplits, complement, sampleCount } from './splitter.js';

export interface KFoldOptions {
  /** Number of folds (default 5). */
  nSplits?: number;
  /** Shuffle rows before splitting (default false). */
  shuffle?: boolean;
  /** Seed of the shuffle. */
  seed?: number;
}

/**
 * K consecutive folds; the first n mod k folds get one extra sample (scikit-learn's KFold).
 *
 * @example
 * new KFold({ nSplits: 3 }).split(6); // test sets [0,1], [2,3], [4,5]
 */
export class KFold implements Splitter {
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly seed: number | undefined;

  constructor(options: KFoldOptions = {}) {
    this.nSplits = options.nSplits ?? 5;
    this.shuffle = options.shuffle ?? false;
    this.seed = options.seed;
    checkNSplits(this.nSplits, 'KFold');
    if (!this.shuffle && this.seed !== undefined) {
      throw new ParamError('KFold: seed only matters with shuffle: true; set shuffle or drop seed.');
    }
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: TableInput | number, _y?: LabelInput, _groups?: LabelInput): Fold[] {
    const n = sampleCount(X);
    if (this.nSplits > n) {
      throw new DataError(`KFold: cannot have nSplits=${this.nSplits} greater than the number of samples (${n}).`);
    }
    const indices = Int32Array.from({ length: n }, (_, i) => i);
    if (this.shuffle) random.defaultRng(this.seed).shuffle(indices);
    const folds: Fold[] = [];
    let start = 0;
    for (let f = 0; f < this.nSplits; f++) {
      const size = Math.floor(n / this.nSplits) + (f < n % this.nSplits ? 1 : 0);
      const test = indices.slice(start, start + size).sort();
      folds.push({ test, train: complement(n, test) });
      start += size;
    }
    return folds;
  }
}
