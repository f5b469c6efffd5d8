/** What every route shares: the models, the hosting store, metrics, limits, and one predict path. */
import type { FastifyRequest } from 'fastify';
import { callerKey, checkModelAccess, checkRateLimit } from './access.js';
import type { Batch } from './batch.js';
import type { ApiKey, HostingStore } from './hosting-store.js';
import type { MetricsSnapshot, ServeMetrics } from './metrics.js';
import type { ModelEntry, ModelRepository } from './model-repository.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Prediction } from './served-model.js';
import { notFound } from './errors.js';

export interface ServeLimits {
  /** Most rows one request may carry. */
  maxRows: number;
  /** Deepest JSON nesting accepted. */
  maxDepth: number;
  bodyLimit: number;
  uploadLimit: number;
}

export interface ServeContext {
  readonly repo: ModelRepository;
  readonly hosting: HostingStore;
  readonly metrics: ServeMetrics;
  readonly limiter: RateLimiter;
  readonly limits: ServeLimits;
  /** The model `/invocations` answers for when no `?model=` is given. */
  defaultModel: string | null;
  /** In a worker of a cluster: every worker's metrics (this one's given), to merge into one /metrics. */
  readonly collectMetrics?: (local: MetricsSnapshot) => Promise<MetricsSnapshot[]>;
}

/** A model the caller may call, checked against name, version, access and rate limit. */
export async function modelFor(ctx: ServeContext, request: FastifyRequest, name: string, version?: string): Promise<{ entry: ModelEntry; key: ApiKey | null }> {
  const key = callerKey(request, ctx.hosting);
  const entry = await ctx.repo.get(name);
  checkModelAccess(entry, key);
  if (version !== undefined && version !== entry.model.version) {
    throw notFound(`Model '${name}' version ${JSON.stringify(version.slice(0, 20))} is not loaded; version ${entry.model.version} is.`);
  }
  return { entry, key };
}

/**
 * `modelFor` without waiting, for a model that is loaded already (the common case, answered
 * in the same turn); null when it is not, and `modelFor` must load it or say why not.
 */
export function loadedModelFor(ctx: ServeContext, request: FastifyRequest, name: string): { entry: ModelEntry; key: ApiKey | null } | null {
  const entry = ctx.repo.loaded(name);
  if (!entry) return null;
  const key = callerKey(request, ctx.hosting);
  checkModelAccess(entry, key);
  return { entry, key };
}

/**
 * Checks the rate limit, turns the body into a batch, predicts through the model's micro-batcher
 * and counts the call (and its rows, or its error) against the key.
 */
export async function predictFor(ctx: ServeContext, entry: ModelEntry, key: ApiKey | null, toBatch: () => Batch): Promise<{ prediction: Prediction; rows: number }> {
  checkRateLimit(key, ctx.limiter, ctx.metrics);
  let rows = 0;
  let failed = true;
  try {
    const batch = toBatch();
    rows = batch.rows;
    const prediction = await entry.batcher.submit(batch);
    ctx.metrics.predictions.inc({ model: entry.name }, rows);
    failed = false;
    return { prediction, rows };
  } finally {
    ctx.hosting.recordUsage(key?.id ?? null, entry.name, rows, failed);
  }
}
