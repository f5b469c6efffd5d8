/** A trained, registered model in a temp STRATA_HOME and a server on loopback, for serve tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type ServeOptions } from '../../../src/serve/index.js';
import { runCli } from '../cli.js';

export const FEATURES = ['id', 'x1', 'x2', 'shade', 'amount'] as const;

/** Deterministic rows: `cls` is 'hi' when 2·x1 − x2 (+1 for 'dark') > 0; `price` is linear in x1, x2, shade. */
function rows(n: number, offset: number): string[] {
  const lines = ['id,x1,x2,shade,amount,cls,price'];
  for (let i = 0; i < n; i++) {
    const t = i + offset;
    const x1 = Math.sin(t * 1.7) * 2;
    const x2 = Math.cos(t * 0.9) * 2;
    const shade = ['dark', 'light', 'mid'][t % 3]!;
    const amount = Math.sin(t * 0.37) * 3;
    const cls = 2 * x1 - x2 + (shade === 'dark' ? 1 : 0) + 0.3 * amount > 0 ? 'hi' : 'lo';
    const price = 3 * x1 - 2 * x2 + (shade === 'dark' ? 5 : 0) + Math.sin(t * 7.3) * 0.1;
    lines.push(`${1000 + t},${i % 17 === 5 ? '' : x1.toFixed(6)},${x2.toFixed(6)},${i % 19 === 7 ? '' : shade},${amount.toFixed(6)},${cls},${price.toFixed(6)}`);
  }
  return lines;
}

export interface TrainedHome {
  dir: string;
  home: string;
  store: string;
  /** Unlabelled rows as CSV (FEATURES only) and as JSON records with the same numbers. */
  freshCsv: string;
  fresh: Record<string, number | string | null>[];
}

/** Trains `gb` (gradient-boosting-classifier on cls) and `price` (ridge on price) into a fresh STRATA_HOME. */
export async function trainedHome(): Promise<TrainedHome> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-serve-'));
  const home = join(dir, 'home');
  process.env.STRATA_HOME = home;
  const train = join(dir, 'train.csv');
  writeFileSync(train, rows(240, 0).join('\n') + '\n');
  const classifierData = join(dir, 'train-cls.csv');
  const regressorData = join(dir, 'train-price.csv');
  const all = rows(240, 0).map((l) => l.split(','));
  writeFileSync(classifierData, all.map((r) => [...r.slice(0, 5), r[5]].join(',')).join('\n') + '\n');
  writeFileSync(regressorData, all.map((r) => [...r.slice(0, 5), r[6]].join(',')).join('\n') + '\n');
  for (const [data, target, model, name] of [
    [classifierData, 'cls', 'gradient-boosting-classifier', 'gb'],
    [regressorData, 'price', 'ridge', 'price'],
  ] as const) {
    const r = await runCli(['train', data, '--target', target, '--model', model, '--cv', '2', '--register', name, '--save', join(dir, `${name}.json`), '--json']);
    if (r.code !== 0) throw new Error(`training ${name} failed: ${r.stderr}`);
  }
  const freshLines = rows(40, 5000).map((l) => l.split(',').slice(0, 5).join(','));
  const freshCsv = freshLines.join('\n') + '\n';
  writeFileSync(join(dir, 'fresh.csv'), freshCsv);
  const fresh = freshLines.slice(1).map((l) => {
    const [id, x1, x2, shade, amount] = l.split(',');
    return { id: Number(id), x1: x1 === '' ? null : Number(x1), x2: Number(x2), shade: shade === '' ? null : shade!, amount: Number(amount) };
  });
  return { dir, home, store: `sqlite:${join(home, 'strata.db')}`, freshCsv, fresh };
}

export interface Running {
  app: FastifyInstance;
  url: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string; headers: Headers }>;
}

/** A server from `createServer` listening on 127.0.0.1, port 0. */
export async function startServer(options: ServeOptions): Promise<Running> {
  const app = await createServer({ pollMs: 0, logLevel: 'silent', ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const call: Running['call'] = async (method, path, body, headers = {}) => {
    const isRaw = typeof body === 'string' || body instanceof Uint8Array;
    const h = body === undefined ? headers : { 'content-type': 'application/json', ...headers };
    const res = await fetch(url + path, { method, headers: h, ...(body === undefined ? {} : { body: isRaw ? (body as string) : JSON.stringify(body) }) });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  return { app, url, call };
}
