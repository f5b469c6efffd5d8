/**
 * Growing a tree from a splitter: depth first (the default; children are visited left before
 * right, so node ids are in pre-order) or best first when `maxLeafNodes` caps the leaves, where
 * the open node with the largest impurity improvement is split next (scikit-learn's
 * `DepthFirstTreeBuilder` and `BestFirstTreeBuilder`).
 */
import { type FlatTree, TreeStore, UNDEFINED } from './flat-tree.js';
import { type SplitRecord, type Splitter, emptySplit } from './splitter.js';

/** Machine epsilon: nodes purer than this are leaves. */
const EPSILON = 2.220446049250313e-16;

export interface BuilderLimits {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minWeightLeaf: number;
  minImpurityDecrease: number;
  /** Leaves at most; -1 for no limit (depth-first growth). */
  maxLeafNodes: number;
}

/** Grows a tree depth first. */
export function buildDepthFirst(splitter: Splitter, limits: BuilderLimits, valueStride: number): FlatTree {
  const n = splitter.samples.length;
  const store = new TreeStore(valueStride, Math.max(16, Math.min(2 * n, 4096)));
  // Stack of open nodes: start, end, depth, parent, isLeft, impurity, nConstant.
  const ints: number[] = [0, n, 0, -1, 0, 0];
  const impurities: number[] = [Infinity];
  const split: SplitRecord = emptySplit();
  let first = true;
  const crit = splitter.criterion;
  while (impurities.length > 0) {
    const nConstant = ints.pop()!;
    const isLeft = ints.pop()! === 1;
    const parent = ints.pop()!;
    const depth = ints.pop()!;
    const end = ints.pop()!;
    const start = ints.pop()!;
    let impurity = impurities.pop()!;
    const nNode = end - start;
    const weighted = splitter.nodeReset(start, end);
    let isLeaf =
      depth >= limits.maxDepth ||
      nNode < limits.minSamplesSplit ||
      nNode < 2 * limits.minSamplesLeaf ||
      weighted < 2 * limits.minWeightLeaf;
    if (first) {
      impurity = crit.nodeImpurity();
      first = false;
    }
    isLeaf = isLeaf || impurity <= EPSILON;
    let childConstant = nConstant;
    if (!isLeaf) {
      childConstant = splitter.nodeSplit(start, end, impurity, nConstant, split);
      isLeaf = split.pos >= end || split.improvement + EPSILON < limits.minImpurityDecrease;
    }
    const id = store.addNode(
      parent, isLeft, isLeaf ? UNDEFINED : split.feature, isLeaf ? UNDEFINED : split.threshold, impurity, nNode, weighted, depth,
    );
    crit.nodeValue(store.value, id * valueStride);
    if (!isLeaf) {
      ints.push(split.pos, end, depth + 1, id, 0, childConstant);
      impurities.push(split.impurityRight);
      ints.push(start, split.pos, depth + 1, id, 1, childConstant);
      impurities.push(split.impurityLeft);
    }
  }
  return store.finish();
}

interface OpenNode {
  id: number;
  start: number;
  end: number;
  pos: number;
  depth: number;
  isLeaf: boolean;
  improvement: number;
  impurityLeft: number;
  impurityRight: number;
}

/** Grows a tree best first, with at most `limits.maxLeafNodes` leaves. */
export function buildBestFirst(splitter: Splitter, limits: BuilderLimits, valueStride: number): FlatTree {
  const store = new TreeStore(valueStride);
  const crit = splitter.criterion;
  const split = emptySplit();

  const addSplitNode = (start: number, end: number, impurity: number, first: boolean, isLeft: boolean, parent: number, depth: number): OpenNode => {
    const weighted = splitter.nodeReset(start, end);
    if (first) impurity = crit.nodeImpurity();
    const nNode = end - start;
    let isLeaf =
      depth >= limits.maxDepth ||
      nNode < limits.minSamplesSplit ||
      nNode < 2 * limits.minSamplesLeaf ||
      weighted < 2 * limits.minWeightLeaf ||
      impurity <= EPSILON;
    if (!isLeaf) {
      splitter.nodeSplit(start, end, impurity, 0, split);
      isLeaf = split.pos >= end || split.improvement + EPSILON < limits.minImpurityDecrease;
    }
    const id = store.addNode(parent, isLeft, isLeaf ? UNDEFINED : split.feature, isLeaf ? UNDEFINED : split.threshold, impurity, nNode, weighted, depth);
    crit.nodeValue(store.value, id * valueStride);
    return isLeaf
      ? { id, start, end, pos: end, depth, isLeaf, improvement: 0, impurityLeft: impurity, impurityRight: impurity }
      : { id, start, end, pos: split.pos, depth, isLeaf, improvement: split.improvement, impurityLeft: split.impurityLeft, impurityRight: split.impurityRight };
  };

  const frontier = new MaxHeap();
  frontier.push(addSplitNode(0, splitter.samples.length, Infinity, true, false, -1, 0));
  let splitsLeft = limits.maxLeafNodes - 1;
  while (frontier.size > 0) {
    const node = frontier.pop();
    if (node.isLeaf || splitsLeft <= 0) {
      store.makeLeaf(node.id);
      continue;
    }
    splitsLeft--;
    const l = addSplitNode(node.start, node.pos, node.impurityLeft, false, true, node.id, node.depth + 1);
    const r = addSplitNode(node.pos, node.end, node.impurityRight, false, false, node.id, node.depth + 1);
    frontier.push(l);
    frontier.push(r);
  }
  return store.finish();
}

/** Open nodes ordered by improvement, largest first. */
class MaxHeap {
  private items: OpenNode[] = [];

  get size(): number {
    return this.items.length;
  }

  push(node: OpenNode): void {
    const a = this.items;
    a.push(node);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.improvement >= a[i]!.improvement) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }

  pop(): OpenNode {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.improvement > a[m]!.improvement) m = l;
        if (r < a.length && a[r]!.improvement > a[m]!.improvement) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
