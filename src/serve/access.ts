/**
 * Who is calling and what they may do. A key comes as `Authorization: Bearer <key>` (or
 * Algorithmia's `Simple <key>`) or `X-API-Key: <key>`. Public models need no key; private ones
 * need a key with the predict scope whose owner owns the endpoint (or admin). A key that is
 * presented but wrong is always a 401, even on public routes.
 */
import type { FastifyRequest } from 'fastify';
import { hasScope, type Scope } from './api-keys.js';
import { RateLimitedError, ServeError } from './errors.js';
import type { ApiKey, HostingStore } from './hosting-store.js';
import type { ServeMetrics } from './metrics.js';
import type { ModelEntry } from './model-repository.js';
import type { RateLimiter } from './rate-limiter.js';

function presentedToken(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && auth !== '') {
    const m = /^(Bearer|Simple)\s+(\S+)\s*$/i.exec(auth);
    if (!m) throw new ServeError(401, 'unauthorized', "The Authorization header must be 'Bearer <api key>'.");
    return m[2]!;
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header : null;
}

/** The caller's key, null when none was sent; a wrong, malformed or revoked key is a 401. */
export function callerKey(request: FastifyRequest, hosting: HostingStore): ApiKey | null {
  const token = presentedToken(request);
  if (token === null) return null;
  const key = hosting.verifyKey(token);
  if (!key) throw new ServeError(401, 'unauthorized', 'The API key is not valid (unknown, mistyped or revoked); ask an admin for a new one.');
  return key;
}

/** A key with `scope`, else 401 (no key) or 403 (a key without the scope). */
export function requireScope(key: ApiKey | null, scope: Scope): ApiKey {
  if (!key) throw new ServeError(401, 'unauthorized', `This needs an API key with the '${scope}' scope; send it as 'Authorization: Bearer <key>'.`);
  if (!hasScope(key.scopes, scope)) throw new ServeError(403, 'forbidden', `API key ${key.id} has scopes ${key.scopes.join(', ')}; this needs '${scope}'.`);
  return key;
}

/** Whether the caller may see and call a model. */
export function checkModelAccess(entry: ModelEntry, key: ApiKey | null): void {
  if (entry.visibility === 'public') return;
  const k = requireScope(key, 'predict');
  if (entry.owner !== null && entry.owner !== k.owner && !k.scopes.includes('admin')) {
    throw new ServeError(403, 'forbidden', `Model '${entry.name}' is private to its owner; API key ${k.id} belongs to '${k.owner}'.`);
  }
}

/** Spends one request of the key's rate limit, or answers 429 with the seconds to wait. */
export function checkRateLimit(key: ApiKey | null, limiter: RateLimiter, metrics: ServeMetrics): void {
  if (!key || key.rateLimit === null) return;
  const wait = limiter.take(key.id, key.rateLimit);
  if (wait > 0) {
    metrics.rateLimited.inc({ key: key.id });
    throw new RateLimitedError(`API key ${key.id} is limited to ${key.rateLimit} requests per minute; retry in ${wait} s.`, wait);
  }
}
