/** Errors raised by the optimizers. */
import type { RootResult } from './result.js';

/**
 * An iterative solver stopped before meeting its tolerance (root finders that were asked to
 * converge, such as `brentq` and `newton`). The message says how far it got and what to change.
 */
export class ConvergenceError extends Error {
  override name = 'ConvergenceError';
}

/** The ConvergenceError a root finder throws for a result that did not converge. */
export function notConverged(name: string, r: RootResult): ConvergenceError {
  return new ConvergenceError(
    `${name} did not converge after ${r.iterations} iterations (last estimate ${r.root}); ` +
      'raise maxIter or loosen xtol/rtol, or check that f is continuous on the bracket.',
  );
}
