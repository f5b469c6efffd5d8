/**
 * Ball tree: each node keeps the centroid of its points and the radius of the smallest ball
 * around that centroid holding them all, so by the triangle inequality the distance from a query
 * to any point inside is at least dist(query, centroid) − radius. Works for every metric here
 * and degrades more gently than the KD-tree as dimension grows.
 */
import { BinaryTree } from './binary-tree.js';
import { type Metric, rdist, toDistance, toReduced } from './metric.js';

/**
 * @example
 * const tree = new BallTree(data, n, d, resolveMetric('manhattan', 1, 'demo'), 30);
 * tree.queryRow(queries, 0, 5, dist, idx, 0);
 */
export class BallTree extends BinaryTree {
  private centroids!: Float64Array;
  private radius!: Float64Array;

  constructor(data: Float64Array, n: number, d: number, metric: Metric, leafSize = 30) {
    super(data, n, d, metric, leafSize);
    this.buildTree();
  }

  protected allocate(nNodes: number): void {
    this.centroids = new Float64Array(nNodes * this.d);
    this.radius = new Float64Array(nNodes);
  }

  protected initNode(node: number, start: number, end: number): void {
    const { data, d, idx, centroids } = this;
    const o = node * d;
    for (let i = start; i < end; i++) {
      const po = idx[i]! * d;
      for (let j = 0; j < d; j++) centroids[o + j]! += data[po + j]!;
    }
    const count = end - start;
    for (let j = 0; j < d; j++) centroids[o + j]! /= count;
    let r = 0;
    for (let i = start; i < end; i++) r = Math.max(r, rdist(this.metric, data, idx[i]!, centroids, node, d));
    // A hair of slack so rounding in the triangle-inequality bound never prunes a true neighbor.
    this.radius[node] = toDistance(this.metric, r) * (1 + 1e-12);
  }

  private centroidDistance(node: number): number {
    return toDistance(this.metric, rdist(this.metric, this.q, this.qo / this.d, this.centroids, node, this.d));
  }

  protected minRdist(node: number): number {
    const gap = this.centroidDistance(node) - this.radius[node]!;
    return gap > 0 ? toReduced(this.metric, gap * (1 - 1e-12)) : 0;
  }

  protected maxRdist(node: number): number {
    return toReduced(this.metric, (this.centroidDistance(node) + this.radius[node]!) * (1 + 1e-12));
  }
}
