/**
 * Serving benchmark: autocannon on loopback against `strata serve` (a gradient-boosting
 * classifier from the registry, in its own process) and, in the same run, a bare Fastify
 * hello-world route (the ceiling). Cases: single-row prediction at full speed, a 100-row batch,
 * and single rows at a fixed 1,000 requests/s for latency. Prints requests/s, p50/p99 latency,
 * the ratio to the ceiling, errors and the server's RSS before/after each case.
 * Targets (issue 10): single-row p99 < 5 ms at 1,000 req/s; single-row throughput ≥ 50% of
 * hello-world; zero errors; memory flat over a 60 s soak (--soak 60).
 *
 * Run: `node --import tsx bench/serve.ts [--duration S] [--connections C] [--soak S] [--workers N]`.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { busyFraction } from './harness.js';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} takes a non-negative number, got '${argv[i + 1]}'.`);
  return v;
};

// ---------------------------------------------------------------- child mode
// `--child strata|hello`: run one server in this process and print its URL.
const childIndex = argv.indexOf('--child');
if (childIndex >= 0) {
  const kind = argv[childIndex + 1];
  if (kind === 'hello') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    app.get('/', async () => ({ hello: 'world' }));
    // The same JSON body as the single-row case, parsed and answered without a model: what
    // Fastify's POST path costs on its own.
    app.post('/echo', async () => ({ hello: 'world' }));
    app.get('/metrics', async () => {
      const cpu = process.cpuUsage();
      return `process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}\nprocess_resident_memory_bytes ${process.memoryUsage().rss}\n`;
    });
    process.stdout.write(JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) }) + '\n');
  } else {
    const { createServer } = await import('../src/serve/index.js');
    const app = await createServer({ models: ['gb'], store: argv[argv.indexOf('--store') + 1]!, logLevel: 'silent' });
    process.stdout.write(JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) }) + '\n');
  }
} else {
  await main();
}

// ---------------------------------------------------------------- the bench
interface Case {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Server CPU time per answered request, in microseconds. */
  cpuPerRequest: number;
  /** Upper bound of the server-side p99 from its latency histogram (ms), when it has one. */
  serverP99: number | null;
  /** RSS samples (bytes) taken every 5 s during the case. */
  rssSamples: number[];
  /** Mean requests merged into one model call by micro-batching (strata cases). */
  perCall: number | null;
  rssBefore: number;
  rssAfter: number;
}

async function startChild(args: string[], env: NodeJS.ProcessEnv): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve((JSON.parse(out.split('\n')[0]!) as { url: string }).url);
    });
    proc.on('exit', (code) => reject(new Error(`bench server '${args.join(' ')}' exited with ${code}`)));
  });
  return { url, proc };
}

/** The server's own resident memory, CPU seconds and prediction-latency buckets, from its /metrics. */
async function serverStats(url: string): Promise<{ rss: number; cpu: number; buckets: Map<string, number>; calls: number; merged: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = new Map<string, number>();
  for (const m of text.matchAll(/strata_serve_request_duration_seconds_bucket\{route="\/v1\/models\/:target",le="([^"]+)"\} (\d+)/g)) buckets.set(m[1]!, Number(m[2]));
  return {
    rss: Number(/process_resident_memory_bytes (\d+)/.exec(text)?.[1] ?? NaN),
    cpu: Number(/process_cpu_seconds_total ([0-9.e+-]+)/.exec(text)?.[1] ?? NaN),
    buckets,
    calls: Number(/strata_serve_batch_requests_count\{model="gb"\} (\d+)/.exec(text)?.[1] ?? 0),
    merged: Number(/strata_serve_batch_requests_sum\{model="gb"\} (\d+)/.exec(text)?.[1] ?? 0),
  };
}

/** The smallest histogram bound under which 99% of the requests between two scrapes fell. */
function p99Bound(before: Map<string, number>, after: Map<string, number>): number | null {
  const total = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0);
  if (total <= 0) return null;
  for (const [le, count] of after) if (le !== '+Inf' && count - (before.get(le) ?? 0) >= 0.99 * total) return Number(le) * 1000;
  return Infinity;
}

async function load(name: string, base: string, opts: { path: string; method?: 'GET' | 'POST'; body?: string; duration: number; connections: number; rate?: number }): Promise<Case> {
  const before = await serverStats(base);
  const rssSamples: number[] = [];
  const sampler = setInterval(() => void serverStats(base).then((st) => rssSamples.push(st.rss)), 5000);
  const result = await autocannon({
    url: base + opts.path,
    method: opts.method ?? 'GET',
    connections: opts.connections,
    duration: opts.duration,
    ...(opts.body ? { body: opts.body, headers: { 'content-type': 'application/json' } } : {}),
    ...(opts.rate ? { overallRate: opts.rate } : {}),
  });
  clearInterval(sampler);
  const after = await serverStats(base);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuPerRequest: ((after.cpu - before.cpu) / Math.max(1, result.requests.total)) * 1e6,
    serverP99: p99Bound(before.buckets, after.buckets),
    perCall: after.calls > before.calls ? (after.merged - before.merged) / (after.calls - before.calls) : null,
    rssSamples,
    rssBefore: before.rss,
    rssAfter: after.rss,
  };
}

function writeData(path: string, n: number): void {
  const lines = ['id,x1,x2,shade,amount,cls'];
  for (let t = 0; t < n; t++) {
    const x1 = Math.sin(t * 1.7) * 2;
    const x2 = Math.cos(t * 0.9) * 2;
    const shade = ['dark', 'light', 'mid'][t % 3]!;
    const amount = Math.sin(t * 0.37) * 3;
    const cls = 2 * x1 - x2 + (shade === 'dark' ? 1 : 0) + 0.3 * amount + Math.sin(t * 5.1) > 0 ? 'hi' : 'lo';
    lines.push(`${t},${x1.toFixed(6)},${x2.toFixed(6)},${shade},${amount.toFixed(6)},${cls}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const duration = flag('--duration', 10);
  const connections = flag('--connections', 10);
  const soak = flag('--soak', 0);
  const dir = mkdtempSync(join(tmpdir(), 'strata-bench-serve-'));
  const home = join(dir, 'home');
  process.env.STRATA_HOME = home;
  const children: ChildProcess[] = [];
  try {
    const data = join(dir, 'train.csv');
    writeData(data, 2000);
    const { runCli } = await import('../test/helpers/cli.js');
    const trained = await runCli(['train', data, '--target', 'cls', '--model', 'gradient-boosting-classifier', '--cv', '2', '--register', 'gb', '--json']);
    if (trained.code !== 0) throw new Error(`training failed: ${trained.stderr}`);
    const store = `sqlite:${join(home, 'strata.db')}`;
    const env = { ...process.env, STRATA_HOME: home };
    const hello = await startChild(['--child', 'hello'], env);
    const strata = await startChild(['--child', 'strata', '--store', store], env);
    children.push(hello.proc, strata.proc);

    const row = (i: number) => ({ id: i, x1: Math.sin(i) * 2, x2: Math.cos(i) * 2, shade: ['dark', 'light', 'mid'][i % 3], amount: Math.sin(i * 0.37) * 3 });
    const single = JSON.stringify({ instances: [row(7)] });
    const hundred = JSON.stringify({ instances: Array.from({ length: 100 }, (_, i) => row(i)) });
    const check = await fetch(`${strata.url}/v1/models/gb:predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: hundred });
    if (check.status !== 200) throw new Error(`the server answered ${check.status}: ${await check.text()}`);

    const busy = await busyFraction();
    console.log(`serve bench: ${duration} s per case, ${connections} connections, loopback; CPU busy before start: ${busy === undefined ? 'n/a' : `${Math.round(busy * 100)}%`}`);
    const p = { duration, connections };
    const cases: Case[] = [];
    const warm = { ...p, duration: Math.min(2, duration) };
    await load('warm-up', hello.url, { ...warm, path: '/' });
    await load('warm-up', strata.url, { ...warm, path: '/v1/models/gb:predict', method: 'POST', body: single });
    cases.push(await load('hello-world (ceiling)', hello.url, { ...p, path: '/' }));
    cases.push(await load('fastify POST echo (reference)', hello.url, { ...p, path: '/echo', method: 'POST', body: single }));
    cases.push(await load('gbdt single row', strata.url, { ...p, path: '/v1/models/gb:predict', method: 'POST', body: single }));
    cases.push(await load('gbdt 100-row batch', strata.url, { ...p, path: '/v1/models/gb:predict', method: 'POST', body: hundred }));
    cases.push(await load('hello-world @1000/s (reference)', hello.url, { ...p, path: '/', rate: 1000 }));
    cases.push(await load('gbdt single row @1000/s', strata.url, { ...p, path: '/v1/models/gb:predict', method: 'POST', body: single, rate: 1000 }));
    if (soak > 0) cases.push(await load(`gbdt single row soak ${soak} s`, strata.url, { ...p, duration: soak, path: '/v1/models/gb:predict', method: 'POST', body: single }));

    const ceiling = cases[0]!.rps;
    const mb = (b: number) => (b / 2 ** 20).toFixed(0);
    const ceilingCpu = cases[0]!.cpuPerRequest;
    console.log(
      ['case'.padEnd(30), 'req/s'.padStart(8), 'rows/s'.padStart(8), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'max ms'.padStart(7), 'srv p99'.padStart(8), 'vs ceiling'.padStart(11), 'cpu µs/req'.padStart(11), 'cpu ratio'.padStart(10), 'req/call'.padStart(9), 'errors'.padStart(7), 'RSS MB'.padStart(10)].join(' '),
    );
    for (const c of cases) {
      const rows = c.name.includes('100-row') ? c.rps * 100 : c.name.startsWith('gbdt') ? c.rps : NaN;
      console.log(
        [
          c.name.padEnd(30), Math.round(c.rps).toString().padStart(8), (Number.isNaN(rows) ? '' : Math.round(rows).toString()).padStart(8),
          String(c.p50).padStart(7), String(c.p99).padStart(7), String(c.max).padStart(7), (c.serverP99 === null ? '' : `≤${c.serverP99}`).padStart(8), (c.rps / ceiling).toFixed(2).padStart(11),
          c.cpuPerRequest.toFixed(0).padStart(11), (ceilingCpu / c.cpuPerRequest).toFixed(2).padStart(10), (c.perCall === null ? '' : c.perCall.toFixed(2)).padStart(9), String(c.errors).padStart(7), `${mb(c.rssBefore)}→${mb(c.rssAfter)}`.padStart(10),
        ].join(' '),
      );
    }
    console.log(
      "(p50/p99/max: client-side, autocannon; srv p99: the server's own latency histogram, bucket bound; vs ceiling: req/s over hello-world req/s in this run;\n" +
        ' req/call: requests merged into one model call by micro-batching;\n' +
        " cpu ratio: hello-world server CPU per request over this case's — the throughput ratio the two servers would have on equal, dedicated cores)",
    );
    for (const c of cases.filter((c) => c.rssSamples.length > 1)) {
      console.log(`${c.name}: RSS every 5 s (MB): ${c.rssSamples.map(mb).join(' ')}`);
    }
    const single1k = cases.find((c) => c.name.endsWith('@1000/s'))!;
    const singleMax = cases.find((c) => c.name === 'gbdt single row')!;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `\ntargets: single-row p99 at 1,000 req/s = ${single1k.p99} ms client-side, ≤${single1k.serverP99} ms server-side (< 5: ${verdict(single1k.p99 < 5)} / ${verdict((single1k.serverP99 ?? Infinity) <= 5)}); ` +
        `single-row throughput / hello-world = ${(singleMax.rps / ceiling).toFixed(2)} req/s, ${(ceilingCpu / singleMax.cpuPerRequest).toFixed(2)} by CPU (≥ 0.5: ${verdict(singleMax.rps / ceiling >= 0.5)} / ${verdict(ceilingCpu / singleMax.cpuPerRequest >= 0.5)}); ` +
        `errors = ${cases.reduce((s, c) => s + c.errors, 0)}`,
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
