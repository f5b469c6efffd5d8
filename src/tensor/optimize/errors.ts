/** Errors raised by the optimizers. */

/**
 * An iterative solver stopped before meeting its tolerance (root finders that were asked to
 * converge, such as `brentq` and `newton`). The message says how far it got and what to change.
 */
export class ConvergenceError extends Error {
  override name = 'ConvergenceError';
}
