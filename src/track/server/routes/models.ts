/** The model registry: models, versions, aliases, and "try it" predictions. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TrackingStore } from '../../store/store.js';
import { HttpError } from '../errors.js';
import { ModelCache, csvRows, predictRows, rowsFrame } from '../predict.js';
import { parseWith } from '../validate.js';

const PredictQuery = z.object({ version: z.coerce.number().int().min(1).optional(), alias: z.string().min(1).max(200).optional() });
const PredictBody = z.object({ rows: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000) });

export function registerModelRoutes(app: FastifyInstance, store: TrackingStore): void {
  const cache = new ModelCache(store);

  app.get('/api/models', async () => ({ models: await store.listRegisteredModels() }));

  app.get('/api/models/:name', async (req) => {
    const { name } = req.params as { name: string };
    const model = await store.getRegisteredModel(name);
    return { model, versions: await store.listModelVersions(name) };
  });

  app.get('/api/models/:name/versions/:version', async (req) => {
    const p = parseWith(z.object({ name: z.string(), version: z.coerce.number().int().min(1) }), req.params, 'params');
    return { version: await store.getModelVersion(p.name, p.version) };
  });

  /** Points an alias (e.g. `production`) at a version; moves it if it pointed elsewhere. */
  app.put('/api/models/:name/aliases/:alias', async (req) => {
    const { name, alias } = req.params as { name: string; alias: string };
    const { version } = parseWith(z.object({ version: z.number().int().min(1) }), req.body, 'body');
    await store.setAlias(name, alias, version);
    return { model: await store.getRegisteredModel(name) };
  });

  app.delete('/api/models/:name/aliases/:alias', async (req) => {
    const { name, alias } = req.params as { name: string; alias: string };
    await store.deleteAlias(name, alias);
    return { model: await store.getRegisteredModel(name) };
  });

  app.post('/api/models/:name/predict', async (req) => {
    const { name } = req.params as { name: string };
    const q = parseWith(PredictQuery, req.query, 'query');
    const ref = q.alias !== undefined ? `${name}@${q.alias}` : q.version !== undefined ? `${name}:${q.version}` : name;
    const mv = await store.resolveModel(ref);
    if (mv.artifactDigest === null) throw new HttpError(409, `Model version ${mv.name}:${mv.version} has no stored model file, so it cannot predict.`);
    const { file, pipeline } = await cache.get(mv);
    const rows = typeof req.body === 'string' ? await csvRows(req.body) : parseWith(PredictBody, req.body, 'body').rows;
    if (rows.length === 0) throw new HttpError(400, 'The CSV has a header but no rows to predict.');
    if (rows.length > 10_000) throw new HttpError(400, `The CSV has ${rows.length} rows; try it with at most 10,000 (use strata predict for more).`);
    const df = rowsFrame(rows, mv, file);
    try {
      return predictRows(mv, file, pipeline, df);
    } catch (err) {
      if (err instanceof HttpError) throw err;
      throw new HttpError(400, `The model cannot predict on these rows: ${(err as Error).message}`);
    }
  });
}
