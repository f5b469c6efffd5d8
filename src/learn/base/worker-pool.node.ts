/**
 * Node-only: the worker threads behind learn's parallel fits (forest trees, KMeans runs,
 * logistic-loss chunks). Each parallel module keeps one `WorkerPool` for its worker entry file;
 * workers are unref'd (they never keep a process alive) and reused across fits.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

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
}

/** `a` itself when it already lives in shared memory, else a copy that does. */
export function sharedCopy<T extends Float64Array | Float32Array | Int32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}
