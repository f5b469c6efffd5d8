/**
 * Worker threads for learn's parallel fits, from browser-safe code. Worker threads are a Node
 * feature: each pool lives in a `*.node.ts` module that `nodeOnly` imports only under Node, so
 * learn stays browser-safe; elsewhere (or when a pool cannot load) the work runs on the calling
 * thread, with the same results.
 */
const isNode = typeof globalThis.process === 'object' && typeof globalThis.process?.versions?.node === 'string';

/**
 * The module `load` imports when running under Node, else (or when it fails to load) undefined.
 *
 * @example
 * const pool = await nodeOnly(() => import('./pool.node.js'));
 */
export async function nodeOnly<T>(load: () => Promise<T>): Promise<T | undefined> {
  if (!isNode) return undefined;
  try {
    return await load();
  } catch {
    return undefined;
  }
}

const workerPool = await nodeOnly(() => import('./worker-pool.node.js'));

/** Whether worker threads can be used here. */
export function workerThreadsAvailable(): boolean {
  return workerPool !== undefined;
}

/** Threads `nJobs` stands for: -1 is every core (1 where worker threads are unavailable). */
export function threadsFor(nJobs: number): number {
  return nJobs === -1 ? (workerPool ? workerPool.cpuCount() : 1) : nJobs;
}
