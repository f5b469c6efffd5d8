/**
 * Fit and predict time of LogisticRegression and Ridge on 100k × 28 against scikit-learn, in one
 * run: the data are drawn once (seeded), written to bench/out/, and read by both sides; Strata
 * and scikit-learn (2 BLAS threads via threadpoolctl) alternate, and the table gives medians and
 * the Strata/scikit-learn ratio per pair. Strata gets as many threads as `--threads` says (2 by
 * default, like scikit-learn): `useThreads` for GEMMs (and a system BLAS), `nJobs` for the
 * logistic loss.
 * Run: node --import tsx bench/learn-linear.ts [--reps N] [--threads N]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fromTyped, random } from '../src/tensor/index.js';
import { LogisticRegression, Ridge } from '../src/learn/index.js';
import { useThreads } from '../src/kernels/index.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const N = 100_000;
const P = 28;

const ANCHOR = String.raw`
import json, sys, time, os, warnings
import numpy as np
warnings.filterwarnings('ignore', message='lbfgs failed to converge')
try:
    from threadpoolctl import threadpool_limits
    threadpool_limits(2)
except Exception:
    pass
import sklearn
from sklearn.linear_model import LogisticRegression, Ridge
print(json.dumps({"sklearn": sklearn.__version__}), flush=True)
cache = {}
for line in sys.stdin:
    r = json.loads(line)
    X = np.fromfile(r["X"]).reshape(r["n"], r["p"])
    y = np.fromfile(r["y"])
    model = LogisticRegression() if r["model"] == "logistic" else Ridge(alpha=1.0)
    t0 = time.perf_counter(); model.fit(X, y); t1 = time.perf_counter()
    model.predict(X); t2 = time.perf_counter()
    it = int(np.max(model.n_iter_)) if getattr(model, "n_iter_", None) is not None else 0
    print(json.dumps({"fit": t1 - t0, "predict": t2 - t1, "n_iter": it}), flush=True)
`;
import { busyFraction, median } from './harness.js';

const ms = (s: number): string => `${(s * 1e3).toFixed(1)} ms`;

async function main(): Promise<void> {
  const i = process.argv.indexOf('--reps');
  const reps = i >= 0 ? Number(process.argv[i + 1]) : 7;
  const t = process.argv.indexOf('--threads');
  const threads = await useThreads(t >= 0 ? Number(process.argv[t + 1]) : 2);
  mkdirSync(OUT, { recursive: true });
  const rng = random.defaultRng(20261125);
  const X = rng.standardNormal([N * P]).toFloat64Array();
  for (let j = 0; j < P; j++) for (let r = 0; r < N; r++) X[r * P + j] = X[r * P + j]! * (1 + j / 7) + j / 3; // varied scales and means
  const w = rng.standardNormal([P]).toFloat64Array();
  const noise = rng.standardNormal([N]).toFloat64Array();
  const yReg = new Float64Array(N);
  const yCls = new Float64Array(N);
  for (let r = 0; r < N; r++) {
    let s = 0;
    for (let j = 0; j < P; j++) s += X[r * P + j]! * w[j]! / (1 + j / 7);
    yReg[r] = s + noise[r]!;
    yCls[r] = s - 2 + 2 * noise[r]! > 0 ? 1 : 0;
  }
  const files = { X: `${OUT}learn-linear-X.f64`, reg: `${OUT}learn-linear-yreg.f64`, cls: `${OUT}learn-linear-ycls.f64` };
  writeFileSync(files.X, Buffer.from(X.buffer));
  writeFileSync(files.reg, Buffer.from(yReg.buffer));
  writeFileSync(files.cls, Buffer.from(yCls.buffer));
  const Xnd = fromTyped(X, [N, P]);
  const yClsArr = Array.from(yCls);
  const yRegNd = fromTyped(yReg, [N]);

  const skip = missingAnchor('scikit-learn', ['numpy', 'sklearn']);
  if (skip) console.log(skip);
  const py = skip ? undefined : spawn(PYTHON, ['-c', ANCHOR], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, OPENBLAS_NUM_THREADS: '2', OMP_NUM_THREADS: '2' } });
  const lines = py ? createInterface({ input: py.stdout! })[Symbol.asyncIterator]() : undefined;
  const hello = lines ? (JSON.parse((await lines.next()).value as string) as { sklearn: string }) : { sklearn: null };
  const ask = async (model: string, y: string): Promise<{ fit: number; predict: number; n_iter: number } | undefined> => {
    if (!py || !lines) return undefined;
    py.stdin!.write(JSON.stringify({ model, X: files.X, y, n: N, p: P }) + '\n');
    return JSON.parse((await lines.next()).value as string);
  };
  const time = (fn: () => unknown): number => {
    const t = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t) / 1e9;
  };
  const busy = await busyFraction();
  console.log(`Strata (${threads} thread(s)) vs scikit-learn ${hello.sklearn ?? '(skipped)'} (2 threads) — ${N} × ${P}, ${reps} reps, Node ${process.version}`);
  console.log(`machine busy before the run: ${busy === undefined ? 'unknown' : `${(busy * 100).toFixed(0)}%`} (other processes skew both sides)\n`);
  console.log('case | strata | scikit-learn | ratio (median) | ratio min..max');
  const results: object[] = [];
  for (const [label, kind] of [['LogisticRegression', 'logistic'], ['Ridge', 'ridge']] as const) {
    const ours = { fit: [] as number[], predict: [] as number[] };
    const theirs = { fit: [] as number[], predict: [] as number[] };
    let ourIter = 0;
    let theirIter: number | null = null;
    for (let r = -1; r < reps; r++) {
      let model: LogisticRegression | Ridge;
      const fit = time(() => {
        model = kind === 'logistic' ? new LogisticRegression({ nJobs: threads }).fit(Xnd, yClsArr) : new Ridge({ alpha: 1 }).fit(Xnd, yRegNd);
      });
      const predict = time(() => model.predict(Xnd));
      if (model! instanceof LogisticRegression) ourIter = model.nIter[0]!;
      const t = await ask(kind, kind === 'logistic' ? files.cls : files.reg);
      theirIter = t ? t.n_iter : null;
      if (r < 0) continue; // warm-up
      ours.fit.push(fit);
      ours.predict.push(predict);
      if (!t) continue;
      theirs.fit.push(t.fit);
      theirs.predict.push(t.predict);
    }
    for (const phase of ['fit', 'predict'] as const) {
      const ratios = theirs[phase].map((v, k) => ours[phase][k]! / v);
      const any = ratios.length > 0;
      const row = {
        case: `${label} ${phase}`, strataMedianSeconds: median(ours[phase]), sklearnMedianSeconds: any ? median(theirs[phase]) : null,
        ratioMedian: any ? median(ratios) : null, ratioMin: any ? Math.min(...ratios) : null, ratioMax: any ? Math.max(...ratios) : null,
        ...(phase === 'fit' && kind === 'logistic' ? { strataIterations: ourIter, sklearnIterations: theirIter } : {}),
      };
      results.push(row);
      console.log(`${row.case} | ${ms(row.strataMedianSeconds)} | ${any ? ms(row.sklearnMedianSeconds!) : '—'} | ${any ? `${row.ratioMedian!.toFixed(2)}×` : '—'} | ${any ? `${row.ratioMin!.toFixed(2)}..${row.ratioMax!.toFixed(2)}` : '—'}` +
        (phase === 'fit' && kind === 'logistic' ? ` (iterations: strata ${ourIter}, sklearn ${theirIter ?? '—'})` : ''));
    }
  }
  py?.stdin!.end();
  const busyAfter = await busyFraction();
  console.log(`machine busy after the run: ${busyAfter === undefined ? 'unknown' : `${(busyAfter * 100).toFixed(0)}%`}`);
  writeFileSync(`${OUT}learn-linear.json`, JSON.stringify({ sklearn: hello.sklearn, node: process.version, threads, n: N, p: P, busyBefore: busy ?? null, busyAfter: busyAfter ?? null, results }, null, 2));
  console.log('\nresults in bench/out/learn-linear.json');
}

await main();
