/** Counters, gauges and histograms rendered in the Prometheus text exposition format (0.0.4). */

type Labels = Readonly<Record<string, string>>;

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function labelText(labels: Labels, extra?: [string, string]): string {
  const parts = Object.keys(labels).map((k) => `${k}="${escapeLabel(labels[k]!)}"`);
  if (extra) parts.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** Series key: label values in the order given (each call site passes its labels in one fixed order). */
const keyOf = (labels: Labels): string => {
  let k = '';
  for (const name in labels) k += `${name}\u0001${labels[name]}\u0002`;
  return k;
};

const formatNumber = (v: number): string => (Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN');

/** One metric family as plain data, so worker processes can send theirs to be merged. */
export interface FamilySnapshot {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  /** Histogram bucket bounds. */
  buckets?: readonly number[];
  series: { labels: Labels; value?: number; counts?: number[]; sum?: number; count?: number }[];
}

/** A process's metrics: its families plus its own CPU and memory. */
export interface MetricsSnapshot {
  families: FamilySnapshot[];
  cpuSeconds: number;
  rss: number;
  heapUsed: number;
}

/** Series found by label name, then value, then the next name…: no key string built per update. */
interface LabelNode<S> {
  next: Map<string, LabelNode<S>>;
  state: S | undefined;
}

const labelNode = <S>(): LabelNode<S> => ({ next: new Map(), state: undefined });

abstract class Metric<S> {
  protected readonly series = new Map<string, { labels: Labels; state: S }>();
  #tree: LabelNode<S> = labelNode();
  constructor(readonly name: string, readonly help: string, readonly type: 'counter' | 'gauge' | 'histogram') {}

  abstract snapshot(): FamilySnapshot;

  protected at(labels: Labels, init: () => S): S {
    let node = this.#tree;
    for (const name in labels) {
      let byValue = node.next.get(name);
      if (!byValue) node.next.set(name, (byValue = labelNode()));
      const value = labels[name]!;
      let child = byValue.next.get(value);
      if (!child) byValue.next.set(value, (child = labelNode()));
      node = child;
    }
    if (node.state === undefined) {
      const key = keyOf(labels);
      let s = this.series.get(key);
      if (!s) this.series.set(key, (s = { labels: { ...labels }, state: init() }));
      node.state = s.state;
    }
    return node.state;
  }

  /** Drops a series. */
  protected drop(labels: Labels): void {
    this.series.delete(keyOf(labels));
    this.#tree = labelNode();
  }
}

export class Counter extends Metric<{ value: number }> {
  constructor(name: string, help: string) {
    super(name, help, 'counter');
  }
  inc(labels: Labels = {}, by = 1): void {
    this.at(labels, () => ({ value: 0 })).value += by;
  }
  value(labels: Labels = {}): number {
    return this.series.get(keyOf(labels))?.state.value ?? 0;
  }
  snapshot(): FamilySnapshot {
    return { name: this.name, help: this.help, type: this.type, series: [...this.series.values()].map(({ labels, state }) => ({ labels, value: state.value })) };
  }
}

export class Gauge extends Metric<{ value: number }> {
  constructor(name: string, help: string) {
    super(name, help, 'gauge');
  }
  set(labels: Labels, value: number): void {
    this.at(labels, () => ({ value: 0 })).value = value;
  }
  /** Drops a series (a model version that was unloaded). */
  remove(labels: Labels): void {
    this.drop(labels);
  }
  snapshot(): FamilySnapshot {
    return { name: this.name, help: this.help, type: this.type, series: [...this.series.values()].map(({ labels, state }) => ({ labels, value: state.value })) };
  }
}

interface HistogramState {
  counts: Float64Array;
  sum: number;
  count: number;
}

export class Histogram extends Metric<HistogramState> {
  constructor(name: string, help: string, readonly buckets: readonly number[]) {
    super(name, help, 'histogram');
  }
  observe(labels: Labels, value: number): void {
    const s = this.at(labels, () => ({ counts: new Float64Array(this.buckets.length), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  snapshot(): FamilySnapshot {
    return {
      name: this.name, help: this.help, type: this.type, buckets: this.buckets,
      series: [...this.series.values()].map(({ labels, state }) => ({ labels, counts: Array.from(state.counts), sum: state.sum, count: state.count })),
    };
  }
}

/** Counters and histograms add up across processes; a gauge keeps the largest value. */
function mergeFamilies(families: readonly FamilySnapshot[]): FamilySnapshot {
  const first = families[0]!;
  const merged = new Map<string, FamilySnapshot['series'][number]>();
  for (const f of families) {
    for (const s of f.series) {
      const k = keyOf(s.labels);
      const m = merged.get(k);
      if (!m) merged.set(k, { ...s, ...(s.counts ? { counts: [...s.counts] } : {}) });
      else if (first.type === 'histogram') {
        s.counts!.forEach((c, i) => (m.counts![i]! += c));
        m.sum! += s.sum!;
        m.count! += s.count!;
      } else if (first.type === 'counter') m.value! += s.value!;
      else m.value = Math.max(m.value!, s.value!);
    }
  }
  return { ...first, series: [...merged.values()] };
}

function renderFamily(f: FamilySnapshot): string {
  const out = [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`];
  for (const s of f.series) {
    if (f.type !== 'histogram') {
      out.push(`${f.name}${labelText(s.labels)} ${formatNumber(s.value!)}`);
      continue;
    }
    f.buckets!.forEach((b, i) => out.push(`${f.name}_bucket${labelText(s.labels, ['le', formatNumber(b)])} ${s.counts![i]}`));
    out.push(`${f.name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.count}`);
    out.push(`${f.name}_sum${labelText(s.labels)} ${formatNumber(s.sum!)}`, `${f.name}_count${labelText(s.labels)} ${s.count}`);
  }
  return out.join('\n');
}

/**
 * The Prometheus text of one or more processes' snapshots (the workers of one server), merged
 * so each family appears once; process CPU and memory are summed over the processes.
 */
export function renderSnapshots(snapshots: readonly MetricsSnapshot[]): string {
  const byName = new Map<string, FamilySnapshot[]>();
  for (const snap of snapshots) for (const f of snap.families) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const sum = (pick: (s: MetricsSnapshot) => number): number => snapshots.reduce((t, s) => t + pick(s), 0);
  const extra = [
    '# HELP strata_serve_processes Worker processes whose metrics are included.',
    '# TYPE strata_serve_processes gauge',
    `strata_serve_processes ${snapshots.length}`,
    '# HELP process_cpu_seconds_total User and system CPU time spent, in seconds (all workers).',
    '# TYPE process_cpu_seconds_total counter',
    `process_cpu_seconds_total ${sum((s) => s.cpuSeconds)}`,
    '# HELP process_resident_memory_bytes Resident memory size in bytes (all workers).',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${sum((s) => s.rss)}`,
    '# HELP nodejs_heap_used_bytes V8 heap in use, in bytes (all workers).',
    '# TYPE nodejs_heap_used_bytes gauge',
    `nodejs_heap_used_bytes ${sum((s) => s.heapUsed)}`,
  ];
  return [...byName.values()].map((fs) => renderFamily(mergeFamilies(fs))).join('\n') + '\n' + extra.join('\n') + '\n';
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ROW_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096];

/** The server's metrics, one registry per process. */
export class ServeMetrics {
  readonly requests = new Counter('strata_serve_requests_total', 'HTTP requests answered, by route, method and status code.');
  readonly latency = new Histogram('strata_serve_request_duration_seconds', 'Time from request to response, by route.', LATENCY_BUCKETS);
  readonly errors = new Counter('strata_serve_errors_total', 'Requests answered with an error, by route and error code.');
  readonly predictions = new Counter('strata_serve_predicted_rows_total', 'Rows predicted, by model.');
  readonly batchRows = new Histogram('strata_serve_batch_rows', 'Rows per model call after micro-batching, by model.', ROW_BUCKETS);
  readonly batchRequests = new Histogram('strata_serve_batch_requests', 'Requests merged into one model call, by model.', ROW_BUCKETS);
  readonly modelLoad = new Gauge('strata_serve_model_load_seconds', 'Seconds the loaded version of each model took to load.');
  readonly reloads = new Counter('strata_serve_model_reloads_total', 'Hot reloads of a model after its registry alias or latest version moved.');
  readonly rateLimited = new Counter('strata_serve_rate_limited_total', 'Requests refused by a key\'s rate limit, by key id.');

  snapshot(): MetricsSnapshot {
    const all = [this.requests, this.latency, this.errors, this.predictions, this.batchRows, this.batchRequests, this.modelLoad, this.reloads, this.rateLimited];
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    return { families: all.map((m) => m.snapshot()), cpuSeconds: (cpu.user + cpu.system) / 1e6, rss: mem.rss, heapUsed: mem.heapUsed };
  }

  /** This process's metrics in the Prometheus text format. */
  render(): string {
    return renderSnapshots([this.snapshot()]);
  }
}
