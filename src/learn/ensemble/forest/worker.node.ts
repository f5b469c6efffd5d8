/**
 * Node-only worker-thread entry for `pool.node.ts`: takes tree indices from the shared counter,
 * grows each tree and posts it back (transferring its arrays), then flags it done.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import type { FlatTree } from '../../tree/flat-tree.js';
import { type ForestJob, buildForestTree } from './forest-job.js';

function buffers(tree: FlatTree): ArrayBuffer[] {
  return [tree.feature, tree.threshold, tree.left, tree.right, tree.impurity, tree.nNodeSamples, tree.weightedNNodeSamples, tree.value].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

parentPort!.on('message', ({ job, control, port }: { job: ForestJob; control: Int32Array; port: MessagePort }) => {
  const n = job.seeds.length;
  for (;;) {
    const t = Atomics.add(control, 0, 1);
    if (t >= n) break;
    try {
      const tree = buildForestTree(job, t);
      port.postMessage({ t, tree }, buffers(tree));
    } catch (e) {
      port.postMessage({ t, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
    Atomics.store(control, 1 + t, 1);
    Atomics.notify(control, 1 + t);
  }
  port.close();
});
