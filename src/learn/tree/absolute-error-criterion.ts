/**
 * Mean absolute error around the weighted median (scikit-learn's `MAE`). The left and right
 * parts are kept as sorted (value, weight) lists, so each candidate split costs O(n); a node
 * scan is O(n²), which is why this criterion is for small data (as in scikit-learn).
 */
import { Criterion } from './criterion.js';
import type { TrainingSet } from './training-set.js';

/** A multiset of (value, weight) pairs sorted by value. */
class SortedWeights {
  values: Float64Array;
  weights: Float64Array;
  size = 0;
  total = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.weights = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.total = 0;
  }

  /** First index whose value is > v. */
  private upper(v: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.values[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(v: number, w: number): void {
    const at = this.upper(v);
    this.values.copyWithin(at + 1, at, this.size);
    this.weights.copyWithin(at + 1, at, this.size);
    this.values[at] = v;
    this.weights[at] = w;
    this.size++;
    this.total += w;
  }

  remove(v: number, w: number): void {
    let at = this.upper(v) - 1;
    while (at > 0 && !(this.values[at] === v && this.weights[at] === w)) at--;
    this.values.copyWithin(at, at + 1, this.size);
    this.weights.copyWithin(at, at + 1, this.size);
    this.size--;
    this.total -= w;
  }

  /** The weighted median: the average of the two middle values when the weight splits evenly. */
  median(): number {
    const half = this.total / 2;
    let cum = 0;
    for (let k = 0; k < this.size; k++) {
      cum += this.weights[k]!;
      if (cum === half && k + 1 < this.size) return (this.values[k]! + this.values[k + 1]!) / 2;
      if (cum >= half) return this.values[k]!;
    }
    return this.size > 0 ? this.values[this.size - 1]! : 0;
  }

  /** Σ w·|v − median| / Σ w. */
  impurity(): number {
    if (this.size === 0) return 0;
    const m = this.median();
    let s = 0;
    for (let k = 0; k < this.size; k++) s += this.weights[k]! * Math.abs(this.values[k]! - m);
    return s / this.total;
  }
}

export class AbsoluteErrorCriterion extends Criterion {
  private readonly left: SortedWeights;
  private readonly right: SortedWeights;

  constructor(data: TrainingSet) {
    super(data);
    this.left = new SortedWeights(data.nSamples);
    this.right = new SortedWeights(data.nSamples);
  }

  init(samples: Int32Array, start: number, end: number): void {
    this.samples = samples;
    this.start = start;
    this.end = end;
    let total = 0;
    for (let p = start; p < end; p++) total += this.w === null ? 1 : this.w[samples[p]!]!;
    this.weightedNNode = total;
    this.reset();
  }

  reset(): void {
    const { y, w, samples } = this;
    this.left.clear();
    this.right.clear();
    for (let p = this.start; p < this.end; p++) {
      const i = samples[p]!;
      this.right.insert(y[i]!, w === null ? 1 : w[i]!);
    }
    this.pos = this.start;
    this.weightedNLeft = 0;
    this.weightedNRight = this.weightedNNode;
  }

  update(newPos: number): void {
    const { y, w, samples } = this;
    let added = 0;
    for (let p = this.pos; p < newPos; p++) {
      const i = samples[p]!;
      const wi = w === null ? 1 : w[i]!;
      this.left.insert(y[i]!, wi);
      this.right.remove(y[i]!, wi);
      added += wi;
    }
    this.weightedNLeft += added;
    this.weightedNRight = this.weightedNNode - this.weightedNLeft;
    this.pos = newPos;
  }

  nodeImpurity(): number {
    // Before any update the right list holds the whole node.
    const all = this.pos === this.start ? this.right : this.merged();
    return all.impurity();
  }

  private merged(): SortedWeights {
    const all = new SortedWeights(this.end - this.start);
    for (let p = this.start; p < this.end; p++) {
      const i = this.samples[p]!;
      all.insert(this.y[i]!, this.w === null ? 1 : this.w[i]!);
    }
    return all;
  }

  childrenImpurity(): void {
    this.impurityLeft = this.left.impurity();
    this.impurityRight = this.right.impurity();
  }

  nodeValue(out: Float64Array, offset: number): void {
    out[offset] = (this.pos === this.start ? this.right : this.merged()).median();
  }
}
