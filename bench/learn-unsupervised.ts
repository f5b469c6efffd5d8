/**
 * `node --import tsx bench/learn-unsupervised.ts`: fit/predict times of Strata's KMeans, PCA and
 * k-NN against scikit-learn, interleaved in one run on the same data (written once to
 * bench/out/ as float64 files both sides read), medians and the Strata/scikit-learn ratio per
 * pair. scikit-learn runs with 2 threads (threadpoolctl + OMP/OpenBLAS env); Strata with
 * `--threads N` (default 2: `useThreads(N)` for GEMMs, `nJobs: N` for KMeans's runs; 1 is
 * single-threaded). It never asserts a time. Options: `--only NAME` (substring of a case
 * label), `--reps N`, `--threads N`.
 *
 * Cases: KMeans 200k × 16, k = 8 (8 Gaussian blobs), nInit 10 as scikit-learn 1.2's default;
 * PCA 100k × 100 (correlated Gaussian), 10 components, each library's 'auto' solver; k-NN
 * classifier, k = 5, 50k × 16 training blobs, predict on 10k held-out queries, each library's
 * 'auto' algorithm (both: brute force from GEMM distances above 15 features) and both on
 * 'kd_tree'.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fromTyped, random } from '../src/tensor/index.js';
import { KMeans, KNeighborsClassifier, PCA } from '../src/learn/index.js';
import { useThreads } from '../src/kernels/index.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));

const ANCHOR = String.raw`
import json, sys, time
import numpy as np
try:
    from threadpoolctl import threadpool_limits
    threadpool_limits(2)
except ImportError:
    pass
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.neighbors import KNeighborsClassifier
print(json.dumps({"sklearn": sklearn.__version__}), flush=True)
cache = {}
def load(path, shape):
    if path not in cache:
        cache[path] = np.fromfile(path, dtype=np.float64).reshape(shape)
    return cache[path]
for line in sys.stdin:
    r = json.loads(line)
    X = load(r["file"], r["shape"])
    c = r["case"]
    t0 = time.perf_counter()
    if c == "kmeans":
        m = KMeans(n_clusters=8, n_init=10, algorithm=r["algorithm"], random_state=0).fit(X)
        t1 = time.perf_counter(); m.predict(X); t2 = time.perf_counter(); value = float(m.inertia_)
    elif c == "pca":
        m = PCA(n_components=10, svd_solver=r["solver"], random_state=0).fit(X)
        t1 = time.perf_counter(); m.transform(X); t2 = time.perf_counter(); value = float(m.explained_variance_ratio_.sum())
    elif c == "knn":
        y = load(r["yfile"], [r["shape"][0]]).astype(np.int64)
        Q = load(r["qfile"], r["qshape"])
        m = KNeighborsClassifier(n_neighbors=5, algorithm=r["algorithm"]).fit(X, y)
        t1 = time.perf_counter(); p = m.predict(Q); t2 = time.perf_counter(); value = float(p.sum())
    print(json.dumps({"fit": t1 - t0, "predict": t2 - t1, "value": value}), flush=True)
`;
import { busyFraction, median } from './harness.js';

interface Timing {
  fit: number;
  predict: number;
  value: number;
}

class SklearnAnchor {
  private readonly lines: AsyncIterableIterator<string>;
  private constructor(private readonly proc: ReturnType<typeof spawn>) {
    this.lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  }

  static async start(): Promise<{ anchor?: SklearnAnchor; version?: string; reason?: string }> {
    const skip = missingAnchor('scikit-learn', ['numpy', 'sklearn']);
    if (skip) return { reason: skip };
    const proc = spawn(PYTHON, ['-c', ANCHOR], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, OMP_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2', MKL_NUM_THREADS: '2' },
    });
    const anchor = new SklearnAnchor(proc);
    const hello = JSON.parse((await anchor.lines.next()).value as string) as { sklearn: string };
    return { anchor, version: hello.sklearn };
  }

  async time(request: object): Promise<Timing> {
    this.proc.stdin!.write(JSON.stringify(request) + '\n');
    return JSON.parse((await this.lines.next()).value as string) as Timing;
  }

  stop(): void {
    this.proc.stdin!.end();
  }
}

const rng = random.defaultRng(20261125);

/** n points around `centers` random centers in [-10, 10]^d with unit noise, and their blob index. */
function blobs(n: number, d: number, centers: number): { x: Float64Array; y: Float64Array } {
  const c = rng.uniform(-10, 10, [centers * d]).toFloat64Array();
  const noise = rng.standardNormal([n * d]).toFloat64Array();
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = i % centers;
    y[i] = b;
    for (let j = 0; j < d; j++) x[i * d + j] = c[b * d + j]! + noise[i * d + j]!;
  }
  return { x, y };
}

/** Gaussian data with a decaying spectrum: Z · diag(s) · R for a random mixing R. */
function correlated(n: number, d: number): Float64Array {
  const z = rng.standardNormal([n * d]).toFloat64Array();
  const mix = rng.standardNormal([d * d]).toFloat64Array();
  const x = new Float64Array(n * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = z[i * d + j]! / (1 + j);
    for (let a = 0; a < d; a++) {
      const v = row[a]!;
      for (let b = 0; b < d; b++) x[i * d + b]! += v * mix[a * d + b]!;
    }
  }
  return x;
}

function write(name: string, data: Float64Array): string {
  const file = `${OUT}${name}.f64`;
  writeFileSync(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return file;
}

function timed<T>(fn: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const r = fn();
  return [r, Number(process.hrtime.bigint() - start) / 1e9];
}

const fmt = (s: number): string => (Number.isNaN(s) ? '—' : s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1e3).toFixed(1)} ms`);
const ratio = (r: number): string => (Number.isNaN(r) ? '—' : `${r.toFixed(2)}×`);

interface Case {
  label: string;
  request: object;
  strata: () => Timing;
}

function args(): { only?: string; reps: number; threads: number } {
  const argv = process.argv.slice(2);
  const get = (flag: string): string | undefined => (argv.indexOf(flag) >= 0 ? argv[argv.indexOf(flag) + 1] : undefined);
  return { only: get('--only'), reps: Number(get('--reps') ?? 3), threads: Number(get('--threads') ?? 2) };
}

async function main(): Promise<void> {
  const { only, reps, threads } = args();
  await useThreads(threads);
  mkdirSync(OUT, { recursive: true });
  const km = blobs(200_000, 16, 8);
  const kmFile = write('kmeans-200000x16', km.x);
  const pcaX = correlated(100_000, 100);
  const pcaFile = write('pca-100000x100', pcaX);
  const knn = blobs(60_000, 16, 8);
  const train = knn.x.subarray(0, 50_000 * 16);
  const labels = knn.y.subarray(0, 50_000);
  const queries = knn.x.subarray(50_000 * 16);
  const knnFile = write('knn-train-50000x16', train);
  const knnY = write('knn-labels-50000', labels);
  const knnQ = write('knn-queries-10000x16', queries);
  const X = fromTyped(km.x, [200_000, 16]);
  const P = fromTyped(pcaX, [100_000, 100]);
  const T = fromTyped(train, [50_000, 16]);
  const Q = fromTyped(queries, [10_000, 16]);
  const yTrain = Array.from(labels);

  const cases: Case[] = [
    ...(['lloyd', 'elkan'] as const).map((algorithm) => ({
      label: `KMeans 200k×16 k=8 nInit=10 ${algorithm}`,
      request: { case: 'kmeans', file: kmFile, shape: [200_000, 16], algorithm },
      strata: (): Timing => {
        const [m, fit] = timed(() => new KMeans({ nClusters: 8, nInit: 10, algorithm, randomState: 0, nJobs: threads }).fit(X));
        const [, predict] = timed(() => m.predict(X));
        return { fit, predict, value: m.inertia };
      },
    })),
    {
      label: 'PCA 100k×100 → 10, auto solvers (Strata covariance_eigh, sklearn randomized)',
      request: { case: 'pca', file: pcaFile, shape: [100_000, 100], solver: 'auto' },
      strata: () => {
        const [m, fit] = timed(() => new PCA({ nComponents: 10 }).fit(P));
        const [, predict] = timed(() => m.transform(P));
        return { fit, predict, value: [...m.explainedVarianceRatio].reduce((a, b) => a + b, 0) };
      },
    },
    {
      label: 'PCA 100k×100 → 10, sklearn full SVD vs Strata auto',
      request: { case: 'pca', file: pcaFile, shape: [100_000, 100], solver: 'full' },
      strata: () => {
        const [m, fit] = timed(() => new PCA({ nComponents: 10 }).fit(P));
        const [, predict] = timed(() => m.transform(P));
        return { fit, predict, value: [...m.explainedVarianceRatio].reduce((a, b) => a + b, 0) };
      },
    },
    ...(['auto', 'kd_tree'] as const).map((algorithm) => ({
      label: `KNN k=5 50k×16, predict 10k queries, ${algorithm}`,
      request: { case: 'knn', file: knnFile, shape: [50_000, 16], yfile: knnY, qfile: knnQ, qshape: [10_000, 16], algorithm },
      strata: (): Timing => {
        const [m, fit] = timed(() => new KNeighborsClassifier({ nNeighbors: 5, algorithm }).fit(T, yTrain));
        const [p, predict] = timed(() => m.predict(Q));
        return { fit, predict, value: (p as number[]).reduce((a, b) => a + b, 0) };
      },
    })),
  ];

  const { anchor, version, reason } = await SklearnAnchor.start();
  if (reason) console.log(reason);
  console.log(`Strata vs scikit-learn ${version ?? '(skipped)'} — Node ${process.version}, Strata ${threads} thread(s), scikit-learn 2 threads, ${reps} reps (medians)\n`);
  const busy = await busyFraction();
  console.log(`machine busy before the run: ${busy === undefined ? 'unknown' : `${(busy * 100).toFixed(0)}%`} (other processes skew both sides)\n`);
  console.log(['case', 'fit strata', 'fit sklearn', 'fit ratio (min..max)', 'predict strata', 'predict sklearn', 'predict ratio (min..max)', 'check (strata / sklearn)'].join(' | '));
  const results: object[] = [];
  for (const c of cases) {
    if (only && !c.label.includes(only)) continue;
    const ours: Timing[] = [];
    const theirs: Timing[] = [];
    for (let r = 0; r < reps; r++) {
      ours.push(c.strata());
      if (anchor) theirs.push(await anchor.time(c.request));
    }
    const fitO = median(ours.map((t) => t.fit));
    const predO = median(ours.map((t) => t.predict));
    const fitT = theirs.length ? median(theirs.map((t) => t.fit)) : NaN;
    const predT = theirs.length ? median(theirs.map((t) => t.predict)) : NaN;
    // Ratios of the pairs run back to back: their spread shows how much the machine's load moved.
    const spread = (phase: 'fit' | 'predict'): [number, number] => {
      const rs = theirs.map((t, k) => ours[k]![phase] / t[phase]);
      return rs.length ? [Math.min(...rs), Math.max(...rs)] : [NaN, NaN];
    };
    const row = {
      case: c.label, reps, strataFit: fitO, sklearnFit: fitT, fitRatio: fitO / fitT, fitRatioMinMax: spread('fit'),
      strataPredict: predO, sklearnPredict: predT, predictRatio: predO / predT, predictRatioMinMax: spread('predict'),
      strataValue: ours[0]!.value, sklearnValue: theirs[0]?.value ?? null,
    };
    results.push(row);
    const withSpread = (r: number, [lo, hi]: [number, number]): string => (Number.isNaN(lo) ? ratio(r) : `${ratio(r)} (${lo.toFixed(2)}..${hi.toFixed(2)})`);
    console.log([
      c.label, fmt(fitO), fmt(fitT), withSpread(row.fitRatio, row.fitRatioMinMax), fmt(predO), fmt(predT), withSpread(row.predictRatio, row.predictRatioMinMax),
      `${row.strataValue.toPrecision(8)} / ${row.sklearnValue === null ? '—' : row.sklearnValue.toPrecision(8)}`,
    ].join(' | '));
  }
  anchor?.stop();
  const busyAfter = await busyFraction();
  console.log(`machine busy after the run: ${busyAfter === undefined ? 'unknown' : `${(busyAfter * 100).toFixed(0)}%`}`);
  writeFileSync(`${OUT}learn-unsupervised.json`, JSON.stringify({ sklearn: version ?? null, node: process.version, threads, busyBefore: busy ?? null, busyAfter: busyAfter ?? null, results }, null, 2));
  console.log('\nresults in bench/out/learn-unsupervised.json');
}

await main();
