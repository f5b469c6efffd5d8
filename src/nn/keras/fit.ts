/**
 * The Keras-style training loop over any module and a compiled config: epochs of shuffled
 * mini-batches (DataLoader), optional validation split (the last fraction of the samples, as in
 * Keras), callbacks, a scheduler, and loss curves logged to a TrainingRun.
 */
import { ShapeError, formatShape } from '../../tensor/index.js';
import type { TrainingRun } from '../../learn/index.js';
import type { AnyModule } from '../module.js';
import { Tensor, noGrad } from '../tensor.js';
import { DataLoader, gatherRows } from '../data/data-loader.js';
import type { Rng } from '../random.js';
import { narrow } from '../ops/shape.js';
import { type Compiled, metricSum } from './compile.js';
import type { Callback, CallbackModel, Logs, TrainingContext } from './callbacks.js';
import { ProgressBar } from './progress-bar.js';

/** Options of `fit`. */
export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  /** Fraction of the samples (the last ones) held out for validation metrics. */
  validationSplit?: number;
  /** Explicit validation data (takes precedence over validationSplit). */
  validationData?: [Tensor, Tensor];
  /** Shuffle the training samples each epoch (default true). */
  shuffle?: boolean;
  /** Seed or generator for shuffling (default: the nn default generator). */
  seed?: number | Rng;
  callbacks?: Callback[];
  /** Draw a progress bar (only on a terminal; default true, as Keras' verbose=1). */
  verbose?: boolean;
  /** Where to log params and the loss curves (one point per epoch). */
  run?: TrainingRun;
}

/** Per-epoch metric curves (`history.loss[e]`, `history.valLoss[e]`, …). */
export interface History {
  history: Record<string, number[]>;
  epochs: number;
}

type FittableModel = AnyModule & CallbackModel;

/** Loss and metrics of `model` on (x, y), in eval mode without a graph. */
export function evaluateModel(model: AnyModule, compiled: Compiled, x: Tensor, y: Tensor, batchSize = 256): Logs {
  const wasTraining = model.training;
  model.eval();
  const n = x.shape[0]!;
  const sums: Record<string, number> = { loss: 0 };
  for (const m of compiled.metrics) sums[m] = 0;
  noGrad(() => {
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(n, start + batchSize);
      const xb = narrow(x, 0, start, end);
      const yb = narrow(y, 0, start, end);
      const pred = model.call(xb) as Tensor;
      sums.loss! += compiled.loss(pred, yb).item() * (end - start);
      for (const m of compiled.metrics) sums[m]! += metricSum(m, pred, yb);
    }
  });
  model.train(wasTraining);
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / n]));
}

/** Predictions of `model` for x in batches, in eval mode without a graph. */
export function predictModel(model: AnyModule, x: Tensor, batchSize = 256): Tensor {
  const wasTraining = model.training;
  model.eval();
  const parts: Tensor[] = [];
  noGrad(() => {
    const n = x.shape[0]!;
    for (let start = 0; start < n; start += batchSize) parts.push(model.call(narrow(x, 0, start, Math.min(n, start + batchSize))) as Tensor);
  });
  model.train(wasTraining);
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const row = first.size / first.shape[0]!;
  const total = parts.reduce((s, p) => s + p.shape[0]!, 0);
  const out = first.dtype === 'float64' ? new Float64Array(total * row) : new Float32Array(total * row);
  let at = 0;
  for (const p of parts) {
    out.set(p.data, at);
    at += p.size;
  }
  return Tensor.fromData(out, [total, ...first.shape.slice(1)]);
}

function splitValidation(x: Tensor, y: Tensor, fraction: number): [Tensor, Tensor, Tensor, Tensor] {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`fit: validationSplit must be in (0, 1) (got ${fraction}).`);
  const n = x.shape[0]!;
  const nVal = Math.floor(n * fraction);
  if (nVal === 0 || nVal === n) throw new RangeError(`fit: validationSplit ${fraction} of ${n} samples leaves no training or no validation samples.`);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  const nTrain = n - nVal;
  return [gatherRows(x, idx, 0, nTrain), gatherRows(y, idx, 0, nTrain), gatherRows(x, idx, nTrain, n), gatherRows(y, idx, nTrain, n)];
}

/** Trains `model` with `compiled` on (x, y); see `Sequential.fit`. */
export async function fitModel(model: FittableModel, compiled: Compiled, x: Tensor, y: Tensor, options: FitOptions = {}): Promise<History> {
  if (x.shape[0] !== y.shape[0]) {
    throw new ShapeError(`fit: x has ${x.shape[0]} samples ${formatShape(x.shape)} but y has ${y.shape[0]} ${formatShape(y.shape)}.`);
  }
  const epochs = options.epochs ?? 1;
  const batchSize = options.batchSize ?? 32;
  let xTrain = x;
  let yTrain = y;
  let validation: [Tensor, Tensor] | null = options.validationData ?? null;
  if (validation === null && options.validationSplit !== undefined && options.validationSplit > 0) {
    const [xt, yt, xv, yv] = splitValidation(x, y, options.validationSplit);
    xTrain = xt;
    yTrain = yt;
    validation = [xv, yv];
  }
  const loader = new DataLoader(xTrain, yTrain, { batchSize, shuffle: options.shuffle ?? true, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const callbacks = [...(options.callbacks ?? [])];
  if ((options.verbose ?? true) && !callbacks.some((c) => c instanceof ProgressBar)) {
    const bar = new ProgressBar();
    if (bar.active) callbacks.push(bar);
  }
  const ctx: TrainingContext = { model, epochs, batchesPerEpoch: loader.batches, stopTraining: false };
  const history: Record<string, number[]> = {};
  const { optimizer, loss: lossFn, metrics } = compiled;
  options.run?.logParams({ epochs, batchSize, optimizer: optimizer.constructor.name, lr: optimizer.lr, loss: compiled.lossName, parameters: model.numParameters() });
  for (const cb of callbacks) await cb.onTrainBegin?.(ctx);
  let logs: Logs = {};
  let epochsRun = 0;
  for (let epoch = 0; epoch < epochs && !ctx.stopTraining; epoch++) {
    for (const cb of callbacks) await cb.onEpochBegin?.(epoch, ctx);
    model.train();
    const sums: Record<string, number> = { loss: 0 };
    for (const m of metrics) sums[m] = 0;
    let seen = 0;
    let batch = 0;
    for (const [xb, yb] of loader) {
      optimizer.zeroGrad();
      const pred = model.call(xb) as Tensor;
      const loss = lossFn(pred, yb!);
      loss.backward();
      optimizer.step();
      const rows = xb.shape[0]!;
      const value = loss.item();
      if (!Number.isFinite(value)) throw new RangeError(`fit: the loss became ${value} at epoch ${epoch + 1}, batch ${batch + 1}; lower the learning rate or check the inputs for NaN/Inf.`);
      sums.loss! += value * rows;
      for (const m of metrics) sums[m]! += metricSum(m, pred, yb!);
      seen += rows;
      for (const cb of callbacks) await cb.onBatchEnd?.(batch, { loss: sums.loss! / seen }, ctx);
      batch++;
    }
    logs = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / seen]));
    if (validation !== null) {
      const v = evaluateModel(model, compiled, validation[0], validation[1], Math.max(batchSize, 256));
      for (const [k, val] of Object.entries(v)) logs[`val${k[0]!.toUpperCase()}${k.slice(1)}`] = val;
    }
    for (const [k, v] of Object.entries(logs)) {
      (history[k] ??= []).push(v);
      options.run?.logMetric(k, v, epoch);
    }
    compiled.scheduler?.step(logs.valLoss ?? logs.loss);
    epochsRun++;
    for (const cb of callbacks) await cb.onEpochEnd?.(epoch, logs, ctx);
  }
  for (const cb of callbacks) await cb.onTrainEnd?.(logs, ctx);
  return { history, epochs: epochsRun };
}
