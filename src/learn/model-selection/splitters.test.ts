import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, type Fold, GroupKFold, KFold, ParamError, StratifiedKFold, TimeSeriesSplit, trainTestSplit } from '../index.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const S = loadFixture('learn_core').splits;
const plain = (folds: Fold[]) => folds.map((f) => ({ train: [...f.train], test: [...f.test].sort((a, b) => a - b) }));
const sortedRef = (folds: { train: number[]; test: number[] }[]) => folds.map((f) => ({ train: f.train, test: [...f.test].sort((a, b) => a - b) }));

test('unshuffled splitters give exactly scikit-learn 1.2 index sets', () => {
  assert.deepEqual(plain(new KFold({ nSplits: 3 }).split(10)), sortedRef(S.kfold_10_3));
  assert.deepEqual(plain(new KFold({ nSplits: 5 }).split(17)), sortedRef(S.kfold_17_5));
  assert.deepEqual(plain(new StratifiedKFold({ nSplits: 3 }).split(17, S.y)), sortedRef(S.strat_3));
  assert.deepEqual(plain(new StratifiedKFold({ nSplits: 4 }).split(17, S.y)), sortedRef(S.strat_4));
  assert.deepEqual(plain(new GroupKFold({ nSplits: 3 }).split(17, undefined, S.groups)), sortedRef(S.group_3));
  assert.deepEqual(plain(new GroupKFold({ nSplits: 4 }).split(17, undefined, S.groups)), sortedRef(S.group_4));
  assert.deepEqual(plain(new TimeSeriesSplit({ nSplits: 3 }).split(12)), sortedRef(S.ts_3));
  assert.deepEqual(plain(new TimeSeriesSplit({ nSplits: 3, gap: 1, testSize: 2 }).split(12)), sortedRef(S.ts_gap));
  assert.deepEqual(plain(new TimeSeriesSplit({ nSplits: 4, maxTrainSize: 3 }).split(12)), sortedRef(S.ts_max));
  const t = trainTestSplit(Array.from({ length: 10 }, (_, i) => [i]), undefined, { shuffle: false, testSize: 0.3 });
  assert.deepEqual([...t.trainIndex], S.tts_noshuffle[0]);
  assert.deepEqual([...t.testIndex], S.tts_noshuffle[1]);
});

function checkPartition(folds: Fold[], n: number): void {
  const seen = new Array<number>(n).fill(0);
  for (const f of folds) {
    const tr = new Set(f.train);
    for (const i of f.test) {
      assert.ok(!tr.has(i), 'train and test overlap');
      seen[i]!++;
    }
    assert.equal(f.train.length + f.test.length, n);
  }
  assert.ok(seen.every((c) => c === 1), 'every sample is tested exactly once');
}

test('shuffled splits: disjoint, complete, seeded and stratified', () => {
  const k = new KFold({ nSplits: 4, shuffle: true, seed: 7 });
  const a = k.split(23);
  checkPartition(a, 23);
  assert.deepEqual(plain(a), plain(new KFold({ nSplits: 4, shuffle: true, seed: 7 }).split(23)));
  assert.notDeepEqual(plain(a), plain(new KFold({ nSplits: 4 }).split(23)));
  assert.deepEqual(a.map((f) => f.test.length), [6, 6, 6, 5]);
  const s = new StratifiedKFold({ nSplits: 3, shuffle: true, seed: 1 }).split(17, S.y);
  checkPartition(s, 17);
  // per-fold class counts equal the unshuffled allocation
  const counts = (folds: Fold[]) => folds.map((f) => ['a', 'b', 'c'].map((c) => [...f.test].filter((i) => S.y[i] === c).length));
  assert.deepEqual(counts(s), counts(new StratifiedKFold({ nSplits: 3 }).split(17, S.y)));
  checkPartition(new GroupKFold({ nSplits: 3 }).split(17, undefined, S.groups), 17);
  for (const f of new GroupKFold({ nSplits: 3 }).split(17, undefined, S.groups)) {
    const testGroups = new Set([...f.test].map((i) => S.groups[i]));
    assert.ok([...f.train].every((i) => !testGroups.has(S.groups[i])), 'a group is split');
  }
});

test('trainTestSplit sizes match scikit-learn; stratify keeps proportions', () => {
  const cases: [number, number | undefined, number | undefined][] = [[10, 0.25, undefined], [7, undefined, 0.5], [11, 3, undefined], [20, 0.2, 0.5]];
  cases.forEach(([n, testSize, trainSize], k) => {
    const X = Array.from({ length: n }, (_, i) => [i]);
    const r = trainTestSplit(X, undefined, { testSize, trainSize, seed: 0 });
    assert.deepEqual([r.XTrain.length, r.XTest.length], S.tts_sizes[k]);
    assert.equal(new Set([...r.trainIndex, ...r.testIndex]).size, r.trainIndex.length + r.testIndex.length);
  });
  const y = Array.from({ length: 40 }, (_, i) => (i < 30 ? 'no' : 'yes'));
  const X = y.map((_, i) => [i]);
  const r = trainTestSplit(X, y, { testSize: 0.25, seed: 3, stratify: y });
  assert.equal(r.yTest.filter((v) => v === 'yes').length, 3);
  assert.equal(r.yTrain.filter((v) => v === 'yes').length, 7);
  assert.deepEqual(r.XTest.map((row) => row[0]), [...r.testIndex]);
  const again = trainTestSplit(X, y, { testSize: 0.25, seed: 3, stratify: y });
  assert.deepEqual([...again.testIndex], [...r.testIndex]);
  assert.throws(() => trainTestSplit(X, y, { stratify: ['a', ...y.slice(1)] }), /only 1 member/);
  assert.throws(() => trainTestSplit(X, y, { shuffle: false, stratify: y }), /shuffle/);
  assert.throws(() => trainTestSplit(X, y, { testSize: 1.5 }), ParamError);
  assert.throws(() => trainTestSplit(X, y.slice(1)), /40 samples but y has 39/);
});

test('splitter errors say what to change', () => {
  assert.throws(() => new KFold({ nSplits: 1 }), /nSplits to an integer >= 2/);
  assert.throws(() => new KFold({ nSplits: 5 }).split(3), (e: Error) => e instanceof DataError && /greater than the number of samples/.test(e.message));
  assert.throws(() => new StratifiedKFold({ nSplits: 8 }).split(17, S.y), /cannot be greater than the number of members in each class/);
  assert.throws(() => new StratifiedKFold().split(3, [0.5, 1.5, 2.5]), /continuous/);
  assert.throws(() => new StratifiedKFold().split(17), /needs y/);
  assert.throws(() => new GroupKFold({ nSplits: 9 }).split(17, undefined, S.groups), /number of groups \(8\)/);
  assert.throws(() => new TimeSeriesSplit({ nSplits: 5 }).split(4), /cannot have 6 folds/);
  assert.throws(() => new KFold({ seed: 1 }), /shuffle/);
});
