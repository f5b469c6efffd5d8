/**
 * `node --import tsx bench/learn-trees.ts`: RandomForestClassifier (100 trees, fully grown,
 * sqrt features, bootstrap) on a deterministic make_classification-style problem (100,000
 * training rows × 28 features, 10 informative, 10 redundant, 8 noise, 1% flipped labels) against
 * scikit-learn's RandomForestClassifier, both on 2 threads, interleaved in one run on the same
 * data (written once to bench/out/ and read by both). Reports median fit and predict_proba
 * times, their Strata/scikit-learn ratios, and test accuracy on 20,000 held-out rows.
 * Options: `--reps N` (default 3), `--trees N` (default 100), `--rows N` (default 100000).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type NdArray, fromTyped, random } from '../src/tensor/index.js';
import { RandomForestClassifier } from '../src/learn/index.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));

function arg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * make_classification-style data: each class has two Gaussian clusters centred on vertices of a
 * hypercube in the 10 informative dimensions, with a random linear mixing per cluster; 10
 * redundant features are random linear combinations of the informative ones; 8 are noise; 1% of
 * labels are flipped. Row-major float64.
 */
function makeClassification(rows: number, seed: number): { X: Float64Array; y: Int32Array } {
  const rng = random.defaultRng(seed);
  const informative = 10;
  const redundant = 10;
  const cols = 28;
  const clusters = 4;
  const centroids = rng.integers(0, 2, [clusters, informative]).toFloat64Array().map((v) => 2 * v - 1);
  const mixing = rng.uniform(-1, 1, [clusters, informative, informative]).toFloat64Array();
  const combo = rng.uniform(-1, 1, [informative, redundant]).toFloat64Array();
  const X = new Float64Array(rows * cols);
  const y = new Int32Array(rows);
  const z = new Float64Array(informative);
  for (let i = 0; i < rows; i++) {
    const k = i % clusters;
    y[i] = k % 2;
    for (let a = 0; a < informative; a++) z[a] = rng.standardNormal();
    const row = i * cols;
    for (let a = 0; a < informative; a++) {
      let v = centroids[k * informative + a]!;
      for (let b = 0; b < informative; b++) v += z[b]! * mixing[(k * informative + b) * informative + a]!;
      X[row + a] = v;
    }
    for (let r = 0; r < redundant; r++) {
      let v = 0;
      for (let a = 0; a < informative; a++) v += X[row + a]! * combo[a * redundant + r]!;
      X[row + informative + r] = v;
    }
    for (let c = informative + redundant; c < cols; c++) X[row + c] = rng.standardNormal();
    if (rng.random() < 0.01) y[i] = 1 - y[i]!;
  }
  // Shuffle rows so that classes and clusters interleave randomly.
  const order = rng.permutation(rows).toArray() as number[];
  const Xs = new Float64Array(rows * cols);
  const ys = new Int32Array(rows);
  order.forEach((src, dst) => {
    Xs.set(X.subarray(src * cols, src * cols + cols), dst * cols);
    ys[dst] = y[src]!;
  });
  return { X: Xs, y: ys };
}

const ANCHOR = `
import json, sys, time
import numpy as np, sklearn
from sklearn.ensemble import RandomForestClassifier
cfg = json.loads(sys.stdin.readline())
X = np.fromfile(cfg["x"], dtype=np.float64).reshape(-1, cfg["cols"])
y = np.fromfile(cfg["y"], dtype=np.int32)
n = cfg["train"]
Xtr, ytr, Xte, yte = X[:n], y[:n], X[n:], y[n:]
print(json.dumps({"sklearn": sklearn.__version__}), flush=True)
model = None
for line in sys.stdin:
    cmd = json.loads(line)
    if cmd["op"] == "fit":
        t = time.perf_counter()
        model = RandomForestClassifier(n_estimators=cmd["trees"], n_jobs=2, random_state=cmd["seed"]).fit(Xtr, ytr)
        s = time.perf_counter() - t
        acc = float((model.predict(Xte) == yte).mean())
        nodes = int(sum(e.tree_.node_count for e in model.estimators_))
        print(json.dumps({"seconds": s, "accuracy": acc, "nodes": nodes}), flush=True)
    else:
        t = time.perf_counter()
        model.predict_proba(Xtr)
        print(json.dumps({"seconds": time.perf_counter() - t}), flush=True)
`;
import { median } from './harness.js';

async function main(): Promise<void> {
  const reps = arg('--reps', 3);
  const trees = arg('--trees', 100);
  const train = arg('--rows', 100000);
  const test = Math.round(train / 5);
  const cols = 28;
  mkdirSync(OUT, { recursive: true });
  const { X, y } = makeClassification(train + test, 20261125);
  const xFile = `${OUT}forest-x.f64`;
  const yFile = `${OUT}forest-y.i32`;
  writeFileSync(xFile, Buffer.from(X.buffer));
  writeFileSync(yFile, Buffer.from(y.buffer));
  const rows = (a: number, b: number): NdArray => fromTyped(X.slice(a * cols, b * cols), [b - a, cols]);
  const Xtr = rows(0, train);
  const Xte = rows(train, train + test);
  const ytr = Array.from(y.subarray(0, train));
  const yte = Array.from(y.subarray(train));

  const skip = missingAnchor('scikit-learn', ['numpy', 'sklearn']);
  if (skip) console.log(skip);
  const proc = skip ? undefined : spawn(PYTHON, ['-c', ANCHOR], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2' } });
  const lines = proc ? createInterface({ input: proc.stdout! })[Symbol.asyncIterator]() : undefined;
  const ask = async (msg: object): Promise<any> => {
    if (!proc || !lines) return undefined;
    proc.stdin!.write(JSON.stringify(msg) + '\n');
    return JSON.parse((await lines.next()).value as string);
  };
  const hello = (await ask({ x: xFile, y: yFile, cols, train })) ?? { sklearn: null };
  console.log(`RandomForestClassifier ${trees} trees on ${train} × ${cols} (2 threads each): Strata vs scikit-learn ${hello.sklearn ?? '(skipped)'}, Node ${process.version}`);

  const time = (fn: () => void): number => {
    const t = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t) / 1e9;
  };
  const ours = { fit: [] as number[], predict: [] as number[] };
  const theirs = { fit: [] as number[], predict: [] as number[] };
  let ourAcc = 0;
  let theirAcc: number | null = null;
  let ourNodes = 0;
  let theirNodes: number | null = null;
  for (let r = 0; r < reps; r++) {
    let model!: RandomForestClassifier;
    ours.fit.push(time(() => (model = new RandomForestClassifier({ nEstimators: trees, nJobs: 2, randomState: r }).fit(Xtr, ytr))));
    ourAcc = model.score(Xte, yte);
    ourNodes = model.estimators.reduce((s, t) => s + t.nodeCount, 0);
    ours.predict.push(time(() => model.predictProba(Xtr)));
    const f = await ask({ op: 'fit', trees, seed: r });
    if (f) {
      theirs.fit.push(f.seconds);
      theirAcc = f.accuracy;
      theirNodes = f.nodes;
      theirs.predict.push((await ask({ op: 'predict' })).seconds);
    }
    const vs = (v: number | undefined): string => (v === undefined ? '' : ` vs ${v.toFixed(2)} s`);
    console.log(`rep ${r}: fit ${ours.fit[r]!.toFixed(2)} s${vs(theirs.fit[r])}; predict ${ours.predict[r]!.toFixed(2)} s${vs(theirs.predict[r])}`);
  }
  proc?.stdin!.end();
  const any = theirs.fit.length > 0;
  const result = {
    trees, train, test, cols, reps,
    strata: { fitSeconds: median(ours.fit), predictSeconds: median(ours.predict), testAccuracy: ourAcc, nodes: ourNodes },
    sklearn: any
      ? { version: hello.sklearn, fitSeconds: median(theirs.fit), predictSeconds: median(theirs.predict), testAccuracy: theirAcc, nodes: theirNodes }
      : null,
    fitRatio: any ? median(ours.fit.map((v, i) => v / theirs.fit[i]!)) : null,
    predictRatio: any ? median(ours.predict.map((v, i) => v / theirs.predict[i]!)) : null,
  };
  const s = (v: number | undefined): string => (v === undefined ? '—' : `${v.toFixed(2)} s`);
  const x = (v: number | null): string => (v === null ? '—' : `${v.toFixed(2)}×`);
  console.log(`\nfit:     Strata ${s(result.strata.fitSeconds)}, scikit-learn ${s(result.sklearn?.fitSeconds)}, ratio ${x(result.fitRatio)} (target ≤ 1.0)`);
  console.log(`predict: Strata ${s(result.strata.predictSeconds)}, scikit-learn ${s(result.sklearn?.predictSeconds)}, ratio ${x(result.predictRatio)} (target ≤ 1.0)`);
  console.log(`test accuracy: Strata ${ourAcc.toFixed(4)}, scikit-learn ${theirAcc === null ? '—' : theirAcc.toFixed(4)}; nodes ${ourNodes} vs ${theirNodes ?? '—'}`);
  writeFileSync(`${OUT}learn-trees.json`, JSON.stringify(result, null, 2));
}

await main();
