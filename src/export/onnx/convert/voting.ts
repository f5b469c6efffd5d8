/**
 * VotingClassifier (soft: weighted mean of the members' probabilities; hard: weighted label
 * votes) and VotingRegressor (weighted mean) — AutoML's greedy ensembles. Each member is
 * converted on the same features and its outputs are combined in the graph.
 */
import type { Estimator, Label } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, type ModelOutputs, type OutputSink, labelFromScores, labelType, stateOf } from './blocks.js';
import { convertModel, requireEstimator } from './registry.js';

type AnyEstimator = Estimator<any, any>;

/** Members with their normalized weights (zero-weight members left out, as natively). */
function members(est: AnyEstimator): { name: string; est: AnyEstimator; weight: number }[] {
  const { estimators, weights } = est.params as { estimators: [string, unknown][]; weights: number[] | null };
  const w = weights ?? estimators.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  return estimators
    .map(([name, e], m) => ({ name, est: requireEstimator(e, `${est.constructor.name} member '${name}'`), weight: w[m]! / total }))
    .filter((m) => m.weight !== 0);
}

/** Runs a member's converter and keeps its outputs by name instead of exposing them. */
function memberOutputs(g: GraphBuilder, m: { name: string; est: AnyEstimator }, X: Block, who: string): { outputs: Map<string, string>; result: ModelOutputs } {
  const outputs = new Map<string, string>();
  const sink: OutputSink = (value, name) => outputs.set(name, value);
  const result = convertModel(g, m.est, X, `${who} member '${m.name}'`, sink);
  return { outputs, result };
}

export function votingClassifier(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const classes = stateOf<{ classes: Label[] }>(est).classes;
  const K = classes.length;
  const soft = est.params.voting === 'soft';
  let total: string | null = null;
  for (const m of members(est)) {
    const { outputs, result } = memberOutputs(g, m, X, 'VotingClassifier');
    const memberClasses = result.classes ?? [];
    let weighted: string;
    if (soft) {
      const proba = outputs.get('probabilities');
      if (!proba) throw new OnnxExportError(`VotingClassifier: member '${m.name}' has no probabilities; use voting: 'hard'.`);
      // Columns of the member's classes moved to the ensemble's class order, times the weight
      // (in the matrix: ONNX Runtime folds a scalar Mul after a MatMul into a float32 alpha).
      const move = new Float64Array(memberClasses.length * K);
      memberClasses.forEach((c, j) => (move[j * K + classes.indexOf(c)] = m.weight));
      weighted = g.op('MatMul', [proba, g.doubles('class_map', [memberClasses.length, K], move)]);
    } else {
      const type = labelType(classes, 'VotingClassifier');
      const label = g.op('Unsqueeze', [outputs.get('label')!, g.int64s('axis1', [1])]);
      const table = g.constant('classes', type, [1, K], classes as any);
      weighted = g.op('Mul', [g.op('Cast', [g.op('Equal', [label, table])], { to: { int: 11 } }), g.doubles('weight', [], [m.weight])]);
    }
    total = total === null ? weighted : g.op('Add', [total, weighted]);
  }
  const label = labelFromScores(g, total!, classes, 'VotingClassifier');
  sink(label.value, 'label', label.type, ['N']);
  sink(total!, 'probabilities', 'float64', ['N', K]);
  return { task: 'classification', classes };
}

export function votingRegressor(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  let total: string | null = null;
  for (const m of members(est)) {
    const { outputs } = memberOutputs(g, m, X, 'VotingRegressor');
    const y = outputs.get('prediction');
    if (!y) throw new OnnxExportError(`VotingRegressor: member '${m.name}' gives no prediction.`);
    const weighted = g.op('Mul', [y, g.doubles('weight', [], [m.weight])]);
    total = total === null ? weighted : g.op('Add', [total, weighted]);
  }
  sink(total!, 'prediction', 'float64', ['N', 1]);
  return { task: 'regression' };
}
