/**
 * A fitted tree as flat typed arrays, one entry per node (scikit-learn's `Tree`): split feature
 * and threshold, children, impurity, sample counts and the node's value (weighted class counts
 * for classification, the mean or median for regression). Leaves have `left === -1` and
 * `feature === -2`. Prediction walks these arrays; nothing else is needed at predict time.
 */

/** Marks a leaf's children. */
export const LEAF = -1;
/** The feature and threshold stored on a leaf. */
export const UNDEFINED = -2;

export interface FlatTree {
  nodeCount: number;
  /** Values per node: the number of classes, or 1 for regression. */
  valueStride: number;
  maxDepth: number;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  impurity: Float64Array;
  nNodeSamples: Int32Array;
  weightedNNodeSamples: Float64Array;
  /** nodeCount × valueStride, row-major. */
  value: Float64Array;
}

/** A FlatTree that grows as nodes are added, then is trimmed by `finish`. */
export class TreeStore {
  nodeCount = 0;
  maxDepth = 0;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  impurity: Float64Array;
  nNodeSamples: Int32Array;
  weightedNNodeSamples: Float64Array;
  value: Float64Array;

  constructor(readonly valueStride: number, private capacity = 64) {
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.impurity = new Float64Array(capacity);
    this.nNodeSamples = new Int32Array(capacity);
    this.weightedNNodeSamples = new Float64Array(capacity);
    this.value = new Float64Array(capacity * valueStride);
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const more = <T extends Int32Array | Float64Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.feature = more(this.feature, cap);
    this.threshold = more(this.threshold, cap);
    this.left = more(this.left, cap);
    this.right = more(this.right, cap);
    this.impurity = more(this.impurity, cap);
    this.nNodeSamples = more(this.nNodeSamples, cap);
    this.weightedNNodeSamples = more(this.weightedNNodeSamples, cap);
    this.value = more(this.value, cap * this.valueStride);
    this.capacity = cap;
  }

  /** Adds a node (a leaf until `setChildren`), linking it from its parent; returns its id. */
  addNode(parent: number, isLeft: boolean, feature: number, threshold: number, impurity: number, nSamples: number, weighted: number, depth: number): number {
    if (this.nodeCount === this.capacity) this.grow();
    const id = this.nodeCount++;
    if (parent >= 0) {
      if (isLeft) this.left[parent] = id;
      else this.right[parent] = id;
    }
    this.feature[id] = feature;
    this.threshold[id] = threshold;
    this.left[id] = LEAF;
    this.right[id] = LEAF;
    this.impurity[id] = impurity;
    this.nNodeSamples[id] = nSamples;
    this.weightedNNodeSamples[id] = weighted;
    if (depth > this.maxDepth) this.maxDepth = depth;
    return id;
  }

  /** Turns a node back into a leaf. */
  makeLeaf(id: number): void {
    this.left[id] = LEAF;
    this.right[id] = LEAF;
    this.feature[id] = UNDEFINED;
    this.threshold[id] = UNDEFINED;
  }

  finish(): FlatTree {
    const n = this.nodeCount;
    return {
      nodeCount: n,
      valueStride: this.valueStride,
      maxDepth: this.maxDepth,
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      impurity: this.impurity.slice(0, n),
      nNodeSamples: this.nNodeSamples.slice(0, n),
      weightedNNodeSamples: this.weightedNNodeSamples.slice(0, n),
      value: this.value.slice(0, n * this.valueStride),
    };
  }
}

/**
 * The leaf each row of a row-major float32 matrix lands in.
 *
 * @example
 * const leaves = applyTree(tree, Float32Array.from([0.5, 1.2]), 1, 2);
 */
export function applyTree(tree: FlatTree, X: Float32Array, rows: number, cols: number, out = new Int32Array(rows)): Int32Array {
  const { feature, threshold, left, right } = tree;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let node = 0;
    while (left[node] !== LEAF) {
      node = X[base + feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
    }
    out[i] = node;
  }
  return out;
}

/** Number of leaves. */
export function leafCount(tree: FlatTree): number {
  let n = 0;
  for (let i = 0; i < tree.nodeCount; i++) if (tree.left[i] === LEAF) n++;
  return n;
}

/**
 * Impurity-based feature importances: each split's weighted impurity decrease summed per
 * feature, divided by the root's weight, then normalized to sum to 1 (all zeros for a single
 * leaf), as scikit-learn's `feature_importances_`.
 */
export function treeFeatureImportances(tree: FlatTree, nFeatures: number, normalize = true): Float64Array {
  const out = new Float64Array(nFeatures);
  const { left, right, feature, impurity, weightedNNodeSamples: w } = tree;
  for (let i = 0; i < tree.nodeCount; i++) {
    const l = left[i]!;
    if (l === LEAF) continue;
    const r = right[i]!;
    out[feature[i]!] += w[i]! * impurity[i]! - w[l]! * impurity[l]! - w[r]! * impurity[r]!;
  }
  const root = w[0]!;
  for (let f = 0; f < nFeatures; f++) out[f] /= root;
  if (normalize) {
    let total = 0;
    for (let f = 0; f < nFeatures; f++) total += out[f]!;
    if (total > 0) for (let f = 0; f < nFeatures; f++) out[f] /= total;
  }
  return out;
}
