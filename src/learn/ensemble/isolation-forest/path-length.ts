/**
 * Path lengths in isolation trees (Liu, Ting & Zhou 2008): c(n), the average depth at which an
 * unsuccessful search in a binary search tree of n points ends, corrects leaves that still
 * hold several samples, and normalizes the mean depth into an anomaly score.
 */
import { type FlatTree, LEAF } from '../../tree/flat-tree.js';

const EULER_GAMMA = 0.5772156649015329;

/**
 * c(n) = 2 (ln(n − 1) + γ) − 2 (n − 1) / n, with c(1) = 0 and c(2) = 1.
 *
 * @example
 * averagePathLength(256); // ≈ 10.24
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

/** For each node: its depth plus c(samples in it) — the path length of a sample ending there. */
export function nodePathLengths(tree: FlatTree): Float64Array {
  const out = new Float64Array(tree.nodeCount);
  const depth = new Int32Array(tree.nodeCount);
  for (let i = 0; i < tree.nodeCount; i++) {
    // Pre-order ids: a parent always comes before its children.
    if (tree.left[i] !== LEAF) {
      depth[tree.left[i]!] = depth[i]! + 1;
      depth[tree.right[i]!] = depth[i]! + 1;
    }
    out[i] = depth[i]! + averagePathLength(tree.nNodeSamples[i]!);
  }
  return out;
}
