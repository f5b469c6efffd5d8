/** How a loss combines per-element values: their mean (default), their sum, or none. */
import type { Tensor } from '../tensor.js';
import { mean, sum } from '../ops/reduce.js';

export type Reduction = 'mean' | 'sum' | 'none';

/** Applies `reduction` to per-element losses. */
export function reduce(losses: Tensor, reduction: Reduction = 'mean'): Tensor {
  if (reduction === 'mean') return mean(losses);
  if (reduction === 'sum') return sum(losses);
  if (reduction === 'none') return losses;
  throw new RangeError(`Unknown reduction '${String(reduction)}'; use 'mean', 'sum' or 'none'.`);
}
