/** Starts the tracking server on a port: what `strata ui` runs. */
import type { FastifyInstance } from 'fastify';
import type { TrackingStore } from '../store/store.js';
import { createTrackServer, type TrackServerOptions } from './app.js';

export interface StartedServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * @example
 * const { url, close } = await startTrackServer(store, { port: 5000 });
 */
export async function startTrackServer(
  store: TrackingStore,
  options: Omit<TrackServerOptions, 'store'> & { port?: number; host?: string } = {},
): Promise<StartedServer> {
  const { port = 5000, host = '127.0.0.1', ...rest } = options;
  const app = await createTrackServer({ store, ...rest });
  const url = await app.listen({ port, host });
  return { url, app, close: () => app.close() };
}
