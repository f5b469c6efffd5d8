/** `createServer`: a Fastify instance that serves registry models, model files and uploaded endpoints. */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { dirname, extname, join } from 'node:path';
import { openStore, type TrackingStore } from '../track/index.js';
import { existsSync } from 'node:fs';
import type { ServeContext, ServeLimits } from './context.js';
import { errorBody, RateLimitedError, ServeError } from './errors.js';
import { HostingStore, type Visibility } from './hosting-store.js';
import { parseJsonBody } from './json-body.js';
import { ServeMetrics, type MetricsSnapshot } from './metrics.js';
import { ModelRepository } from './model-repository.js';
import { RateLimiter } from './rate-limiter.js';
import { hostingRoutes } from './routes/hosting.js';
import { inferenceRoutes } from './routes/inference.js';
import { operationRoutes } from './routes/operations.js';

export interface ServeOptions {
  /** Model files (`.json`, `.onnx`) or registry references NAME, NAME:VERSION, NAME@ALIAS to load at start. */
  models?: readonly string[];
  /** Tracking store URI (`sqlite:PATH`, `postgres://…`); default $STRATA_HOME/strata.db or .strata/strata.db. */
  store?: string;
  /** Folder of the hosting database (`serve.db`) and uploaded models; default: beside a SQLite store, else $STRATA_HOME or .strata. */
  home?: string;
  /** Models named at start need an API key with the predict scope (default: public). */
  privateModels?: boolean;
  /** Longest wait to gather a micro-batch under load, ms (default 0: batch what arrived while the model was busy). */
  batchWindowMs?: number;
  /** Most rows in one model call (default 256). */
  maxBatchRows?: number;
  /** Most rows in one request (default 10,000). */
  maxRows?: number;
  /** Largest prediction body in bytes (default 1 MiB); larger ones get 413. */
  bodyLimit?: number;
  /** Largest model upload in bytes (default 64 MiB). */
  uploadLimit?: number;
  /** Deepest JSON nesting accepted (default 32). */
  maxDepth?: number;
  /** How often to look for moved aliases and changed endpoints, ms (default 5000; 0 turns hot reload off). */
  pollMs?: number;
  /** Longest time to receive a whole request, ms (default 30,000). */
  requestTimeoutMs?: number;
  /** pino level: 'fatal' … 'trace', or 'silent' (default 'warn': quiet unless something is wrong). */
  logLevel?: string;
  /** Worker processes sharing the port; rate limits are split between them (default 1). */
  processes?: number;
  /** Set by cluster workers: gathers every worker's metrics so /metrics covers the whole server. */
  collectMetrics?: (local: MetricsSnapshot) => Promise<MetricsSnapshot[]>;
}

const contexts = new WeakMap<FastifyInstance, ServeContext>();

/** The models, hosting store and metrics behind a server made by `createServer`. */
export function serveContext(app: FastifyInstance): ServeContext {
  const ctx = contexts.get(app);
  if (!ctx) throw new Error('serveContext: this Fastify instance was not made by createServer.');
  return ctx;
}

/** Where serve.db lives for a store URI. */
export function hostingHome(storeUri: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (storeUri?.startsWith('sqlite:')) return dirname(storeUri.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''));
  return env.STRATA_HOME ?? '.strata';
}

const isFileRef = (ref: string): boolean => existsSync(ref) || ['.json', '.onnx'].includes(extname(ref).toLowerCase());

/**
 * Builds the server and loads its models; call `listen` on the result. Closing it stops hot
 * reload, writes pending usage and closes the stores.
 *
 * @example
 * const app = await createServer({ models: ['churn@production'] });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 * // curl -H 'content-type: application/json' -d '{"instances": [{"age": 41, "plan": "pro"}]}' localhost:8080/v1/models/churn:predict
 */
export async function createServer(options: ServeOptions = {}): Promise<FastifyInstance> {
  const limits: ServeLimits = {
    maxRows: options.maxRows ?? 10_000,
    maxDepth: options.maxDepth ?? 32,
    bodyLimit: options.bodyLimit ?? 1 << 20,
    uploadLimit: options.uploadLimit ?? 64 << 20,
  };
  const app = Fastify({
    logger: { level: options.logLevel ?? 'warn' },
    bodyLimit: limits.bodyLimit,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    connectionTimeout: options.requestTimeoutMs ?? 30_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 512 },
  });
  const models = options.models ?? [];
  let store: TrackingStore | null = null;
  if (models.some((m) => !isFileRef(m))) store = await openStore(options.store, { reap: false });
  const hosting = HostingStore.open(join(options.home ?? hostingHome(options.store ?? (store?.uri)), 'serve.db'));
  const metrics = new ServeMetrics();
  const repo = new ModelRepository(store, hosting, metrics, { windowMs: options.batchWindowMs ?? 0, maxRows: options.maxBatchRows ?? 256 }, {
    info: (o, m) => app.log.info(o, m),
    error: (o, m) => app.log.error(o, m),
  });
  const ctx: ServeContext = {
    repo, hosting, metrics, limiter: new RateLimiter(options.processes ?? 1), limits, defaultModel: null,
    ...(options.collectMetrics ? { collectMetrics: options.collectMetrics } : {}),
  };
  contexts.set(app, ctx);

  const timers: NodeJS.Timeout[] = [];
  app.addHook('onClose', async () => {
    timers.forEach(clearInterval);
    await repo.close();
    hosting.close();
    await store?.close();
  });
  try {
    const visibility: Visibility = options.privateModels ? 'private' : 'public';
    for (const ref of models) {
      const entry = await repo.add(ref, visibility);
      ctx.defaultModel ??= entry.name;
    }
  } catch (err) {
    await app.close();
    throw err;
  }

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    try {
      const routeDepth = (req.routeOptions.config as { jsonDepth?: number } | undefined)?.jsonDepth;
      done(null, parseJsonBody(body as string, routeDepth ?? limits.maxDepth));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(['application/octet-stream', 'application/onnx', 'application/x-onnx'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: FastifyError | ServeError, request, reply) => {
    if (err instanceof ServeError) {
      if (err instanceof RateLimitedError) reply.header('retry-after', String(err.retryAfter));
      return reply.code(err.statusCode).send(errorBody(err));
    }
    const status = err.statusCode ?? 500;
    if (status === 413) {
      const limit = request.routeOptions.bodyLimit ?? limits.bodyLimit;
      return reply.code(413).send({ error: `The request body is larger than the ${limit}-byte limit; send fewer rows per request.`, code: 'payload_too_large' });
    }
    if (status === 415) {
      return reply.code(415).send({ error: `Content type '${request.headers['content-type'] ?? ''}' is not accepted; send application/json (or text/csv to /invocations, application/octet-stream for .onnx uploads).`, code: 'unsupported_media_type' });
    }
    if (status >= 400 && status < 500) return reply.code(status).send({ error: err.message, code: 'invalid_input' });
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'The server failed to answer this request; its log has the details.', code: 'internal' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `${request.method} ${request.url.slice(0, 200)} is not a route of this server; GET /openapi.json lists them.`, code: 'not_found' }),
  );
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = String(reply.statusCode);
    metrics.requests.inc({ route, method: request.method, status });
    metrics.latency.observe({ route }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 400) metrics.errors.inc({ route, status });
    done();
  });

  operationRoutes(app, ctx);
  inferenceRoutes(app, ctx);
  hostingRoutes(app, ctx);

  const pollMs = options.pollMs ?? 5000;
  if (pollMs > 0) {
    let polling = false;
    timers.push(
      setInterval(() => {
        if (polling) return;
        polling = true;
        void repo.poll().finally(() => (polling = false));
      }, pollMs).unref(),
    );
  }
  timers.push(setInterval(() => hosting.flushUsage(), 1000).unref());
  return app;
}
