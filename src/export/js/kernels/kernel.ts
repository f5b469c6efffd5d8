/**
 * The model half of a generated module: code that scores a block of feature rows. The module
 * around it (to-js-module.ts) turns the scores into labels, probabilities or values.
 */
import type { Label } from '../../../learn/index.js';

export type KernelTask = 'classification' | 'regression' | 'clustering' | 'transform';

export interface Kernel {
  task: KernelTask;
  /** Scores written per row. */
  width: number;
  /** Element type of the feature block: trees compare float32 features, as the native trees do. */
  input: 'Float64Array' | 'Float32Array';
  /** Whether missing (NaN) features are allowed; otherwise rows with them are rejected. */
  allowNaN: boolean;
  /** Module-level constants and helper functions. */
  declarations: string[];
  /** Body of `scoreBlock(x, n, s)`: `x` holds n rows of D features, `s` gets n rows of `width` scores. */
  score: string;
  /** Classifiers: body of `labelIndex(s, o)`, the class index of the scores at `s[o …]`. */
  label?: string;
  /** Classifiers with probabilities: body of `probabilities(s, o, p)`, writing one per class into p. */
  proba?: string;
  classes?: Label[];
}

/** Index of the largest of `k` scores at s[o …] (the first on ties), as a function body. */
export function argmaxBody(k: number): string {
  return [
    'let best = 0;',
    `for (let c = 1; c < ${k}; c++) if (s[o + c] > s[o + best]) best = c;`,
    'return best;',
  ].join('\n');
}

/** Copies k probabilities from s[o …] into p. */
export function copyBody(k: number): string {
  return `for (let c = 0; c < ${k}; c++) p[c] = s[o + c];`;
}

export const SIGMOID = `function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}`;
