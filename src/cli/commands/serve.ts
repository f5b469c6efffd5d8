/** `strata serve [MODEL…] [--port P] [--workers N]`: the prediction server. */
import type { Command } from 'commander';
import { join } from 'node:path';
import type { ServeOptions } from '../../serve/index.js';
import { UsageError } from '../errors.js';

export interface ServeCommandOptions {
  port: string;
  host: string;
  workers: string;
  store?: string;
  private?: boolean;
  batchWindow: string;
  maxBatch: string;
  bodyLimit: string;
  poll: string;
  logLevel: string;
  newKey?: string;
  owner: string;
  rateLimit?: string;
  json?: boolean;
}

function integer(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} must be an integer of at least ${min}, got '${value}'.`);
  return n;
}

/** Starts one server or a cluster of workers; resolves with its URL and a way to stop it. */
export async function startServe(models: string[], opts: ServeCommandOptions): Promise<{ url: string; models: object[]; close(): Promise<void> }> {
  const port = integer(opts.port, '--port', 0);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}.`);
  const workers = integer(opts.workers, '--workers', 1);
  const serve: ServeOptions = {
    models,
    ...(opts.store ? { store: opts.store } : {}),
    privateModels: opts.private === true,
    batchWindowMs: integer(opts.batchWindow, '--batch-window', 0),
    maxBatchRows: integer(opts.maxBatch, '--max-batch', 1),
    bodyLimit: integer(opts.bodyLimit, '--body-limit', 1024),
    pollMs: integer(opts.poll, '--poll', 0) * 1000,
    logLevel: opts.logLevel,
  };
  // Loaded here rather than at CLI start-up, so other commands do not pay for Fastify.
  const { createServer, serveContext, startCluster } = await import('../../serve/index.js');
  if (workers > 1) {
    const handle = await startCluster({ serve, port, host: opts.host, workers });
    return { url: handle.url, models: models.map((ref) => ({ ref })), close: handle.stop };
  }
  const app = await createServer(serve);
  const url = await app.listen({ port, host: opts.host });
  const loaded = serveContext(app).repo.list().map((e) => ({ name: e.name, version: e.model.version, platform: e.model.platform, visibility: e.visibility }));
  return { url, models: loaded, close: () => app.close() };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve models over HTTP: KServe v2, /v1/models/NAME:predict, MLflow /invocations, uploads, API keys, /metrics')
    .argument('[MODEL...]', 'model files or registered NAME, NAME:VERSION or NAME@ALIAS (NAME and NAME@ALIAS follow the registry)')
    .option('--port <P>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <H>', 'address to listen on', '127.0.0.1')
    .option('--workers <N>', 'worker processes sharing the port', '1')
    .option('--store <URI>', 'tracking store holding registered models (default $STRATA_HOME/strata.db or .strata/strata.db)')
    .option('--private', 'models named here need an API key with the predict scope')
    .option('--batch-window <MS>', 'longest wait to gather a micro-batch under load, in ms (0: only what arrived while the model was busy)', '0')
    .option('--max-batch <ROWS>', 'most rows in one model call', '256')
    .option('--body-limit <BYTES>', 'largest prediction request body (larger ones get 413)', String(1 << 20))
    .option('--poll <S>', 'seconds between checks for moved aliases and changed endpoints (0: no hot reload)', '5')
    .option('--log-level <L>', 'fatal, error, warn, info, debug, trace or silent', 'warn')
    .option('--new-key <SCOPES>', 'create an API key with these scopes (predict,upload,admin), print it once and exit')
    .option('--owner <NAME>', 'owner of the key --new-key creates', 'default')
    .option('--rate-limit <N>', 'requests per minute for the key --new-key creates')
    .option('--json', 'print one JSON object when ready (or the new key) instead of text')
    .addHelpText(
      'after',
      '\nExamples:\n  $ strata serve churn@production --port 8080\n  $ curl -H \'content-type: application/json\' -d \'{"instances": [{"age": 41, "plan": "pro"}]}\' localhost:8080/v1/models/churn:predict\n  $ strata serve --new-key admin --owner ops        # then POST /v1/keys, /v1/endpoints/NAME with it\n',
    )
    .action(async (models: string[], opts: ServeCommandOptions) => {
      if (opts.newKey !== undefined) {
        const { hostingHome, HostingStore, parseScopes } = await import('../../serve/index.js');
        if (models.length) throw new UsageError('--new-key creates a key and exits; give no MODEL with it.');
        const scopes = (() => {
          try {
            return parseScopes(opts.newKey);
          } catch (err) {
            throw new UsageError((err as Error).message);
          }
        })();
        if (!/^[A-Za-z0-9_.@-]{1,100}$/.test(opts.owner)) throw new UsageError(`--owner must be 1–100 letters, digits, _ . @ -, got '${opts.owner}'.`);
        const rateLimit = opts.rateLimit === undefined ? null : integer(opts.rateLimit, '--rate-limit', 1);
        const hosting = HostingStore.open(join(hostingHome(opts.store), 'serve.db'));
        try {
          const { token, key } = hosting.createKey({ owner: opts.owner, scopes, rateLimit });
          if (opts.json) process.stdout.write(JSON.stringify({ key: token, id: key.id, owner: key.owner, scopes: key.scopes, rateLimit: key.rateLimit }) + '\n');
          else process.stdout.write(`API key ${key.id} (owner ${key.owner}, scopes ${key.scopes.join(',')}):\n${token}\nIt is shown only now; store it safely.\n`);
        } finally {
          hosting.close();
        }
        return;
      }
      const server = await startServe(models, opts);
      if (opts.json) process.stdout.write(JSON.stringify({ url: server.url, workers: Number(opts.workers), models: server.models }) + '\n');
      else {
        process.stdout.write(`strata serve listening on ${server.url} (${opts.workers} worker${opts.workers === '1' ? '' : 's'})\n`);
        for (const m of server.models as Record<string, string>[]) {
          process.stdout.write(`  ${m.name !== undefined ? `${m.name}  version ${m.version}  ${m.platform}  ${m.visibility}` : m.ref}\n`);
        }
        process.stdout.write(`OpenAPI: ${server.url}/openapi.json  metrics: ${server.url}/metrics  (Ctrl-C stops)\n`);
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
    });
}
