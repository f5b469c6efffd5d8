/** Linear models as dot products: regressors, and classifiers with one score per class (or one for two). */
import { LogisticRegression, SGDClassifier, type Label } from '../../../learn/index.js';
import type { Estimator } from '../../../learn/index.js';
import { fittedState } from '../fitted-state.js';
import { num, typed } from '../literals.js';
import { type Kernel, SIGMOID, argmaxBody } from './kernel.js';

export function linearRegressorKernel(est: Estimator<any, any>): Kernel {
  const s = fittedState<{ coef: Float64Array; intercept: number; nFeatures: number }>(est);
  return {
    task: 'regression', width: 1, input: 'Float64Array', allowNaN: false,
    declarations: [`const COEF = ${typed('Float64Array', s.coef)};`, `const INTERCEPT = ${num(s.intercept)};`],
    score: [
      'for (let i = 0; i < n; i++) {',
      '  const o = i * D;',
      '  let z = INTERCEPT;',
      '  for (let j = 0; j < D; j++) z += x[o + j] * COEF[j];',
      '  s[i] = z;',
      '}',
    ].join('\n'),
  };
}

/** LogisticRegression, SGDClassifier and LinearSVC: scores X·coefᵀ + intercept, rows × (1 or classes). */
export function linearClassifierKernel(est: Estimator<any, any>): Kernel {
  const s = fittedState<{ classes: Label[]; coef: Float64Array; intercept: Float64Array; nFeatures: number; multinomial?: boolean; loss?: string }>(est);
  const k = s.intercept.length;
  const K = s.classes.length;
  const kernel: Kernel = {
    task: 'classification', width: k, input: 'Float64Array', allowNaN: false, classes: s.classes,
    declarations: [`const COEF = ${typed('Float64Array', s.coef)};`, `const INTERCEPT = ${typed('Float64Array', s.intercept)};`],
    score: [
      'for (let i = 0; i < n; i++) {',
      '  const o = i * D;',
      `  for (let c = 0; c < ${k}; c++) {`,
      '    let z = INTERCEPT[c];',
      '    for (let j = 0; j < D; j++) z += x[o + j] * COEF[c * D + j];',
      `    s[i * ${k} + c] = z;`,
      '  }',
      '}',
    ].join('\n'),
    label: k === 1 ? 'return s[o] > 0 ? 1 : 0;' : argmaxBody(k),
  };
  let link: 'logistic' | 'huber' | null = null;
  let normalize = 'sum';
  if (est instanceof LogisticRegression) link = 'logistic';
  else if (est instanceof SGDClassifier && (s.loss === 'log_loss' || s.loss === 'modified_huber')) {
    link = s.loss === 'log_loss' ? 'logistic' : 'huber';
    normalize = 'sgd';
  }
  if (!link) return kernel;
  const f = link === 'logistic' ? 'sigmoid' : 'modifiedHuber';
  kernel.declarations.push(link === 'logistic' ? SIGMOID : 'function modifiedHuber(z) {\n  return (Math.min(1, Math.max(-1, z)) + 1) / 2;\n}');
  if (k === 1) kernel.proba = [`const p1 = ${f}(s[o]);`, 'p[0] = 1 - p1;', 'p[1] = p1;'].join('\n');
  else if (s.multinomial) {
    kernel.proba = [
      'let zmax = -Infinity;',
      `for (let c = 0; c < ${K}; c++) zmax = Math.max(zmax, s[o + c]);`,
      'let sum = 0;',
      `for (let c = 0; c < ${K}; c++) sum += (p[c] = Math.exp(s[o + c] - zmax));`,
      `for (let c = 0; c < ${K}; c++) p[c] = p[c] / sum;`,
    ].join('\n');
  } else {
    kernel.proba = [
      'let sum = 0;',
      `for (let c = 0; c < ${K}; c++) sum += (p[c] = ${f}(s[o + c]));`,
      normalize === 'sgd'
        ? `for (let c = 0; c < ${K}; c++) p[c] = sum === 0 ? 1 / ${K} : p[c] / sum;`
        : `for (let c = 0; c < ${K}; c++) p[c] = p[c] / sum;`,
    ].join('\n');
  }
  return kernel;
}
