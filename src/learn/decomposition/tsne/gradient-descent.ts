/**
 * t-SNE's optimizer (scikit-learn's _gradient_descent): momentum with per-coordinate adaptive
 * gains (+0.2 when the gradient's sign flips against the update, ×0.8 otherwise, floored at
 * min_gain), checking progress every `checkEvery` iterations.
 */
export interface DescentOptions {
  /** First iteration index (the count continues across phases). */
  start: number;
  /** Iteration index to stop before. */
  end: number;
  momentum: number;
  learningRate: number;
  nIterWithoutProgress: number;
  minGradNorm: number;
  checkEvery: number;
  minGain: number;
}

export interface DescentState {
  update: Float64Array;
  gains: Float64Array;
}

/** Runs the descent in place on y; returns the last error and the last iteration index. */
export function gradientDescent(
  y: Float64Array, state: DescentState, objective: (grad: Float64Array, withError: boolean) => number, o: DescentOptions,
): { error: number; iter: number } {
  const grad = new Float64Array(y.length);
  const { update, gains } = state;
  let error = Number.MAX_VALUE;
  let bestError = Number.MAX_VALUE;
  let bestIter = o.start;
  let i = o.start;
  for (; i < o.end; i++) {
    const check = (i + 1) % o.checkEvery === 0;
    error = objective(grad, check || i === o.end - 1);
    let norm = 0;
    for (let t = 0; t < y.length; t++) {
      const g = grad[t]!;
      if (update[t]! * g < 0) gains[t]! += 0.2;
      else gains[t]! *= 0.8;
      if (gains[t]! < o.minGain) gains[t] = o.minGain;
      const scaled = g * gains[t]!;
      norm += scaled * scaled;
      update[t] = o.momentum * update[t]! - o.learningRate * scaled;
      y[t]! += update[t]!;
    }
    if (check) {
      if (error < bestError) {
        bestError = error;
        bestIter = i;
      } else if (i - bestIter > o.nIterWithoutProgress) break;
      if (Math.sqrt(norm) <= o.minGradNorm) break;
    }
  }
  return { error, iter: Math.min(i, o.end - 1) };
}
