/** The `strata` command tree. Each command lives in its own file and registers itself here. */
import { Command, CommanderError } from 'commander';
import { registerQuickstart } from './commands/quickstart.js';
import { registerData } from './commands/data.js';
import { registerSql } from './commands/sql.js';
import { registerTrain } from './commands/train.js';
import { registerPredict } from './commands/predict.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerPlot } from './commands/plot.js';
import { registerRuns } from './commands/runs.js';
import { registerModels } from './commands/models.js';
import { registerServe } from './commands/serve.js';
import { registerUi } from './commands/ui.js';
import { registerAutoML } from './commands/automl.js';
import { registerInspect } from './commands/inspect.js';
import { registerExport } from './commands/export.js';
import { UsageError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command('strata')
    .description('Strata: the machine-learning stack for TypeScript — data, models, tracking, serving and export.')
    .version(VERSION, '-V, --version', 'print the Strata version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ strata quickstart            run the main job on data that ships with Strata\n  $ strata quickstart --json     the same, as one JSON object\n  $ strata data describe train.csv\n  $ strata sql "select count(*) from \'train.csv\'"\n  $ strata train train.csv --target y --model ridge\n',
    );
  registerQuickstart(program);
  registerData(program);
  registerSql(program);
  registerTrain(program);
  registerPredict(program);
  registerEvaluate(program);
  registerPlot(program);
  registerRuns(program);
  registerModels(program);
  registerServe(program);
  registerUi(program);
  registerAutoML(program);
  registerInspect(program);
  registerExport(program);
  return program;
}

export const VERSION = '0.1.0';

/**
 * Runs the CLI with `argv` (as process.argv) and returns the exit code: 0 on success, 1 on a
 * runtime error, 2 on a usage error. Errors go to stderr as one sentence.
 */
export async function run(argv: readonly string[], io: { stderr: (s: string) => void } = { stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: io.stderr });
  const override = (c: Command): void => {
    c.exitOverride().configureOutput({ writeErr: io.stderr });
    c.commands.forEach(override);
  };
  program.commands.forEach(override);
  try {
    await program.parseAsync(argv as string[]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      io.stderr(`strata: ${err.message}\n`);
      return 2;
    }
    io.stderr(`strata: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
