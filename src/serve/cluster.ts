/**
 * `--workers N`: N processes (node:cluster) sharing one port, each a full server. The primary
 * only forks, restarts a worker that dies, and stops them all on SIGINT/SIGTERM.
 */
import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { MetricsSnapshot } from './metrics.js';
import type { ServeOptions } from './server.js';

/** Messages between the primary and workers to merge /metrics across the cluster. */
export type MetricsMessage =
  | { type: 'strata:metrics:request'; id: number }
  | { type: 'strata:metrics:collect'; id: number }
  | { type: 'strata:metrics:snapshot'; id: number; snapshot: MetricsSnapshot }
  | { type: 'strata:metrics:merged'; id: number; snapshots: MetricsSnapshot[] };

const COLLECT_TIMEOUT_MS = 1000;

/**
 * In the primary: answers a worker's request for the cluster's metrics by asking every live
 * worker for a snapshot (waiting at most a second for slow ones).
 */
function relayMetrics(workers: Set<Worker>): (from: Worker, msg: MetricsMessage) => void {
  let next = 0;
  const rounds = new Map<number, { snapshots: MetricsSnapshot[]; waiting: number; done: () => void }>();
  return (from, msg) => {
    if (msg?.type === 'strata:metrics:snapshot') {
      const round = rounds.get(msg.id);
      if (!round) return;
      round.snapshots.push(msg.snapshot);
      if (--round.waiting === 0) round.done();
      return;
    }
    if (msg?.type !== 'strata:metrics:request') return;
    const id = ++next;
    const live = [...workers].filter((w) => w.isConnected());
    const round = { snapshots: [] as MetricsSnapshot[], waiting: live.length, done: () => undefined as void };
    const timer = setTimeout(() => round.done(), COLLECT_TIMEOUT_MS);
    round.done = () => {
      clearTimeout(timer);
      rounds.delete(id);
      if (from.isConnected()) from.send({ type: 'strata:metrics:merged', id: msg.id, snapshots: round.snapshots } satisfies MetricsMessage);
    };
    rounds.set(id, round);
    for (const w of live) w.send({ type: 'strata:metrics:collect', id } satisfies MetricsMessage);
  };
}

export interface ClusterOptions {
  serve: ServeOptions;
  port: number;
  host: string;
  workers: number;
}

export interface ClusterHandle {
  /** The address all workers listen on, once the first is up. */
  url: string;
  stop(): Promise<void>;
}

export const WORKER_OPTIONS_ENV = 'STRATA_SERVE_WORKER_OPTIONS';

/** The worker entry beside this file: `.ts` when running from sources (tsx), `.js` when built. */
function workerEntry(): string {
  const here = import.meta.url;
  return fileURLToPath(new URL(`./worker${here.endsWith('.ts') ? '.ts' : '.js'}`, here));
}

/**
 * The Node flags a worker needs (a loader such as tsx, memory limits), without the ones that made
 * the primary run something else (`-e CODE`, `--test`, `--input-type`).
 */
function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      i++;
      continue;
    }
    if (/^--(eval|print|input-type|test|watch)(=|-|$)/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/** Forks the workers and resolves once every one is listening. */
export function startCluster(opts: ClusterOptions): Promise<ClusterHandle> {
  if (!cluster.isPrimary) throw new Error('startCluster runs in the primary process.');
  cluster.setupPrimary({ exec: workerEntry(), execArgv: workerExecArgv(), args: [], silent: false });
  const env = { [WORKER_OPTIONS_ENV]: JSON.stringify({ ...opts, serve: { ...opts.serve, processes: opts.workers } }) };
  let stopping = false;
  let started = false;
  const workers = new Set<Worker>();
  const relay = relayMetrics(workers);
  const fork = (): Worker => {
    const w = cluster.fork(env);
    workers.add(w);
    w.on('message', (msg: MetricsMessage) => relay(w, msg));
    w.on('exit', (code, signal) => {
      workers.delete(w);
      if (!stopping && started) {
        process.stderr.write(`strata serve: worker ${w.process.pid} exited (${signal ?? code}); starting another.\n`);
        fork();
      }
    });
    return w;
  };
  return new Promise((resolve, reject) => {
    let listening = 0;
    let url = '';
    const onListening = (_w: Worker, address: { address: string; port: number }): void => {
      url ||= `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
      if (++listening === opts.workers) {
        started = true;
        cluster.off('listening', onListening);
        cluster.off('exit', onEarlyExit);
        resolve({ url, stop });
      }
    };
    const onEarlyExit = (_w: Worker, code: number): void => {
      if (!started) {
        stopping = true;
        cluster.off('exit', onEarlyExit);
        void stop().then(() => reject(new Error(`A serve worker exited with code ${code} before listening; run with --workers 1 to see why.`)));
      }
    };
    cluster.on('listening', onListening);
    cluster.on('exit', onEarlyExit);
    for (let i = 0; i < opts.workers; i++) fork();
  });

  function stop(): Promise<void> {
    stopping = true;
    return Promise.all(
      [...workers].map(
        (w) =>
          new Promise<void>((done) => {
            if (w.isDead()) return done();
            w.once('exit', () => done());
            w.process.kill('SIGTERM');
          }),
      ),
    ).then(() => undefined);
  }
}
