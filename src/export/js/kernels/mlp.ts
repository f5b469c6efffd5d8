/**
 * MLPClassifier and MLPRegressor as plain loops: one dense layer after another over a row,
 * the hidden activation between them, then the classifier's link (logistic for two classes,
 * softmax for more) as the native predictProba applies it.
 */
import type { Estimator, Label } from '../../../learn/index.js';
import type { MLPActivation } from '../../../nn/index.js';
import { fittedState } from '../fitted-state.js';
import { typed } from '../literals.js';
import { UnsupportedModelError } from '../unsupported.js';
import { type Kernel, SIGMOID, argmaxBody } from './kernel.js';

interface MLPState {
  layerSizes: number[];
  coefs: Float64Array[];
  intercepts: Float64Array[];
  classes?: Label[];
  nOutputs?: number;
}

const ACTIVATION: Record<MLPActivation, string> = {
  relu: 'v > 0 ? v : 0',
  tanh: 'Math.tanh(v)',
  logistic: 'sigmoid(v)',
  identity: 'v',
};

/** The network's raw outputs per row (width: the last layer's size). */
function networkKernel(est: Estimator<any, any>, s: MLPState): Pick<Kernel, 'declarations' | 'score' | 'width'> {
  const activation = (est.params as { activation: MLPActivation }).activation;
  const sizes = s.layerSizes;
  const L = s.coefs.length;
  const width = sizes[L]!;
  const declarations: string[] = ['/** Weights (out × in, row-major) and biases per layer. */'];
  s.coefs.forEach((c, l) => declarations.push(`const MLP_W${l} = ${typed('Float64Array', c)};`, `const MLP_B${l} = ${typed('Float64Array', s.intercepts[l]!)};`));
  const hiddenMax = Math.max(1, ...sizes.slice(1, L));
  for (let b = 0; b < Math.min(2, L - 1); b++) declarations.push(`const MLP_H${b} = new Float64Array(${hiddenMax});`);
  if (activation === 'logistic') declarations.push(SIGMOID);
  // One loop nest per layer with its sizes as literals: layer l reads x (l = 0) or MLP_H{(l-1)%2}
  // and writes MLP_H{l%2}, or the scores for the last layer.
  const lines = ['for (let i = 0; i < n; i++) {', '  const xo = i * D;'];
  for (let l = 0; l < L; l++) {
    const inF = sizes[l]!, outF = sizes[l + 1]!;
    const src = l === 0 ? 'x' : `MLP_H${(l - 1) % 2}`;
    const off = l === 0 ? 'xo + ' : '';
    const last = l + 1 === L;
    lines.push(
      `  for (let c = 0; c < ${outF}; c++) {`,
      `    let z = MLP_B${l}[c];`,
      `    const wo = c * ${inF};`,
      `    for (let j = 0; j < ${inF}; j++) z += MLP_W${l}[wo + j] * ${src}[${off}j];`,
      last ? `    s[i * ${width} + c] = z;` : `    const v = z;\n    MLP_H${l % 2}[c] = ${ACTIVATION[activation]};`,
      '  }',
    );
  }
  lines.push('}');
  const score = lines.join('\n');
  return { declarations, score, width };
}

export function mlpClassifierKernel(est: Estimator<any, any>): Kernel {
  const s = fittedState<MLPState>(est);
  const classes = s.classes!;
  const net = networkKernel(est, s);
  const K = classes.length;
  if (K === 2 && !net.declarations.includes(SIGMOID)) net.declarations.push(SIGMOID);
  return {
    task: 'classification', input: 'Float64Array', allowNaN: false, classes, ...net,
    label: K === 2 ? 'return s[o] > 0 ? 1 : 0;' : argmaxBody(K),
    proba: K === 2
      ? ['const p1 = sigmoid(s[o]);', 'p[0] = 1 - p1;', 'p[1] = p1;'].join('\n')
      : [
        'let zmax = -Infinity;',
        `for (let c = 0; c < ${K}; c++) zmax = Math.max(zmax, s[o + c]);`,
        'let sum = 0;',
        `for (let c = 0; c < ${K}; c++) sum += (p[c] = Math.exp(s[o + c] - zmax));`,
        `for (let c = 0; c < ${K}; c++) p[c] = p[c] / sum;`,
      ].join('\n'),
  };
}

export function mlpRegressorKernel(est: Estimator<any, any>): Kernel {
  const s = fittedState<MLPState>(est);
  if ((s.nOutputs ?? 1) !== 1) {
    throw new UnsupportedModelError(`MLPRegressor with ${s.nOutputs} targets cannot be exported as JavaScript (one target per model); export it to ONNX instead.`);
  }
  return { task: 'regression', input: 'Float64Array', allowNaN: false, ...networkKernel(est, s) };
}
