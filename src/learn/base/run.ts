/**
 * The small interface a model logs its training through. `track` implements it (a real run in
 * the store); learn and nn only ever see this interface, so they never import `track`.
 */
export interface TrainingRun {
  logParams(params: Record<string, unknown>): void;
  /** One point of a metric series; `step` is the iteration/epoch, omitted for a final value. */
  logMetric(key: string, value: number, step?: number): void;
}

/** Options every `fit` accepts besides the data. */
export interface FitOptions {
  /** Where to log params and training curves. */
  run?: TrainingRun;
}
