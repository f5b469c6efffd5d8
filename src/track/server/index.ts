/**
 * strata/track/server — the tracking REST API (/api/) and the dashboard that `strata ui` serves.
 * Its own subpath so that logging through `strata/track` does not load Fastify.
 *
 * @example
 * import { openStore } from 'strata/track';
 * import { startTrackServer } from 'strata/track/server';
 * const server = await startTrackServer(await openStore(), { port: 5000 });
 */
export { createTrackServer, type TrackServerOptions } from './app.js';
export { startTrackServer, type StartedServer } from './serve.js';
export { buildDashboard, dashboardBuilt } from './build-web.js';
