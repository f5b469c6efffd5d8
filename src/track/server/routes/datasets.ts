/** The dataset explorer: fingerprints and schemas of what runs trained on; summary and histograms of a file still on disk. */
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { DataFrame } from '../../../frame/index.js';
import { barChart, histogram, type VegaLiteSpec } from '../../../plot/index.js';
import { fingerprintFile } from '../../fingerprint.js';
import type { TrackingStore } from '../../store/store.js';
import type { DatasetRecord } from '../../types.js';
import { HttpError } from '../errors.js';

/** Histograms draw at most this many rows (an even sample of bigger files). */
const HISTOGRAM_ROWS = 20_000;

async function records(store: TrackingStore, digest: string): Promise<DatasetRecord[]> {
  if (!/^[0-9a-f]{64}$/.test(digest)) throw new HttpError(400, `'${digest}' is not a dataset digest (64 lowercase hex characters).`);
  const found = (await store.listAllDatasets()).filter((d) => d.digest === digest);
  if (found.length === 0) throw new HttpError(404, `No run trained on a dataset with digest ${digest}.`);
  return found;
}

/** The dataset's file when it is still on this machine with the same content; otherwise why not. */
async function loadFrame(d: DatasetRecord): Promise<{ df: DataFrame } | { note: string }> {
  const src = d.source;
  if (d.kind !== 'file' || !src || !existsSync(src)) return { note: src ? `${src} is not on this machine (paths are relative to where the run ran).` : 'The run logged no source file.' };
  if (fingerprintFile(src).digest !== d.digest) return { note: `${src} changed since the run read it; no summary of the old content.` };
  const { readFile } = await import('../../../frame/io/index.js'); // DuckDB loads only when a dataset is explored
  return { df: await readFile(src, { nullValues: ['', 'NA', 'N/A', 'NaN', 'null', 'NULL'] }) };
}

/** Columns with more distinct categories than this (ids, free text) get no bar chart. */
const MAX_CATEGORIES = 50;

function columnChart(df: DataFrame, name: string): VegaLiteSpec | null {
  const col = df.select(name);
  if (['float64', 'float32', 'int32'].includes(String(df.column(name).dtype))) return histogram(col, { x: name, width: 260, height: 140, title: name });
  if (new Set(col.toRecords().map((r) => r[name])).size > MAX_CATEGORIES) return null;
  return barChart(col, { x: name, sort: 'value', horizontal: true, width: 260, title: name });
}

export function registerDatasetRoutes(app: FastifyInstance, store: TrackingStore): void {
  /** One entry per content digest, with the runs that used it. */
  app.get('/api/datasets', async () => {
    const byDigest = new Map<string, DatasetRecord & { runs: string[] }>();
    for (const d of await store.listAllDatasets()) {
      const seen = byDigest.get(d.digest);
      if (seen) seen.runs.push(d.runId);
      else byDigest.set(d.digest, { ...d, runs: [d.runId] });
    }
    return { datasets: [...byDigest.values()] };
  });

  app.get('/api/datasets/:digest', async (req) => {
    const found = await records(store, (req.params as { digest: string }).digest);
    const first = found[0]!;
    const loaded = await loadFrame(first);
    const describe = 'df' in loaded ? (loaded.df.describe({ include: 'all' }).toRecords() as Record<string, unknown>[]) : null;
    return { dataset: first, runs: found.map((r) => ({ runId: r.runId, name: r.name })), describe, note: 'note' in loaded ? loaded.note : null };
  });

  /** One Vega-Lite chart per column: a histogram of numbers, bar counts of categories. */
  app.get('/api/datasets/:digest/charts', async (req) => {
    const loaded = await loadFrame((await records(store, (req.params as { digest: string }).digest))[0]!);
    if ('note' in loaded) throw new HttpError(404, loaded.note);
    let df = loaded.df;
    const rows = df.numRows;
    if (rows > HISTOGRAM_ROWS) df = df.take(Array.from({ length: HISTOGRAM_ROWS }, (_, i) => Math.floor((i * rows) / HISTOGRAM_ROWS)));
    return { rows, sampled: rows > HISTOGRAM_ROWS ? HISTOGRAM_ROWS : null, charts: df.columnNames.map((name) => ({ column: name, spec: columnChart(df, name) })) };
  });
}
