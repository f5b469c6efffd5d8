/**
 * Errors a request can cause. Each carries the HTTP status, a stable code and a message that
 * says what was wrong and how to fix it; `field` names the offending input when there is one.
 */
export type ServeErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export class ServeError extends Error {
  override name = 'ServeError';
  constructor(
    readonly statusCode: number,
    readonly code: ServeErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** 429: the caller's key spent its rate limit; `retryAfter` seconds go in the Retry-After header. */
export class RateLimitedError extends ServeError {
  constructor(message: string, readonly retryAfter: number) {
    super(429, 'rate_limited', message);
  }
}

/** A 400 naming the field (e.g. `instances[3].x1`) and what it should be. */
export function invalidInput(message: string, field?: string): ServeError {
  return new ServeError(400, 'invalid_input', message, field);
}

export function notFound(message: string): ServeError {
  return new ServeError(404, 'not_found', message);
}

/** The JSON body of every error response: `{ error, code, field? }` (`error` as KServe v2 has it). */
export function errorBody(err: ServeError): { error: string; code: ServeErrorCode; field?: string } {
  return err.field === undefined ? { error: err.message, code: err.code } : { error: err.message, code: err.code, field: err.field };
}
