/**
 * Regression criteria over running sums of the target: squared error (variance), Friedman's
 * improvement score, and the Poisson half deviance (scikit-learn's `MSE`, `FriedmanMSE`,
 * `Poisson`). The node value is the weighted mean of the target.
 */
import { Criterion } from './criterion.js';

/** Machine epsilon, the tolerance scikit-learn uses for sums that should be positive. */
const EPSILON = 2.220446049250313e-16;

abstract class SumCriterion extends Criterion {
  protected sumTotal = 0;
  protected sumLeft = 0;
  protected sumRight = 0;

  init(samples: Int32Array, start: number, end: number): void {
    this.samples = samples;
    this.start = start;
    this.end = end;
    const { y, w } = this;
    let sum = 0;
    let total = 0;
    let sq = 0;
    for (let p = start; p < end; p++) {
      const i = samples[p]!;
      const wi = w === null ? 1 : w[i]!;
      const yi = y[i]!;
      sum += wi * yi;
      sq += wi * yi * yi;
      total += wi;
    }
    this.sumTotal = sum;
    this.sqSumTotal = sq;
    this.weightedNNode = total;
    this.reset();
  }

  protected sqSumTotal = 0;

  reset(): void {
    this.pos = this.start;
    this.sumLeft = 0;
    this.sumRight = this.sumTotal;
    this.weightedNLeft = 0;
    this.weightedNRight = this.weightedNNode;
  }

  update(newPos: number): void {
    const { y, w, samples } = this;
    let sum = this.sumLeft;
    let added = 0;
    if (w === null) {
      for (let p = this.pos; p < newPos; p++) sum += y[samples[p]!]!;
      added = newPos - this.pos;
    } else {
      for (let p = this.pos; p < newPos; p++) {
        const i = samples[p]!;
        const wi = w[i]!;
        sum += wi * y[i]!;
        added += wi;
      }
    }
    this.sumLeft = sum;
    this.sumRight = this.sumTotal - sum;
    this.weightedNLeft += added;
    this.weightedNRight = this.weightedNNode - this.weightedNLeft;
    this.pos = newPos;
  }

  nodeValue(out: Float64Array, offset: number): void {
    out[offset] = this.sumTotal / this.weightedNNode;
  }
}

/** Mean squared error (the weighted variance of the target in the node). */
export class SquaredErrorCriterion extends SumCriterion {
  nodeImpurity(): number {
    const mean = this.sumTotal / this.weightedNNode;
    return this.sqSumTotal / this.weightedNNode - mean * mean;
  }

  override proxyImprovement(): number {
    return (this.sumLeft * this.sumLeft) / this.weightedNLeft + (this.sumRight * this.sumRight) / this.weightedNRight;
  }

  childrenImpurity(): void {
    const { y, w, samples } = this;
    let sqLeft = 0;
    for (let p = this.start; p < this.pos; p++) {
      const i = samples[p]!;
      const yi = y[i]!;
      sqLeft += (w === null ? 1 : w[i]!) * yi * yi;
    }
    const sqRight = this.sqSumTotal - sqLeft;
    const meanLeft = this.sumLeft / this.weightedNLeft;
    const meanRight = this.sumRight / this.weightedNRight;
    this.impurityLeft = sqLeft / this.weightedNLeft - meanLeft * meanLeft;
    this.impurityRight = sqRight / this.weightedNRight - meanRight * meanRight;
  }
}

/** Squared error with Friedman's improvement score (Friedman 2001, eq. 35) for choosing splits. */
export class FriedmanMseCriterion extends SquaredErrorCriterion {
  override proxyImprovement(): number {
    const diff = this.weightedNRight * this.sumLeft - this.weightedNLeft * this.sumRight;
    return (diff * diff) / (this.weightedNLeft * this.weightedNRight);
  }

  override impurityImprovement(): number {
    const diff = this.weightedNRight * this.sumLeft - this.weightedNLeft * this.sumRight;
    return (diff * diff) / (this.weightedNLeft * this.weightedNRight * this.weightedNNode);
  }
}

/** Half Poisson deviance; splits that leave a child with a zero mean are refused. */
export class PoissonCriterion extends SumCriterion {
  private loss(start: number, end: number, ySum: number, weightSum: number): number {
    if (ySum <= EPSILON) return Infinity;
    const mean = ySum / weightSum;
    const { y, w, samples } = this;
    let loss = 0;
    for (let p = start; p < end; p++) {
      const i = samples[p]!;
      const yi = y[i]!;
      if (yi !== 0) loss += (w === null ? 1 : w[i]!) * yi * Math.log(yi / mean);
    }
    return loss / weightSum;
  }

  nodeImpurity(): number {
    return this.loss(this.start, this.end, this.sumTotal, this.weightedNNode);
  }

  override proxyImprovement(): number {
    if (this.sumLeft <= EPSILON || this.sumRight <= EPSILON) return -Infinity;
    return (
      this.sumLeft * Math.log(this.sumLeft / this.weightedNLeft) +
      this.sumRight * Math.log(this.sumRight / this.weightedNRight)
    );
  }

  childrenImpurity(): void {
    this.impurityLeft = this.loss(this.start, this.pos, this.sumLeft, this.weightedNLeft);
    this.impurityRight = this.loss(this.pos, this.end, this.sumRight, this.weightedNRight);
  }
}
