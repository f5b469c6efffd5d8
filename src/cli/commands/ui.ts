/** `strata ui [--port P] [--host H] [--store URI]`: the tracking server and dashboard. */
import type { Command } from 'commander';
import { defaultStoreUri, openStore } from '../../track/index.js';
import { UsageError } from '../errors.js';

export function registerUi(program: Command): void {
  program
    .command('ui')
    .description('serve the tracking dashboard and its REST API (/api/) over a tracking store')
    .option('--port <P>', 'port to listen on (0 picks a free one)', '5000')
    .option('--host <H>', 'interface to listen on (0.0.0.0 for every one)', '127.0.0.1')
    .option('--store <URI>', 'tracking store (sqlite:PATH or postgres://…; default $STRATA_HOME/strata.db or .strata/strata.db)')
    .option('--no-build', 'do not build the dashboard when web/dist is missing (serve the API only)')
    .addHelpText('after', '\nExamples:\n  $ strata ui\n  $ strata ui --port 8080 --store postgres://strata@db:5432/strata\n')
    .action(async (opts: { port: string; host: string; store?: string; build: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer in 0..65535, got '${opts.port}'.`);
      const uri = opts.store ?? defaultStoreUri();
      if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(uri)) throw new UsageError(`--store must be sqlite:PATH or postgres://USER@HOST:PORT/DB, got '${uri}'.`);
      // Loaded here, not at start-up: every other command would otherwise load Fastify too.
      const { buildDashboard, dashboardBuilt, startTrackServer } = await import('../../track/server/index.js');
      if (!dashboardBuilt()) {
        if (opts.build) {
          process.stderr.write('strata ui: building the dashboard (web/dist) once…\n');
          try {
            await buildDashboard();
          } catch (err) {
            process.stderr.write(`strata ui: ${(err as Error).message} Serving the API only.\n`);
          }
        } else process.stderr.write('strata ui: web/dist is missing; serving the API only (build it with `npx vite build web`).\n');
      }
      const store = await openStore(uri);
      const server = await startTrackServer(store, { port, host: opts.host });
      process.stdout.write(`Strata UI on ${server.url} (store ${uri}); press Ctrl+C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}
