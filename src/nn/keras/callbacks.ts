/**
 * Callbacks for `Sequential.fit` (Keras' `keras.callbacks`): hooks at the start and end of
 * training, epochs and batches, which may stop training (EarlyStopping) or save the model
 * (ModelCheckpoint). Metric keys are camelCase: loss, accuracy, valLoss, valAccuracy, mae, valMae.
 */
import type { StateDict } from '../module.js';
import type { Tensor } from '../tensor.js';

/** Metric values of an epoch or batch by key. */
export type Logs = Record<string, number>;

/** What callbacks see of the model being trained. */
export interface CallbackModel {
  stateDict(): StateDict;
  loadStateDict(state: StateDict): void;
  /** The model as a single JSON string (see `Sequential.save`). */
  save(): string;
}

/** Training state shared with callbacks; set `stopTraining` to end after the current epoch. */
export interface TrainingContext {
  model: CallbackModel;
  epochs: number;
  batchesPerEpoch: number;
  stopTraining: boolean;
}

/** A training hook; every method is optional and may be async. */
export interface Callback {
  onTrainBegin?(ctx: TrainingContext): void | Promise<void>;
  onEpochBegin?(epoch: number, ctx: TrainingContext): void | Promise<void>;
  onBatchEnd?(batch: number, logs: Logs, ctx: TrainingContext): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: Logs, ctx: TrainingContext): void | Promise<void>;
  onTrainEnd?(logs: Logs, ctx: TrainingContext): void | Promise<void>;
}

type Mode = 'min' | 'max' | 'auto';

function direction(monitor: string, mode: Mode): 'min' | 'max' {
  if (mode !== 'auto') return mode;
  return /acc|r2|auc/i.test(monitor) ? 'max' : 'min';
}

function monitored(logs: Logs, monitor: string, who: string): number {
  const v = logs[monitor];
  if (v === undefined) {
    throw new RangeError(`${who}: metric '${monitor}' is not in the epoch logs (have ${Object.keys(logs).join(', ')}); pass validationSplit/validationData for val metrics or pick another monitor.`);
  }
  return v;
}

function copyState(state: StateDict): StateDict {
  return Object.fromEntries(Object.entries(state).map(([k, t]) => [k, t.clone()] as [string, Tensor]));
}

/** Options of `EarlyStopping` (Keras' names in camelCase). */
export interface EarlyStoppingOptions {
  monitor?: string;
  /** Smallest change that counts as an improvement. */
  minDelta?: number;
  /** Epochs without improvement before stopping. */
  patience?: number;
  mode?: Mode;
  /** Put back the weights of the best epoch when stopping or at the end. */
  restoreBestWeights?: boolean;
}

/** Stops training when the monitored metric stops improving. */
export class EarlyStopping implements Callback {
  readonly monitor: string;
  /** The epoch training stopped at (−1 when it ran to the end). */
  stoppedEpoch = -1;
  /** The best value seen and the epoch it was seen at. */
  best = NaN;
  bestEpoch = -1;
  private wait = 0;
  private bestState: StateDict | null = null;
  private readonly o: Required<Omit<EarlyStoppingOptions, 'monitor'>>;

  constructor(options: EarlyStoppingOptions = {}) {
    this.monitor = options.monitor ?? 'valLoss';
    this.o = { minDelta: Math.abs(options.minDelta ?? 0), patience: options.patience ?? 0, mode: options.mode ?? 'auto', restoreBestWeights: options.restoreBestWeights ?? false };
  }

  onTrainBegin(): void {
    this.wait = 0;
    this.best = NaN;
    this.bestEpoch = -1;
    this.stoppedEpoch = -1;
    this.bestState = null;
  }

  onEpochEnd(epoch: number, logs: Logs, ctx: TrainingContext): void {
    const v = monitored(logs, this.monitor, 'EarlyStopping');
    const dir = direction(this.monitor, this.o.mode);
    const better = Number.isNaN(this.best) || (dir === 'min' ? v < this.best - this.o.minDelta : v > this.best + this.o.minDelta);
    if (better) {
      this.best = v;
      this.bestEpoch = epoch;
      this.wait = 0;
      if (this.o.restoreBestWeights) this.bestState = copyState(ctx.model.stateDict());
      return;
    }
    this.wait++;
    if (this.wait >= this.o.patience) {
      this.stoppedEpoch = epoch;
      ctx.stopTraining = true;
    }
  }

  onTrainEnd(_logs: Logs, ctx: TrainingContext): void {
    if (this.bestState !== null) ctx.model.loadStateDict(this.bestState);
  }
}

/** Options of `ModelCheckpoint`. */
export interface ModelCheckpointOptions {
  /** Where to write the model file (Node only; written atomically). */
  path?: string;
  /** Or: receives the model JSON (any platform). */
  save?: (content: string, epoch: number) => void | Promise<void>;
  monitor?: string;
  /** Save only when the monitored metric improves (default false: every epoch, as in Keras). */
  saveBestOnly?: boolean;
  mode?: Mode;
}

/** Saves the model after every epoch, or only after improving ones with `saveBestOnly`. */
export class ModelCheckpoint implements Callback {
  readonly monitor: string;
  /** Epochs at which the model was saved. */
  readonly savedEpochs: number[] = [];
  private best = NaN;
  private readonly o: ModelCheckpointOptions;

  constructor(options: ModelCheckpointOptions) {
    if (options.path === undefined && options.save === undefined) throw new RangeError('ModelCheckpoint: give a path (Node) or a save(content, epoch) function.');
    this.o = options;
    this.monitor = options.monitor ?? 'valLoss';
  }

  async onEpochEnd(epoch: number, logs: Logs, ctx: TrainingContext): Promise<void> {
    if (this.o.saveBestOnly ?? false) {
      const v = monitored(logs, this.monitor, 'ModelCheckpoint');
      const dir = direction(this.monitor, this.o.mode ?? 'auto');
      if (!(Number.isNaN(this.best) || (dir === 'min' ? v < this.best : v > this.best))) return;
      this.best = v;
    }
    const content = ctx.model.save();
    if (this.o.save !== undefined) await this.o.save(content, epoch);
    if (this.o.path !== undefined) {
      const { writeFileAtomic } = await import('./write-file.node.js');
      await writeFileAtomic(this.o.path, content);
    }
    this.savedEpochs.push(epoch);
  }
}
