/**
 * The k best candidates of one query: a max-heap on (reduced distance, training index), so the
 * worst kept candidate is at the root. Equal distances are ordered by index, which makes every
 * search algorithm (brute force, KD-tree, ball tree) return the same neighbors even on ties.
 */
export class NeighborHeap {
  readonly r: Float64Array;
  readonly idx: Int32Array;
  readonly k: number;

  constructor(k: number) {
    this.k = k;
    this.r = new Float64Array(k);
    this.idx = new Int32Array(k);
  }

  /** Empties the heap for a new query. */
  reset(): void {
    this.r.fill(Infinity);
    this.idx.fill(0x7fffffff);
  }

  /** The worst kept reduced distance (Infinity until k candidates are in). */
  largest(): number {
    return this.r[0]!;
  }

  /** Offers a candidate; keeps it if it beats the worst kept one. */
  push(r: number, i: number): void {
    const hr = this.r;
    const hi = this.idx;
    if (r > hr[0]! || (r === hr[0]! && i >= hi[0]!)) return;
    // Replace the root and sift down.
    const k = this.k;
    let pos = 0;
    for (;;) {
      const left = 2 * pos + 1;
      if (left >= k) break;
      const right = left + 1;
      let child = left;
      if (right < k && (hr[right]! > hr[left]! || (hr[right]! === hr[left]! && hi[right]! > hi[left]!))) child = right;
      if (hr[child]! > r || (hr[child]! === r && hi[child]! > i)) {
        hr[pos] = hr[child]!;
        hi[pos] = hi[child]!;
        pos = child;
      } else break;
    }
    hr[pos] = r;
    hi[pos] = i;
  }

  /** Writes the kept candidates sorted by (distance, index) into the outputs at `offset`. */
  sortedInto(outR: Float64Array, outIdx: Int32Array, offset: number): void {
    const order = Array.from({ length: this.k }, (_, j) => j);
    order.sort((a, b) => this.r[a]! - this.r[b]! || this.idx[a]! - this.idx[b]!);
    for (let j = 0; j < this.k; j++) {
      outR[offset + j] = this.r[order[j]!]!;
      outIdx[offset + j] = this.idx[order[j]!]!;
    }
  }
}
