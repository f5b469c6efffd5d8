/**
 * The exhaustive splitter: for each candidate feature it sorts the node's values and scans every
 * boundary between distinct values, keeping the split with the best proxy improvement; the
 * threshold is the midpoint of the two values (scikit-learn's `BestSplitter`).
 */
import { FEATURE_THRESHOLD, type SplitRecord, Splitter } from './splitter.js';
import { PACKED_SORT_MAX_INDEX, gatherSorted, sortByKey } from './sort.js';

export class BestSplitter extends Splitter {
  /** Scratch for the packed native sort (null when indices do not fit in 21 bits). */
  private packed: Float64Array | null = null;

  protected tryFeature(feature: number, start: number, end: number, best: SplitRecord): boolean {
    const { Xf, samples, X, criterion, minSamplesLeaf, minWeightLeaf } = this;
    const off = feature * this.nSamples;
    if (end - start > 24 && this.nSamples <= PACKED_SORT_MAX_INDEX) {
      this.packed ??= new Float64Array(this.nSamples);
      gatherSorted(X, off, samples, Xf, start, end, this.packed);
    } else {
      for (let p = start; p < end; p++) Xf[p] = X[off + samples[p]!]!;
      sortByKey(Xf, samples, start, end);
    }
    if (Xf[end - 1]! <= Xf[start]! + FEATURE_THRESHOLD) return false;

    criterion.reset();
    let p = start;
    while (p < end) {
      while (p + 1 < end && Xf[p + 1]! <= Xf[p]! + FEATURE_THRESHOLD) p++;
      p++;
      if (p >= end) break;
      if (p - start < minSamplesLeaf || end - p < minSamplesLeaf) continue;
      criterion.update(p);
      if (criterion.weightedNLeft < minWeightLeaf || criterion.weightedNRight < minWeightLeaf) continue;
      const proxy = criterion.proxyImprovement();
      if (proxy > best.proxy) {
        best.proxy = proxy;
        best.feature = feature;
        best.pos = p;
        let threshold = Xf[p - 1]! / 2 + Xf[p]! / 2;
        if (threshold === Xf[p]! || !Number.isFinite(threshold)) threshold = Xf[p - 1]!;
        best.threshold = threshold;
      }
    }
    return true;
  }
}
