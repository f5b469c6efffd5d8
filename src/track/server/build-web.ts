/** Builds the dashboard (web/ → web/dist) with Vite's programmatic API, when Vite is installed. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_HINT } from './static.js';

/** The package's `web/` folder (the dashboard's sources). */
export const WEB_SOURCE = fileURLToPath(new URL('../../../web/', import.meta.url));

export function dashboardBuilt(webSource = WEB_SOURCE): boolean {
  return existsSync(join(webSource, 'dist', 'index.html'));
}

/**
 * Runs `vite build` on web/ (output web/dist). Throws a message saying what to do when the
 * sources or Vite are missing (an installed package ships web/dist already built).
 */
export async function buildDashboard(webSource = WEB_SOURCE): Promise<string> {
  if (!existsSync(join(webSource, 'index.html'))) throw new Error(`The dashboard sources are not at ${webSource}; reinstall strata or ${BUILD_HINT}.`);
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error(`The dashboard is not built and Vite is not installed to build it; install vite and @vitejs/plugin-react, then ${BUILD_HINT}.`);
  }
  await vite.build({ root: webSource, configFile: join(webSource, 'vite.config.ts'), logLevel: 'warn' });
  return join(webSource, 'dist');
}
