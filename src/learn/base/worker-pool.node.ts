/**
 * Node-only: the worker threads behind learn's parallel fits (forest trees, KMeans runs,
 * logistic-loss chunks). Each parallel module keeps one `WorkerPool` for its worker entry file;
 * workers are unref'd (they never keep a process alive) and reused across fits.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';

/** Cores this process may use. */
export function cpuCount(): number {
  return availableParallelism();
}

/**
 * The worker entry `name` (e.g. './worker.node') beside the module at `moduleUrl`, as .ts when
 * running from TypeScript sources and .js when built.
 */
export function workerEntry(name: string, moduleUrl: string): URL {
  return new URL(`${name}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl);
}

/**
 * A worker running `entry`. From TypeScript sources (under tsx) the worker registers tsx itself
 * before importing the entry: Node 20 does not hand `--import` loaders on to worker threads.
 */
function startWorker(entry: URL): Worker {
  const load = `import(${JSON.stringify(entry.href)})`;
  const source = entry.pathname.endsWith('.ts') ? `import('tsx/esm/api').then((tsx) => tsx.register()).then(() => ${load})` : load;
  return new Worker(source, { eval: true });
}

export class WorkerPool {
  readonly #workers: Worker[] = [];

  constructor(readonly entry: URL) {}

  /** The first `n` workers, started as needed; a worker that fails to start leaves the pool. */
  take(n: number): Worker[] {
    while (this.#workers.length < n) {
      const w = startWorker(this.entry);
      w.unref();
      w.on('error', () => {
        const i = this.#workers.indexOf(w);
        if (i >= 0) this.#workers.splice(i, 1);
      });
      this.#workers.push(w);
    }
    return this.#workers.slice(0, n);
  }

  /**
   * Tasks 0…n−1 of `job`, in task order, run on this thread (`runHere`) and on `helpers` workers
   * whose entry calls `serveTasks`. Synchronous, so a `fit` that uses it stays synchronous: tasks
   * are handed out through an atomic counter in shared memory, this thread takes tasks too, then
   * blocks in `Atomics.wait` until the workers' tasks are done and reads their results from
   * their message ports. `what` names a task in the error a failed one raises.
   */
  runTasks<R>(job: unknown, n: number, helpers: number, runHere: (task: number) => R, what: string): R[] {
    // control[0]: next task to take; control[1 + i]: 1 once a worker has posted task i.
    const control = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
    const ports: MessagePort[] = [];
    for (const w of this.take(helpers)) {
      const { port1, port2 } = new MessageChannel();
      w.postMessage({ job, control, port: port2 }, [port2]);
      ports.push(port1);
    }
    const results: (R | undefined)[] = new Array(n);
    for (;;) {
      const i = Atomics.add(control, 0, 1);
      if (i >= n) break;
      results[i] = runHere(i);
    }
    for (let i = 0; i < n; i++) {
      if (results[i] !== undefined) continue;
      while (Atomics.load(control, 1 + i) === 0) Atomics.wait(control, 1 + i, 0, 1000);
    }
    let failure: string | undefined;
    for (const port of ports) {
      for (let msg = receiveMessageOnPort(port); msg !== undefined; msg = receiveMessageOnPort(port)) {
        const reply = msg.message as TaskReply<R>;
        if (reply.error !== undefined) failure ??= reply.error;
        else results[reply.task] = reply.result;
      }
      port.close();
    }
    if (failure !== undefined) throw new Error(`A worker thread failed ${what}: ${failure}`);
    return results as R[];
  }
}

/** What a worker posts back per task: its result, or the error it threw. */
export interface TaskReply<R> {
  task: number;
  result?: R;
  error?: string;
}

/** `a` itself when it already lives in shared memory, else a copy that does. */
export function sharedCopy<T extends Float64Array | Float32Array | Int32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}
