/** Metric series (downsampled server-side) and live updates of a run over server-sent events. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { downsampleSeries } from '../../query/downsample.js';
import type { TrackingStore } from '../../store/store.js';
import type { MetricSummary } from '../../types.js';
import { HttpError } from '../errors.js';
import { parseWith } from '../validate.js';

const SeriesQuery = z.object({
  points: z.coerce.number().int().min(3).max(100_000).default(1000),
  x: z.enum(['step', 'time']).default('step'),
});

export interface LiveOptions {
  /** How often an open event stream polls the store, in ms (default 500). */
  pollMs?: number;
}

export function registerMetricRoutes(app: FastifyInstance, store: TrackingStore, live: LiveOptions = {}): void {
  app.get('/api/runs/:id/metrics', async (req) => {
    const { id } = req.params as { id: string };
    return { metrics: await store.listMetricSummaries(id) };
  });

  // Keys may hold '/', so the key is the rest of the path.
  app.get('/api/runs/:id/metrics/*', async (req) => {
    const { id, '*': key } = req.params as { id: string; '*': string };
    const q = parseWith(SeriesQuery, req.query, 'query');
    const history = await store.getMetricHistory(id, key);
    if (history.length === 0) {
      const keys = (await store.listMetricSummaries(id)).map((m) => m.key);
      throw new HttpError(404, `Run '${id}' has no metric '${key}'; its metrics: ${keys.join(', ') || 'none'}.`);
    }
    const d = downsampleSeries(history, q.points, q.x);
    return { key, total: d.total, downsampled: d.downsampled, points: d.points.map((p) => ({ step: p.step, time: p.time, value: p.value })) };
  });

  // Open event streams end before the server closes (server.close waits for every open response).
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const stop of streams) stop();
  });

  /**
   * `event: metrics` with the run's metric summaries whenever a series grows, `event: status` when
   * the run's status changes; the client refetches the series it shows.
   */
  app.get('/api/runs/:id/events', async (req, reply) => {
    const { id } = req.params as { id: string };
    let last = await store.getRun(id); // 404 before the stream starts
    let summaries: MetricSummary[] = await store.listMetricSummaries(id);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (event: string, data: unknown): void => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    send('status', { status: last.status, endTime: last.endTime });
    send('metrics', { metrics: summaries });
    let busy = false;
    let beats = 0;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void (async () => {
        try {
          const next = await store.listMetricSummaries(id);
          if (JSON.stringify(next) !== JSON.stringify(summaries)) {
            summaries = next;
            send('metrics', { metrics: next });
          }
          const run = await store.getRun(id);
          if (run.status !== last.status) send('status', { status: run.status, endTime: run.endTime });
          last = run;
          if (++beats % 30 === 0) res.write(': keep-alive\n\n');
        } catch (err) {
          send('error', { message: (err as Error).message });
        } finally {
          busy = false;
        }
      })();
    }, live.pollMs ?? 500);
    const stop = (): void => {
      clearInterval(timer);
      streams.delete(stop);
      if (!res.writableEnded) res.end();
    };
    streams.add(stop);
    req.raw.on('close', stop);
  });
}
