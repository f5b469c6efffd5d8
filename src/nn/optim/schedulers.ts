/**
 * Learning-rate schedulers (PyTorch's `optim.lr_scheduler`): each sets `optimizer.lr` when
 * `step()` is called, once per epoch.
 */
import type { Optimizer } from './optimizer.js';

/** A scheduler stepped once per epoch; ReduceLROnPlateau takes the monitored metric. */
export interface LRScheduler {
  step(metric?: number): void;
  /** The learning rate now. */
  readonly lr: number;
}

/** lr = initial · γ^⌊epoch / stepSize⌋. */
export class StepLR implements LRScheduler {
  private epoch = 0;
  constructor(private readonly optimizer: Optimizer, readonly stepSize: number, readonly gamma = 0.1) {
    if (!Number.isInteger(stepSize) || stepSize <= 0) throw new RangeError(`StepLR: stepSize must be a positive integer (got ${stepSize}).`);
  }
  step(): void {
    this.epoch++;
    this.optimizer.lr = this.optimizer.initialLr * this.gamma ** Math.floor(this.epoch / this.stepSize);
  }
  get lr(): number { return this.optimizer.lr; }
}

/** lr = initial · γ^epoch. */
export class ExponentialLR implements LRScheduler {
  private epoch = 0;
  constructor(private readonly optimizer: Optimizer, readonly gamma: number) {}
  step(): void {
    this.epoch++;
    this.optimizer.lr = this.optimizer.initialLr * this.gamma ** this.epoch;
  }
  get lr(): number { return this.optimizer.lr; }
}

/** lr = ηmin + (initial − ηmin)·(1 + cos(π·epoch / tMax)) / 2 (no restarts). */
export class CosineAnnealingLR implements LRScheduler {
  private epoch = 0;
  constructor(private readonly optimizer: Optimizer, readonly tMax: number, readonly etaMin = 0) {
    if (!(tMax > 0)) throw new RangeError(`CosineAnnealingLR: tMax must be positive (got ${tMax}).`);
  }
  step(): void {
    this.epoch++;
    const base = this.optimizer.initialLr;
    this.optimizer.lr = this.etaMin + ((base - this.etaMin) * (1 + Math.cos((Math.PI * this.epoch) / this.tMax))) / 2;
  }
  get lr(): number { return this.optimizer.lr; }
}

/** Options of `ReduceLROnPlateau` (PyTorch's names and defaults). */
export interface PlateauOptions {
  mode?: 'min' | 'max';
  factor?: number;
  patience?: number;
  threshold?: number;
  thresholdMode?: 'rel' | 'abs';
  cooldown?: number;
  minLr?: number;
  eps?: number;
}

/** Multiplies lr by `factor` when the metric has not improved for `patience` epochs. */
export class ReduceLROnPlateau implements LRScheduler {
  private best: number;
  private badEpochs = 0;
  private cooldownLeft = 0;
  private readonly o: Required<PlateauOptions>;

  constructor(private readonly optimizer: Optimizer, options: PlateauOptions = {}) {
    this.o = { mode: 'min', factor: 0.1, patience: 10, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0, eps: 1e-8, ...options };
    if (!(this.o.factor < 1)) throw new RangeError(`ReduceLROnPlateau: factor must be < 1 (got ${this.o.factor}).`);
    this.best = this.o.mode === 'min' ? Infinity : -Infinity;
  }

  private improved(x: number): boolean {
    const { mode, threshold, thresholdMode } = this.o;
    if (mode === 'min') return thresholdMode === 'rel' ? x < this.best * (1 - threshold) : x < this.best - threshold;
    return thresholdMode === 'rel' ? x > this.best * (1 + threshold) : x > this.best + threshold;
  }

  step(metric?: number): void {
    if (metric === undefined || Number.isNaN(metric)) throw new RangeError('ReduceLROnPlateau.step(metric): pass the monitored value (e.g. the validation loss).');
    if (this.improved(metric)) {
      this.best = metric;
      this.badEpochs = 0;
    } else this.badEpochs++;
    if (this.cooldownLeft > 0) {
      this.cooldownLeft--;
      this.badEpochs = 0;
    }
    if (this.badEpochs > this.o.patience) {
      const next = Math.max(this.optimizer.lr * this.o.factor, this.o.minLr);
      if (this.optimizer.lr - next > this.o.eps) this.optimizer.lr = next;
      this.cooldownLeft = this.o.cooldown;
      this.badEpochs = 0;
    }
  }

  get lr(): number { return this.optimizer.lr; }
}
