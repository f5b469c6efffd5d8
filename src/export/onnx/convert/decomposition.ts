/** KMeans (label = nearest center, distances as transform) and PCA (centered projection). */
import type { Estimator } from '../../../learn/index.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, type ModelOutputs, type OutputSink, asMatrix, checkWidth, matrixBlock, squaredDistances, stateOf } from './blocks.js';
import { affine } from './linear.js';

type AnyEstimator = Estimator<any, any>;

export function kMeans(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const s = stateOf(est);
  const who = est.constructor.name;
  checkWidth(s.nFeatures, X, who);
  const k = s.centers.length / s.nFeatures;
  const d2 = squaredDistances(g, asMatrix(g, X, who), g.doubles('centers', [1, k, s.nFeatures], s.centers));
  const label = g.op('ArgMin', [d2], { axis: { int: 1 }, keepdims: { int: 0 }, select_last_index: { int: 0 } });
  sink(label, 'label', 'int64', ['N']);
  sink(g.op('Sqrt', [d2]), 'distances', 'float64', ['N', k]);
  return { task: 'clustering' };
}

/** PCA as a transformer: (X − mean)·componentsᵀ, divided by √explainedVariance when whitening. */
export function pca(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf(est);
  checkWidth(s.nFeatures, X, 'PCA');
  const k = s.nComponents as number;
  const p = s.nFeatures as number;
  const centered = g.op('Sub', [asMatrix(g, X, 'PCA'), g.doubles('pca_mean', [1, p], s.mean)]);
  let out = affine(g, centered, s.components, new Float64Array(k), k, p);
  if (est.params.whiten) out = g.op('Div', [out, g.doubles('pca_std', [1, k], Array.from(s.explainedVariance.subarray(0, k) as Float64Array, Math.sqrt))]);
  return matrixBlock(out, k);
}
