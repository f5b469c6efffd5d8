/**
 * What `Sequential.compile` accepts, resolved to functions: optimizers and losses by Keras-like
 * name or given directly, and metrics by name.
 */
import type { Parameter } from '../module.js';
import { Tensor } from '../tensor.js';
import type { Optimizer } from '../optim/optimizer.js';
import { SGD } from '../optim/sgd.js';
import { Adam, AdamW } from '../optim/adam.js';
import { RMSprop } from '../optim/rmsprop.js';
import type { LRScheduler } from '../optim/schedulers.js';
import { huberLoss, l1Loss, mseLoss } from '../losses/regression.js';
import { bceWithLogits, crossEntropy } from '../losses/classification.js';

export type OptimizerName = 'sgd' | 'adam' | 'adamw' | 'rmsprop';
/** Built-in losses: 'crossentropy' takes logits and class indices, 'bce' logits and 0/1 targets. */
export type LossName = 'mse' | 'l1' | 'huber' | 'crossentropy' | 'bce';
export type MetricName = 'accuracy' | 'mae' | 'mse';
/** A loss: predictions and targets → a scalar tensor. */
export type LossFn = (pred: Tensor, target: Tensor) => Tensor;

/** The training configuration of a Sequential model. */
export interface CompileConfig {
  optimizer?: OptimizerName | ((params: Parameter[]) => Optimizer);
  /** Learning rate for a named optimizer (its default otherwise). */
  lr?: number;
  loss: LossName | LossFn;
  metrics?: MetricName[];
  /** Stepped after each epoch (with the validation loss, or the loss, as its metric). */
  scheduler?: (optimizer: Optimizer) => LRScheduler;
}

/** A compile config with its parts built. */
export interface Compiled {
  optimizer: Optimizer;
  loss: LossFn;
  lossName: string;
  metrics: MetricName[];
  scheduler: LRScheduler | null;
}

function targetsLike(pred: Tensor, target: Tensor): Tensor {
  return target.size === pred.size && target.ndim !== pred.ndim ? Tensor.fromData(target.data, pred.shape) : target;
}

const LOSSES: Record<LossName, LossFn> = {
  mse: (p, t) => mseLoss(p, targetsLike(p, t)),
  l1: (p, t) => l1Loss(p, targetsLike(p, t)),
  huber: (p, t) => huberLoss(p, targetsLike(p, t)),
  crossentropy: (p, t) => crossEntropy(p, t),
  bce: (p, t) => bceWithLogits(p, targetsLike(p, t)),
};

/** Builds the optimizer, loss and scheduler of `config` for `params`. */
export function compileConfig(config: CompileConfig, params: Parameter[]): Compiled {
  const opt = config.optimizer ?? 'adam';
  let optimizer: Optimizer;
  if (typeof opt === 'function') optimizer = opt(params);
  else {
    const lr = config.lr === undefined ? {} : { lr: config.lr };
    switch (opt) {
      case 'sgd': optimizer = new SGD(params, lr); break;
      case 'adam': optimizer = new Adam(params, lr); break;
      case 'adamw': optimizer = new AdamW(params, lr); break;
      case 'rmsprop': optimizer = new RMSprop(params, lr); break;
      default: throw new RangeError(`compile: unknown optimizer '${String(opt)}'; use sgd, adam, adamw, rmsprop or a function (params) => Optimizer.`);
    }
  }
  let loss: LossFn;
  let lossName: string;
  if (typeof config.loss === 'function') {
    loss = config.loss;
    lossName = config.loss.name || 'custom';
  } else {
    const fn = LOSSES[config.loss];
    if (fn === undefined) throw new RangeError(`compile: unknown loss '${String(config.loss)}'; use ${Object.keys(LOSSES).join(', ')} or a function (pred, target) => Tensor.`);
    loss = fn;
    lossName = config.loss;
  }
  for (const m of config.metrics ?? []) {
    if (!['accuracy', 'mae', 'mse'].includes(m)) throw new RangeError(`compile: unknown metric '${String(m)}'; use accuracy, mae or mse.`);
  }
  return { optimizer, loss, lossName, metrics: config.metrics ?? [], scheduler: config.scheduler?.(optimizer) ?? null };
}

/**
 * Sum over a batch of a metric (divided by the sample count later): accuracy compares the
 * argmax of each row (or logit > 0 for one column) with the class index target.
 */
export function metricSum(name: MetricName, pred: Tensor, target: Tensor): number {
  const n = pred.shape[0] ?? 1;
  const cols = pred.size / n;
  const p = pred.data;
  const t = target.data;
  let s = 0;
  if (name === 'accuracy') {
    for (let i = 0; i < n; i++) {
      let cls: number;
      if (cols === 1) cls = p[i]! > 0 ? 1 : 0;
      else {
        cls = 0;
        for (let j = 1; j < cols; j++) if (p[i * cols + j]! > p[i * cols + cls]!) cls = j;
      }
      if (cls === t[i]) s++;
    }
    return s;
  }
  for (let i = 0; i < pred.size; i++) {
    const d = p[i]! - t[i]!;
    s += name === 'mae' ? Math.abs(d) : d * d;
  }
  return s / cols;
}
