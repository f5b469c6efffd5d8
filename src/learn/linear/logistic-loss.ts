/**
 * Logistic losses with their gradients, summed over samples as scikit-learn 1.2 does:
 *
 *   binary:      Σᵢ sᵢ [log(1 + e^{zᵢ}) − tᵢ zᵢ]                 zᵢ = xᵢ·w + b
 *   multinomial: Σᵢ sᵢ [log Σₖ e^{zᵢₖ} − zᵢ,yᵢ]                zᵢₖ = xᵢ·wₖ + bₖ
 *
 * plus ½·l2‖W‖² (intercepts not penalized). Parameters are flat: per class the p weights then the
 * intercept (when fitted), classes one after another.
 */
import { rowScores } from './center.js';

export interface LogisticProblem {
  /** Row-major n × p. */
  X: Float64Array;
  n: number;
  p: number;
  /** Class index of each sample. */
  codes: Int32Array;
  /** Sample weights (class weights folded in). */
  sw: Float64Array;
  /** 1 for the binary loss (scoring class 1), else the number of classes. */
  k: number;
  fitIntercept: boolean;
  /** For the binary loss: the class counted as positive. */
  positive?: number;
}

export function parameterCount(pr: LogisticProblem): number {
  return pr.k * (pr.p + (pr.fitIntercept ? 1 : 0));
}

/** log(1 + e^z) without overflow. */
export function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Rows per block of the binary loss. */
const LOSS_BLOCK = 256;

/** g += Σ_r c[r]·X[start + r] for r < m, four rows per pass over g. */
function addWeightedRows(X: Float64Array, p: number, start: number, m: number, c: Float64Array, g: Float64Array): void {
  let r = 0;
  for (; r + 4 <= m; r += 4) {
    const o0 = (start + r) * p;
    const o1 = o0 + p;
    const o2 = o1 + p;
    const o3 = o2 + p;
    const c0 = c[r]!;
    const c1 = c[r + 1]!;
    const c2 = c[r + 2]!;
    const c3 = c[r + 3]!;
    for (let j = 0; j < p; j++) g[j] += c0 * X[o0 + j]! + c1 * X[o1 + j]! + c2 * X[o2 + j]! + c3 * X[o3 + j]!;
  }
  for (; r < m; r++) {
    const o = (start + r) * p;
    const cr = c[r]!;
    for (let j = 0; j < p; j++) g[j] += cr * X[o + j]!;
  }
}

/**
 * Rows per chunk. The data term is summed within each chunk, then over the chunks in order, so
 * any split of the chunks over threads (see `LossEvaluator`) gives bit-identical sums.
 */
export const LOSS_CHUNK = 4096;

/** Number of chunks of n rows. */
export function chunkCount(n: number): number {
  return Math.ceil(n / LOSS_CHUNK);
}

/**
 * Evaluates the data term of chunks [0, chunkCount(n)) into `partials` (per chunk: the loss,
 * then the parameterCount gradient entries); the default runs them all on this thread.
 */
export type LossEvaluator = (v: Float64Array, partials: Float64Array) => void;

/** The data term of chunks [c0, c1) into `partials` (layout as in `LossEvaluator`). */
export function lossChunks(pr: LogisticProblem, v: Float64Array, c0: number, c1: number, partials: Float64Array): void {
  const stride = parameterCount(pr) + 1;
  for (let c = c0; c < c1; c++) {
    const start = c * LOSS_CHUNK;
    const end = Math.min(pr.n, start + LOSS_CHUNK);
    const grad = partials.subarray(c * stride + 1, (c + 1) * stride);
    grad.fill(0);
    partials[c * stride] = pr.k === 1 ? binaryRows(pr, v, start, end, grad) : multinomialRows(pr, v, start, end, grad);
  }
}

/** The binary data term of rows [from, to): returns the loss, adds the gradient into grad. */
function binaryRows(pr: LogisticProblem, v: Float64Array, from: number, to: number, grad: Float64Array): number {
  const { X, p, codes, sw, fitIntercept } = pr;
  const pos = pr.positive ?? 1;
  const b = fitIntercept ? v[p]! : 0;
  let loss = 0;
  let gb = 0;
  // Blocks of rows small enough to stay in cache between the three passes: scores, then the
  // loss and residual of each row (one exp serves log(1 + e^z) and the sigmoid), then the
  // gradient, four rows per gradient update.
  const z = new Float64Array(LOSS_BLOCK);
  for (let start = from; start < to; start += LOSS_BLOCK) {
    const m = Math.min(LOSS_BLOCK, to - start);
    rowScores(X, p, start, m, v, b, z);
    for (let r = 0; r < m; r++) {
      const i = start + r;
      const zi = z[r]!;
      const t = codes[i] === pos ? 1 : 0;
      const s = sw[i]!;
      const e = Math.exp(-Math.abs(zi));
      loss += s * ((zi > 0 ? zi : 0) + Math.log1p(e) - t * zi);
      const res = s * ((zi >= 0 ? 1 / (1 + e) : e / (1 + e)) - t);
      z[r] = res;
      gb += res;
    }
    addWeightedRows(X, p, start, m, z, grad);
  }
  if (fitIntercept) grad[p] += gb;
  return loss;
}

/** The multinomial data term of rows [from, to): returns the loss, adds the gradient into grad. */
function multinomialRows(pr: LogisticProblem, v: Float64Array, from: number, to: number, grad: Float64Array): number {
  const { X, p, codes, sw, k, fitIntercept } = pr;
  const d = p + (fitIntercept ? 1 : 0);
  let loss = 0;
  const z = new Float64Array(k);
  for (let i = from; i < to; i++) {
    const o = i * p;
    let zmax = -Infinity;
    for (let c = 0; c < k; c++) {
      const w = c * d;
      let s = fitIntercept ? v[w + p]! : 0;
      for (let j = 0; j < p; j++) s += X[o + j]! * v[w + j]!;
      z[c] = s;
      if (s > zmax) zmax = s;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(z[c]! - zmax);
    const lse = zmax + Math.log(sum);
    const s = sw[i]!;
    const yi = codes[i]!;
    loss += s * (lse - z[yi]!);
    for (let c = 0; c < k; c++) {
      const r = s * (Math.exp(z[c]! - lse) - (c === yi ? 1 : 0));
      const w = c * d;
      for (let j = 0; j < p; j++) grad[w + j] += r * X[o + j]!;
      if (fitIntercept) grad[w + p] += r;
    }
  }
  return loss;
}

/**
 * Loss and gradient (gradient written into `grad`) of the data term plus ½·l2‖W‖². The data
 * term comes chunk by chunk from `evaluate` (all chunks on this thread by default).
 */
export function logisticLossGrad(pr: LogisticProblem, v: Float64Array, l2: number, grad: Float64Array, evaluate?: LossEvaluator): number {
  const { p, k, fitIntercept } = pr;
  const d = p + (fitIntercept ? 1 : 0);
  const nv = parameterCount(pr);
  const chunks = chunkCount(pr.n);
  const partials = new Float64Array(chunks * (nv + 1));
  if (evaluate) evaluate(v, partials);
  else lossChunks(pr, v, 0, chunks, partials);
  grad.fill(0);
  let loss = 0;
  for (let c = 0, o = 0; c < chunks; c++, o += nv + 1) {
    loss += partials[o]!;
    for (let i = 0; i < nv; i++) grad[i] += partials[o + 1 + i]!;
  }
  if (l2 > 0) {
    let norm = 0;
    for (let c = 0; c < k; c++) {
      const w = c * d;
      for (let j = 0; j < p; j++) {
        norm += v[w + j]! ** 2;
        grad[w + j] += l2 * v[w + j]!;
      }
    }
    loss += 0.5 * l2 * norm;
  }
  return loss;
}

/** Whether flat index `i` is an intercept (never penalized). */
export function isIntercept(pr: LogisticProblem, i: number): boolean {
  return pr.fitIntercept && i % (pr.p + 1) === pr.p;
}
