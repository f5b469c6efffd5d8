/**
 * k-nearest neighbors as brute force in the graph: distances to every training row, TopK
 * (ties to the lower index, as the native search), then the (weighted) vote or mean. The
 * training rows are stored in the file, so its size grows with the training set.
 */
import type { Estimator, Label } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, type ModelOutputs, type OutputSink, asMatrix, checkWidth, labelFromScores, manhattanDistances, squaredDistances, stateOf } from './blocks.js';

type AnyEstimator = Estimator<any, any>;

/** Distances [N, k] and indices [N, k] of the k nearest training rows. */
function nearest(g: GraphBuilder, est: AnyEstimator, X: Block): { distances: string; indices: string; k: number; s: Record<string, any> } {
  const s = stateOf(est);
  const who = est.constructor.name;
  checkWidth(s.nFeatures, X, who);
  const { metric, p } = est.params as { metric: string; p: number };
  const l2 = metric === 'euclidean' || metric === 'l2' || (metric === 'minkowski' && p === 2);
  const l1 = metric === 'manhattan' || metric === 'cityblock' || metric === 'l1' || (metric === 'minkowski' && p === 1);
  if (!l1 && !l2) {
    throw new OnnxExportError(`${who} with metric '${metric}'${metric === 'minkowski' ? ` and p=${p}` : ''} cannot be exported; supported: euclidean (minkowski p=2) and manhattan (minkowski p=1).`);
  }
  const k = est.params.nNeighbors as number;
  const M = asMatrix(g, X, who);
  const train = g.doubles('train_rows', [1, s.nSamples, s.nFeatures], s.fitX);
  const all = l2 ? g.op('Sqrt', [squaredDistances(g, M, train)]) : manhattanDistances(g, M, train);
  const [distances, indices] = g.node('TopK', [all, g.int64s('k', [k])], { axis: { int: 1 }, largest: { int: 0 }, sorted: { int: 1 } }, { outputs: 2 });
  return { distances: distances!, indices: indices!, k, s };
}

/** Neighbor weights [N, k]: ones, or 1/distance with exact matches taking all the weight. */
function weightsOf(g: GraphBuilder, est: AnyEstimator, distances: string): string | null {
  if (est.params.weights === 'uniform') return null;
  const exact = g.op('Cast', [g.op('Equal', [distances, g.doubles('zero', [], [0])])], { to: { int: 11 } });
  const anyExact = g.op('Greater', [g.op('ReduceMax', [exact, g.int64s('axis1', [1])], { keepdims: { int: 1 } }), g.doubles('half', [], [0.5])]);
  return g.op('Where', [anyExact, exact, g.op('Reciprocal', [distances])]);
}

export function kNeighborsClassifier(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const { distances, indices, k, s } = nearest(g, est, X);
  const classes = s.classes as Label[];
  const C = classes.length;
  const onehot = new Float64Array(s.nSamples * C);
  (s.codes as Int32Array).forEach((c, i) => (onehot[i * C + c] = 1));
  const votes = g.op('Gather', [g.doubles('train_onehot', [s.nSamples, C], onehot), indices], { axis: { int: 0 } });
  const w = weightsOf(g, est, distances);
  let proba: string;
  if (w === null) {
    proba = g.op('Div', [g.op('ReduceSum', [votes, g.int64s('axis1', [1])], { keepdims: { int: 0 } }), g.doubles('k', [], [k])]);
  } else {
    const weighted = g.op('Mul', [votes, g.op('Unsqueeze', [w, g.int64s('axis2', [2])])]);
    const sum = g.op('ReduceSum', [weighted, g.int64s('axis1', [1])], { keepdims: { int: 0 } });
    proba = g.op('Div', [sum, g.op('ReduceSum', [w, g.int64s('axis1', [1])], { keepdims: { int: 1 } })]);
  }
  const label = labelFromScores(g, proba, classes, est.constructor.name);
  sink(label.value, 'label', label.type, ['N']);
  sink(proba, 'probabilities', 'float64', ['N', C]);
  return { task: 'classification', classes };
}

export function kNeighborsRegressor(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const { distances, indices, k, s } = nearest(g, est, X);
  const ys = g.op('Gather', [g.doubles('train_y', [s.nSamples], s.y), indices], { axis: { int: 0 } });
  const w = weightsOf(g, est, distances);
  let y: string;
  if (w === null) y = g.op('Div', [g.op('ReduceSum', [ys, g.int64s('axis1', [1])], { keepdims: { int: 1 } }), g.doubles('k', [], [k])]);
  else {
    const num = g.op('ReduceSum', [g.op('Mul', [ys, w]), g.int64s('axis1', [1])], { keepdims: { int: 1 } });
    y = g.op('Div', [num, g.op('ReduceSum', [w, g.int64s('axis1', [1])], { keepdims: { int: 1 } })]);
  }
  sink(y, 'prediction', 'float64', ['N', 1]);
  return { task: 'regression' };
}
