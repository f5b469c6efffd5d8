/**
 * Node-only: the worker side of `WorkerPool.runTasks`. A worker entry calls `serveTasks` once;
 * for each job posted to it, the worker takes task indices from the shared counter, runs each,
 * posts the result back (transferring `transfer(result)`), then flags the task done.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import type { TaskReply } from './worker-pool.node.js';

export function serveTasks<J, R>(count: (job: J) => number, run: (job: J, task: number) => R, transfer: (result: R) => ArrayBuffer[]): void {
  parentPort!.on('message', ({ job, control, port }: { job: J; control: Int32Array; port: MessagePort }) => {
    const n = count(job);
    for (;;) {
      const task = Atomics.add(control, 0, 1);
      if (task >= n) break;
      try {
        const result = run(job, task);
        port.postMessage({ task, result } satisfies TaskReply<R>, transfer(result));
      } catch (e) {
        port.postMessage({ task, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies TaskReply<R>);
      }
      Atomics.store(control, 1 + task, 1);
      Atomics.notify(control, 1 + task);
    }
    port.close();
  });
}
