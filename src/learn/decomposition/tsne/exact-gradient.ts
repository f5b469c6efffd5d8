/**
 * The exact t-SNE objective: KL(P‖Q) with Student-t similarities q_ij ∝ 1/(1 + ‖y_i − y_j‖²)
 * over all pairs, and its gradient 4 Σ_j (p_ij − q_ij)(1 + ‖y_i − y_j‖²)⁻¹ (y_i − y_j). O(n²)
 * per evaluation.
 */
export function exactKlGradient(P: Float64Array, y: Float64Array, n: number, dim: number, grad: Float64Array, withError: boolean): number {
  const w = new Float64Array(n * n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0; c < dim; c++) s += (y[i * dim + c]! - y[j * dim + c]!) ** 2;
      const v = 1 / (1 + s);
      w[i * n + j] = v;
      w[j * n + i] = v;
      sum += v;
    }
  }
  const norm = 2 * sum;
  grad.fill(0);
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = w[i * n + j]!;
      const q = Math.max(v / norm, Number.EPSILON);
      const p = P[i * n + j]!;
      if (withError) kl += 2 * p * Math.log(Math.max(p, Number.EPSILON) / q);
      const f = 4 * (p - q) * v;
      for (let c = 0; c < dim; c++) {
        const delta = f * (y[i * dim + c]! - y[j * dim + c]!);
        grad[i * dim + c]! += delta;
        grad[j * dim + c]! -= delta;
      }
    }
  }
  return kl;
}
