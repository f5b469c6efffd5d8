/** The dashboard's client for the tracking server's REST API (/api/). */
import type {
  ArtifactRecord, DatasetRecord, Experiment, MetricSummary, ModelVersion, RegisteredModel, RunColumns, RunInfo, RunRecord, RunTableRow,
} from '../../src/track/types.js';

export type { ArtifactRecord, DatasetRecord, Experiment, MetricSummary, ModelVersion, RegisteredModel, RunColumns, RunInfo, RunRecord, RunTableRow };

/** An error answer of the API: its message, and where a filter went wrong. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly position?: number) {
    super(message);
  }
}

/** JSON has no NaN: the server sends non-finite numbers as strings. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return Number(v);
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, body?.message ?? `${res.status} ${res.statusText}`, body?.position);
  return body as T;
}

export interface RunsPage {
  total: number;
  offset: number;
  limit: number;
  runs: RunTableRow[];
}

export interface SeriesPoint {
  step: number;
  time: number;
  value: number;
}

export interface Series {
  key: string;
  total: number;
  downsampled: boolean;
  points: SeriesPoint[];
}

export interface RunDetail {
  run: RunRecord;
  metrics: MetricSummary[];
  artifacts: ArtifactRecord[];
  datasets: DatasetRecord[];
  children: RunInfo[];
}

export interface PredictResult {
  model: string;
  version: number;
  features: string[];
  predictions: (string | number | boolean)[];
  probabilities?: number[][];
  classes?: (string | number | boolean)[];
}

const enc = encodeURIComponent;
const keyPath = (key: string): string => key.split('/').map(enc).join('/');

export const api = {
  experiments: () => request<{ experiments: Experiment[] }>('/api/experiments'),
  runs: (q: { experiment?: string; filter?: string; sort?: string; columns?: string; limit?: number; offset?: number }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
    return request<RunsPage>(`/api/runs?${params}`);
  },
  columns: (experiment?: string) => request<RunColumns>(`/api/runs/columns${experiment ? `?experiment=${enc(experiment)}` : ''}`),
  run: (id: string) => request<RunDetail>(`/api/runs/${enc(id)}`),
  series: async (id: string, key: string, points = 1000, x: 'step' | 'time' = 'step'): Promise<Series> => {
    const s = await request<Series>(`/api/runs/${enc(id)}/metrics/${keyPath(key)}?points=${points}&x=${x}`);
    return { ...s, points: s.points.map((p) => ({ ...p, value: toNumber(p.value) })) };
  },
  artifactUrl: (id: string, name: string) => `/api/runs/${enc(id)}/artifacts/${keyPath(name)}`,
  artifactChart: (id: string, name: string) => request<{ spec: object }>(`/api/runs/${enc(id)}/charts/${keyPath(name)}`),
  artifactText: async (id: string, name: string) => (await fetch(`/api/runs/${enc(id)}/artifacts/${keyPath(name)}`)).text(),
  models: () => request<{ models: RegisteredModel[] }>('/api/models'),
  model: (name: string) => request<{ model: RegisteredModel; versions: ModelVersion[] }>(`/api/models/${enc(name)}`),
  predict: (name: string, version: number, body: { rows: Record<string, string>[] } | string) =>
    request<PredictResult>(`/api/models/${enc(name)}/predict?version=${version}`, {
      method: 'POST',
      headers: { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  datasets: () => request<{ datasets: (DatasetRecord & { runs: string[] })[] }>('/api/datasets'),
  dataset: (digest: string) => request<{ dataset: DatasetRecord; runs: { runId: string; name: string }[]; describe: Record<string, unknown>[] | null; note: string | null }>(`/api/datasets/${digest}`),
  datasetCharts: (digest: string) => request<{ rows: number; sampled: number | null; charts: { column: string; spec: object | null }[] }>(`/api/datasets/${digest}/charts`),
  setAlias: (name: string, alias: string, version: number) =>
    request<{ model: RegisteredModel }>(`/api/models/${enc(name)}/aliases/${enc(alias)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version }) }),
  eventsUrl: (id: string) => `/api/runs/${enc(id)}/events`,
};
