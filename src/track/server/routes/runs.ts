/** Experiments and runs: the runs table (filter, sort, page, chosen columns), one run, and MLflow-like logging. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseColumns, parseFilter, parseSort } from '../../query/filter.js';
import type { TrackingStore } from '../../store/store.js';
import type { MetricPoint } from '../../types.js';
import { checkKey } from '../../validate.js';
import { HttpError } from '../errors.js';
import { parseWith } from '../validate.js';

const list = (s: string | undefined): string[] => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

const RunsQuery = z.object({
  experiment: z.string().max(10_000).optional(),
  filter: z.string().max(10_000).optional(),
  sort: z.string().max(2_000).optional(),
  columns: z.string().max(20_000).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const NewRunBody = z.object({
  experiment: z.string().min(1).max(250).default('Default'),
  name: z.string().min(1).max(250).optional(),
  parentRunId: z.string().min(1).optional(),
  source: z.string().max(2000).optional(),
  seed: z.number().int().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

const BatchBody = z.object({
  params: z.record(z.string(), z.unknown()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  metrics: z.array(z.object({ key: z.string(), value: z.unknown(), step: z.number().int().optional(), time: z.number().optional() })).max(100_000).optional(),
});

const StatusBody = z.object({ status: z.enum(['running', 'finished', 'failed', 'killed']), endTime: z.number().optional() });

/** JSON has no NaN or infinities: clients send them as the strings "NaN", "Infinity", "-Infinity". */
function metricValue(key: string, value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  const shown = typeof value === 'string' ? `the string '${value.slice(0, 40)}'` : value === null ? 'null' : `a ${typeof value}`;
  throw new HttpError(400, `Metric '${key}' value must be a JSON number (or "NaN", "Infinity", "-Infinity"), got ${shown}.`);
}

export function registerRunRoutes(app: FastifyInstance, store: TrackingStore): void {
  app.get('/api/experiments', async () => ({ experiments: await store.listExperiments() }));

  app.get('/api/runs', async (req) => {
    const q = parseWith(RunsQuery, req.query, 'query');
    const columns = parseColumns(q.columns ?? '');
    const page = await store.queryRuns({
      experiments: list(q.experiment), filter: parseFilter(q.filter ?? ''), orderBy: parseSort(q.sort ?? ''), limit: q.limit, offset: q.offset, columns,
    });
    return { total: page.total, offset: q.offset, limit: q.limit, runs: page.runs };
  });

  app.get('/api/runs/columns', async (req) => {
    const q = parseWith(z.object({ experiment: z.string().optional() }), req.query, 'query');
    return store.listRunColumns(list(q.experiment));
  });

  app.get('/api/runs/:id', async (req) => {
    const { id } = parseWith(z.object({ id: z.string().min(1).max(200) }), req.params, 'params');
    const run = await store.getRun(id);
    const [metrics, artifacts, datasets, children] = await Promise.all([
      store.listMetricSummaries(id), store.listArtifacts(id), store.listDatasets(id), store.searchRuns({ parentRunId: id, limit: 1000 }),
    ]);
    return { run, metrics, artifacts, datasets, children };
  });

  app.post('/api/runs', async (req, reply) => {
    const b = parseWith(NewRunBody, req.body, 'body');
    const exp = await store.getOrCreateExperiment(b.experiment);
    const run = await store.createRun({
      experimentId: exp.id, ...(b.name ? { name: b.name } : {}), ...(b.parentRunId ? { parentRunId: b.parentRunId } : {}),
      source: b.source ?? 'api', ...(b.seed !== undefined ? { seed: b.seed } : {}), ...(b.tags ? { tags: b.tags } : {}),
    });
    return reply.code(201).send({ run });
  });

  app.post('/api/runs/:id/log-batch', async (req, reply) => {
    const { id } = parseWith(z.object({ id: z.string().min(1).max(200) }), req.params, 'params');
    const b = parseWith(BatchBody, req.body, 'body');
    const now = Date.now();
    const metrics: MetricPoint[] = (b.metrics ?? []).map((m) => {
      const key = checkKey(m.key, 'Metric');
      return { key, value: metricValue(key, m.value), step: m.step ?? 0, time: m.time ?? now };
    });
    await store.logBatch(id, { ...(b.params ? { params: b.params } : {}), ...(b.tags ? { tags: b.tags } : {}), metrics });
    return reply.code(204).send();
  });

  app.patch('/api/runs/:id', async (req) => {
    const { id } = parseWith(z.object({ id: z.string().min(1).max(200) }), req.params, 'params');
    const b = parseWith(StatusBody, req.body, 'body');
    await store.setRunStatus(id, b.status, b.endTime);
    return { run: await store.getRun(id) };
  });
}
