/** trainTestSplit: one random (optionally stratified) train/test split. */
import { NdArray, random } from '../../tensor/index.js';
import { DataError, ParamError } from '../base/errors.js';
import { type Label, type LabelInput, encodeLabels, toLabels } from '../base/input.js';
import { type Table, type TableInput, numSamples, takeRows } from '../compose/table.js';

type Generator = ReturnType<typeof random.defaultRng>;

export interface TrainTestSplitOptions {
  /** Fraction (0, 1) or count of test samples (default 0.25, or the complement of trainSize). */
  testSize?: number;
  /** Fraction (0, 1) or count of training samples (default: the rest). */
  trainSize?: number;
  /** Shuffle before splitting (default true); false takes the first rows for training. */
  shuffle?: boolean;
  seed?: number;
  /** Labels to stratify by (usually y): both sets keep their class proportions. */
  stratify?: LabelInput;
}

/** The subset type: NdArray stays NdArray, arrays stay arrays, frames become Tables. */
export type Subset<T> = T extends NdArray ? NdArray : T extends readonly (infer R)[] ? R[] : Table;

export interface TrainTestSplit<T> {
  XTrain: Subset<T>;
  XTest: Subset<T>;
  yTrain: Label[];
  yTest: Label[];
  trainIndex: Int32Array;
  testIndex: Int32Array;
}

/** scikit-learn's _validate_shuffle_split: sizes from fractions or counts. */
export function splitSizes(n: number, testSize: number | undefined, trainSize: number | undefined): { nTrain: number; nTest: number } {
  if (testSize === undefined && trainSize === undefined) testSize = 0.25;
  const check = (v: number | undefined, name: string): void => {
    if (v === undefined) return;
    const bad = Number.isInteger(v) ? v <= 0 || v >= n : !(v > 0 && v < 1);
    if (bad) throw new ParamError(`${name}=${v} should be a fraction in (0, 1) or a count in [1, ${n - 1}] for ${n} samples.`);
  };
  check(testSize, 'testSize');
  check(trainSize, 'trainSize');
  const frac = (v: number | undefined): boolean => v !== undefined && !Number.isInteger(v);
  let nTest = testSize === undefined ? undefined : frac(testSize) ? Math.ceil(testSize * n) : testSize;
  let nTrain = trainSize === undefined ? undefined : frac(trainSize) ? Math.floor(trainSize * n) : trainSize;
  if (nTrain === undefined) nTrain = n - nTest!;
  if (nTest === undefined) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new ParamError(`trainSize + testSize (${nTrain} + ${nTest} samples) exceeds the ${n} samples; reduce one of them.`);
  }
  if (nTrain === 0) throw new ParamError(`With ${n} samples and testSize=${testSize}, the training set would be empty; lower testSize.`);
  return { nTrain, nTest };
}

/** scikit-learn's _approximate_mode: per-class draws closest to proportional, ties broken at random. */
export function approximateMode(counts: ArrayLike<number>, draws: number, rng: Generator): number[] {
  const total = Array.from(counts).reduce((a, b) => a + b, 0);
  const continuous = Array.from(counts, (c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let need = draws - floored.reduce((a, b) => a + b, 0);
  if (need > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]!);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const addNow = Math.min(inds.length, need);
      const chosen = rng.permutation(inds).slice(0, addNow);
      for (const i of chosen) floored[i]!++;
      need -= addNow;
      if (need === 0) break;
    }
  }
  return floored;
}

/** Stratified train/test indices (scikit-learn's StratifiedShuffleSplit, one split). */
export function stratifiedIndices(labels: readonly Label[], nTrain: number, nTest: number, rng: Generator): { train: number[]; test: number[] } {
  const { classes, codes } = encodeLabels(labels);
  const counts = new Array<number>(classes.length).fill(0);
  for (const c of codes) counts[c]!++;
  const least = Math.min(...counts);
  if (least < 2) {
    throw new DataError(`The least populated class in stratify (${JSON.stringify(classes[counts.indexOf(least)])}) has only 1 member; each class needs at least 2 to stratify.`);
  }
  if (nTrain < classes.length) throw new DataError(`The training set (${nTrain} samples) is smaller than the number of classes (${classes.length}); raise trainSize.`);
  if (nTest < classes.length) throw new DataError(`The test set (${nTest} samples) is smaller than the number of classes (${classes.length}); raise testSize.`);
  const byClass: number[][] = classes.map(() => []);
  codes.forEach((c, i) => byClass[c]!.push(i));
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(counts.map((c, i) => c - nI[i]!), nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  byClass.forEach((rows, c) => {
    const perm = rng.permutation(rows);
    train.push(...perm.slice(0, nI[c]));
    test.push(...perm.slice(nI[c], nI[c]! + tI[c]!));
  });
  return { train: rng.permutation(train), test: rng.permutation(test) };
}

/**
 * Splits X (and y) into random train and test subsets (scikit-learn's train_test_split).
 * Shuffles with the seeded generator; `stratify` keeps class proportions in both parts.
 *
 * @example
 * const { XTrain, XTest, yTrain, yTest } = trainTestSplit(X, y, { testSize: 0.2, seed: 0, stratify: y });
 */
export function trainTestSplit<T extends TableInput>(X: T, y?: LabelInput, options: TrainTestSplitOptions = {}): TrainTestSplit<T> {
  const n = numSamples(X);
  const labels = y === undefined ? undefined : toLabels(y, n, 'trainTestSplit');
  const { nTrain, nTest } = splitSizes(n, options.testSize, options.trainSize);
  const shuffle = options.shuffle ?? true;
  let train: ArrayLike<number>;
  let test: ArrayLike<number>;
  if (!shuffle) {
    if (options.stratify !== undefined) {
      throw new ParamError('trainTestSplit: stratified splitting needs shuffle: true; drop stratify or enable shuffle.');
    }
    train = Int32Array.from({ length: nTrain }, (_, i) => i);
    test = Int32Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else {
    const rng = random.defaultRng(options.seed);
    if (options.stratify !== undefined) {
      const s = stratifiedIndices(toLabels(options.stratify, n, 'trainTestSplit (stratify)'), nTrain, nTest, rng);
      train = Int32Array.from(s.train);
      test = Int32Array.from(s.test);
    } else {
      const perm = rng.permutation(n).toTypedArray();
      test = perm.slice(0, nTest);
      train = perm.slice(nTest, nTest + nTrain);
    }
  }
  return {
    XTrain: takeRows(X, train) as Subset<T>,
    XTest: takeRows(X, test) as Subset<T>,
    yTrain: labels ? Array.from(train, (i) => labels[i]!) : [],
    yTest: labels ? Array.from(test, (i) => labels[i]!) : [],
    trainIndex: Int32Array.from(train),
    testIndex: Int32Array.from(test),
  };
}
