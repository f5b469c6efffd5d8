/**
 * Minimal cost-complexity pruning (Breiman et al. 1984, ch. 3; scikit-learn's `ccp_alpha`).
 * R(t) is a node's weighted impurity as a share of the root's weight; the branch below t costs
 * R(T_t), the sum over its leaves. Repeatedly collapsing the branch with the smallest
 * effective alpha (R(t) − R(T_t)) / (|leaves(T_t)| − 1) gives the pruning path; pruning at a
 * given alpha collapses every branch whose effective alpha is at most alpha.
 */
import { type FlatTree, LEAF, TreeStore, UNDEFINED } from './flat-tree.js';

/** The effective alphas of the pruning path and the total leaf impurity after each step. */
export interface PruningPath {
  ccpAlphas: Float64Array;
  impurities: Float64Array;
}

interface PruneResult {
  /** Which nodes are leaves of the pruned tree (nodes below them are dropped). */
  leafInSubtree: Uint8Array;
  path: PruningPath;
}

/** Runs the pruning sequence, stopping before the first step whose alpha exceeds `maxAlpha`. */
function prune(tree: FlatTree, maxAlpha: number): PruneResult {
  const n = tree.nodeCount;
  const { left, right, impurity, weightedNNodeSamples: w } = tree;
  const parent = new Int32Array(n).fill(-1);
  const leafInSubtree = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  const inSubtree = new Uint8Array(n).fill(1);
  const rNode = new Float64Array(n);
  const rBranch = new Float64Array(n);
  const nLeaves = new Int32Array(n);
  const total = w[0]!;
  for (let i = 0; i < n; i++) {
    rNode[i] = (w[i]! * impurity[i]!) / total;
    if (left[i] === LEAF) leafInSubtree[i] = 1;
    else {
      candidate[i] = 1;
      parent[left[i]!] = i;
      parent[right[i]!] = i;
    }
  }
  for (let leaf = 0; leaf < n; leaf++) {
    if (!leafInSubtree[leaf]) continue;
    rBranch[leaf] = rNode[leaf]!;
    const r = rNode[leaf]!;
    let node = leaf;
    while (node !== 0) {
      const p = parent[node]!;
      rBranch[p] += r;
      nLeaves[p]++;
      node = p;
    }
  }
  const alphas: number[] = [0];
  const impurities: number[] = [rBranch[0]!];
  while (candidate[0]) {
    let alpha = Number.MAX_VALUE;
    let pruned = -1;
    for (let i = 0; i < n; i++) {
      if (!candidate[i]) continue;
      const a = (rNode[i]! - rBranch[i]!) / (nLeaves[i]! - 1);
      if (a < alpha) {
        alpha = a;
        pruned = i;
      }
    }
    if (maxAlpha < alpha) break;
    // Drop everything below `pruned`.
    const stack = [pruned];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!inSubtree[node]) continue;
      inSubtree[node] = 0;
      candidate[node] = 0;
      leafInSubtree[node] = 0;
      if (left[node] !== LEAF) stack.push(left[node]!, right[node]!);
    }
    inSubtree[pruned] = 1;
    leafInSubtree[pruned] = 1;
    const nPrunedLeaves = nLeaves[pruned]! - 1;
    nLeaves[pruned] = 0;
    const rDiff = rNode[pruned]! - rBranch[pruned]!;
    rBranch[pruned] = rNode[pruned]!;
    let node = parent[pruned]!;
    while (node !== -1) {
      nLeaves[node] -= nPrunedLeaves;
      rBranch[node] += rDiff;
      node = parent[node]!;
    }
    alphas.push(alpha);
    impurities.push(rBranch[0]!);
  }
  return { leafInSubtree, path: { ccpAlphas: Float64Array.from(alphas), impurities: Float64Array.from(impurities) } };
}

/**
 * The cost-complexity pruning path of a fully grown tree: increasing effective alphas (the
 * first is 0) and the total impurity of the leaves of the tree pruned at each.
 *
 * @example
 * const { ccpAlphas, impurities } = pruningPath(tree);
 */
export function pruningPath(tree: FlatTree): PruningPath {
  return prune(tree, Infinity).path;
}

/**
 * The subtree of `tree` pruned at `ccpAlpha`, renumbered in pre-order. A ccpAlpha of 0 returns
 * the tree itself.
 */
export function pruneTree(tree: FlatTree, ccpAlpha: number): FlatTree {
  if (ccpAlpha === 0) return tree;
  const { leafInSubtree } = prune(tree, ccpAlpha);
  const stride = tree.valueStride;
  const store = new TreeStore(stride);
  const stack: [node: number, depth: number, parent: number, isLeft: boolean][] = [[0, 0, -1, false]];
  while (stack.length > 0) {
    const [node, depth, parent, isLeft] = stack.pop()!;
    const leaf = leafInSubtree[node] === 1;
    const id = store.addNode(
      parent, isLeft, leaf ? UNDEFINED : tree.feature[node]!, leaf ? UNDEFINED : tree.threshold[node]!,
      tree.impurity[node]!, tree.nNodeSamples[node]!, tree.weightedNNodeSamples[node]!, depth,
    );
    store.value.set(tree.value.subarray(node * stride, (node + 1) * stride), id * stride);
    if (!leaf) {
      stack.push([tree.right[node]!, depth + 1, id, false]);
      stack.push([tree.left[node]!, depth + 1, id, true]);
    }
  }
  return store.finish();
}
