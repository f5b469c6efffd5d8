/**
 * `strata quickstart`: the main job on data that ships with Strata. AutoML predicts the species
 * of the Palmer penguins (data/penguins.csv, CC0) within a short budget, registers the winner
 * as `penguins`, and says where to look next. Everything lives under $STRATA_HOME or ./.strata.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatAutoMLReport, runAutoMLCommand } from './automl.js';

/** The shipped dataset, found from this file (src/cli/commands or dist/cli/commands) up to the package root. */
export const QUICKSTART_DATA = fileURLToPath(new URL('../../../data/penguins.csv', import.meta.url));
export const QUICKSTART_TARGET = 'species';
export const QUICKSTART_MODEL = 'penguins';

export function registerQuickstart(program: Command): void {
  program
    .command('quickstart')
    .description('the main job on data that ships with Strata: AutoML on the Palmer penguins, a leaderboard and a registered model')
    .option('--time <S>', 'search budget in seconds', '20')
    .option('--seed <N>', 'seed for folds and every model', '0')
    .option('--store <URI>', 'tracking store (default $STRATA_HOME/strata.db or .strata/strata.db)')
    .option('--json', 'print one JSON object instead of tables (the same keys as strata automl)')
    .addHelpText('after', '\nExample:\n  $ strata quickstart --time 10\n')
    .action(async (opts: { time: string; seed: string; store?: string; json?: boolean }) => {
      if (!existsSync(QUICKSTART_DATA)) {
        throw new Error(`The quickstart data is missing at ${QUICKSTART_DATA}; reinstall Strata or run strata automl on your own file.`);
      }
      const r = await runAutoMLCommand(QUICKSTART_DATA, {
        target: QUICKSTART_TARGET, time: opts.time, seed: opts.seed, cv: '5', register: QUICKSTART_MODEL,
        ...(opts.store !== undefined ? { store: opts.store } : {}),
        ...(opts.json ? { json: true } : {}),
      });
      process.stdout.write(
        opts.json ? JSON.stringify(r) + '\n' : formatAutoMLReport(r, 'Strata quickstart — which species is this penguin? (data/penguins.csv, Palmer LTER, CC0)'),
      );
    });
}
