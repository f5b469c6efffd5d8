/**
 * The tracking server: a REST API under `/api/` (Fastify, zod-validated) over a tracking store,
 * live run updates as server-sent events, and the dashboard's static files.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { TrackingStore } from '../store/store.js';
import { errorHandler } from './errors.js';
import { registerArtifactRoutes } from './routes/artifacts.js';
import { registerDatasetRoutes } from './routes/datasets.js';
import { registerMetricRoutes } from './routes/metrics.js';
import { registerModelRoutes } from './routes/models.js';
import { registerRunRoutes } from './routes/runs.js';
import { registerDashboard } from './static.js';

export interface TrackServerOptions {
  store: TrackingStore;
  /** Largest request body in bytes (default 16 MiB); bigger ones get 413. */
  bodyLimit?: number;
  /** Folder of the built dashboard (default the package's web/dist); null serves only the API. */
  webRoot?: string | null;
  /** How often live event streams poll the store, in ms (default 500). */
  pollMs?: number;
}

/** JSON has no NaN or infinities: they travel as the strings "NaN", "Infinity", "-Infinity". */
export function toJson(payload: unknown): string {
  return JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

/**
 * @example
 * const app = await createTrackServer({ store: await openStore() });
 * await app.listen({ port: 5000, host: '127.0.0.1' });
 */
export async function createTrackServer(options: TrackServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024, logger: false, routerOptions: { maxParamLength: 1000 } });
  app.setReplySerializer(toJson);
  app.setErrorHandler(errorHandler);
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.get('/api/health', async () => ({ ok: true, store: options.store.uri }));
  registerRunRoutes(app, options.store);
  registerMetricRoutes(app, options.store, { pollMs: options.pollMs ?? 500 });
  registerArtifactRoutes(app, options.store);
  registerModelRoutes(app, options.store);
  registerDatasetRoutes(app, options.store);
  await registerDashboard(app, options.webRoot);
  return app;
}
