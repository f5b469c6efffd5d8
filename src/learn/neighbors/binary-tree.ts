/**
 * What the KD-tree and the ball tree share: a complete binary tree stored as arrays (node i has
 * children 2i+1 and 2i+2), built by splitting each node's points at the median of their
 * widest dimension, and depth-first k-nearest and radius searches that skip nodes whose lower
 * bound on the distance cannot beat the current candidates. Subclasses say how a node is
 * summarised (a bounding box, a ball) and how far a query can be from it.
 */
import { type Metric, rdist } from './metric.js';
import { NeighborHeap } from './neighbor-heap.js';

export abstract class BinaryTree {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly metric: Metric;
  readonly leafSize: number;
  /** Training indices, permuted so each node's points are contiguous. */
  readonly idx: Int32Array;
  readonly nodeStart: Int32Array;
  readonly nodeEnd: Int32Array;
  readonly nNodes: number;
  /** The training points in `idx` order (row i is data row idx[i]), so leaf scans read contiguous memory. */
  private ordered: Float64Array = new Float64Array(0);
  // Query scratch, set per query.
  protected q: Float64Array = new Float64Array(0);
  protected qo = 0;
  private heap: NeighborHeap | null = null;

  constructor(data: Float64Array, n: number, d: number, metric: Metric, leafSize: number) {
    this.data = data;
    this.n = n;
    this.d = d;
    this.metric = metric;
    this.leafSize = leafSize;
    const levels = Math.floor(Math.log2(Math.max(1, (n - 1) / leafSize))) + 1;
    this.nNodes = 2 ** levels - 1;
    this.idx = new Int32Array(n);
    for (let i = 0; i < n; i++) this.idx[i] = i;
    this.nodeStart = new Int32Array(this.nNodes);
    this.nodeEnd = new Int32Array(this.nNodes);
  }

  /** Allocates and builds the nodes; subclass constructors call it once their fields exist. */
  protected buildTree(): void {
    this.allocate(this.nNodes);
    this.build(0, 0, this.n);
    const { data, d, idx } = this;
    this.ordered = new Float64Array(this.n * d);
    for (let i = 0; i < this.n; i++) this.ordered.set(data.subarray(idx[i]! * d, idx[i]! * d + d), i * d);
  }

  /** Allocates the per-node summaries. */
  protected abstract allocate(nNodes: number): void;
  /** Summarises the points idx[start..end) of `node`. */
  protected abstract initNode(node: number, start: number, end: number): void;
  /** Lower bound on the reduced distance from the current query to any point of `node`. */
  protected abstract minRdist(node: number): number;
  /** Upper bound on the reduced distance from the current query to any point of `node`. */
  protected abstract maxRdist(node: number): number;

  private build(node: number, start: number, end: number): void {
    this.nodeStart[node] = start;
    this.nodeEnd[node] = end;
    this.initNode(node, start, end);
    const left = 2 * node + 1;
    if (left >= this.nNodes) return;
    const dim = this.widestDimension(start, end);
    const mid = start + ((end - start) >> 1);
    this.partition(start, end, mid, dim);
    this.build(left, start, mid);
    this.build(left + 1, mid, end);
  }

  private widestDimension(start: number, end: number): number {
    const { data, d, idx } = this;
    let best = 0;
    let bestSpread = -1;
    for (let j = 0; j < d; j++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = start; i < end; i++) {
        const v = data[idx[i]! * d + j]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi - lo > bestSpread) {
        bestSpread = hi - lo;
        best = j;
      }
    }
    return best;
  }

  /** Quickselect: afterwards idx[start..mid) ≤ idx[mid] ≤ idx[mid+1..end) along `dim` (ties by index). */
  private partition(start: number, end: number, mid: number, dim: number): void {
    const { data, d, idx } = this;
    const key = (i: number): number => data[idx[i]! * d + dim]!;
    const less = (a: number, b: number): boolean => {
      const ka = key(a);
      const kb = key(b);
      return ka < kb || (ka === kb && idx[a]! < idx[b]!);
    };
    const swap = (a: number, b: number): void => {
      const t = idx[a]!;
      idx[a] = idx[b]!;
      idx[b] = t;
    };
    let lo = start;
    let hi = end - 1;
    while (hi > lo) {
      // Median of three as the pivot, moved to hi.
      const m = lo + ((hi - lo) >> 1);
      if (less(m, lo)) swap(m, lo);
      if (less(hi, lo)) swap(hi, lo);
      if (less(m, hi)) swap(m, hi);
      let store = lo;
      for (let i = lo; i < hi; i++) {
        if (less(i, hi)) {
          swap(i, store);
          store++;
        }
      }
      swap(store, hi);
      if (store === mid) return;
      if (store < mid) lo = store + 1;
      else hi = store - 1;
    }
  }

  /**
   * The k nearest training points of row `row` of `x`, written sorted by (distance, index) as
   * reduced distances into outR / indices into outIdx at `offset`.
   */
  queryRow(x: Float64Array, row: number, k: number, outR: Float64Array, outIdx: Int32Array, offset: number): void {
    if (!this.heap || this.heap.k !== k) this.heap = new NeighborHeap(k);
    const heap = this.heap;
    heap.reset();
    this.q = x;
    this.qo = row * this.d;
    this.searchKnn(0, this.minRdist(0), heap);
    heap.sortedInto(outR, outIdx, offset);
  }

  private searchKnn(node: number, lb: number, heap: NeighborHeap): void {
    if (lb > heap.largest()) return;
    const left = 2 * node + 1;
    if (left >= this.nNodes) {
      this.scanLeaf(node, heap);
      return;
    }
    const lbLeft = this.minRdist(left);
    const lbRight = this.minRdist(left + 1);
    if (lbLeft <= lbRight) {
      this.searchKnn(left, lbLeft, heap);
      this.searchKnn(left + 1, lbRight, heap);
    } else {
      this.searchKnn(left + 1, lbRight, heap);
      this.searchKnn(left, lbLeft, heap);
    }
  }

  private scanLeaf(node: number, heap: NeighborHeap): void {
    const { data, d, idx, q, qo } = this;
    const end = this.nodeEnd[node]!;
    if (this.metric.kind === 'l2') {
      const pts = this.ordered;
      const half = d >> 1;
      for (let i = this.nodeStart[node]!; i < end; i++) {
        const po = i * d;
        let s = 0;
        let j = 0;
        for (; j < half; j++) {
          const t = q[qo + j]! - pts[po + j]!;
          s += t * t;
        }
        // Most points of a visited leaf are already out after half the coordinates.
        const worst = heap.largest();
        if (s > worst) continue;
        for (; j < d; j++) {
          const t = q[qo + j]! - pts[po + j]!;
          s += t * t;
        }
        if (s <= worst) heap.push(s, idx[i]!);
      }
      return;
    }
    const row = qo / d;
    for (let i = this.nodeStart[node]!; i < end; i++) {
      const p = idx[i]!;
      const s = rdist(this.metric, q, row, data, p, d);
      if (s <= heap.largest()) heap.push(s, p);
    }
  }

  /** Indices of the training points within reduced distance `rr` (inclusive) of row `row` of `x`. */
  radiusRow(x: Float64Array, row: number, rr: number, out: number[]): void {
    this.q = x;
    this.qo = row * this.d;
    this.searchRadius(0, rr, out);
  }

  private searchRadius(node: number, rr: number, out: number[]): void {
    if (this.minRdist(node) > rr) return;
    const start = this.nodeStart[node]!;
    const end = this.nodeEnd[node]!;
    if (this.maxRdist(node) <= rr) {
      for (let i = start; i < end; i++) out.push(this.idx[i]!);
      return;
    }
    const left = 2 * node + 1;
    if (left < this.nNodes) {
      this.searchRadius(left, rr, out);
      this.searchRadius(left + 1, rr, out);
      return;
    }
    const { data, d, idx, q, qo } = this;
    const row = qo / d;
    for (let i = start; i < end; i++) {
      const p = idx[i]!;
      if (rdist(this.metric, q, row, data, p, d) <= rr) out.push(p);
    }
  }
}
