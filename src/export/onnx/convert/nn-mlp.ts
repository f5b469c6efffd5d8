/**
 * MLPClassifier and MLPRegressor (nn's scikit-learn-style estimators) in float64, like the
 * other learn converters: one MatMul + Add per layer with the hidden activation between, then
 * the classifier's link — a logistic output for two classes, softmax for more — and its label.
 */
import type { Estimator, Label } from '../../../learn/index.js';
import type { MLPActivation } from '../../../nn/index.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, type ModelOutputs, type OutputSink, asMatrix, checkWidth, labelFromScores, stateOf } from './blocks.js';
import { affine, binaryLabel } from './linear.js';

type AnyEstimator = Estimator<any, any>;

interface MLPState {
  layerSizes: number[];
  coefs: Float64Array[];
  intercepts: Float64Array[];
  nFeatures: number;
}

/** The network's raw outputs [N, last layer size]. */
function network(g: GraphBuilder, est: AnyEstimator, X: Block): { raw: string; state: MLPState & Record<string, any> } {
  const s = stateOf<MLPState & Record<string, any>>(est);
  const who = est.constructor.name;
  checkWidth(s.nFeatures, X, who);
  const activation = (est.params as { activation: MLPActivation }).activation;
  let h = asMatrix(g, X, who);
  s.coefs.forEach((coef, i) => {
    h = affine(g, h, coef, s.intercepts[i]!, s.layerSizes[i + 1]!, s.layerSizes[i]!);
    if (i + 1 < s.coefs.length && activation !== 'identity') h = g.op(activation === 'relu' ? 'Relu' : activation === 'tanh' ? 'Tanh' : 'Sigmoid', [h]);
  });
  return { raw: h, state: s };
}

export function mlpClassifier(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const { raw, state } = network(g, est, X);
  const classes = state.classes as Label[];
  const who = est.constructor.name;
  const label = classes.length === 2 ? binaryLabel(g, raw, classes, who) : labelFromScores(g, raw, classes, who);
  sink(label.value, 'label', label.type, ['N']);
  let proba: string;
  if (classes.length === 2) {
    const p = g.op('Sigmoid', [raw]);
    proba = g.op('Concat', [g.op('Sub', [g.doubles('one', [], [1]), p]), p], { axis: { int: 1 } });
  } else proba = g.op('Softmax', [raw], { axis: { int: 1 } });
  sink(proba, 'probabilities', 'float64', ['N', classes.length]);
  return { task: 'classification', classes };
}

export function mlpRegressor(g: GraphBuilder, est: AnyEstimator, X: Block, sink: OutputSink): ModelOutputs {
  const { raw, state } = network(g, est, X);
  sink(raw, 'prediction', 'float64', ['N', state.nOutputs as number]);
  return { task: 'regression' };
}
