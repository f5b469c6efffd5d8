/**
 * Frame benchmark: Strata against pandas on a deterministic 1,000,000-row CSV (integer `key` with
 * 1,000 values, 28 float columns, one 20-value string column), interleaved in one run:
 * read CSV, group-by key with mean/sum/count of 3 columns, an inner join with a 100,000-row table
 * (many-to-one on `key`, 1M rows out), and the 28 float columns to a matrix.
 *
 * Each side runs in its own long-lived process (Strata: this file with --worker; pandas:
 * anchors/pandas_anchor.py), both doing the same sequence, so the peak resident memory each
 * reports is comparable. Prints medians, the Strata/pandas ratio per case (target ≤ 0.5) and
 * peak memory; never asserts a time. Run: `node --import tsx bench/frame.ts [--reps N]`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { random } from '../src/tensor/index.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';
import { median } from './harness.js';

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
  maxrss_mb: number;
  check: unknown;
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

async function worker(): Promise<void> {
  const { readCsv } = await import('../src/frame/io/index.js');
  type DF = Awaited<ReturnType<typeof readCsv>>;
  let df: DF | undefined;
  let right: DF | undefined;
  const floats = Array.from({ length: 28 }, (_, j) => `f${j}`);
  const lines = createInterface({ input: process.stdin });
  process.stdout.write(JSON.stringify({ ready: true }) + '\n');
  for await (const line of lines) {
    const req = JSON.parse(line) as { case: string; file?: string; right?: string };
    const start = process.hrtime.bigint();
    let check: unknown = null;
    switch (req.case) {
      case 'setup':
        right = await readCsv(req.right!);
        break;
      case 'read':
        df = undefined;
        df = await readCsv(req.file!);
        check = [df.numRows, df.numCols];
        break;
      case 'groupby': {
        const g = df!.groupBy('key').agg({ f0: 'mean', f1: 'sum', f2: 'count' });
        check = [g.numRows, g.column('f0').get(0)];
        break;
      }
      case 'join': {
        const j = df!.join(right!, { on: 'key', how: 'inner' });
        check = [j.numRows, j.numCols];
        break;
      }
      case 'tomatrix': {
        const m = df!.toMatrix(floats);
        check = [m.shape[0], m.shape[1], m.get(123, 5)]; // one element, as the pandas side reads
        break;
      }
      case 'groupby-sql':
      case 'join-sql': {
        const { sql } = await import('../src/frame/sql/index.js');
        const q =
          req.case === 'groupby-sql'
            ? 'select key, avg(f0) as f0, sum(f1) as f1, count(f2) as f2 from t group by key order by key'
            : 'select * from t join r using (key)';
        const out = await sql(q, { t: df!, r: right! });
        check = [out.numRows, out.numCols];
        break;
      }
      default:
        throw new Error(`unknown case ${req.case}`);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    process.stdout.write(JSON.stringify({ seconds, maxrss_mb: process.resourceUsage().maxRSS / 1024, check }) + '\n');
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
  const strata = new Side(spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker'], { stdio: ['pipe', 'pipe', 'inherit'] }));
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
  await strata.hello();
  const hello = pandas ? await pandas.hello() : { pandas: null };
  console.log(`Strata vs pandas ${pandas ? String(hello.pandas) : '(skipped)'} — Node ${process.version}; data ${LEFT} (sha256 ${leftHash}…), right ${RIGHT} (sha256 ${rightHash}…)`);
  await strata.ask({ case: 'setup', right: RIGHT });
  await pandas?.ask({ case: 'setup', right: RIGHT });

  const ours: Record<string, number[]> = {};
  const theirs: Record<string, number[]> = {};
  const peakOurs: Record<string, number> = {};
  const peakTheirs: Record<string, number> = {};
  const extra: Record<string, number[]> = { 'groupby-sql': [], 'join-sql': [] };
  for (let rep = 0; rep < reps; rep++) {
    for (const c of CASES) {
      const request = { case: c, file: LEFT };
      const a = await strata.ask(request);
      const b = await pandas?.ask(request);
      if (rep === 0) console.log(`  ${c}: strata check ${JSON.stringify(a.check)}, pandas check ${b ? JSON.stringify(b.check) : '—'}`);
      (ours[c] ??= []).push(a.seconds);
      theirs[c] ??= [];
      if (b) theirs[c].push(b.seconds);
      peakOurs[c] = Math.max(peakOurs[c] ?? 0, a.maxrss_mb);
      if (b) peakTheirs[c] = Math.max(peakTheirs[c] ?? 0, b.maxrss_mb);
    }
    for (const c of ['groupby-sql', 'join-sql']) extra[c]!.push((await strata.ask({ case: c })).seconds);
  }
  strata.stop();
  pandas?.stop();

  console.log(`\n${['case', 'strata', 'pandas', 'ratio (median)', 'ratio min..max', 'peak RSS strata', 'peak RSS pandas'].join(' | ')}`);
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
      strataPeakRssMb: peakOurs[c]!,
      pandasPeakRssMb: peakTheirs[c] ?? null,
    };
    results.push(row);
    console.log(
      [
        c, fmt(row.strataMedianSeconds), orDash(row.pandasMedianSeconds, fmt), orDash(row.ratioMedian, (r) => `${r.toFixed(2)}×`),
        orDash(row.ratioMin, (r) => `${r.toFixed(2)}..${row.ratioMax!.toFixed(2)}`), `${row.strataPeakRssMb.toFixed(0)} MB`, orDash(row.pandasPeakRssMb, (m) => `${m.toFixed(0)} MB`),
      ].join(' | '),
    );
  }
  const sqlNote = Object.entries(extra).map(([k, v]) => `${k} ${fmt(median(v))}`).join(', ');
  console.log(`\nStrata through DuckDB SQL on the same frames (for comparison): ${sqlNote}`);
  console.log('Peak RSS is each process\'s high-water mark after that case (both run the same sequence: setup, then read, group-by, join, to-matrix per rep).');
  writeFileSync(`${OUT}frame.json`, JSON.stringify({ pandas: hello.pandas, node: process.version, leftHash, rightHash, reps, results, sql: extra }, null, 2));
  console.log(`results in bench/out/frame.json`);
}

if (process.argv.includes('--worker')) await worker();
else await main();
