/** Node-only worker-thread entry for `pool.node.ts`: grows trees (arrays transferred back). */
import { serveTasks } from '../../base/task-worker.node.js';
import type { FlatTree } from '../../tree/flat-tree.js';
import { type ForestJob, buildForestTree } from './forest-job.js';

function buffers(tree: FlatTree): ArrayBuffer[] {
  return [tree.feature, tree.threshold, tree.left, tree.right, tree.impurity, tree.nNodeSamples, tree.weightedNNodeSamples, tree.value].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

serveTasks((job: ForestJob) => job.seeds.length, buildForestTree, buffers);
