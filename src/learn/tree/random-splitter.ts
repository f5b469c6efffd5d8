/**
 * The extremely randomized splitter: for each candidate feature it draws one threshold uniformly
 * between the node's minimum and maximum and keeps the best of those random splits (Geurts et
 * al. 2006; scikit-learn's `RandomSplitter`).
 */
import { FEATURE_THRESHOLD, type SplitRecord, Splitter } from './splitter.js';

export class RandomSplitter extends Splitter {
  protected tryFeature(feature: number, start: number, end: number, best: SplitRecord): boolean {
    const { Xf, samples, X, criterion } = this;
    const off = feature * this.nSamples;
    let min = X[off + samples[start]!]!;
    let max = min;
    Xf[start] = min;
    for (let p = start + 1; p < end; p++) {
      const v = X[off + samples[p]!]!;
      Xf[p] = v;
      if (v < min) min = v;
      else if (v > max) max = v;
    }
    if (max <= min + FEATURE_THRESHOLD) return false;

    let threshold = min + (max - min) * this.bits.nextDouble();
    if (threshold === max) threshold = min;
    // Partition values and samples together around the threshold.
    let p = start;
    let e = end;
    while (p < e) {
      if (Xf[p]! <= threshold) p++;
      else {
        e--;
        const v = Xf[p]!;
        Xf[p] = Xf[e]!;
        Xf[e] = v;
        const s = samples[p]!;
        samples[p] = samples[e]!;
        samples[e] = s;
      }
    }
    const pos = e;
    if (pos - start < this.minSamplesLeaf || end - pos < this.minSamplesLeaf) return true;
    criterion.reset();
    criterion.update(pos);
    if (criterion.weightedNLeft < this.minWeightLeaf || criterion.weightedNRight < this.minWeightLeaf) return true;
    const proxy = criterion.proxyImprovement();
    if (proxy > best.proxy) {
      best.proxy = proxy;
      best.feature = feature;
      best.pos = pos;
      best.threshold = threshold;
    }
    return true;
  }
}
