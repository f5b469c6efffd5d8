/**
 * SVM kernels (libsvm's definitions) and the resolution of gamma:
 *   linear  x·z
 *   poly    (γ x·z + coef0)^degree
 *   rbf     exp(−γ‖x − z‖²)
 *   sigmoid tanh(γ x·z + coef0)
 * 'scale' gamma is 1 / (features · Var(X)) over all entries of X, 'auto' is 1 / features.
 */
import { ParamError } from '../base/errors.js';

export type KernelName = 'linear' | 'poly' | 'rbf' | 'sigmoid';

export interface KernelSpec {
  kernel: KernelName;
  gamma: number;
  degree: number;
  coef0: number;
}

/** gamma as a number: 'scale', 'auto' or a positive number. */
export function resolveGamma(gamma: number | 'scale' | 'auto', X: Float64Array, p: number, estimator: string): number {
  if (gamma === 'auto') return 1 / p;
  if (gamma === 'scale') {
    let mean = 0;
    for (const v of X) mean += v;
    mean /= X.length;
    let v2 = 0;
    for (const v of X) v2 += (v - mean) ** 2;
    const variance = v2 / X.length;
    return variance === 0 ? 1 : 1 / (p * variance);
  }
  if (typeof gamma !== 'number' || !Number.isFinite(gamma) || gamma <= 0) {
    throw new ParamError(`${estimator}: gamma must be 'scale', 'auto' or a number > 0, got ${JSON.stringify(gamma)}.`);
  }
  return gamma;
}

/** k(a, b) for rows a and b (offsets into their row-major arrays). */
export function kernelValue(spec: KernelSpec, A: Float64Array, ao: number, B: Float64Array, bo: number, p: number): number {
  if (spec.kernel === 'rbf') {
    let s = 0;
    for (let j = 0; j < p; j++) {
      const d = A[ao + j]! - B[bo + j]!;
      s += d * d;
    }
    return Math.exp(-spec.gamma * s);
  }
  let dot = 0;
  for (let j = 0; j < p; j++) dot += A[ao + j]! * B[bo + j]!;
  switch (spec.kernel) {
    case 'linear':
      return dot;
    case 'poly':
      return (spec.gamma * dot + spec.coef0) ** spec.degree;
    case 'sigmoid':
      return Math.tanh(spec.gamma * dot + spec.coef0);
  }
}

/**
 * Rows of a Q matrix computed on demand and kept in an LRU cache of at most `cacheMB` megabytes
 * (libsvm's kernel cache). Rows handed out are never modified afterwards, so a caller may hold
 * two of them even if one is evicted.
 */
export class RowCache {
  private readonly rows = new Map<number, Float64Array>();
  private readonly capacity: number;

  constructor(
    private readonly length: number,
    private readonly compute: (i: number, out: Float64Array) => void,
    cacheMB: number,
  ) {
    this.capacity = Math.max(2, Math.floor((cacheMB * 1024 * 1024) / (8 * Math.max(1, length))));
  }

  row(i: number): Float64Array {
    const hit = this.rows.get(i);
    if (hit) {
      this.rows.delete(i);
      this.rows.set(i, hit);
      return hit;
    }
    const out = new Float64Array(this.length);
    this.compute(i, out);
    if (this.rows.size >= this.capacity) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(i, out);
    return out;
  }
}
