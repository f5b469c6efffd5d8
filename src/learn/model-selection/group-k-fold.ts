/** GroupKFold: folds that never split a group between train and test. */
import { DataError } from '../base/errors.js';
import { type LabelInput, encodeLabels } from '../base/input.js';
import type { TableInput } from '../compose/table.js';
import { type Fold, type Splitter, checkNSplits, foldsFromAssignment, requireLabels, sampleCount } from './splitter.js';

/**
 * K folds over groups (scikit-learn's GroupKFold): the largest groups first, each into the fold
 * with the fewest samples so far, so folds are balanced and each group sits in one test fold.
 *
 * @example
 * new GroupKFold({ nSplits: 2 }).split(4, undefined, ['a', 'a', 'b', 'c']);
 */
export class GroupKFold implements Splitter {
  readonly nSplits: number;

  constructor(options: { nSplits?: number } = {}) {
    this.nSplits = options.nSplits ?? 5;
    checkNSplits(this.nSplits, 'GroupKFold');
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: TableInput | number, _y?: LabelInput, groups?: LabelInput): Fold[] {
    const n = sampleCount(X);
    const g = requireLabels(groups, n, 'GroupKFold', 'groups (one group label per sample)');
    const { classes, codes } = encodeLabels(g);
    if (this.nSplits > classes.length) {
      throw new DataError(`GroupKFold: cannot have nSplits=${this.nSplits} greater than the number of groups (${classes.length}).`);
    }
    const sizes = new Int32Array(classes.length);
    for (const c of codes) sizes[c]!++;
    // Stable ascending sort, then reversed (NumPy's argsort(...)[::-1] on small inputs).
    const byCount = Array.from(sizes.keys()).sort((a, b) => sizes[a]! - sizes[b]! || a - b).reverse();
    const foldSize = new Float64Array(this.nSplits);
    const groupFold = new Int32Array(classes.length);
    for (const grp of byCount) {
      let lightest = 0;
      for (let f = 1; f < this.nSplits; f++) if (foldSize[f]! < foldSize[lightest]!) lightest = f;
      foldSize[lightest]! += sizes[grp]!;
      groupFold[grp] = lightest;
    }
    return foldsFromAssignment(Array.from(codes, (c) => groupFold[c]!), this.nSplits);
  }
}
