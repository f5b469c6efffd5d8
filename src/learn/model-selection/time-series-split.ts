/** TimeSeriesSplit: expanding-window splits where the test set always comes after the training set. */
import { DataError, ParamError } from '../base/errors.js';
import type { LabelInput } from '../base/input.js';
import type { TableInput } from '../compose/table.js';
import { type Fold, type Splitter, checkNSplits, sampleCount } from './splitter.js';

export interface TimeSeriesSplitOptions {
  nSplits?: number;
  /** Cap on training rows (the most recent ones are kept). */
  maxTrainSize?: number;
  /** Rows per test set (default n / (nSplits + 1), rounded down). */
  testSize?: number;
  /** Rows left out between the training and test sets (default 0). */
  gap?: number;
}

const range = (a: number, b: number): Int32Array => Int32Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);

/**
 * Time-ordered splits (scikit-learn's TimeSeriesSplit): fold k trains on everything before its
 * test block (minus `gap`, at most `maxTrainSize` rows) and tests on the next `testSize` rows.
 *
 * @example
 * new TimeSeriesSplit({ nSplits: 3 }).split(6); // train [0,1,2] test [3]; … train [0..4] test [5]
 */
export class TimeSeriesSplit implements Splitter {
  readonly nSplits: number;
  readonly maxTrainSize: number | undefined;
  readonly testSize: number | undefined;
  readonly gap: number;

  constructor(options: TimeSeriesSplitOptions = {}) {
    this.nSplits = options.nSplits ?? 5;
    this.maxTrainSize = options.maxTrainSize;
    this.testSize = options.testSize;
    this.gap = options.gap ?? 0;
    checkNSplits(this.nSplits, 'TimeSeriesSplit');
    if (!Number.isInteger(this.gap) || this.gap < 0) throw new ParamError(`TimeSeriesSplit: gap must be an integer >= 0, got ${this.gap}.`);
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: TableInput | number, _y?: LabelInput, _groups?: LabelInput): Fold[] {
    const n = sampleCount(X);
    const nFolds = this.nSplits + 1;
    const testSize = this.testSize ?? Math.floor(n / nFolds);
    if (nFolds > n) throw new DataError(`TimeSeriesSplit: cannot have ${nFolds} folds (nSplits + 1) with only ${n} samples.`);
    if (n - this.gap - testSize * this.nSplits <= 0) {
      throw new DataError(`TimeSeriesSplit: too many splits (${this.nSplits}) for ${n} samples with testSize ${testSize} and gap ${this.gap}.`);
    }
    const folds: Fold[] = [];
    for (let start = n - this.nSplits * testSize; start < n; start += testSize) {
      const trainEnd = start - this.gap;
      const trainStart = this.maxTrainSize && this.maxTrainSize < trainEnd ? trainEnd - this.maxTrainSize : 0;
      folds.push({ train: range(trainStart, trainEnd), test: range(start, start + testSize) });
    }
    return folds;
  }
}
