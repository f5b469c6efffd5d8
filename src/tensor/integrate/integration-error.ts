/** The error `quad` throws when it cannot reach the requested accuracy. */

/** QUADPACK's failure codes (`ier`), as `quad` reports them. */
export type QuadStatus = 'limit' | 'roundoff' | 'bad-integrand' | 'no-convergence' | 'divergent';

export class IntegrationError extends Error {
  override name = 'IntegrationError';
  /** Best estimate of the integral reached before giving up. */
  readonly value: number;
  /** Estimated absolute error of `value` (larger than requested). */
  readonly error: number;
  readonly status: QuadStatus;

  constructor(message: string, value: number, error: number, status: QuadStatus) {
    super(message);
    this.value = value;
    this.error = error;
    this.status = status;
  }
}
