/** How the tracking API answers errors: a status code and `{ error, message }` naming what was wrong. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { InvalidInputError, ModelNotFoundError, RunNotFoundError } from '../errors.js';
import { FilterSyntaxError } from '../query/filter.js';

/** An API error with its HTTP status (404 for a missing artifact, 400 for a bad request). */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

/** `query.limit: Too big: expected number to be <=5000; body.metrics.0.key: …` */
export function zodMessage(err: ZodError, where: string): string {
  return err.issues.map((i) => `${[where, ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');
}

export function errorHandler(err: FastifyError | Error, _req: FastifyRequest, reply: FastifyReply): void {
  const send = (status: number, error: string, message: string, extra: Record<string, unknown> = {}): void => {
    void reply.code(status).type('application/json').send({ error, message, ...extra });
  };
  if (err instanceof HttpError) return send(err.statusCode, err.statusCode === 404 ? 'not_found' : 'bad_request', err.message);
  if (err instanceof RunNotFoundError || err instanceof ModelNotFoundError) return send(404, 'not_found', err.message);
  if (err instanceof FilterSyntaxError) return send(400, 'bad_filter', err.message, { position: err.position, reason: err.reason });
  if (err instanceof InvalidInputError) return send(400, 'bad_request', err.message);
  if (err instanceof ZodError) return send(400, 'bad_request', zodMessage(err, 'request'));
  const code = (err as FastifyError).code;
  const status = (err as FastifyError).statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, 'payload_too_large', `The request body is over this server's ${reply.server.initialConfig.bodyLimit}-byte limit; send fewer rows or points per request.`);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, 'unsupported_media_type', `${err.message}; send application/json (or text/csv to predict).`);
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && status === 400)) {
    return send(400, 'bad_json', `The request body is not valid JSON: ${err.message}.`);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return send(status, 'bad_request', err.message);
  reply.log.error(err);
  send(500, 'internal', `The tracking server failed: ${err.message}`);
}
