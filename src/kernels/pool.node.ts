/**
 * Node-only: a worker-thread pool for the WebAssembly GEMM. All threads instantiate the
 * shared-memory build over one `WebAssembly.Memory({ shared: true })`, so operands are copied in
 * once and each thread computes its block of C in place. The calling thread works too and then
 * sleeps in `Atomics.wait` until the others are done; idle workers sleep in `Atomics.wait` on
 * their command counter (no busy-waiting: each wait passes the value just compared).
 *
 * Reached only through a dynamic import() (see `useThreads` in select.ts); browsers never load it.
 */
import { Worker } from 'node:worker_threads';
import type { FloatArray, GemmOptions } from './gemm-ts.js';
import { type GemmExports, type WasmMemory, instantiateGemm, sharedGemmBytes, wasmApi } from './wasm-module.js';
import { GEMM_WASM_SHARED_MAX_PAGES } from './generated/gemm-wasm.js';
import { type GemmPart, runPart, splitGemm, stageGemm, unstageGemm } from './wasm-gemm.js';

// Control block per worker (Int32 slots).
const SEQ = 0; // bumped by the caller for each command
const DONE = 1; // set by the worker to the SEQ it finished
const KIND = 2; // 4 = f32, 8 = f64, -1 = exit
// The part to run: the arguments of sgemm/dgemm in order, then the error flag.
const ARGS = 3; // m, n, k, a, rsa, csa, b, rsb, csb, c, ldc, work, accumulate
const ERR = ARGS + 13;
const SLOTS = 32;

/**
 * The worker's code, run with `eval: true` so it needs no file path or TypeScript loader. It
 * loads worker_threads with import(), which works whether Node evaluates it as CommonJS or (under
 * --input-type=module) as an ES module.
 */
const WORKER_SOURCE = `
import('node:worker_threads').then(({ parentPort, workerData }) => {
const { module, memory, control, index } = workerData;
const ctl = new Int32Array(control, index * ${SLOTS} * 4, ${SLOTS});
const ex = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('abort'); } } }).exports;
parentPort.postMessage('ready');
let seen = 0;
for (;;) {
  Atomics.wait(ctl, ${SEQ}, seen);
  const seq = Atomics.load(ctl, ${SEQ});
  if (seq === seen) continue;
  seen = seq;
  const kind = ctl[${KIND}];
  if (kind === -1) break;
  try {
    const f = kind === 4 ? ex.sgemm : ex.dgemm;
    const args = [];
    for (let i = 0; i < 13; i++) args.push(ctl[${ARGS} + i]);
    f(...args);
    ctl[${ERR}] = 0;
  } catch (e) {
    ctl[${ERR}] = 1;
  }
  Atomics.store(ctl, ${DONE}, seq);
  Atomics.notify(ctl, ${DONE});
}
});
`;

/** A GEMM that runs on `threads` threads (the caller plus threads − 1 workers). */
export class GemmPool {
  private readonly control: Int32Array;
  private seq = 0;
  private closed = false;

  private constructor(
    readonly threads: number,
    private readonly memory: WasmMemory,
    private readonly exports: GemmExports,
    private readonly workers: Worker[],
    control: SharedArrayBuffer,
  ) {
    this.control = new Int32Array(control);
  }

  /**
   * Starts a pool; resolves once every worker has instantiated the module.
   *
   * @example
   * const pool = await GemmPool.start(2);
   * pool.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
   * await pool.close();
   */
  static async start(threads: number): Promise<GemmPool> {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`GemmPool: threads must be a positive integer (got ${threads}).`);
    }
    const api = wasmApi();
    if (api === undefined) throw new Error('GemmPool: this runtime has no WebAssembly.');
    const module = new api.Module(sharedGemmBytes());
    const memory = new api.Memory({ initial: 16, maximum: GEMM_WASM_SHARED_MAX_PAGES, shared: true });
    const exports = instantiateGemm(module, memory);
    const control = new SharedArrayBuffer(Math.max(1, threads - 1) * SLOTS * 4);
    const workers: Worker[] = [];
    const ready: Promise<void>[] = [];
    for (let index = 0; index < threads - 1; index++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control, index } });
      ready.push(new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }));
      workers.push(worker);
    }
    await Promise.all(ready);
    // Idle workers must not keep the process alive.
    for (const worker of workers) worker.unref();
    return new GemmPool(threads, memory, exports, workers, control);
  }

  /** C = op(A)·op(B) (+ C) (float32 or float64 by the arrays' type) on all threads; same signature as gemmTs. */
  gemm<T extends FloatArray>(
    m: number, n: number, k: number,
    a: T, aOff: number, lda: number,
    b: T, bOff: number, ldb: number,
    c: T, cOff: number, ldc: number,
    options: GemmOptions = {},
  ): void {
    if (this.closed) throw new Error('GemmPool: the pool is closed; start a new one with GemmPool.start(threads).');
    if (m <= 0 || n <= 0) return;
    const layout = stageGemm(this.exports, this.memory, this.threads, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options);
    const bpe = layout.bytesPerElement;
    const parts = splitGemm(layout, this.threads);
    const seq = ++this.seq | 0;
    const busy: number[] = [];
    // parts[0] runs here; the rest go to workers 0, 1, …
    for (let t = 1; t < parts.length; t++) {
      this.post(t - 1, seq, bpe, parts[t]!);
      busy.push(t - 1);
    }
    let failure: unknown;
    try {
      runPart(this.exports, bpe, parts[0]!);
    } catch (e) {
      failure = e;
    }
    let workerFailed = false;
    for (const w of busy) {
      const base = w * SLOTS;
      for (;;) {
        const done = Atomics.load(this.control, base + DONE);
        if (done === seq) break;
        Atomics.wait(this.control, base + DONE, done);
      }
      if (this.control[base + ERR] !== 0) workerFailed = true;
    }
    if (failure !== undefined) throw failure;
    if (workerFailed) throw new Error('GemmPool: a worker thread failed while computing its block of C.');
    unstageGemm(this.memory, layout, c, cOff, ldc);
  }

  private post(worker: number, seq: number, bpe: 4 | 8, p: GemmPart): void {
    const ctl = this.control;
    const base = worker * SLOTS;
    ctl[base + KIND] = bpe;
    const args = [p.m, p.n, p.k, p.a, p.rsa, p.csa, p.b, p.rsb, p.csb, p.c, p.ldc, p.work, p.accumulate ? 1 : 0];
    for (let i = 0; i < args.length; i++) ctl[base + ARGS + i] = args[i]! | 0;
    Atomics.store(ctl, base + SEQ, seq);
    Atomics.notify(ctl, base + SEQ);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const seq = ++this.seq | 0;
    for (let w = 0; w < this.workers.length; w++) {
      this.control[w * SLOTS + KIND] = -1;
      Atomics.store(this.control, w * SLOTS + SEQ, seq);
      Atomics.notify(this.control, w * SLOTS + SEQ);
    }
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
