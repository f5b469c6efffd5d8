/**
 * Decision trees, random/extra forests and histogram gradient boosting as one ai.onnx.ml
 * TreeEnsemble node (ml opset 5) on float64 input with float64 splits and leaf weights.
 *
 * Thresholds: the native CART trees compare the float32-rounded feature with a float64
 * threshold (`fround(x) <= t`), so the graph rounds X to float32 (Cast to float and back) and
 * keeps t exactly — the same decisions on every value, including values on a threshold. (The
 * float32-only TreeEnsembleClassifier/Regressor would instead need the largest float32 ≤ t,
 * skl2onnx's rule.) Gradient boosting compares the float64 value (`x < t`, NaN to the
 * default side), which the double splits reproduce exactly.
 *
 * TreeEnsemble leaves carry one target each, so a tree whose leaves hold a value per class is
 * written once per class; the graph adds base margins and applies the link (sigmoid/softmax).
 */
import type { BoostedForest, Estimator, Label } from '../../../learn/index.js';
import { type Attr, type GraphBuilder, ML, makeTensor } from '../graph.js';
import { type Block, type ModelOutputs, type OutputSink, asMatrix, checkWidth, labelFromScores, stateOf } from './blocks.js';
import { binaryLabel } from './linear.js';

type AnyEstimator = Estimator<any, any>;

const MODE_LEQ = 0;
const MODE_LT = 1;
const MODE_MEMBER = 6;

/** One tree as TreeEnsemble sees it: a node tells its split, a leaf its weight for `target`. */
interface TreeView {
  root: number;
  isLeaf(n: number): boolean;
  feature(n: number): number;
  /** Split value; ignored for membership nodes. */
  threshold(n: number): number;
  /** The child reached when the comparison holds, and the other one. */
  whenTrue(n: number): number;
  whenFalse(n: number): number;
  mode(n: number): number;
  /** Members of the set for a membership node (mode 6). */
  members?(n: number): number[];
  missingTracksTrue(n: number): boolean;
  leafWeight(n: number): number;
  target: number;
}

/** The TreeEnsemble attributes, accumulated tree by tree. */
class EnsembleWriter {
  readonly roots: number[] = [];
  readonly featureIds: number[] = [];
  readonly splits: number[] = [];
  readonly modes: number[] = [];
  readonly trueIds: number[] = [];
  readonly trueLeafs: number[] = [];
  readonly falseIds: number[] = [];
  readonly falseLeafs: number[] = [];
  readonly missingTrue: number[] = [];
  readonly members: number[] = [];
  readonly leafTargets: number[] = [];
  readonly leafWeights: number[] = [];

  add(t: TreeView): void {
    if (t.isLeaf(t.root)) {
      // A single-leaf tree: a split whose both sides reach the leaf.
      const leaf = this.#leaf(t, t.root);
      const id = this.#node(0, 0, MODE_LEQ, 0);
      this.roots.push(id);
      this.#link(id, leaf, true, leaf, true);
      return;
    }
    const ids = new Map<number, number>();
    const order: number[] = [t.root];
    for (let head = 0; head < order.length; head++) {
      const n = order[head]!;
      const mode = t.mode(n);
      if (mode === MODE_MEMBER) {
        this.members.push(...t.members!(n), NaN);
      }
      ids.set(n, this.#node(t.feature(n), mode === MODE_MEMBER ? NaN : t.threshold(n), mode, t.missingTracksTrue(n) ? 1 : 0));
      for (const child of [t.whenTrue(n), t.whenFalse(n)]) if (!t.isLeaf(child)) order.push(child);
    }
    this.roots.push(ids.get(t.root)!);
    for (const n of order) {
      const a = t.whenTrue(n);
      const b = t.whenFalse(n);
      const aLeaf = t.isLeaf(a);
      const bLeaf = t.isLeaf(b);
      this.#link(ids.get(n)!, aLeaf ? this.#leaf(t, a) : ids.get(a)!, aLeaf, bLeaf ? this.#leaf(t, b) : ids.get(b)!, bLeaf);
    }
  }

  #node(feature: number, split: number, mode: number, missingTrue: number): number {
    this.featureIds.push(feature);
    this.splits.push(split);
    this.modes.push(mode);
    this.missingTrue.push(missingTrue);
    this.trueIds.push(-1);
    this.trueLeafs.push(0);
    this.falseIds.push(-1);
    this.falseLeafs.push(0);
    return this.featureIds.length - 1;
  }

  #link(id: number, t: number, tLeaf: boolean, f: number, fLeaf: boolean): void {
    this.trueIds[id] = t;
    this.trueLeafs[id] = tLeaf ? 1 : 0;
    this.falseIds[id] = f;
    this.falseLeafs[id] = fLeaf ? 1 : 0;
  }

  #leaf(t: TreeView, n: number): number {
    this.leafTargets.push(t.target);
    this.leafWeights.push(t.leafWeight(n));
    return this.leafTargets.length - 1;
  }

  /** The TreeEnsemble node on float64 matrix X; returns its [N, targets] output. */
  emit(g: GraphBuilder, X: string, targets: number): string {
    const attrs: Record<string, Attr> = {
      n_targets: { int: targets },
      aggregate_function: { int: 1 },
      post_transform: { int: 0 },
      tree_roots: { ints: this.roots },
      nodes_featureids: { ints: this.featureIds },
      nodes_splits: { tensor: makeTensor('float64', [this.splits.length], this.splits) },
      nodes_modes: { tensor: makeTensor('uint8', [this.modes.length], this.modes) },
      nodes_truenodeids: { ints: this.trueIds },
      nodes_trueleafs: { ints: this.trueLeafs },
      nodes_falsenodeids: { ints: this.falseIds },
      nodes_falseleafs: { ints: this.falseLeafs },
      nodes_missing_value_tracks_true: { ints: this.missingTrue },
      leaf_targetids: { ints: this.leafTargets },
      leaf_weights: { tensor: makeTensor('float64', [this.leafWeights.length], this.leafWeights) },
    };
    if (this.members.length > 0) attrs.membership_values = { tensor: makeTensor('float64', [this.members.length], this.members) };
    return g.op('TreeEnsemble', [X], attrs, ML);
  }
}

interface FlatTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  valueStride: number;
}

/** A CART tree (decision tree, forest member): `fround(x) <= t` goes left. */
function cartView(tree: FlatTree, target: number, weight: (n: number) => number): TreeView {
  return {
    root: 0,
    isLeaf: (n) => tree.left[n] === -1,
    feature: (n) => tree.feature[n]!,
    threshold: (n) => tree.threshold[n]!,
    whenTrue: (n) => tree.left[n]!,
    whenFalse: (n) => tree.right[n]!,
    mode: () => MODE_LEQ,
    missingTracksTrue: () => false,
    leafWeight: weight,
    target,
  };
}

/** X rounded to float32 and back, as the CART trees see their input. */
function asFloat32Values(g: GraphBuilder, X: string): string {
  return g.op('Cast', [g.op('Cast', [X], { to: { int: 1 } })], { to: { int: 11 } });
}

/** Decision trees and forests (the mean over trees), classifiers and regressors. */
export function cartEnsemble(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  const who = est.constructor.name;
  checkWidth(s.nFeatures, X, who);
  const trees: FlatTree[] = s.trees ?? [s.tree];
  const scale = 1 / trees.length;
  const writer = new EnsembleWriter();
  const classes = s.classes as Label[] | undefined;
  if (classes) {
    const K = classes.length;
    for (const tree of trees) {
      for (let c = 0; c < K; c++) {
        writer.add(cartView(tree, c, (n) => {
          let total = 0;
          for (let j = 0; j < K; j++) total += tree.value[n * K + j]!;
          return (tree.value[n * K + c]! / (total === 0 ? 1 : total)) * (trees.length === 1 ? 1 : scale);
        }));
      }
    }
  } else {
    for (const tree of trees) writer.add(cartView(tree, 0, (n) => tree.value[n]! * (trees.length === 1 ? 1 : scale)));
  }
  const out = writer.emit(g, asFloat32Values(g, asMatrix(g, X, who)), classes ? classes.length : 1);
  if (!classes) {
    sink(out, 'prediction', 'float64', ['N', 1]);
    return { task: 'regression' };
  }
  const label = labelFromScores(g, out, classes, who);
  sink(label.value, 'label', label.type, ['N']);
  sink(out, 'probabilities', 'float64', ['N', classes.length]);
  return { task: 'classification', classes };
}

/** One boosted tree: `x < t` (or x in the category set) goes left; NaN follows defaultLeft. */
function boostedView(f: BoostedForest, categories: Float64Array[], t: number): TreeView {
  const isCat = (n: number): boolean => f.catOffset[n]! >= 0;
  // For a categorical node whose default (unseen categories) is left, test membership of the
  // right-hand set instead, so that "not a member" reaches the default side.
  const flip = (n: number): boolean => isCat(n) && f.defaultLeft[n] === 1;
  const leftSet = (n: number): number[] => {
    const cats = categories[f.feature[n]!]!;
    const out: number[] = [];
    for (let b = 0; b < cats.length; b++) if ((f.catBits[f.catOffset[n]! + (b >>> 5)]! >>> (b & 31)) & 1) out.push(cats[b]!);
    return out;
  };
  return {
    root: f.roots[t]!,
    isLeaf: (n) => f.feature[n]! < 0,
    feature: (n) => f.feature[n]!,
    threshold: (n) => f.threshold[n]!,
    whenTrue: (n) => (flip(n) ? f.right[n]! : f.left[n]!),
    whenFalse: (n) => (flip(n) ? f.left[n]! : f.right[n]!),
    mode: (n) => (isCat(n) ? MODE_MEMBER : MODE_LT),
    members: (n) => {
      const left = leftSet(n);
      if (!flip(n)) return left;
      const inLeft = new Set(left);
      return Array.from(categories[f.feature[n]!]!).filter((c) => !inLeft.has(c));
    },
    missingTracksTrue: (n) => (isCat(n) ? false : f.defaultLeft[n] === 1),
    leafWeight: (n) => f.value[n]!,
    target: t % f.outputs,
  };
}

/** Margins [N, outputs] of a histogram gradient boosting model: base margin + Σ trees. */
function boostedMargins(g: GraphBuilder, est: AnyEstimator, X: Block): { margins: string; s: Record<string, any> } {
  const s = stateOf(est);
  const who = est.constructor.name;
  checkWidth(s.nFeatures, X, who);
  const f = s.forest as BoostedForest;
  const writer = new EnsembleWriter();
  for (let t = 0; t < f.roots.length; t++) writer.add(boostedView(f, s.categories, t));
  const M = asMatrix(g, X, who);
  if (f.roots.length === 0) {
    const zeros = g.op('Mul', [g.op('ReduceSum', [M, g.int64s('axis1', [1])], { keepdims: { int: 1 } }), g.doubles('zero', [], [0])]);
    return { margins: g.op('Add', [zeros, g.doubles('base_margin', [1, f.outputs], s.baseMargin)]), s };
  }
  const sums = writer.emit(g, M, f.outputs);
  return { margins: g.op('Add', [sums, g.doubles('base_margin', [1, f.outputs], s.baseMargin)]), s };
}

export function gradientBoostingRegressor(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const { margins, s } = boostedMargins(g, est, X);
  const y = s.loss === 'poisson' ? g.op('Exp', [margins]) : margins;
  sink(y, 'prediction', 'float64', ['N', 1]);
  return { task: 'regression' };
}

export function gradientBoostingClassifier(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const { margins, s } = boostedMargins(g, est, X);
  const classes = s.classes as Label[];
  const who = est.constructor.name;
  if (s.forest.outputs === 1) {
    const label = binaryLabel(g, margins, classes, who);
    sink(label.value, 'label', label.type, ['N']);
    const p1 = g.op('Sigmoid', [margins]);
    sink(g.op('Concat', [g.op('Sub', [g.doubles('one', [], [1]), p1]), p1], { axis: { int: 1 } }), 'probabilities', 'float64', ['N', 2]);
  } else {
    const label = labelFromScores(g, margins, classes, who);
    sink(label.value, 'label', label.type, ['N']);
    sink(g.op('Softmax', [margins], { axis: { int: 1 } }), 'probabilities', 'float64', ['N', classes.length]);
  }
  return { task: 'classification', classes };
}
