/**
 * KD-tree: each node keeps the bounding box of its points, and the distance from a query to the
 * box bounds the distance to every point inside. Good for low to moderate dimension with the
 * Minkowski family of metrics.
 */
import { BinaryTree } from './binary-tree.js';
import { type Metric, reduceTerm } from './metric.js';

/**
 * @example
 * const tree = new KDTree(data, n, d, resolveMetric('euclidean', 2, 'demo'), 30);
 * tree.queryRow(queries, 0, 5, dist, idx, 0);
 */
export class KDTree extends BinaryTree {
  private lower!: Float64Array;
  private upper!: Float64Array;

  constructor(data: Float64Array, n: number, d: number, metric: Metric, leafSize = 30) {
    super(data, n, d, metric, leafSize);
    this.buildTree();
  }

  protected allocate(nNodes: number): void {
    this.lower = new Float64Array(nNodes * this.d);
    this.upper = new Float64Array(nNodes * this.d);
  }

  protected initNode(node: number, start: number, end: number): void {
    const { data, d, idx, lower, upper } = this;
    const o = node * d;
    lower.fill(Infinity, o, o + d);
    upper.fill(-Infinity, o, o + d);
    for (let i = start; i < end; i++) {
      const po = idx[i]! * d;
      for (let j = 0; j < d; j++) {
        const v = data[po + j]!;
        if (v < lower[o + j]!) lower[o + j] = v;
        if (v > upper[o + j]!) upper[o + j] = v;
      }
    }
  }

  protected minRdist(node: number): number {
    const { d, lower, upper, q, qo } = this;
    const o = node * d;
    const kind = this.metric.kind;
    let s = 0;
    if (kind === 'l2') {
      for (let j = 0; j < d; j++) {
        const x = q[qo + j]!;
        const lo = lower[o + j]! - x;
        const hi = x - upper[o + j]!;
        // At most one of lo, hi is positive; the sum of their positive parts is the gap.
        const gap = (lo + Math.abs(lo) + hi + Math.abs(hi)) * 0.5;
        s += gap * gap;
      }
      return s;
    }
    for (let j = 0; j < d; j++) {
      const x = q[qo + j]!;
      const lo = lower[o + j]! - x;
      const hi = x - upper[o + j]!;
      const gap = lo > 0 ? lo : hi > 0 ? hi : 0;
      if (kind === 'linf') s = Math.max(s, gap);
      else s += reduceTerm(this.metric, gap);
    }
    return s;
  }

  protected maxRdist(node: number): number {
    const { d, lower, upper, q, qo } = this;
    const o = node * d;
    const kind = this.metric.kind;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const x = q[qo + j]!;
      const gap = Math.max(Math.abs(x - lower[o + j]!), Math.abs(upper[o + j]! - x));
      if (kind === 'l2') s += gap * gap;
      else if (kind === 'linf') s = Math.max(s, gap);
      else s += reduceTerm(this.metric, gap);
    }
    return s;
  }
}
