/** Serves the built dashboard (web/dist) at `/`, or a page saying how to build it. */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `web/dist` of this package (the same from src/ under tsx and from dist/ when built). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export const BUILD_HINT = 'build it with `npx vite build web` (from the package folder)';

/** `webRoot` undefined: the package's web/dist; null: the API only. */
export async function registerDashboard(app: FastifyInstance, webRoot: string | null | undefined): Promise<void> {
  const root = webRoot === undefined ? DEFAULT_WEB_ROOT : webRoot;
  const built = root !== null && existsSync(join(root, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: root!, prefix: '/', index: 'index.html', wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.code(404).send({ error: 'not_found', message: `No API route ${req.method} ${req.url.split('?')[0]}; see GET /api/runs, /api/models, /api/experiments, /api/datasets.` });
    }
    if (root === null) return reply.code(404).type('text/plain').send('This server serves only the API, under /api/.');
    if (!built) return reply.code(503).type('text/plain').send(`The Strata dashboard is not built (no ${join(root, 'index.html')}); ${BUILD_HINT}. The API answers under /api/.`);
    return reply.code(404).type('text/plain').send(`Not found: ${req.url}`);
  });
}
