/**
 * A one-line progress bar for `fit` (Keras' verbose=1): redrawn per batch with the epoch, batch
 * count and running loss. Draws only when standard output is a terminal, so logs and pipes stay
 * clean; in a browser it does nothing.
 */
import type { Callback, Logs, TrainingContext } from './callbacks.js';

interface TtyStream { isTTY?: boolean; columns?: number; write(s: string): unknown }

function terminal(): TtyStream | null {
  const proc = (globalThis as { process?: { stdout?: TtyStream } }).process;
  const out = proc?.stdout;
  return out !== undefined && out.isTTY === true ? out : null;
}

function formatLogs(logs: Logs): string {
  return Object.entries(logs).map(([k, v]) => `${k} ${v.toPrecision(4)}`).join(' · ');
}

/** Draws `epoch e/E [=====>    ] b/B loss …` on a TTY. */
export class ProgressBar implements Callback {
  private readonly out: TtyStream | null;
  private epoch = 0;

  constructor(stream: TtyStream | null = terminal()) {
    this.out = stream !== null && stream.isTTY === true ? stream : null;
  }

  /** Whether the bar draws at all. */
  get active(): boolean {
    return this.out !== null;
  }

  onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  onBatchEnd(batch: number, logs: Logs, ctx: TrainingContext): void {
    if (this.out === null) return;
    const width = 24;
    const done = Math.round(((batch + 1) / ctx.batchesPerEpoch) * width);
    const bar = '='.repeat(Math.max(0, done - 1)) + (done > 0 ? '>' : '') + ' '.repeat(width - done);
    this.out.write(`\r\x1b[2Kepoch ${this.epoch + 1}/${ctx.epochs} [${bar}] ${batch + 1}/${ctx.batchesPerEpoch} ${formatLogs(logs)}`);
  }

  onEpochEnd(epoch: number, logs: Logs, ctx: TrainingContext): void {
    if (this.out === null) return;
    this.out.write(`\r\x1b[2Kepoch ${epoch + 1}/${ctx.epochs} ${formatLogs(logs)}\n`);
  }
}
