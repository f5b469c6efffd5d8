/**
 * Adaptive micro-batching: concurrent requests for one model are merged into one model call.
 * A request that finds the model idle runs on the next turn of the event loop (merging only
 * what arrived in the same turn, so a lone request waits for nothing); once a call has merged
 * several requests, the next one waits up to `windowMs` to gather more, up to `maxRows` rows.
 */
import { concatBatches, type Batch } from './batch.js';
import type { ServeMetrics } from './metrics.js';
import { slicePrediction, type Prediction, type ServedModel } from './served-model.js';

export interface BatchingOptions {
  /** Longest wait to gather a batch under load, in milliseconds (0: never wait). */
  windowMs: number;
  /** Most rows in one model call; a single larger request still runs alone. */
  maxRows: number;
}

interface Pending {
  batch: Batch;
  resolve: (p: Prediction) => void;
  reject: (e: unknown) => void;
}

export class MicroBatcher {
  #queue: Pending[] = [];
  #queuedRows = 0;
  #timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  #running = false;
  #underLoad = false;

  constructor(
    readonly model: ServedModel,
    readonly options: BatchingOptions,
    readonly metrics: ServeMetrics | null = null,
  ) {}

  submit(batch: Batch): Promise<Prediction> {
    return new Promise<Prediction>((resolve, reject) => {
      this.#queue.push({ batch, resolve, reject });
      this.#queuedRows += batch.rows;
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#running) return; // the running flush picks the queue up when it finishes
    const full = this.#queuedRows >= this.options.maxRows;
    if (this.#timer !== null) {
      if (!full) return;
      clearTimeout(this.#timer as NodeJS.Timeout);
      clearImmediate(this.#timer as NodeJS.Immediate);
    }
    const run = (): void => void this.#flush();
    this.#timer = !full && this.#underLoad && this.options.windowMs > 0 ? setTimeout(run, this.options.windowMs) : setImmediate(run);
  }

  async #flush(): Promise<void> {
    this.#timer = null;
    this.#running = true;
    try {
      while (this.#queue.length > 0) {
        let rows = 0;
        let k = 0;
        while (k < this.#queue.length && (k === 0 || rows + this.#queue[k]!.batch.rows <= this.options.maxRows)) rows += this.#queue[k++]!.batch.rows;
        const group = this.#queue.splice(0, k);
        this.#queuedRows -= rows;
        this.#underLoad = group.length > 1 || this.#queue.length > 0;
        await this.#run(group, rows);
      }
    } finally {
      this.#running = false;
    }
  }

  async #run(group: Pending[], rows: number): Promise<void> {
    const labels = { model: this.model.name };
    this.metrics?.batchRows.observe(labels, rows);
    this.metrics?.batchRequests.observe(labels, group.length);
    let result: Prediction;
    try {
      result = await this.model.predict(concatBatches(group.map((p) => p.batch), this.model.inputs));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      // One bad request must not fail its neighbours: answer each on its own.
      for (const p of group) {
        try {
          p.resolve(await this.model.predict(p.batch));
        } catch (e) {
          p.reject(e);
        }
      }
      return;
    }
    if (group.length === 1) return group[0]!.resolve(result);
    let at = 0;
    for (const p of group) {
      p.resolve(slicePrediction(result, at, at + p.batch.rows));
      at += p.batch.rows;
    }
  }
}
