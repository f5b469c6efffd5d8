/**
 * Frame benchmark: Strata against pandas on a deterministic 1,000,000-row CSV (integer `key` with
 * 1,000 values, 28 float columns, one 20-value string column), interleaved in one run:
 * read CSV, group-by key with mean/sum/count of 3 columns, an inner join with a 100,000-row table
 * (many-to-one on `key`, 1M rows out), and the 28 float columns to a matrix.
 *
 * Each side runs in its own long-lived process (Strata: this file with --worker; pandas:
 * anchors/pandas_anchor.py), both doing the same sequence. Before each case, untimed, each side
 * resets its resident high-water mark (/proc/self/clear_refs), so the peak reported per case is
 * the high-water mark during that case (with what is alive, e.g. the frame, and whatever the
 * runtime or DuckDB's allocator keeps mapped); the overall peak is the largest. Before each read,
 * each side also drops the previous frame and collects garbage (Node: gc(), then waits until
 * resident memory stops falling, see resetPeak; Python: gc.collect(), though refcounting has
 * freed it already). Node collects only there: forced full collections
 * before every case made V8 discard the group-by code between repetitions (it recompiled each
 * time), a cost of the measurement, not of the library; garbage a case leaves for V8 to collect
 * later still counts in the next case's peak.
 *
 * To-matrix: pandas' `df[cols].to_numpy()` returns a column-major (Fortran-order) array (a view of
 * the freshly copied block), so Strata is timed with `toMatrix(cols, { order: 'F' })`, the same
 * result layout; Strata's default row-major `toMatrix` (a transpose, more work) is printed too.
 *
 * Prints medians, the Strata/pandas ratio per case (target ≤ 0.5), the median CPU time of each
 * side per case (all threads of the process, so DuckDB's scan threads count; on a busy machine
 * this is steadier than wall time, but it does not credit Strata for using a second core), peak
 * memory and how busy the machine was (fraction of CPU time busy, sampled before and after);
 * never asserts a time.
 * Run: `node --import tsx bench/frame.ts [--reps N]`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { random } from '../src/tensor/index.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';
import { busyFraction, median } from './harness.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const LEFT = `${OUT}frame-1m.csv`;
const RIGHT = `${OUT}frame-right-100k.csv`;
const ROWS = 1_000_000;
const RIGHT_ROWS = 100_000;
const SEED = 20261125;
const CASES = ['read', 'groupby', 'join', 'tomatrix'] as const;
type CaseName = (typeof CASES)[number];

interface Reply {
  seconds: number;
  /** CPU time of the whole process during the case (all threads: DuckDB's too), seconds. */
  cpu_seconds: number;
  /** Resident high-water mark during this case (reset just before it). */
  peak_mb: number;
  /** Resident memory when the case started (Strata side). */
  start_mb?: number;
  check: unknown;
}

/** This process's resident high-water mark in MB (VmHWM). */
function highWaterMb(): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
}

function residentMb(): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
}

/**
 * Restarts the high-water mark from the current RSS. When asked, first collects garbage (the
 * worker runs with --expose-gc; twice, as objects freed by finalizers need a second pass) and
 * waits until resident memory has stopped falling for 300 ms (at most 3 s): V8 hands freed
 * array buffers back on a background thread and DuckDB's allocator purges in the background,
 * whereas CPython frees at once.
 */
async function resetPeak(collect: boolean): Promise<void> {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) {
    gc();
    await sleep(100);
    gc();
    let last = residentMb();
    for (let waited = 0, steady = 0; waited < 3000 && steady < 3; waited += 100) {
      await sleep(100);
      const now = residentMb();
      steady = last - now < 2 ? steady + 1 : 0;
      last = now;
    }
  }
  writeFileSync('/proc/self/clear_refs', '5');
}

// ---------------------------------------------------------------- data

/** Writes the two CSV files (deterministic from SEED); floats are 6-decimal values whose shortest text round-trips. */
function generate(): void {
  mkdirSync(OUT, { recursive: true });
  const rng = random.defaultRng(SEED);
  const cats = Array.from({ length: 20 }, (_, i) => `cat_${String(i).padStart(2, '0')}`);
  const fd = openSync(`${LEFT}.tmp`, 'w');
  writeSync(fd, `key,${Array.from({ length: 28 }, (_, j) => `f${j}`).join(',')},cat\n`);
  const block = 20_000;
  for (let start = 0; start < ROWS; start += block) {
    const keys = rng.integers(0, 1000, [block]).toArray() as number[];
    const floats = rng.standardNormal([block * 28]).toFloat64Array();
    const cs = rng.integers(0, 20, [block]).toArray() as number[];
    const lines = new Array<string>(block);
    for (let r = 0; r < block; r++) {
      const parts = new Array<string>(30);
      parts[0] = String(keys[r]);
      for (let j = 0; j < 28; j++) parts[j + 1] = String(Math.round(floats[r * 28 + j]! * 1e6) / 1e6);
      parts[29] = cats[cs[r]!]!;
      lines[r] = parts.join(',');
    }
    writeSync(fd, lines.join('\n') + '\n');
  }
  closeSync(fd);
  renameSync(`${LEFT}.tmp`, LEFT);
  // Right table: unique keys 0..99,999 (so each left row matches exactly one right row).
  const r0 = rng.standardNormal([RIGHT_ROWS]).toFloat64Array();
  const r1 = rng.integers(0, 100, [RIGHT_ROWS]).toArray() as number[];
  const right = ['key,r0,r1'];
  for (let i = 0; i < RIGHT_ROWS; i++) right.push(`${(i * 7919) % RIGHT_ROWS},${Math.round(r0[i]! * 1e6) / 1e6},${r1[i]}`);
  writeFileSync(RIGHT, right.join('\n') + '\n');
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex').slice(0, 16)))
      .on('error', reject);
  });
}

// ---------------------------------------------------------------- the Strata worker

type Frame = Awaited<ReturnType<typeof import('../src/frame/io/index.js').readCsv>>;
interface WorkerState {
  df?: Frame;
  right?: Frame;
}
const FLOATS = Array.from({ length: 28 }, (_, j) => `f${j}`);

/**
 * One case; its results are locals of this call, so they are garbage once it returns (in the
 * worker's own loop, a suspended async function would keep the last join output and matrix alive).
 */
async function runCase(req: { case: string; file?: string; right?: string }, state: WorkerState): Promise<unknown> {
  const { readCsv } = await import('../src/frame/io/index.js');
  switch (req.case) {
    case 'setup':
      state.right = await readCsv(req.right!);
      return null;
    case 'read':
      state.df = await readCsv(req.file!);
      return [state.df.numRows, state.df.numCols];
    case 'groupby': {
      const g = state.df!.groupBy('key').agg({ f0: 'mean', f1: 'sum', f2: 'count' });
      return [g.numRows, g.column('f0').get(0)];
    }
    case 'join': {
      const j = state.df!.join(state.right!, { on: 'key', how: 'inner' });
      return [j.numRows, j.numCols];
    }
    case 'tomatrix':
    case 'tomatrix-rowmajor': {
      const m = state.df!.toMatrix(FLOATS, { order: req.case === 'tomatrix' ? 'F' : 'C' });
      return [m.shape[0], m.shape[1], m.get(123, 5)]; // one element, as the pandas side reads
    }
    case 'groupby-sql':
    case 'join-sql': {
      const { sql } = await import('../src/frame/sql/index.js');
      const q =
        req.case === 'groupby-sql'
          ? 'select key, avg(f0) as f0, sum(f1) as f1, count(f2) as f2 from t group by key order by key'
          : 'select * from t join r using (key)';
      const out = await sql(q, { t: state.df!, r: state.right! });
      return [out.numRows, out.numCols];
    }
    default:
      throw new Error(`unknown case ${req.case}`);
  }
}

async function worker(): Promise<void> {
  await import('../src/frame/io/index.js');
  const state: WorkerState = {};
  const lines = createInterface({ input: process.stdin });
  process.stdout.write(JSON.stringify({ ready: true }) + '\n');
  for await (const line of lines) {
    const req = JSON.parse(line) as { case: string; file?: string; right?: string };
    if (req.case === 'read') state.df = undefined;
    await resetPeak(req.case === 'read');
    const startMb = residentMb();
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const check = await runCase(req, state);
    // Work the library defers to the next turn of the event loop (the collection that frees
    // DuckDB's result chunks after a read) belongs to the case.
    await new Promise((resolve) => setImmediate(resolve));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    const reply: Reply = { seconds, cpu_seconds: (cpu.user + cpu.system) / 1e6, peak_mb: highWaterMb(), start_mb: startMb, check };
    process.stdout.write(JSON.stringify(reply) + '\n');
  }
}

// ---------------------------------------------------------------- the driver

class Side {
  private readonly lines: AsyncIterableIterator<string>;
  constructor(private readonly proc: ReturnType<typeof spawn>) {
    this.lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  }
  async hello(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.lines.next()).value as string) as Record<string, unknown>;
  }
  async ask(request: object): Promise<Reply> {
    this.proc.stdin!.write(JSON.stringify(request) + '\n');
    const next = await this.lines.next();
    if (next.done) throw new Error('a benchmark process exited early');
    return JSON.parse(next.value as string) as Reply;
  }
  stop(): void {
    this.proc.stdin!.end();
  }
}

const fmt = (s: number): string => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1e3).toFixed(1)} ms`);
const orDash = (v: number | null, show: (v: number) => string): string => (v === null ? '—' : show(v));

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const repsAt = argv.indexOf('--reps');
  const reps = repsAt >= 0 ? Number(argv[repsAt + 1]) : 3;
  if (!existsSync(LEFT) || !existsSync(RIGHT)) {
    const t = Date.now();
    generate();
    console.log(`generated ${LEFT} and ${RIGHT} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const [leftHash, rightHash] = await Promise.all([sha256(LEFT), sha256(RIGHT)]);
  const strata = new Side(spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--worker'], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const skip = missingAnchor('pandas', ['pandas']);
  if (skip) console.log(skip);
  const pandas = skip
    ? undefined
    : new Side(
        spawn(PYTHON, [fileURLToPath(new URL('./anchors/pandas_anchor.py', import.meta.url))], {
          stdio: ['pipe', 'pipe', 'inherit'],
          env: { ...process.env, OMP_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2' },
        }),
      );
  const busyBefore = await busyFraction(1000);
  await strata.hello();
  const hello = pandas ? await pandas.hello() : { pandas: null };
  console.log(`Strata vs pandas ${pandas ? String(hello.pandas) : '(skipped)'} — Node ${process.version}; data ${LEFT} (sha256 ${leftHash}…), right ${RIGHT} (sha256 ${rightHash}…)`);
  const setupOurs = await strata.ask({ case: 'setup', right: RIGHT });
  const setupTheirs = await pandas?.ask({ case: 'setup', right: RIGHT });

  const ours: Record<string, number[]> = {};
  const theirs: Record<string, number[]> = {};
  const cpuOurs: Record<string, number[]> = {};
  const cpuTheirs: Record<string, number[]> = {};
  const peakOurs: Record<string, number> = {};
  const peakTheirs: Record<string, number> = {};
  const peaksByRep: Record<string, number[][]> = {}; // per rep: [strata start, strata peak, pandas peak] MB
  const extra: Record<string, number[]> = { 'tomatrix-rowmajor': [], 'groupby-sql': [], 'join-sql': [] };
  for (let rep = 0; rep < reps; rep++) {
    for (const c of CASES) {
      const request = { case: c, file: LEFT };
      const a = await strata.ask(request);
      const b = await pandas?.ask(request);
      if (rep === 0) console.log(`  ${c}: strata check ${JSON.stringify(a.check)}, pandas check ${b ? JSON.stringify(b.check) : '—'}`);
      (ours[c] ??= []).push(a.seconds);
      (cpuOurs[c] ??= []).push(a.cpu_seconds);
      theirs[c] ??= [];
      cpuTheirs[c] ??= [];
      if (b) {
        theirs[c].push(b.seconds);
        cpuTheirs[c].push(b.cpu_seconds);
      }
      peakOurs[c] = Math.max(peakOurs[c] ?? 0, a.peak_mb);
      (peaksByRep[c] ??= []).push([a.start_mb ?? 0, a.peak_mb, b?.peak_mb ?? 0].map(Math.round));
      if (b) peakTheirs[c] = Math.max(peakTheirs[c] ?? 0, b.peak_mb);
    }
  }
  // After the timed sequence, so the DuckDB SQL copies do not weigh on the per-case peaks above.
  for (let rep = 0; rep < reps; rep++) for (const c of Object.keys(extra)) extra[c]!.push((await strata.ask({ case: c })).seconds);
  strata.stop();
  pandas?.stop();
  const busyAfter = await busyFraction(1000);

  console.log(`\n${['case', 'strata', 'pandas', 'ratio (median)', 'ratio min..max', 'CPU strata', 'CPU pandas', 'CPU ratio', 'peak RSS strata', 'peak RSS pandas'].join(' | ')}`);
  const results: object[] = [];
  for (const c of CASES as readonly CaseName[]) {
    const ratios = theirs[c]!.map((t, i) => ours[c]![i]! / t);
    const row = {
      case: c,
      strataMedianSeconds: median(ours[c]!),
      pandasMedianSeconds: ratios.length ? median(theirs[c]!) : null,
      ratioMedian: ratios.length ? median(ratios) : null,
      ratioMin: ratios.length ? Math.min(...ratios) : null,
      ratioMax: ratios.length ? Math.max(...ratios) : null,
      strataSeconds: ours[c]!,
      pandasSeconds: theirs[c]!,
      strataCpuMedianSeconds: median(cpuOurs[c]!),
      pandasCpuMedianSeconds: ratios.length ? median(cpuTheirs[c]!) : null,
      strataCpuSeconds: cpuOurs[c]!,
      pandasCpuSeconds: cpuTheirs[c]!,
      strataPeakRssMb: peakOurs[c]!,
      pandasPeakRssMb: peakTheirs[c] ?? null,
    };
    results.push(row);
    console.log(
      [
        c, fmt(row.strataMedianSeconds), orDash(row.pandasMedianSeconds, fmt), orDash(row.ratioMedian, (r) => `${r.toFixed(2)}×`),
        orDash(row.ratioMin, (r) => `${r.toFixed(2)}..${row.ratioMax!.toFixed(2)}`),
        fmt(row.strataCpuMedianSeconds), orDash(row.pandasCpuMedianSeconds, fmt),
        orDash(row.pandasCpuMedianSeconds, (p) => `${(row.strataCpuMedianSeconds / p).toFixed(2)}×`),
        `${row.strataPeakRssMb.toFixed(0)} MB`, orDash(row.pandasPeakRssMb, (m) => `${m.toFixed(0)} MB`),
      ].join(' | '),
    );
  }
  const overallOurs = Math.max(setupOurs.peak_mb, ...Object.values(peakOurs));
  const overallTheirs = setupTheirs ? Math.max(setupTheirs.peak_mb, ...Object.values(peakTheirs)) : null;
  console.log(`overall peak RSS: strata ${overallOurs.toFixed(0)} MB, pandas ${orDash(overallTheirs, (m) => `${m.toFixed(0)} MB`)}`);
  const extraNote = Object.entries(extra).map(([k, v]) => `${k} ${fmt(median(v))}`).join(', ');
  console.log(`\nStrata only, same frames (for comparison): ${extraNote} (row-major toMatrix; group-by and join through DuckDB SQL)`);
  console.log("Peak RSS per case: the process's resident high-water mark during that case, reset just before it (and, before a read, after dropping the old frame and collecting garbage).");
  const busy = [busyBefore, busyAfter].map((b) => (b === undefined ? '—' : b.toFixed(2)));
  console.log(`machine busy fraction (1 s samples) before ${busy[0]}, after ${busy[1]} — ratios are noisier the closer these are to 1`);
  writeFileSync(
    `${OUT}frame.json`,
    JSON.stringify({ pandas: hello.pandas, node: process.version, leftHash, rightHash, reps, busyBefore, busyAfter, overallPeakMb: { strata: overallOurs, pandas: overallTheirs }, peaksByRep, results, extra }, null, 2),
  );
  console.log(`results in bench/out/frame.json`);
}

if (process.argv.includes('--worker')) await worker();
else await main();
