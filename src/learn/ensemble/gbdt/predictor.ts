/**
 * The fitted ensemble as flat node arrays (one set of typed arrays for all trees), and fast
 * batch prediction over raw rows. Tree t adds to output `t % outputs` (trees are stored round
 * by round, one per class in multiclass models).
 *
 * A numeric node sends x to `left` when `x < threshold`; a categorical node when x's category
 * is in its set; NaN (and a category unseen in fit) follows `defaultLeft`.
 */
import { MISSING_BIN, type BinMapper, indexOfSorted } from './binning.js';
import type { BinnedData, Tree } from './grower.js';
import { WASM_MIN_ROWS, predictInWasm } from './wasm-predict.js';

/** All trees of a model, flattened. Every array is indexed by global node id. */
export interface Forest {
  outputs: number;
  /** Root node of each tree. */
  roots: Int32Array;
  /** Split feature, or −1 for a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  defaultLeft: Uint8Array;
  /** Leaf output (learning rate included). */
  value: Float64Array;
  /** Hessian sum of the training rows that reached the node. */
  cover: Float64Array;
  gain: Float64Array;
  /** Categorical nodes: offset of their 8-word bitset (over category bins) in catBits; −1 otherwise. */
  catOffset: Int32Array;
  catBits: Int32Array;
}

/** An empty forest with `outputs` outputs. */
export function emptyForest(outputs: number): Forest {
  return {
    outputs, roots: new Int32Array(0), feature: new Int32Array(0), threshold: new Float64Array(0),
    left: new Int32Array(0), right: new Int32Array(0), defaultLeft: new Uint8Array(0), value: new Float64Array(0),
    cover: new Float64Array(0), gain: new Float64Array(0), catOffset: new Int32Array(0), catBits: new Int32Array(0),
  };
}

/**
 * Flattens grown trees (reachable nodes only, breadth-first, so that every right child
 * directly follows its left sibling) into a Forest, turning numeric bin splits into raw-value
 * thresholds.
 */
export function flattenTrees(trees: readonly Tree[], outputs: number, mapper: BinMapper): Forest {
  let total = 0;
  let cats = 0;
  const orders = trees.map((t) => {
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) {
      const n = order[head]!;
      if (t.feature[n]! >= 0) {
        if (t.catBits[n]) cats++;
        order.push(t.left[n]!, t.right[n]!);
      }
    }
    total += order.length;
    return order;
  });
  const f: Forest = {
    outputs, roots: new Int32Array(trees.length), feature: new Int32Array(total), threshold: new Float64Array(total),
    left: new Int32Array(total), right: new Int32Array(total), defaultLeft: new Uint8Array(total), value: new Float64Array(total),
    cover: new Float64Array(total), gain: new Float64Array(total), catOffset: new Int32Array(total).fill(-1), catBits: new Int32Array(cats * 8),
  };
  let base = 0;
  let catAt = 0;
  trees.forEach((t, ti) => {
    const order = orders[ti]!;
    const id = new Map<number, number>();
    order.forEach((n, i) => id.set(n, base + i));
    f.roots[ti] = base;
    order.forEach((n, i) => {
      const g = base + i;
      const feat = t.feature[n]!;
      f.feature[g] = feat;
      f.value[g] = t.value[n]!;
      f.cover[g] = t.cover[n]!;
      if (feat < 0) {
        f.left[g] = -1;
        f.right[g] = -1;
        return;
      }
      f.gain[g] = t.gain[n]!;
      f.left[g] = id.get(t.left[n]!)!;
      f.right[g] = id.get(t.right[n]!)!;
      f.defaultLeft[g] = t.defaultLeft[n] ? 1 : 0;
      const bits = t.catBits[n];
      if (bits) {
        f.catOffset[g] = catAt;
        f.catBits.set(bits, catAt);
        catAt += 8;
        f.threshold[g] = NaN;
      } else {
        const b = t.bin[n]!;
        const cuts = mapper.cuts[feat]!;
        f.threshold[g] = b < 0 ? -Infinity : b >= cuts.length ? Infinity : cuts[b]!;
      }
    });
    base += order.length;
  });
  return f;
}

/** Keeps the first `nTrees` trees of a forest. */
export function truncateForest(f: Forest, nTrees: number): Forest {
  if (nTrees >= f.roots.length) return f;
  const end = nTrees < f.roots.length ? f.roots[nTrees]! : f.feature.length;
  let catEnd = 0;
  for (let i = 0; i < end; i++) if (f.catOffset[i]! >= 0) catEnd = f.catOffset[i]! + 8;
  return {
    outputs: f.outputs, roots: f.roots.slice(0, nTrees), feature: f.feature.slice(0, end), threshold: f.threshold.slice(0, end),
    left: f.left.slice(0, end), right: f.right.slice(0, end), defaultLeft: f.defaultLeft.slice(0, end), value: f.value.slice(0, end),
    cover: f.cover.slice(0, end), gain: f.gain.slice(0, end), catOffset: f.catOffset.slice(0, end), catBits: f.catBits.slice(0, catEnd),
  };
}

/** Whether value v goes to the left child at internal node n. */
export function goesLeft(f: Forest, categories: readonly Float64Array[], n: number, v: number): boolean {
  if (v !== v) return f.defaultLeft[n] === 1;
  const co = f.catOffset[n]!;
  if (co < 0) return v < f.threshold[n]!;
  const b = indexOfSorted(categories[f.feature[n]!]!, v);
  return b < 0 ? f.defaultLeft[n] === 1 : ((f.catBits[co + (b >>> 5)]! >>> (b & 31)) & 1) === 1;
}

/** The leaf a raw row reaches in the tree rooted at `root`. */
export function leafOf(f: Forest, categories: readonly Float64Array[], x: Float64Array, xo: number, root: number): number {
  const { feature, left, right } = f;
  let n = root;
  let feat = feature[n]!;
  while (feat >= 0) {
    n = goesLeft(f, categories, n, x[xo + feat]!) ? left[n]! : right[n]!;
    feat = feature[n]!;
  }
  return n;
}

/** Prediction arrays: leaves loop to themselves, so every row takes exactly `depth` steps. */
export interface CompiledForest {
  feature: Int32Array;
  left: Int32Array;
  threshold: Float64Array;
  /** 1 where a missing value goes right (internal nodes that are not default-left). */
  missingRight: Uint8Array;
  depth: Int32Array;
  /** Deepest of trees 4g … 4g+3, for walking four trees of one row together. */
  depth4: Int32Array;
}

const compiledForests = new WeakMap<Forest, CompiledForest>();

export function compile(f: Forest): CompiledForest {
  let c = compiledForests.get(f);
  if (c) return c;
  const N = f.feature.length;
  const T = f.roots.length;
  c = {
    feature: new Int32Array(N), left: new Int32Array(N), threshold: new Float64Array(N), missingRight: new Uint8Array(N),
    depth: new Int32Array(T), depth4: new Int32Array(T >> 2),
  };
  for (let n = 0; n < N; n++) {
    if (f.feature[n]! >= 0) {
      c.feature[n] = f.feature[n]!;
      c.left[n] = f.left[n]!;
      c.threshold[n] = f.threshold[n]!;
      c.missingRight[n] = f.defaultLeft[n] ? 0 : 1;
    } else {
      c.left[n] = n;
      c.threshold[n] = NaN;
    }
  }
  for (let t = 0; t < f.roots.length; t++) {
    const stack = [f.roots[t]!, 0];
    let d = 0;
    while (stack.length) {
      const depth = stack.pop()!;
      const n = stack.pop()!;
      if (depth > d) d = depth;
      if (f.feature[n]! >= 0) stack.push(f.left[n]!, depth + 1, f.right[n]!, depth + 1);
    }
    c.depth[t] = d;
  }
  for (let g = 0; g < c.depth4.length; g++) c.depth4[g] = Math.max(c.depth[4 * g]!, c.depth[4 * g + 1]!, c.depth[4 * g + 2]!, c.depth[4 * g + 3]!);
  compiledForests.set(f, c);
  return c;
}

/**
 * Raw margins of row-major X (`rows × cols`, float64 or float32): `rows × outputs`, each the
 * base margin plus the trees' leaf values added in tree order.
 *
 * Numeric forests on batches of WASM_MIN_ROWS rows or more run as WebAssembly (wasm-predict.ts;
 * on `threads` threads in Node) where shared WebAssembly memory exists; the JavaScript below
 * gives the identical result elsewhere.
 *
 * Numeric forests take a branch-free path: four rows walk each tree together, one step per
 * level, choosing a child as `left + (x ≥ threshold)` (children are adjacent), so neither
 * the unpredictable comparisons nor the dependent loads of one row stall the others. Rows
 * with NaN and forests with categorical splits take the general walk. Leftover rows (a batch
 * not a multiple of four, a single row) walk the same way one at a time.
 */
export function predictMargins(
  f: Forest, categories: readonly Float64Array[], x: Float32Array | Float64Array, rows: number, cols: number, baseMargin: Float64Array,
  out: Float64Array = new Float64Array(rows * f.outputs), threads = 1,
): Float64Array {
  if (f.catBits.length === 0 && rows >= WASM_MIN_ROWS && predictInWasm(f, compile(f), x, rows, cols, baseMargin, out, threads)) return out;
  if (x instanceof Float64Array) return marginsOfRows(f, categories, x, rows, cols, baseMargin, out);
  // float32 rows are widened a block at a time into a scratch that stays in cache.
  const BLOCK = 256;
  const scratch = new Float64Array(Math.min(rows, BLOCK) * cols);
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const m = Math.min(BLOCK, rows - r0);
    scratch.set(x.subarray(r0 * cols, (r0 + m) * cols));
    marginsOfRows(f, categories, scratch, m, cols, baseMargin, out.subarray(r0 * f.outputs, (r0 + m) * f.outputs));
  }
  return out;
}

function marginsOfRows(
  f: Forest, categories: readonly Float64Array[], x: Float64Array, rows: number, cols: number, baseMargin: Float64Array, out: Float64Array,
): Float64Array {
  const K = f.outputs;
  const { roots, value } = f;
  const nTrees = roots.length;
  for (let r = 0; r < rows; r++) for (let k = 0; k < K; k++) out[r * K + k] = baseMargin[k]!;
  const general = (r: number): void => {
    const xo = r * cols;
    for (let t = 0; t < nTrees; t++) out[r * K + (t % K)] += value[leafOf(f, categories, x, xo, roots[t]!)]!;
  };
  if (f.catBits.length > 0) {
    for (let r = 0; r < rows; r++) general(r);
    return out;
  }
  const { feature, left, threshold, depth, depth4 } = compile(f);
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const x0 = r * cols;
    let clean = true;
    for (let i = x0, end = x0 + 4 * cols; i < end; i++) {
      if (x[i]! !== x[i]!) {
        clean = false;
        break;
      }
    }
    if (!clean) {
      for (let j = 0; j < 4; j++) general(r + j);
      continue;
    }
    const x1 = x0 + cols;
    const x2 = x1 + cols;
    const x3 = x2 + cols;
    const o0 = r * K;
    for (let t = 0; t < nTrees; t++) {
      let a = roots[t]!;
      let b = a;
      let c = a;
      let d = a;
      for (let s = depth[t]!; s > 0; s--) {
        a = left[a]! + ((x[x0 + feature[a]!]! >= threshold[a]!) as unknown as number | 0);
        b = left[b]! + ((x[x1 + feature[b]!]! >= threshold[b]!) as unknown as number | 0);
        c = left[c]! + ((x[x2 + feature[c]!]! >= threshold[c]!) as unknown as number | 0);
        d = left[d]! + ((x[x3 + feature[d]!]! >= threshold[d]!) as unknown as number | 0);
      }
      const k = K === 1 ? 0 : t % K;
      out[o0 + k] += value[a]!;
      out[o0 + K + k] += value[b]!;
      out[o0 + 2 * K + k] += value[c]!;
      out[o0 + 3 * K + k] += value[d]!;
    }
  }
  // The last rows (all of them in a batch under four) one at a time, each walking four trees
  // together instead (leaves loop to themselves, so the shallower trees idle at their leaf);
  // their values are still added in tree order.
  for (; r < rows; r++) {
    const x0 = r * cols;
    let clean = true;
    for (let i = x0, end = x0 + cols; i < end; i++) {
      if (x[i]! !== x[i]!) {
        clean = false;
        break;
      }
    }
    if (!clean) {
      general(r);
      continue;
    }
    const o0 = r * K;
    let t = 0;
    for (; t + 4 <= nTrees; t += 4) {
      let a = roots[t]!;
      let b = roots[t + 1]!;
      let c = roots[t + 2]!;
      let d = roots[t + 3]!;
      for (let s = depth4[t >> 2]!; s > 0; s--) {
        a = left[a]! + ((x[x0 + feature[a]!]! >= threshold[a]!) as unknown as number | 0);
        b = left[b]! + ((x[x0 + feature[b]!]! >= threshold[b]!) as unknown as number | 0);
        c = left[c]! + ((x[x0 + feature[c]!]! >= threshold[c]!) as unknown as number | 0);
        d = left[d]! + ((x[x0 + feature[d]!]! >= threshold[d]!) as unknown as number | 0);
      }
      if (K === 1) {
        out[o0] += value[a]!;
        out[o0] += value[b]!;
        out[o0] += value[c]!;
        out[o0] += value[d]!;
      } else {
        out[o0 + (t % K)] += value[a]!;
        out[o0 + ((t + 1) % K)] += value[b]!;
        out[o0 + ((t + 2) % K)] += value[c]!;
        out[o0 + ((t + 3) % K)] += value[d]!;
      }
    }
    for (; t < nTrees; t++) {
      let a = roots[t]!;
      for (let s = depth[t]!; s > 0; s--) a = left[a]! + ((x[x0 + feature[a]!]! >= threshold[a]!) as unknown as number | 0);
      out[o0 + (K === 1 ? 0 : t % K)] += value[a]!;
    }
  }
  return out;
}

/**
 * Adds one grown (not yet flattened) tree's leaf values to the margins of binned rows; used in
 * training for validation rows and rows left out by subsampling.
 * @param rowIdx the rows to update (all rows when null)
 */
export function addTreeBinned(
  tree: Tree, data: Pick<BinnedData, 'bins' | 'stride'>, rowIdx: Int32Array | null, count: number, margins: Float64Array, outputs: number, k: number,
): void {
  const { bins, stride } = data;
  const { feature, bin, left, right, defaultLeft, catBits, value } = tree;
  for (let i = 0; i < count; i++) {
    const r = rowIdx ? rowIdx[i]! : i;
    const o = r * stride;
    let n = 0;
    let feat = feature[0]!;
    while (feat >= 0) {
      const b = bins[o + feat]!;
      const bits = catBits[n];
      const goLeft = b === MISSING_BIN ? defaultLeft[n]! : bits ? ((bits[b >>> 5]! >>> (b & 31)) & 1) === 1 : b <= bin[n]!;
      n = goLeft ? left[n]! : right[n]!;
      feat = feature[n]!;
    }
    margins[r * outputs + k] += value[n]!;
  }
}
