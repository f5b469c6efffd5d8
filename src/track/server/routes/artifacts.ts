/** Artifacts of a run: the list, the content with its media type, and JSON artifacts as charts. */
import type { FastifyInstance } from 'fastify';
import type { TrackingStore } from '../../store/store.js';
import { checkArtifactName } from '../../validate.js';
import { artifactChart } from '../artifact-chart.js';
import { HttpError } from '../errors.js';

async function findArtifact(store: TrackingStore, id: string, name: string) {
  checkArtifactName(name); // '..', absolute paths and backslashes are rejected with 400
  const all = await store.listArtifacts(id);
  const a = all.find((x) => x.name === name);
  if (!a) throw new HttpError(404, `Run '${id}' has no artifact '${name}'; its artifacts: ${all.map((x) => x.name).join(', ') || 'none'}.`);
  return a;
}

export function registerArtifactRoutes(app: FastifyInstance, store: TrackingStore): void {
  app.get('/api/runs/:id/artifacts', async (req) => {
    const { id } = req.params as { id: string };
    return { artifacts: await store.listArtifacts(id) };
  });

  app.get('/api/runs/:id/artifacts/*', async (req, reply) => {
    const { id, '*': name } = req.params as { id: string; '*': string };
    const a = await findArtifact(store, id, name);
    const bytes = store.artifacts.read(a.digest);
    // Artifacts are user content: never let an HTML or SVG artifact script the dashboard's origin.
    void reply.header('content-security-policy', "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'").header('x-content-type-options', 'nosniff');
    if ((req.query as { download?: string }).download !== undefined) void reply.header('content-disposition', `attachment; filename="${a.name.replace(/^.*\//, '')}"`);
    return reply.type(a.mediaType).send(bytes);
  });

  app.get('/api/runs/:id/charts/*', async (req) => {
    const { id, '*': name } = req.params as { id: string; '*': string };
    const a = await findArtifact(store, id, name);
    let value: unknown;
    try {
      value = JSON.parse(store.artifacts.read(a.digest).toString('utf8'));
    } catch {
      throw new HttpError(415, `Artifact '${name}' (${a.mediaType}) is not JSON, so it has no chart; open it as a file instead.`);
    }
    return { name, spec: artifactChart(name, value) };
  });
}
