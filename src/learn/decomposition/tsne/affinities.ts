/**
 * t-SNE input affinities: per-point Gaussian bandwidths found by bisection so each conditional
 * distribution P(j | i) has the requested perplexity (scikit-learn's _binary_search_perplexity),
 * then symmetrized and normalized into the joint P.
 */

const PERPLEXITY_TOLERANCE = 1e-5;
const EPSILON_DBL = 1e-8;
const MAX_STEPS = 100;

/**
 * Conditional probabilities for one point from its squared distances `sq` (length m, the point
 * itself excluded by the caller), written into `out`.
 */
export function conditionalRow(sq: ArrayLike<number>, m: number, perplexity: number, out: Float64Array): void {
  const desired = Math.log(perplexity);
  let beta = 1;
  let betaMin = -Infinity;
  let betaMax = Infinity;
  for (let step = 0; step < MAX_STEPS; step++) {
    let sum = 0;
    for (let j = 0; j < m; j++) {
      out[j] = Math.exp(-sq[j]! * beta);
      sum += out[j]!;
    }
    if (sum === 0) sum = EPSILON_DBL;
    let sumDistP = 0;
    for (let j = 0; j < m; j++) {
      out[j]! /= sum;
      sumDistP += sq[j]! * out[j]!;
    }
    const entropy = Math.log(sum) + beta * sumDistP;
    const diff = entropy - desired;
    if (Math.abs(diff) <= PERPLEXITY_TOLERANCE) return;
    if (diff > 0) {
      betaMin = beta;
      beta = betaMax === Infinity ? beta * 2 : (beta + betaMax) / 2;
    } else {
      betaMax = beta;
      beta = betaMin === -Infinity ? beta / 2 : (beta + betaMin) / 2;
    }
  }
}

/** Dense joint P (n × n, zero diagonal, entries ≥ machine epsilon off the diagonal) from all pairwise distances. */
export function denseJointP(x: Float64Array, n: number, d: number, perplexity: number): Float64Array {
  const P = new Float64Array(n * n);
  const sq = new Float64Array(n - 1);
  const row = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < d; c++) s += (x[i * d + c]! - x[j * d + c]!) ** 2;
      sq[t++] = s;
    }
    conditionalRow(sq, n - 1, perplexity, row);
    t = 0;
    for (let j = 0; j < n; j++) if (j !== i) P[i * n + j] = row[t++]!;
  }
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) total += P[i * n + j]! + P[j * n + i]!;
  total = Math.max(2 * total, Number.EPSILON);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = Math.max((P[i * n + j]! + P[j * n + i]!) / total, Number.EPSILON);
      P[i * n + j] = v;
      P[j * n + i] = v;
    }
  }
  return P;
}

/** A symmetric sparse P in CSR form. */
export interface SparseP {
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Sparse joint P from each point's k nearest neighbors (squared distances given row by row):
 * conditional rows, then (P + Pᵀ) / ΣP.
 */
export function sparseJointP(neighbors: Int32Array, sqDistances: Float64Array, n: number, k: number, perplexity: number): SparseP {
  const cond = new Float64Array(n * k);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    conditionalRow(sqDistances.subarray(i * k, i * k + k), k, perplexity, row);
    cond.set(row, i * k);
  }
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = neighbors[i * k + t]!;
      const v = cond[i * k + t]!;
      rows[i]!.set(j, (rows[i]!.get(j) ?? 0) + v);
      rows[j]!.set(i, (rows[j]!.get(i) ?? 0) + v);
    }
  }
  let total = 0;
  let nnz = 0;
  for (const r of rows) {
    nnz += r.size;
    for (const v of r.values()) total += v;
  }
  total = Math.max(total, Number.EPSILON);
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let o = 0;
  rows.forEach((r, i) => {
    const cols = [...r.keys()].sort((a, b) => a - b);
    for (const j of cols) {
      indices[o] = j;
      values[o++] = r.get(j)! / total;
    }
    indptr[i + 1] = o;
  });
  return { indptr, indices, values };
}
