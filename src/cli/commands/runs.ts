/**
 * `strata runs list|show ID|compare ID…`: the runs in the tracking store (default
 * `sqlite:./.strata/strata.db`, or `$STRATA_HOME`, or `--store URI`).
 */
import type { Command } from 'commander';
import { defaultStoreUri, openStore, RunNotFoundError, RUN_STATUSES, type RunInfo, type RunRecord, type RunStatus, type TrackingStore } from '../../track/index.js';
import { UsageError } from '../errors.js';
import { formatTable, type Cell } from '../table.js';

/** Opens the store named by --store (or the default), runs `fn`, closes it. */
export async function withStore<T>(uri: string | undefined, fn: (store: TrackingStore) => Promise<T>): Promise<T> {
  const target = uri ?? defaultStoreUri();
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(target)) throw new UsageError(`--store must be sqlite:PATH or postgres://USER@HOST:PORT/DB, got '${target}'.`);
  const store = await openStore(target);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
/** JSON has no NaN/Infinity: they print as null. */
const jnum = (v: number): number | null => (Number.isFinite(v) ? v : null);

export interface RunJson {
  run_id: string;
  name: string;
  experiment: string;
  status: RunStatus;
  start_time: string;
  end_time: string | null;
  duration_s: number | null;
  parent_run_id: string | null;
  source: string | null;
  seed: number | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Latest value of each metric (null for NaN/±Infinity). */
  metrics: Record<string, number | null>;
}

export function runJson(r: RunRecord): RunJson {
  return {
    run_id: r.id, name: r.name, experiment: r.experimentName, status: r.status, start_time: iso(r.startTime)!, end_time: iso(r.endTime),
    duration_s: r.endTime === null ? null : (r.endTime - r.startTime) / 1000, parent_run_id: r.parentRunId, source: r.source, seed: r.seed,
    params: r.params, tags: r.tags, metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, p]) => [k, jnum(p.value)])),
  };
}

/** A run by full id, or by a unique prefix of at least 4 characters. */
export async function findRun(store: TrackingStore, id: string): Promise<RunRecord> {
  try {
    return await store.getRun(id);
  } catch (err) {
    if (!(err instanceof RunNotFoundError) || id.length < 4) throw err;
    const matches = (await store.searchRuns({ limit: 1_000_000 })).filter((r) => r.id.startsWith(id));
    if (matches.length === 1) return store.getRun(matches[0]!.id);
    if (matches.length > 1) throw new UsageError(`Run id prefix '${id}' matches ${matches.length} runs (${matches.slice(0, 3).map((r) => r.id).join(', ')}…); give more characters.`);
    throw err;
  }
}

const cellOf = (v: number | null | string | undefined): Cell => (v === null || v === undefined ? '' : typeof v === 'number' ? v : v);
const short = (id: string): string => id.slice(0, 8);

function listTable(runs: RunJson[]): string {
  const metricKeys = [...new Set(runs.flatMap((r) => Object.keys(r.metrics).filter((k) => !k.startsWith('system/'))))].sort().slice(0, 4);
  return formatTable(
    ['run', 'experiment', 'name', 'status', 'started', 'seconds', ...metricKeys],
    runs.map((r) => [short(r.run_id), r.experiment, r.name, r.status, r.start_time.replace('T', ' ').slice(0, 19), cellOf(r.duration_s), ...metricKeys.map((k) => cellOf(r.metrics[k]))]),
  );
}

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--limit must be a positive integer, got '${text}'.`);
  return n;
}

export function registerRuns(program: Command): void {
  const runs = program.command('runs').description('runs in the tracking store: list, show one, compare several');
  runs.addHelpText('after', '\nExamples:\n  $ strata runs list\n  $ strata runs show 3f2a9c1e --json\n  $ strata runs compare 3f2a9c1e 77d0b2aa\n');
  const storeOpt = ['--store <URI>', `tracking store (default ${defaultStoreUri()}; sqlite:PATH or postgres://…)`] as const;

  runs
    .command('list')
    .description('the newest runs first, with their latest metrics')
    .option(...storeOpt)
    .option('--experiment <NAME>', 'only runs of this experiment')
    .option('--status <S>', `only runs with this status (${RUN_STATUSES.join(', ')})`)
    .option('--limit <N>', 'at most N runs', '100')
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata runs list --experiment iris --status finished --json\n')
    .action(async (opts: { store?: string; experiment?: string; status?: string; limit: string; json?: boolean }) => {
      if (opts.status !== undefined && !RUN_STATUSES.includes(opts.status as RunStatus)) {
        throw new UsageError(`--status must be one of ${RUN_STATUSES.join(', ')}, got '${opts.status}'.`);
      }
      const limit = parseLimit(opts.limit);
      const out = await withStore(opts.store, async (store) => {
        const infos: RunInfo[] = await store.searchRuns({
          limit, ...(opts.experiment !== undefined ? { experiment: opts.experiment } : {}), ...(opts.status !== undefined ? { status: opts.status as RunStatus } : {}),
        });
        const full: RunJson[] = [];
        for (const i of infos) full.push(runJson(await store.getRun(i.id)));
        return full;
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify({ runs: out }) + '\n');
        return;
      }
      process.stdout.write(out.length ? listTable(out) + '\n' : 'No runs yet; `strata train DATA --target COL --model NAME` logs one.\n');
    });

  runs
    .command('show')
    .argument('<ID>', 'run id (or a unique prefix of at least 4 characters)')
    .description('one run: params, tags, latest metrics, artifacts and datasets')
    .option(...storeOpt)
    .option('--json', 'print one JSON object instead of tables')
    .addHelpText('after', '\nExample:\n  $ strata runs show 3f2a9c1e --json\n')
    .action(async (id: string, opts: { store?: string; json?: boolean }) => {
      const run = await withStore(opts.store, async (store) => {
        const rec = await findRun(store, id);
        const artifacts = (await store.listArtifacts(rec.id)).map((a) => ({ name: a.name, digest: a.digest, size: a.size, media_type: a.mediaType }));
        const datasets = (await store.listDatasets(rec.id)).map((d) => ({ name: d.name, digest: d.digest, kind: d.kind, size: d.size, rows: d.rows, source: d.source, schema: d.schema }));
        const steps = Object.fromEntries(Object.entries(rec.metrics).map(([k, p]) => [k, p.step]));
        return { ...runJson(rec), metric_steps: steps, artifacts, datasets };
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify({ run }) + '\n');
        return;
      }
      const kv = (o: Record<string, string>): string => (Object.keys(o).length ? formatTable(['key', 'value'], Object.entries(o).map(([k, v]) => [k, v])) : '(none)');
      process.stdout.write(
        `run ${run.run_id}  ${run.name}  [${run.status}]\nexperiment: ${run.experiment}\nstarted: ${run.start_time}${run.end_time ? `  ended: ${run.end_time} (${run.duration_s}s)` : ''}\n` +
          (run.parent_run_id ? `parent: ${run.parent_run_id}\n` : '') + (run.seed !== null ? `seed: ${run.seed}\n` : '') + (run.source ? `source: ${run.source}\n` : '') +
          `\nparams\n${kv(run.params)}\n\nmetrics (latest)\n` +
          (Object.keys(run.metrics).length ? formatTable(['metric', 'step', 'value'], Object.entries(run.metrics).map(([k, v]) => [k, run.metric_steps[k]!, v === null ? 'NaN/inf' : v])) : '(none)') +
          `\n\ntags\n${kv(run.tags)}\n` +
          (run.artifacts.length ? `\nartifacts\n${formatTable(['name', 'bytes', 'type'], run.artifacts.map((a) => [a.name, a.size, a.media_type]))}\n` : '') +
          (run.datasets.length ? `\ndatasets\n${formatTable(['name', 'kind', 'sha256', 'rows'], run.datasets.map((d) => [d.name, d.kind, d.digest.slice(0, 16), d.rows ?? '']))}\n` : ''),
      );
    });

  runs
    .command('compare')
    .argument('<ID...>', 'two or more run ids (or unique prefixes)')
    .description('params and latest metrics of several runs side by side')
    .option(...storeOpt)
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText('after', '\nExample:\n  $ strata runs compare 3f2a9c1e 77d0b2aa --json\n')
    .action(async (ids: string[], opts: { store?: string; json?: boolean }) => {
      if (ids.length < 2) throw new UsageError('runs compare needs at least two run ids.');
      const out = await withStore(opts.store, async (store) => {
        const list: RunJson[] = [];
        for (const id of ids) list.push(runJson(await findRun(store, id)));
        return list;
      });
      const params = [...new Set(out.flatMap((r) => Object.keys(r.params)))].sort();
      const metrics = [...new Set(out.flatMap((r) => Object.keys(r.metrics)))].sort();
      const differing = params.filter((k) => new Set(out.map((r) => r.params[k])).size > 1);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ runs: out, params, metrics, differing_params: differing }) + '\n');
        return;
      }
      const header = ['', ...out.map((r) => `${short(r.run_id)} ${r.name}`)];
      const rows: Cell[][] = [
        ...params.map((k) => [`param ${k}${differing.includes(k) ? ' *' : ''}`, ...out.map((r) => r.params[k] ?? '')]),
        ...metrics.map((k) => [`metric ${k}`, ...out.map((r) => (r.metrics[k] === undefined ? '' : r.metrics[k] === null ? 'NaN/inf' : String(r.metrics[k])))]),
      ];
      process.stdout.write(formatTable(header, rows) + (differing.length ? '\n\n* params that differ between the runs\n' : '\n'));
    });
}
