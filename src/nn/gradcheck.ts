/**
 * Gradient checking: compares the gradients back-propagation gives with central finite
 * differences. Inputs must be float64 for the comparison to be meaningful.
 */
import { type Tensor, noGrad } from './tensor.js';

/** Options for `gradCheck`. */
export interface GradCheckOptions {
  /** Finite-difference step (default 1e-6). */
  eps?: number;
  /** Allowed absolute error (default 1e-6). */
  atol?: number;
  /** Allowed relative error (default 1e-4). */
  rtol?: number;
}

/** The worst disagreement found by `gradCheck`. */
export interface GradCheckResult {
  maxAbsError: number;
  /** Input index, element index, analytic and numeric values at the worst element. */
  worst: { input: number; index: number; analytic: number; numeric: number } | null;
}

/**
 * Checks d(Σ w·f(inputs))/d(inputs) against central differences, with fixed pseudo-random
 * weights w (so every output element matters). Inputs that require gradients are checked.
 * Throws an Error describing the worst element when a difference exceeds atol + rtol·|numeric|.
 *
 * @example
 * const x = tensor([[0.3, -1.2]], { dtype: 'float64', requiresGrad: true });
 * gradCheck((t) => t.tanh(), [x]);
 */
export function gradCheck(fn: (...inputs: Tensor[]) => Tensor, inputs: readonly Tensor[], options: GradCheckOptions = {}): GradCheckResult {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-6;
  const rtol = options.rtol ?? 1e-4;
  for (const t of inputs) {
    if (t.dtype !== 'float64') throw new TypeError('gradCheck: inputs must be float64 (create them with dtype: \'float64\' or convert with .to(\'float64\')).');
    t.grad = null;
  }
  const first = fn(...inputs);
  const weights = new Float64Array(first.size);
  let state = 12345;
  for (let i = 0; i < weights.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    weights[i] = (state / 2 ** 32) * 2 - 1;
  }
  const objective = (): number => {
    const out = noGrad(() => fn(...inputs));
    let s = 0;
    for (let i = 0; i < out.size; i++) s += out.data[i]! * weights[i]!;
    return s;
  };
  const seed = first.detach().clone();
  seed.data.set(weights);
  first.backward(seed);
  let maxAbsError = 0;
  let worst: GradCheckResult['worst'] = null;
  let failed = false;
  inputs.forEach((t, input) => {
    if (!t.requiresGrad) return;
    for (let index = 0; index < t.size; index++) {
      const saved = t.data[index]!;
      t.data[index] = saved + eps;
      const up = objective();
      t.data[index] = saved - eps;
      const down = objective();
      t.data[index] = saved;
      const numeric = (up - down) / (2 * eps);
      const analytic = t.grad === null ? 0 : t.grad.data[index]!;
      const err = Math.abs(analytic - numeric);
      if (err > maxAbsError || worst === null) {
        if (err >= maxAbsError) {
          maxAbsError = err;
          worst = { input, index, analytic, numeric };
        }
      }
      if (err > atol + rtol * Math.abs(numeric)) failed = true;
    }
  });
  if (failed && worst !== null) {
    const w = worst as NonNullable<GradCheckResult['worst']>;
    throw new Error(`gradCheck: input ${w.input} element ${w.index}: backprop gives ${w.analytic} but finite differences give ${w.numeric} (error ${maxAbsError}).`);
  }
  return { maxAbsError, worst };
}
