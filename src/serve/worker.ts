/** One worker process of `strata serve --workers N`: a full server on the shared port. */
import { WORKER_OPTIONS_ENV, type ClusterOptions, type MetricsMessage } from './cluster.js';
import type { MetricsSnapshot } from './metrics.js';
import { createServer, serveContext } from './server.js';

const opts = JSON.parse(process.env[WORKER_OPTIONS_ENV] ?? 'null') as ClusterOptions | null;
if (!opts) throw new Error(`serve worker: ${WORKER_OPTIONS_ENV} is not set; start workers through strata serve --workers N.`);

let nextRequest = 0;
const waiting = new Map<number, (snapshots: MetricsSnapshot[]) => void>();
/** Asks the primary for every worker's metrics; falls back to this worker's own after two seconds. */
const collectMetrics = (local: MetricsSnapshot): Promise<MetricsSnapshot[]> =>
  new Promise((resolve) => {
    const id = ++nextRequest;
    const timer = setTimeout(() => (waiting.delete(id), resolve([local])), 2000);
    waiting.set(id, (snapshots) => (clearTimeout(timer), waiting.delete(id), resolve(snapshots.length ? snapshots : [local])));
    process.send!({ type: 'strata:metrics:request', id } satisfies MetricsMessage);
  });

const app = await createServer({ ...opts.serve, collectMetrics });
process.on('message', (msg: MetricsMessage) => {
  if (msg?.type === 'strata:metrics:collect') process.send!({ type: 'strata:metrics:snapshot', id: msg.id, snapshot: serveContext(app).metrics.snapshot() } satisfies MetricsMessage);
  else if (msg?.type === 'strata:metrics:merged') waiting.get(msg.id)?.(msg.snapshots);
});
await app.listen({ port: opts.port, host: opts.host });
const shutdown = (): void => {
  void app.close().finally(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
process.once('disconnect', shutdown);
