/**
 * The part of tree growing that finds a node's split: it draws candidate features at random
 * (without replacement, up to `maxFeatures` non-constant ones, skipping features already known
 * to be constant in the node), lets a concrete splitter evaluate each, then partitions the
 * node's samples by the best split (scikit-learn's `Splitter` and its constant-feature
 * bookkeeping).
 */
import { random } from '../../tensor/index.js';
import type { Criterion } from './criterion.js';
import type { TrainingSet } from './training-set.js';

/** Feature values closer than this count as equal (scikit-learn's FEATURE_THRESHOLD). */
export const FEATURE_THRESHOLD = 1e-7;

/** A candidate or chosen split of samples[start:end] at `pos`. */
export interface SplitRecord {
  feature: number;
  /** Samples [start, pos) go left; pos === end means "no split found". */
  pos: number;
  threshold: number;
  proxy: number;
  improvement: number;
  impurityLeft: number;
  impurityRight: number;
}

export function emptySplit(): SplitRecord {
  return { feature: -1, pos: 0, threshold: 0, proxy: -Infinity, improvement: -Infinity, impurityLeft: Infinity, impurityRight: Infinity };
}

export interface SplitterOptions {
  maxFeatures: number;
  minSamplesLeaf: number;
  minWeightLeaf: number;
}

export abstract class Splitter {
  /** Indices of the samples with non-zero weight; each node owns a contiguous range. */
  readonly samples: Int32Array;
  readonly X: Float32Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  protected readonly features: Int32Array;
  protected readonly constantFeatures: Int32Array;
  /** Scratch: the node's values of the feature being evaluated. */
  protected readonly Xf: Float32Array;
  protected readonly minSamplesLeaf: number;
  protected readonly minWeightLeaf: number;
  protected readonly maxFeatures: number;

  constructor(
    data: TrainingSet,
    readonly criterion: Criterion,
    options: SplitterOptions,
    protected readonly bits: random.BitGenerator,
  ) {
    this.X = data.X;
    this.nSamples = data.nSamples;
    this.nFeatures = data.nFeatures;
    const w = data.sampleWeight;
    let count = 0;
    let weighted = 0;
    const samples = new Int32Array(data.nSamples);
    for (let i = 0; i < data.nSamples; i++) {
      if (w === null || w[i] !== 0) samples[count++] = i;
      weighted += w === null ? 1 : w[i]!;
    }
    this.samples = count === data.nSamples ? samples : samples.slice(0, count);
    criterion.weightedNSamples = weighted;
    this.features = new Int32Array(data.nFeatures);
    for (let f = 0; f < data.nFeatures; f++) this.features[f] = f;
    this.constantFeatures = new Int32Array(data.nFeatures);
    this.Xf = new Float32Array(data.nSamples);
    this.maxFeatures = options.maxFeatures;
    this.minSamplesLeaf = options.minSamplesLeaf;
    this.minWeightLeaf = options.minWeightLeaf;
  }

  /** Starts a node over samples[start:end]; returns its weighted sample count. */
  nodeReset(start: number, end: number): number {
    this.criterion.init(this.samples, start, end);
    return this.criterion.weightedNNode;
  }

  /**
   * Evaluates `feature` for samples[start:end], updating `best` when it finds a better split.
   * Returns false when the feature is constant in the node.
   */
  protected abstract tryFeature(feature: number, start: number, end: number, best: SplitRecord): boolean;

  /**
   * Finds the best split of samples[start:end] (the range of the last `nodeReset`) into `best`
   * and partitions the samples accordingly. `nConstant` features at the front of the feature
   * list are known to be constant here; returns the count for the children.
   */
  nodeSplit(start: number, end: number, impurity: number, nConstant: number, best: SplitRecord): number {
    const { features, constantFeatures, bits } = this;
    best.feature = -1;
    best.pos = end;
    best.threshold = 0;
    best.proxy = -Infinity;
    best.improvement = -Infinity;
    best.impurityLeft = Infinity;
    best.impurityRight = Infinity;

    let nVisited = 0;
    let nFoundConstants = 0;
    let nDrawnConstants = 0;
    const nKnownConstants = nConstant;
    let nTotalConstants = nKnownConstants;
    let fi = this.nFeatures;
    while (fi > nTotalConstants && (nVisited < this.maxFeatures || nVisited <= nFoundConstants + nDrawnConstants)) {
      nVisited++;
      let fj = nDrawnConstants + random.boundedInteger(bits, fi - nFoundConstants - nDrawnConstants);
      if (fj < nKnownConstants) {
        const t = features[nDrawnConstants]!;
        features[nDrawnConstants] = features[fj]!;
        features[fj] = t;
        nDrawnConstants++;
        continue;
      }
      fj += nFoundConstants;
      const f = features[fj]!;
      if (!this.tryFeature(f, start, end, best)) {
        features[fj] = features[nTotalConstants]!;
        features[nTotalConstants] = f;
        nFoundConstants++;
        nTotalConstants++;
        continue;
      }
      fi--;
      features[fj] = features[fi]!;
      features[fi] = f;
    }

    if (best.pos < end) {
      this.partition(start, end, best.feature, best.threshold);
      const c = this.criterion;
      c.reset();
      c.update(best.pos);
      c.childrenImpurity();
      best.impurityLeft = c.impurityLeft;
      best.impurityRight = c.impurityRight;
      best.improvement = c.impurityImprovement(impurity, c.impurityLeft, c.impurityRight);
    }
    // Features found constant here stay at the front for the children.
    features.set(constantFeatures.subarray(0, nKnownConstants), 0);
    constantFeatures.set(features.subarray(nKnownConstants, nKnownConstants + nFoundConstants), nKnownConstants);
    return nTotalConstants;
  }

  /** Moves samples with X[., feature] <= threshold to the front of [start, end). */
  protected partition(start: number, end: number, feature: number, threshold: number): void {
    const { samples, X } = this;
    const off = feature * this.nSamples;
    let p = start;
    let e = end;
    while (p < e) {
      if (X[off + samples[p]!]! <= threshold) p++;
      else {
        e--;
        const t = samples[p]!;
        samples[p] = samples[e]!;
        samples[e] = t;
      }
    }
  }
}
