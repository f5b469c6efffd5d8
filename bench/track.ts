/**
 * Tracking benchmark: metric points per second into the SQLite store (and PostgreSQL when
 * STRATA_TEST_PG_URI is set) — unbatched (one awaited transaction per point), batched
 * (`logBatch` of 10,000 points) and through a `Run` (buffered `logMetric`, as `fit` logs).
 * Target: ≥ 100,000 points/s batched into SQLite. Prints medians of --reps (default 3); never
 * asserts a time. Run: `node --import tsx bench/track.ts [--reps N]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, startRun, type MetricPoint, type TrackingStore } from '../src/track/index.js';

const reps = Number(process.argv[process.argv.indexOf('--reps') + 1] ?? 3) || 3;
const UNBATCHED = 5_000;
const BATCHED = 500_000;
const BATCH = 10_000;
const RUN_POINTS = 300_000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(store: TrackingStore): Promise<Record<string, number>> {
  const exp = await store.getOrCreateExperiment('bench');
  const out: Record<string, number[]> = { unbatched: [], batched: [], run: [] };
  for (let r = 0; r < reps; r++) {
    const a = await store.createRun({ experimentId: exp.id });
    let t = performance.now();
    for (let i = 0; i < UNBATCHED; i++) await store.logMetric(a.id, 'loss', 1 / (i + 1), i);
    out.unbatched!.push(UNBATCHED / ((performance.now() - t) / 1000));

    const b = await store.createRun({ experimentId: exp.id });
    const now = Date.now();
    t = performance.now();
    for (let start = 0; start < BATCHED; start += BATCH) {
      const points: MetricPoint[] = new Array(BATCH);
      for (let i = 0; i < BATCH; i++) points[i] = { key: 'loss', value: 1 / (start + i + 1), step: start + i, time: now };
      await store.logBatch(b.id, { metrics: points });
    }
    out.batched!.push(BATCHED / ((performance.now() - t) / 1000));

    const run = await startRun(store, { experiment: 'bench' });
    t = performance.now();
    for (let i = 0; i < RUN_POINTS; i++) run.logMetric('loss', 1 / (i + 1), i);
    await run.end();
    out.run!.push(RUN_POINTS / ((performance.now() - t) / 1000));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, median(v)]));
}

function report(label: string, m: Record<string, number>): void {
  const f = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(12);
  console.log(`${label}`);
  console.log(`  unbatched (1 point per transaction)      ${f(m.unbatched!)} points/s`);
  console.log(`  batched (logBatch, ${BATCH.toLocaleString('en-US')} points)        ${f(m.batched!)} points/s   target ≥ 100,000 (SQLite)`);
  console.log(`  Run.logMetric (buffered, as fit logs)    ${f(m.run!)} points/s`);
}

const dir = mkdtempSync(join(tmpdir(), 'strata-bench-track-'));
try {
  const sqlite = await openStore(`sqlite:${join(dir, 'strata.db')}`);
  report(`SQLite (WAL, synchronous=NORMAL), median of ${reps}`, await measure(sqlite));
  await sqlite.close();
  const pgUri = process.env.STRATA_TEST_PG_URI;
  if (pgUri) {
    const pg = await openStore(pgUri, { artifactRoot: join(dir, 'pg-artifacts') });
    report(`PostgreSQL (${pgUri.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}), median of ${reps}`, await measure(pg));
    await pg.close();
  } else {
    console.log('PostgreSQL: skipped (set STRATA_TEST_PG_URI, e.g. eval "$(scripts/start-postgres.sh)")');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
