/** `strata models list|show NAME|alias NAME VERSION ALIAS`: the model registry in the tracking store. */
import type { Command } from 'commander';
import { defaultStoreUri, type ModelVersion, type RegisteredModel } from '../../track/index.js';
import { UsageError } from '../errors.js';
import { formatTable } from '../table.js';
import { withStore } from './runs.js';

export interface ModelVersionJson {
  version: number;
  aliases: string[];
  run_id: string | null;
  artifact_digest: string | null;
  dataset_digest: string | null;
  signature: ModelVersion['signature'];
  description: string | null;
  created_at: string;
}

export interface ModelJson {
  name: string;
  description: string | null;
  created_at: string;
  latest_version: number | null;
  aliases: Record<string, number>;
  versions?: ModelVersionJson[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

function modelJson(m: RegisteredModel, versions?: ModelVersion[]): ModelJson {
  return {
    name: m.name, description: m.description, created_at: iso(m.createdAt), latest_version: m.latestVersion, aliases: m.aliases,
    ...(versions ? {
      versions: versions.map((v) => ({
        version: v.version, aliases: v.aliases, run_id: v.runId, artifact_digest: v.artifactDigest, dataset_digest: v.datasetDigest,
        signature: v.signature, description: v.description, created_at: iso(v.createdAt),
      })),
    } : {}),
  };
}

const aliasText = (a: Record<string, number>): string => Object.entries(a).map(([k, v]) => `${k}=${v}`).join(', ');

export function registerModels(program: Command): void {
  const models = program.command('models').description('the model registry: registered models, versions and aliases');
  models.addHelpText('after', '\nExamples:\n  $ strata models list\n  $ strata models show churn\n  $ strata models alias churn 3 production\n');
  const storeOpt = ['--store <URI>', `tracking store (default ${defaultStoreUri()}; sqlite:PATH or postgres://…)`] as const;

  models
    .command('list')
    .description('registered models with their latest version and aliases')
    .option(...storeOpt)
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata models list --json\n')
    .action(async (opts: { store?: string; json?: boolean }) => {
      const list = await withStore(opts.store, async (s) => (await s.listRegisteredModels()).map((m) => modelJson(m)));
      if (opts.json) {
        process.stdout.write(JSON.stringify({ models: list }) + '\n');
        return;
      }
      process.stdout.write(list.length
        ? formatTable(['model', 'latest', 'aliases', 'created'], list.map((m) => [m.name, m.latest_version ?? '', aliasText(m.aliases), m.created_at.slice(0, 19).replace('T', ' ')])) + '\n'
        : 'No registered models yet; `strata train DATA --target COL --model NAME --register NAME` registers one.\n');
    });

  models
    .command('show')
    .argument('<NAME>', 'registered model name')
    .description('a registered model: every version with its run, dataset, signature and aliases')
    .option(...storeOpt)
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata models show churn --json\n')
    .action(async (name: string, opts: { store?: string; json?: boolean }) => {
      const model = await withStore(opts.store, async (s) => modelJson(await s.getRegisteredModel(name), await s.listModelVersions(name)));
      if (opts.json) {
        process.stdout.write(JSON.stringify({ model }) + '\n');
        return;
      }
      process.stdout.write(
        `${model.name}  (latest version ${model.latest_version ?? '—'}${Object.keys(model.aliases).length ? `; ${aliasText(model.aliases)}` : ''})\n\n` +
          formatTable(['version', 'aliases', 'run', 'dataset sha256', 'inputs', 'created'], model.versions!.map((v) => [
            v.version, v.aliases.join(', '), v.run_id?.slice(0, 8) ?? '', v.dataset_digest?.slice(0, 16) ?? '',
            v.signature ? v.signature.inputs.map((c) => c.name).join(', ') : '', v.created_at.slice(0, 19).replace('T', ' '),
          ])) + '\n',
      );
    });

  models
    .command('alias')
    .argument('<NAME>', 'registered model name')
    .argument('<VERSION>', 'version number the alias points to')
    .argument('<ALIAS>', "alias, e.g. 'production' (moved if it pointed elsewhere)")
    .description('point an alias (production, staging, …) at a version; NAME@ALIAS then resolves to it')
    .option(...storeOpt)
    .option('--json', 'print one JSON object instead of a sentence')
    .addHelpText('after', '\nExample:\n  $ strata models alias churn 3 production\n')
    .action(async (name: string, versionText: string, alias: string, opts: { store?: string; json?: boolean }) => {
      if (!/^[1-9]\d*$/.test(versionText)) throw new UsageError(`VERSION must be a positive integer, got '${versionText}'.`);
      const version = Number(versionText);
      const model = await withStore(opts.store, async (s) => {
        await s.setAlias(name, alias, version);
        return modelJson(await s.getRegisteredModel(name), await s.listModelVersions(name));
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify({ model }) + '\n');
        return;
      }
      process.stdout.write(`${name}@${alias} → version ${version}\n`);
    });
}
