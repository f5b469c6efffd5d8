/** Errors of the tracking store: each says what was wrong and how to fix it. */

/** Base class of every `track` error. */
export class TrackingError extends Error {
  override name = 'TrackingError';
}

/** A run id that the store does not hold. */
export class RunNotFoundError extends TrackingError {
  override name = 'RunNotFoundError';
  constructor(readonly runId: string, storeUri: string) {
    super(`Run '${runId}' not found in ${storeUri}; list the runs with \`strata runs list\` (or pass --store for another store).`);
  }
}

/** A registered model, version or alias that the registry does not hold. */
export class ModelNotFoundError extends TrackingError {
  override name = 'ModelNotFoundError';
}

/** A value that cannot be logged (a string metric, a bad key, a path-traversing artifact name…). */
export class InvalidInputError extends TrackingError {
  override name = 'InvalidInputError';
}
