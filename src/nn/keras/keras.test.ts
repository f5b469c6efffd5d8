import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import {
  Tensor, Sequential, Linear, ReLU, Dropout, BatchNorm1d, Adam, DataLoader, crossEntropy, manualSeed, noGrad,
  EarlyStopping, ModelCheckpoint, ProgressBar, StepLR, type Logs, type TrainingContext,
} from '../index.js';

interface Digits { xTrain: number[]; yTrain: number[]; xTest: number[]; yTest: number[]; features: number }
const digits = loadFixture<{ digits: Digits }>('nn_mlp').digits;
const xTrain = Tensor.fromData(Float32Array.from(digits.xTrain), [digits.yTrain.length, 64]);
const yTrain = Tensor.fromData(Float32Array.from(digits.yTrain), [digits.yTrain.length]);
const xTest = Tensor.fromData(Float32Array.from(digits.xTest), [digits.yTest.length, 64]);
const yTest = Tensor.fromData(Float32Array.from(digits.yTest), [digits.yTest.length]);

function mlp(seed: number): Sequential {
  manualSeed(seed);
  return new Sequential([new Linear(64, 64), new ReLU(), new Linear(64, 10)]);
}

function accuracy(model: Sequential, x: Tensor, y: Tensor): number {
  const p = model.predict(x);
  let hits = 0;
  for (let i = 0; i < y.size; i++) {
    let best = 0;
    for (let j = 1; j < 10; j++) if (p.data[i * 10 + j]! > p.data[i * 10 + best]!) best = j;
    if (best === y.data[i]) hits++;
  }
  return hits / y.size;
}

test('an MLP trained with fit on scikit-learn digits reaches ≥ 96% test accuracy', async () => {
  const model = mlp(0);
  model.compile({ optimizer: 'adam', lr: 3e-3, loss: 'crossentropy', metrics: ['accuracy'] });
  const logged: [string, number, number | undefined][] = [];
  const run = { logParams: () => {}, logMetric: (k: string, v: number, s?: number) => { logged.push([k, v, s]); } };
  const h = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, validationSplit: 0.1, seed: 1, run });
  const acc = accuracy(model, xTest, yTest);
  assert.ok(acc >= 0.96, `test accuracy ${acc}`);
  assert.equal(h.history.loss!.length, 25);
  assert.ok(h.history.loss![24]! < h.history.loss![0]! / 5);
  assert.ok(h.history.valAccuracy![24]! > 0.9);
  assert.deepEqual(logged.filter(([k]) => k === 'loss').map(([, v]) => v), h.history.loss);
  const ev = model.evaluate(xTest, yTest);
  assert.ok(Math.abs(ev.accuracy! - acc) < 1e-12);
});

test('the Keras-style and the imperative API give the same model for the same seed', async () => {
  const keras = mlp(3);
  keras.compile({ optimizer: 'adam', lr: 1e-3, loss: 'crossentropy' });
  const h = await keras.fit(xTrain, yTrain, { epochs: 2, batchSize: 64, seed: 11 });

  const model = mlp(3);
  const opt = new Adam(model.parameters(), { lr: 1e-3 });
  const loader = new DataLoader(xTrain, yTrain, { batchSize: 64, shuffle: true, seed: 11 });
  const curve: number[] = [];
  for (let epoch = 0; epoch < 2; epoch++) {
    let total = 0;
    for (const [xb, yb] of loader) {
      opt.zeroGrad();
      const loss = crossEntropy(model.call(xb), yb!);
      loss.backward();
      opt.step();
      total += loss.item() * xb.shape[0]!;
    }
    curve.push(total / xTrain.shape[0]!);
  }
  assert.deepEqual(curve, h.history.loss);
  const a = keras.parameters();
  model.parameters().forEach((p, i) => assert.deepEqual(Array.from(p.data), Array.from(a[i]!.data)));
});

test('the same seed gives the same loss curve, with dropout and batch norm too', async () => {
  const train = async (): Promise<number[]> => {
    manualSeed(5);
    const model = new Sequential([new Linear(64, 32), new BatchNorm1d(32), new ReLU(), new Dropout(0.2), new Linear(32, 10)]);
    model.compile({ optimizer: 'sgd', lr: 0.05, loss: 'crossentropy', scheduler: (o) => new StepLR(o, 1, 0.5) });
    return (await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 128 })).history.loss!;
  };
  const a = await train();
  assert.deepEqual(await train(), a);
  assert.ok(a[2]! < a[0]!);
});

test('save and load round-trip the model exactly through one JSON string', async () => {
  const model = new Sequential([new Linear(64, 16, { seed: 1 }), new BatchNorm1d(16), new ReLU(), new Dropout(0.1), new Linear(16, 10, { seed: 2 })]);
  model.compile({ loss: 'crossentropy' });
  await model.fit(xTrain, yTrain, { epochs: 1, batchSize: 128, seed: 0 });
  const text = model.save();
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'strata-nn-sequential');
  assert.equal(typeof doc.weights['0.weight'].data, 'string');
  const back = Sequential.load(text);
  assert.deepEqual(Array.from(back.predict(xTest).data), Array.from(model.predict(xTest).data));
  assert.equal(back.save(), text);
  assert.throws(() => Sequential.load('{"format":"other"}'), /expected JSON with format 'strata-nn-sequential'/);
  assert.throws(() => Sequential.load({ ...doc, layers: [{ type: 'Nope', config: {} }] }), /Unknown layer type 'Nope'\. Known layer types: .*Linear/);
});

test('EarlyStopping stops after `patience` epochs without improvement and restores the best weights', () => {
  const weights = new Tensor(Float32Array.of(0), [1]);
  const model = {
    stateDict: () => ({ w: weights.detach() }),
    loadStateDict: (s: Record<string, Tensor>) => weights.data.set(s.w!.data),
    save: () => '',
  };
  const ctx: TrainingContext = { model, epochs: 10, batchesPerEpoch: 1, stopTraining: false };
  const es = new EarlyStopping({ monitor: 'valLoss', patience: 2, restoreBestWeights: true });
  es.onTrainBegin();
  const vals = [1, 0.5, 0.6, 0.55, 0.4];
  for (let e = 0; e < vals.length && !ctx.stopTraining; e++) {
    weights.data[0] = e;
    es.onEpochEnd(e, { valLoss: vals[e]! }, ctx);
  }
  assert.equal(ctx.stopTraining, true);
  assert.equal(es.stoppedEpoch, 3);
  assert.equal(es.bestEpoch, 1);
  es.onTrainEnd({}, ctx);
  assert.equal(weights.data[0], 1);
  assert.throws(() => new EarlyStopping().onEpochEnd(0, { loss: 1 }, ctx), /metric 'valLoss' is not in the epoch logs \(have loss\)/);
});

test('fit stops early on a plateau, and ModelCheckpoint saves improving epochs to a function and a file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-nn-'));
  try {
    const model = mlp(2);
    model.compile({ optimizer: 'adam', lr: 0.05, loss: 'crossentropy' });
    const saved: number[] = [];
    const path = join(dir, 'best.json');
    const ckpt = new ModelCheckpoint({ save: (_c, epoch) => { saved.push(epoch); }, path, saveBestOnly: true, monitor: 'valLoss' });
    const every = new ModelCheckpoint({ save: () => {} });
    const es = new EarlyStopping({ patience: 1, minDelta: 10 });
    const h = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, validationSplit: 0.2, callbacks: [es, ckpt, every], seed: 0 });
    assert.equal(h.epochs, 2);
    assert.equal(es.stoppedEpoch, 1);
    assert.ok(saved.includes(0));
    assert.deepEqual(ckpt.savedEpochs, saved);
    assert.deepEqual(every.savedEpochs, [0, 1]);
    const onDisk = Sequential.load(readFileSync(path, 'utf8'));
    assert.equal(onDisk.layers.length, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the progress bar draws only on a TTY', async () => {
  const writes: string[] = [];
  const tty = { isTTY: true, write: (s: string) => writes.push(s) };
  const pipe = { isTTY: false, write: (s: string) => writes.push(`pipe:${s}`) };
  const model = mlp(1);
  model.compile({ loss: 'crossentropy' });
  await model.fit(narrowRows(xTrain, 256), narrowRows(yTrain, 256), { epochs: 2, batchSize: 128, callbacks: [new ProgressBar(tty), new ProgressBar(pipe)] });
  assert.ok(writes.length >= 6);
  assert.ok(writes.every((w) => !w.startsWith('pipe:')));
  assert.match(writes[0]!, /epoch 1\/2 \[.*\] 1\/2 loss \d/);
  assert.match(writes.at(-1)!, /epoch 2\/2 loss \d.*\n$/);
  assert.equal(new ProgressBar(pipe).active, false);
});

test('fit, evaluate and predict reject bad input clearly', async () => {
  const model = mlp(1);
  assert.throws(() => model.evaluate(xTest, yTest), /call compile\(\{ optimizer, loss \}\) first/);
  model.compile({ loss: 'crossentropy' });
  await assert.rejects(model.fit(xTrain, narrowRows(yTrain, 10)), /x has 1347 samples \(1347, 64\) but y has 10/);
  await assert.rejects(model.fit(xTrain, yTrain, { validationSplit: 1.5 }), /validationSplit must be in \(0, 1\)/);
  assert.throws(() => model.predict(narrowRows(xTest, 3).reshape([3, 8, 8])), /Linear\(64→64\): expected input of shape \(…, 64\) but got \(3, 8, 8\)/);
  assert.throws(() => model.compile({ loss: 'hinge' as never }), /unknown loss 'hinge'/);
  const logs: Logs = noGrad(() => model.evaluate([[...new Array(64).fill(0)]], [3]));
  assert.ok(logs.loss! > 0);
});

function narrowRows(t: Tensor, n: number): Tensor {
  const row = t.size / t.shape[0]!;
  return Tensor.fromData(t.data.slice(0, n * row), [n, ...t.shape.slice(1)]);
}

test('regression with mse and a binary task with bce train through fit', async () => {
  manualSeed(0);
  const n = 256;
  const xs = new Float32Array(n * 2);
  const ys = new Float32Array(n);
  const yb = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = (i % 16) / 8 - 1;
    const b = Math.floor(i / 16) / 8 - 1;
    xs[2 * i] = a;
    xs[2 * i + 1] = b;
    ys[i] = 2 * a - b + 0.5;
    yb[i] = a * a + b * b < 0.5 ? 1 : 0;
  }
  const X = Tensor.fromData(xs, [n, 2]);
  const reg = new Sequential([new Linear(2, 1)]);
  reg.compile({ optimizer: 'sgd', lr: 0.1, loss: 'mse', metrics: ['mae'] });
  const h = await reg.fit(X, Tensor.fromData(ys, [n]), { epochs: 30, batchSize: 32, seed: 0 });
  assert.ok(h.history.loss!.at(-1)! < 1e-3, `mse ${h.history.loss!.at(-1)}`);
  const w = reg.parameters()[0]!.data;
  assert.ok(Math.abs(w[0]! - 2) < 0.05 && Math.abs(w[1]! + 1) < 0.05, `weights ${Array.from(w)}`);
  const clf = new Sequential([new Linear(2, 16), new ReLU(), new Linear(16, 1)]);
  clf.compile({ optimizer: 'adam', lr: 0.02, loss: 'bce', metrics: ['accuracy'] });
  const hb = await clf.fit(X, Tensor.fromData(yb, [n]), { epochs: 60, batchSize: 32, seed: 0 });
  assert.ok(hb.history.accuracy!.at(-1)! > 0.93, `accuracy ${hb.history.accuracy!.at(-1)}`);
});
