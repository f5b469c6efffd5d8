/**
 * Kernel SVMs: the kernel between a row and every support vector, then SVR's weighted sum or
 * SVC's one-vs-one decision values and majority vote (ties to the first class), as libsvm.
 */
import { SVC, type Label, type SVR } from '../../../learn/index.js';
import { fittedState } from '../fitted-state.js';
import { num, typed } from '../literals.js';
import type { Kernel } from './kernel.js';

interface KernelSpec {
  kernel: 'linear' | 'poly' | 'rbf' | 'sigmoid';
  gamma: number;
  degree: number;
  coef0: number;
}

/** `function kernelValue(x, o, t)`: k(row at x[o …], support vector t). */
function kernelFunction(spec: KernelSpec): string {
  if (spec.kernel === 'rbf') {
    return `function kernelValue(x, o, t) {
  let sum = 0;
  const to = t * D;
  for (let j = 0; j < D; j++) {
    const d = x[o + j] - SUPPORT_VECTORS[to + j];
    sum += d * d;
  }
  return Math.exp(-${num(spec.gamma)} * sum);
}`;
  }
  const result = spec.kernel === 'linear' ? 'dot'
    : spec.kernel === 'poly' ? `(${num(spec.gamma)} * dot + ${num(spec.coef0)}) ** ${num(spec.degree)}`
      : `Math.tanh(${num(spec.gamma)} * dot + ${num(spec.coef0)})`;
  return `function kernelValue(x, o, t) {
  let dot = 0;
  const to = t * D;
  for (let j = 0; j < D; j++) dot += x[o + j] * SUPPORT_VECTORS[to + j];
  return ${result};
}`;
}

export function svmKernel(est: SVC | SVR): Kernel {
  if (!(est instanceof SVC)) {
    const s = fittedState<{ kernel: KernelSpec; supportVectors: Float64Array; support: Int32Array; dualCoef: Float64Array; intercept: number }>(est);
    return {
      task: 'regression', width: 1, input: 'Float64Array', allowNaN: false,
      declarations: [
        `const SUPPORT_VECTORS = ${typed('Float64Array', s.supportVectors)};`,
        `const DUAL_COEF = ${typed('Float64Array', s.dualCoef)};`,
        kernelFunction(s.kernel),
      ],
      score: [
        'for (let i = 0; i < n; i++) {',
        `  let sum = ${num(s.intercept)};`,
        `  for (let t = 0; t < ${s.support.length}; t++) sum += DUAL_COEF[t] * kernelValue(x, i * D, t);`,
        '  s[i] = sum;',
        '}',
      ].join('\n'),
    };
  }
  const s = fittedState<{ classes: Label[]; kernel: KernelSpec; supportVectors: Float64Array; support: Int32Array; nSupport: Int32Array; dualCoef: Float64Array; intercept: Float64Array }>(est);
  const K = s.classes.length;
  const nSV = s.support.length;
  const P = (K * (K - 1)) / 2;
  const start = new Int32Array(K + 1);
  for (let c = 0; c < K; c++) start[c + 1] = start[c]! + s.nSupport[c]!;
  return {
    task: 'classification', width: P, input: 'Float64Array', allowNaN: false, classes: s.classes,
    declarations: [
      `/** ${nSV} support vectors grouped by class; class c owns START[c] … START[c + 1] - 1. */`,
      `const SUPPORT_VECTORS = ${typed('Float64Array', s.supportVectors)};`,
      `const START = ${typed('Int32Array', start)};`,
      '/** libsvm layout: (classes − 1) × support vectors. */',
      `const DUAL_COEF = ${typed('Float64Array', s.dualCoef)};`,
      `const INTERCEPT = ${typed('Float64Array', s.intercept)};`,
      `const kv = new Float64Array(${nSV});`,
      `const votes = new Int32Array(${K});`,
      kernelFunction(s.kernel),
    ],
    score: [
      'for (let i = 0; i < n; i++) {',
      `  for (let t = 0; t < ${nSV}; t++) kv[t] = kernelValue(x, i * D, t);`,
      '  let pair = 0;',
      `  for (let a = 0; a < ${K}; a++) {`,
      `    for (let b = a + 1; b < ${K}; b++) {`,
      '      let sum = 0;',
      `      for (let t = START[a]; t < START[a + 1]; t++) sum += DUAL_COEF[(b - 1) * ${nSV} + t] * kv[t];`,
      `      for (let t = START[b]; t < START[b + 1]; t++) sum += DUAL_COEF[a * ${nSV} + t] * kv[t];`,
      `      s[i * ${P} + pair] = sum + INTERCEPT[pair];`,
      '      pair++;',
      '    }',
      '  }',
      '}',
    ].join('\n'),
    label: [
      'votes.fill(0);',
      'let pair = 0;',
      `for (let a = 0; a < ${K}; a++) for (let b = a + 1; b < ${K}; b++) votes[s[o + pair++] > 0 ? a : b]++;`,
      'let best = 0;',
      `for (let c = 1; c < ${K}; c++) if (votes[c] > votes[best]) best = c;`,
      'return best;',
    ].join('\n'),
  };
}
