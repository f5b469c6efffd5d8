/**
 * Growing one regression tree on gradients and hessians, over binned data.
 *
 * Rows live in one index array that is partitioned in place as nodes split (each node owns a
 * contiguous range, kept in row order, so histogram building walks memory forward). Only
 * nodes that may still split get a histogram; of two such siblings the one with fewer rows is
 * built from its rows and the other is the parent minus it.
 *
 * Two growth orders: 'depthwise' expands nodes level by level (XGBoost's default), and
 * 'lossguide' always expands the open leaf with the largest gain (LightGBM's leaf-wise growth).
 * `maxDepth` and `maxLeaves` bound both (0 = no bound).
 */
import { MISSING_BIN } from './binning.js';
import { type Split, type SplitConfig, findBestSplit, leafWeight } from './split-finder.js';

export type GrowPolicy = 'depthwise' | 'lossguide';

export interface GrowerConfig extends SplitConfig {
  maxDepth: number;
  maxLeaves: number;
  growPolicy: GrowPolicy;
  minSplitGain: number;
  learningRate: number;
}

/** Builds histograms and partitions rows; the threaded backend splits the work across workers. */
export interface HistogramBackend {
  /** A new histogram of `stride × 512` numbers (in the memory the backend's kernels read). */
  allocHistogram(): Float64Array;
  /** A zeroed Int32Array of n (in the memory the backend's kernels read). */
  int32(n: number): Int32Array;
  /** Fills `hist` with the sums of rows `rowIdx[begin..end)` over all features. */
  build(gh: Float64Array, rowIdx: Int32Array, begin: number, end: number, hist: Float64Array): void;
  /** `out = parent − child` over all features. */
  subtract(parent: Float64Array, child: Float64Array, out: Float64Array): void;
  /**
   * Stable in-place partition of `rowIdx[begin..end)`: rows whose bin of `feature` satisfies
   * `((bin + shift) & 255) ≤ threshold` first; returns the first right position.
   */
  partition(feature: number, rowIdx: Int32Array, scratch: Int32Array, begin: number, end: number, threshold: number, shift: number): number;
}

/**
 * Binned matrix, kept twice: row-major for histograms (row r's bin for feature f is
 * `bins[r * stride + f]`) and feature-major for partitioning rows (`columns[f * rows + r]`),
 * where a split reads one feature of many rows.
 */
export interface BinnedData {
  bins: Uint8Array;
  columns: Uint8Array;
  rows: number;
  cols: number;
  /** Bytes per row, a multiple of 4 (see histogram.ts rowStride). */
  stride: number;
}

/** The feature-major copy of a row-major binned matrix (`rows × stride` → `cols × rows`). */
export function featureMajor(bins: Uint8Array, rows: number, cols: number, stride: number, out: Uint8Array = new Uint8Array(rows * cols)): Uint8Array {
  const BLOCK = 4096;
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const r1 = Math.min(rows, r0 + BLOCK);
    for (let f = 0; f < cols; f++) {
      for (let r = r0, i = r0 * stride + f, o = f * rows + r0; r < r1; r++, i += stride, o++) out[o] = bins[i]!;
    }
  }
  return out;
}

/** A grown tree as growable arrays; nodes are numbered in creation order, 0 is the root. */
export interface Tree {
  /** Split feature, −1 for a leaf. */
  feature: number[];
  /** Numeric split: bins ≤ bin go left. */
  bin: number[];
  defaultLeft: boolean[];
  catBits: (Int32Array | null)[];
  left: number[];
  right: number[];
  /** Leaf value already scaled by the learning rate (internal nodes: what they would predict). */
  value: number[];
  /** Hessian sum of the node's rows. */
  cover: number[];
  /** Split gain (internal nodes), 0 for leaves. */
  gain: number[];
  /** The node's rows are rowIdx[begin..end). */
  begin: number[];
  end: number[];
}

/** Reusable histogram buffers. */
class HistogramPool {
  private readonly free: Float64Array[] = [];
  constructor(private readonly backend: HistogramBackend) {}
  get(): Float64Array {
    return this.free.pop() ?? this.backend.allocHistogram();
  }
  release(h: Float64Array | null): void {
    if (h) this.free.push(h);
  }
}

interface OpenNode {
  id: number;
  depth: number;
  hist: Float64Array;
  split: Split;
  lower: number;
  upper: number;
  /** Creation order, to break gain ties deterministically in lossguide. */
  seq: number;
}

/** Everything a tree grower keeps between trees (histogram buffers, partition scratch). */
export class Grower {
  private readonly pool: HistogramPool;
  private readonly scratch: Int32Array;

  constructor(
    private readonly data: BinnedData,
    private readonly cfg: GrowerConfig,
    private readonly backend: HistogramBackend,
  ) {
    this.pool = new HistogramPool(backend);
    this.scratch = backend.int32(data.rows);
  }

  /**
   * Grows a tree on rows `rowIdx[0..count)` (partitioned in place) with the allowed features.
   * @param gh interleaved gradient/hessian per row
   */
  grow(gh: Float64Array, rowIdx: Int32Array, count: number, features: Int32Array): Tree {
    const { cfg } = this;
    const tree: Tree = {
      feature: [], bin: [], defaultLeft: [], catBits: [], left: [], right: [], value: [], cover: [], gain: [], begin: [], end: [],
    };
    let G = 0;
    let H = 0;
    for (let i = 0; i < count; i++) {
      const r = rowIdx[i]!;
      G += gh[2 * r]!;
      H += gh[2 * r + 1]!;
    }
    const addNode = (g: number, h: number, begin: number, end: number, lower: number, upper: number): number => {
      const w = leafWeight(g, h, cfg.regLambda, cfg.regAlpha);
      tree.feature.push(-1);
      tree.bin.push(0);
      tree.defaultLeft.push(false);
      tree.catBits.push(null);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push((w < lower ? lower : w > upper ? upper : w) * cfg.learningRate);
      tree.cover.push(h);
      tree.gain.push(0);
      tree.begin.push(begin);
      tree.end.push(end);
      return tree.feature.length - 1;
    };
    const root = addNode(G, H, 0, count, -Infinity, Infinity);
    const splittable = (depth: number, h: number, n: number): boolean =>
      (cfg.maxDepth <= 0 || depth < cfg.maxDepth) && n >= 2 && h >= 2 * cfg.minChildWeight && h > 0;

    const open: OpenNode[] = [];
    let seq = 0;
    const evaluate = (id: number, depth: number, hist: Float64Array, g: number, h: number, lower: number, upper: number): void => {
      const split = findBestSplit(hist, g, h, features, cfg, lower, upper);
      if (split && split.gain >= cfg.minSplitGain) open.push({ id, depth, hist, split, lower, upper, seq: seq++ });
      else this.pool.release(hist);
    };
    if (splittable(0, H, count)) {
      const hist = this.pool.get();
      this.backend.build(gh, rowIdx, 0, count, hist);
      evaluate(root, 0, hist, G, H, -Infinity, Infinity);
    }
    let leaves = 1;
    let head = 0;
    while (open.length > head) {
      let node: OpenNode;
      if (cfg.growPolicy === 'depthwise') node = open[head++]!;
      else {
        let bi = head;
        for (let i = head + 1; i < open.length; i++) {
          const a = open[i]!;
          const b = open[bi]!;
          if (a.split.gain > b.split.gain || (a.split.gain === b.split.gain && a.seq < b.seq)) bi = i;
        }
        node = open[bi]!;
        open[bi] = open[head]!;
        head++;
      }
      if (cfg.maxLeaves > 0 && leaves >= cfg.maxLeaves) {
        this.pool.release(node.hist);
        continue;
      }
      const { split, id } = node;
      const begin = tree.begin[id]!;
      const end = tree.end[id]!;
      const mid = this.partition(rowIdx, begin, end, split);
      tree.feature[id] = split.feature;
      tree.bin[id] = split.bin;
      tree.defaultLeft[id] = split.defaultLeft;
      tree.catBits[id] = split.catBits;
      tree.gain[id] = split.gain;
      let lowerL = node.lower;
      let upperL = node.upper;
      let lowerR = node.lower;
      let upperR = node.upper;
      const mono = cfg.monotone ? cfg.monotone[split.feature]! : 0;
      if (mono !== 0 && !cfg.categorical[split.feature]) {
        const m = (split.wL + split.wR) / 2;
        if (mono > 0) {
          upperL = m;
          lowerR = m;
        } else {
          lowerL = m;
          upperR = m;
        }
      }
      const L = addNode(split.gL, split.hL, begin, mid, lowerL, upperL);
      const R = addNode(split.gR, split.hR, mid, end, lowerR, upperR);
      tree.left[id] = L;
      tree.right[id] = R;
      leaves++;
      const depth = node.depth + 1;
      const canL = splittable(depth, split.hL, mid - begin);
      const canR = splittable(depth, split.hR, end - mid);
      if (!canL && !canR) {
        this.pool.release(node.hist);
        continue;
      }
      const leftSmaller = mid - begin <= end - mid;
      const small = this.pool.get();
      if (leftSmaller) this.backend.build(gh, rowIdx, begin, mid, small);
      else this.backend.build(gh, rowIdx, mid, end, small);
      const largeNeeded = leftSmaller ? canR : canL;
      const smallNeeded = leftSmaller ? canL : canR;
      let large: Float64Array | null = null;
      if (largeNeeded) {
        large = node.hist;
        this.backend.subtract(node.hist, small, large);
      } else this.pool.release(node.hist);
      const histL = leftSmaller ? small : large;
      const histR = leftSmaller ? large : small;
      if (!smallNeeded) this.pool.release(small);
      if (canL) evaluate(L, depth, histL!, split.gL, split.hL, lowerL, upperL);
      if (canR) evaluate(R, depth, histR!, split.gR, split.hR, lowerR, upperR);
    }
    for (let i = head; i < open.length; i++) this.pool.release(open[i]!.hist);
    return tree;
  }

  /** Stable in-place partition of rowIdx[begin..end) by a split; returns the first right position. */
  private partition(rowIdx: Int32Array, begin: number, end: number, split: Split): number {
    const dl = split.defaultLeft;
    if (!split.catBits) {
      // Missing values (bin 255) go left when defaultLeft by shifting bins up one modulo 256
      // (255 → 0 ≤ any threshold).
      return this.backend.partition(split.feature, rowIdx, this.scratch, begin, end, split.bin + (dl ? 1 : 0), dl ? 1 : 0);
    }
    const { columns, rows } = this.data;
    const scratch = this.scratch;
    const col = split.feature * rows;
    const bits = split.catBits;
    let l = begin;
    let r = 0;
    for (let i = begin; i < end; i++) {
      const row = rowIdx[i]!;
      const b = columns[col + row]!;
      const goLeft = b === MISSING_BIN ? dl : ((bits[b >>> 5]! >>> (b & 31)) & 1) === 1;
      if (goLeft) rowIdx[l++] = row;
      else scratch[r++] = row;
    }
    rowIdx.set(scratch.subarray(0, r), l);
    return l;
  }
}
