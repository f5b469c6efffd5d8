/** Health, server metadata, Prometheus metrics and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import type { ServeContext } from '../context.js';
import { renderSnapshots } from '../metrics.js';
import { openApiDocument } from '../openapi.js';

export const SERVER_NAME = 'strata';
export const SERVER_VERSION = '0.1.0';

export function operationRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get('/v2/health/live', async () => ({ live: true }));
  app.get('/v2/health/ready', async () => ({ ready: true }));
  app.get('/v2', async () => ({ name: SERVER_NAME, version: SERVER_VERSION, extensions: ['model_repository_upload'] }));
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    const local = ctx.metrics.snapshot();
    return renderSnapshots(ctx.collectMetrics ? await ctx.collectMetrics(local) : [local]);
  });
  app.get('/openapi.json', async () => openApiDocument(ctx.repo.list().filter((e) => e.visibility === 'public').map((e) => e.model), ctx.limits));
}
