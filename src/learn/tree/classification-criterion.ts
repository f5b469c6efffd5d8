/**
 * Gini and entropy impurity over weighted class counts (scikit-learn's `Gini` and `Entropy`).
 * Entropy is in bits, as in scikit-learn.
 */
import { Criterion } from './criterion.js';
import type { TrainingSet } from './training-set.js';

const LN2 = Math.log(2);

abstract class ClassificationCriterion extends Criterion {
  protected readonly k: number;
  protected readonly sumTotal: Float64Array;
  protected readonly sumLeft: Float64Array;
  protected readonly sumRight: Float64Array;

  constructor(data: TrainingSet) {
    super(data);
    this.k = data.nClasses;
    this.sumTotal = new Float64Array(this.k);
    this.sumLeft = new Float64Array(this.k);
    this.sumRight = new Float64Array(this.k);
  }

  init(samples: Int32Array, start: number, end: number): void {
    this.samples = samples;
    this.start = start;
    this.end = end;
    const { y, w, sumTotal } = this;
    sumTotal.fill(0);
    let total = 0;
    for (let p = start; p < end; p++) {
      const i = samples[p]!;
      const wi = w === null ? 1 : w[i]!;
      sumTotal[y[i]!]! += wi;
      total += wi;
    }
    this.weightedNNode = total;
    this.reset();
  }

  reset(): void {
    this.pos = this.start;
    this.sumLeft.fill(0);
    this.sumRight.set(this.sumTotal);
    this.weightedNLeft = 0;
    this.weightedNRight = this.weightedNNode;
  }

  update(newPos: number): void {
    const { y, w, samples, sumLeft, sumRight, sumTotal } = this;
    let added = 0;
    if (w === null) {
      for (let p = this.pos; p < newPos; p++) sumLeft[y[samples[p]!]!]! += 1;
      added = newPos - this.pos;
    } else {
      for (let p = this.pos; p < newPos; p++) {
        const i = samples[p]!;
        const wi = w[i]!;
        sumLeft[y[i]!]! += wi;
        added += wi;
      }
    }
    for (let c = 0; c < this.k; c++) sumRight[c] = sumTotal[c]! - sumLeft[c]!;
    this.weightedNLeft += added;
    this.weightedNRight = this.weightedNNode - this.weightedNLeft;
    this.pos = newPos;
  }

  nodeValue(out: Float64Array, offset: number): void {
    out.set(this.sumTotal, offset);
  }
}

/** Gini impurity 1 − Σ p_k². */
export class GiniCriterion extends ClassificationCriterion {
  private static gini(counts: Float64Array, total: number, k: number): number {
    let sq = 0;
    for (let c = 0; c < k; c++) sq += counts[c]! * counts[c]!;
    return 1 - sq / (total * total);
  }

  nodeImpurity(): number {
    return GiniCriterion.gini(this.sumTotal, this.weightedNNode, this.k);
  }

  childrenImpurity(): void {
    this.impurityLeft = GiniCriterion.gini(this.sumLeft, this.weightedNLeft, this.k);
    this.impurityRight = GiniCriterion.gini(this.sumRight, this.weightedNRight, this.k);
  }
}

/** Entropy −Σ p_k log₂ p_k. */
export class EntropyCriterion extends ClassificationCriterion {
  private static entropy(counts: Float64Array, total: number, k: number): number {
    let e = 0;
    for (let c = 0; c < k; c++) {
      const n = counts[c]!;
      if (n > 0) {
        const p = n / total;
        e -= p * (Math.log(p) / LN2);
      }
    }
    return e;
  }

  nodeImpurity(): number {
    return EntropyCriterion.entropy(this.sumTotal, this.weightedNNode, this.k);
  }

  childrenImpurity(): void {
    this.impurityLeft = EntropyCriterion.entropy(this.sumLeft, this.weightedNLeft, this.k);
    this.impurityRight = EntropyCriterion.entropy(this.sumRight, this.weightedNRight, this.k);
  }
}
