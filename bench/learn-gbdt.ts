/**
 * Histogram gradient boosting against XGBoost `hist` and scikit-learn's
 * HistGradientBoostingClassifier: a deterministic make_classification-style binary problem
 * (default 1,000,000 × 28, 10 informative, 8 redundant, 10 noise features, 2 clusters per
 * class, 1% flipped labels), first 80% of rows to train, last 20% to test; 100 trees of depth 6,
 * learning rate 0.1, 2 threads everywhere. Data is written once to bench/out/ (float32 X,
 * uint8 y) and every side reads the same bytes.
 *
 * Each fit runs in a fresh process (so peak memory is that library's own), interleaved Strata,
 * XGBoost, scikit-learn per repetition; medians and Strata/XGBoost ratios are printed and
 * written to bench/out/learn-gbdt.json. It never asserts a time.
 *
 * usage: node --import tsx bench/learn-gbdt.ts [--rows N] [--reps R] [--only strata,xgboost,sklearn]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromTyped, random } from '../src/tensor/index.js';
import { GradientBoostingClassifier } from '../src/learn/ensemble/gbdt/gradient-boosting-classifier.js';
import { auc } from '../src/learn/ensemble/gbdt/metrics.js';
import { threadsReady } from '../src/learn/ensemble/gbdt/parallel.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';
import { busyFraction, median } from './harness.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const ANCHOR = fileURLToPath(new URL('./anchors/learn_gbdt_anchor.py', import.meta.url));
const COLS = 28;
const INFORMATIVE = 10;
const REDUNDANT = 8;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * make_classification-style data: per class two Gaussian clusters around hypercube vertices
 * (class_sep 1) with a random linear covariance each, redundant features as random linear
 * combinations of the informative ones, the rest pure noise, 1% of labels flipped.
 */
function generate(rows: number, seed: number): { X: Float32Array; y: Uint8Array } {
  const rng = random.defaultRng(seed);
  const clusters = 4;
  const centroids: number[][] = [];
  const used = new Set<number>();
  while (centroids.length < clusters) {
    const code = rng.integers(0, 1 << INFORMATIVE) as number;
    if (used.has(code)) continue;
    used.add(code);
    centroids.push(Array.from({ length: INFORMATIVE }, (_, j) => ((code >> j) & 1 ? 1 : -1)));
  }
  const A = Array.from({ length: clusters }, () => rng.uniform(-1, 1, [INFORMATIVE * INFORMATIVE]).toFloat64Array());
  const B = rng.uniform(-1, 1, [INFORMATIVE * REDUNDANT]).toFloat64Array();
  const X = new Float32Array(rows * COLS);
  const y = new Uint8Array(rows);
  const block = 65536;
  const z = new Float64Array(INFORMATIVE);
  const inf = new Float64Array(INFORMATIVE);
  for (let r0 = 0; r0 < rows; r0 += block) {
    const m = Math.min(block, rows - r0);
    const normals = rng.standardNormal([m * (INFORMATIVE + COLS - INFORMATIVE - REDUNDANT)]).toFloat64Array();
    const cl = rng.integers(0, clusters, [m]).toTypedArray();
    const flip = rng.random([m]).toFloat64Array();
    const flipTo = rng.integers(0, 2, [m]).toTypedArray();
    let q = 0;
    for (let i = 0; i < m; i++) {
      const r = r0 + i;
      const k = cl[i]!;
      for (let j = 0; j < INFORMATIVE; j++) z[j] = normals[q++]!;
      const a = A[k]!;
      for (let j = 0; j < INFORMATIVE; j++) {
        let s = centroids[k]![j]!;
        for (let t = 0; t < INFORMATIVE; t++) s += z[t]! * a[t * INFORMATIVE + j]!;
        inf[j] = s;
        X[r * COLS + j] = s;
      }
      for (let j = 0; j < REDUNDANT; j++) {
        let s = 0;
        for (let t = 0; t < INFORMATIVE; t++) s += inf[t]! * B[t * REDUNDANT + j]!;
        X[r * COLS + INFORMATIVE + j] = s;
      }
      for (let j = INFORMATIVE + REDUNDANT; j < COLS; j++) X[r * COLS + j] = normals[q++]!;
      y[r] = flip[i]! < 0.01 ? flipTo[i]! : k >> 1;
    }
  }
  return { X, y };
}

function dataFiles(rows: number): { prefix: string; sha: string } {
  const prefix = `${OUT}gbdt-${rows}`;
  if (!existsSync(`${prefix}.x.f32`) || !existsSync(`${prefix}.y.u8`)) {
    const { X, y } = generate(rows, 20261125);
    writeFileSync(`${prefix}.x.f32`, Buffer.from(X.buffer));
    writeFileSync(`${prefix}.y.u8`, Buffer.from(y.buffer));
  }
  const sha = createHash('sha256').update(readFileSync(`${prefix}.x.f32`)).update(readFileSync(`${prefix}.y.u8`)).digest('hex').slice(0, 16);
  return { prefix, sha };
}

function peakMB(): number {
  const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Result {
  fit: number;
  /** CPU seconds of the fit, all threads (less sensitive than wall time to a busy machine). */
  fitCpu: number;
  predict: number;
  auc: number;
  peakMB: number;
  loadedMB: number;
  version?: string;
}

/** The Strata side, run in a child process. */
async function strataWorker(prefix: string, rows: number, ntrain: number): Promise<void> {
  await threadsReady();
  const xb = readFileSync(`${prefix}.x.f32`);
  const X32 = new Float32Array(xb.buffer, xb.byteOffset, rows * COLS);
  const yAll = new Uint8Array(readFileSync(`${prefix}.y.u8`));
  const Xtr = fromTyped(X32.subarray(0, ntrain * COLS), [ntrain, COLS]);
  const Xte = fromTyped(X32.subarray(ntrain * COLS), [rows - ntrain, COLS]);
  const ytr = Array.from(yAll.subarray(0, ntrain));
  const loadedMB = peakMB();
  let t = performance.now();
  const cpu = process.cpuUsage();
  const model = new GradientBoostingClassifier({ nEstimators: 100, maxDepth: 6, learningRate: 0.1, nThreads: 2 }).fit(Xtr, ytr);
  const fit = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const fitCpu = (used.user + used.system) / 1e6;
  t = performance.now();
  const proba = model.predictProba(Xte).toFloat64Array();
  const predict = (performance.now() - t) / 1000;
  const p1 = new Float64Array(rows - ntrain);
  for (let i = 0; i < p1.length; i++) p1[i] = proba[2 * i + 1]!;
  const area = auc(Float64Array.from(yAll.subarray(ntrain)), p1, null);
  const result: Result = { fit, fitCpu, predict, auc: area, peakMB: peakMB(), loadedMB, version: 'strata' };
  console.log(JSON.stringify(result));
}

function runChild(cmd: string, args: string[]): Result | string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2' }, maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Result;
  } catch {
    return `${cmd} failed (${r.status}): ${r.stderr.slice(-500)}`;
  }
}

async function main(): Promise<void> {
  const rows = Number(arg('--rows') ?? 1_000_000);
  const ntrain = Math.round(rows * 0.8);
  if (arg('--worker') === 'strata') {
    await strataWorker(arg('--data')!, rows, ntrain);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const reps = Number(arg('--reps') ?? 3);
  const requested = (arg('--only') ?? 'strata,xgboost,sklearn').split(',');
  // What each anchor imports (roc_auc_score comes from scikit-learn on both Python sides).
  const needs: Record<string, [string, string[]]> = {
    xgboost: ['XGBoost', ['numpy', 'xgboost', 'sklearn']],
    sklearn: ['scikit-learn', ['numpy', 'sklearn', 'threadpoolctl']],
  };
  const skipped = new Set<string>();
  for (const name of requested) {
    const need = needs[name];
    const skip = need && missingAnchor(need[0], need[1]);
    if (skip) {
      console.log(skip);
      skipped.add(name);
    }
  }
  const only = requested.filter((name) => !skipped.has(name));
  const { prefix, sha } = dataFiles(rows);
  console.log(`GBDT bench: ${rows} × ${COLS} (train ${ntrain}, test ${rows - ntrain}), 100 trees, depth 6, lr 0.1, 2 threads; data sha256 ${sha}`);
  console.log(`Node ${process.version}; every fit in a fresh process; ${reps} repetitions interleaved\n`);
  const sides: Record<string, () => Result | string> = {
    strata: () => runChild(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker', 'strata', '--data', prefix, '--rows', String(rows)]),
    xgboost: () => runChild(PYTHON, [ANCHOR, 'xgboost', prefix, String(rows), String(COLS), String(ntrain)]),
    sklearn: () => runChild(PYTHON, [ANCHOR, 'sklearn', prefix, String(rows), String(COLS), String(ntrain)]),
  };
  const results: Record<string, Result[]> = {};
  const busy: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const b = await busyFraction();
    if (b !== undefined) busy.push(b);
    for (const name of only) {
      const r = sides[name]!();
      if (typeof r === 'string') {
        console.log(`${name}: ${r}`);
        continue;
      }
      (results[name] ??= []).push(r);
      console.log(`rep ${rep + 1} ${name.padEnd(8)} fit ${r.fit.toFixed(2)} s (cpu ${r.fitCpu.toFixed(2)} s)  predict ${r.predict.toFixed(3)} s  AUC ${r.auc.toFixed(5)}  peak ${r.peakMB.toFixed(0)} MB (after loading data ${r.loadedMB.toFixed(0)} MB)`);
    }
  }
  const summary: Record<string, object> = {};
  if (busy.length) console.log(`\nmachine busy fraction before each repetition: ${busy.map((b) => b.toFixed(2)).join(', ')}`);
  console.log('\nmedians:');
  for (const [name, rs] of Object.entries(results)) {
    const s = {
      fit: median(rs.map((r) => r.fit)), fitCpu: median(rs.map((r) => r.fitCpu)), predict: median(rs.map((r) => r.predict)), auc: median(rs.map((r) => r.auc)),
      peakMB: median(rs.map((r) => r.peakMB)), loadedMB: median(rs.map((r) => r.loadedMB)), version: rs[0]!.version,
    };
    summary[name] = s;
    console.log(`${name.padEnd(8)} fit ${s.fit.toFixed(2)} s (cpu ${s.fitCpu.toFixed(2)} s)  predict ${s.predict.toFixed(3)} s  AUC ${s.auc.toFixed(5)}  peak ${s.peakMB.toFixed(0)} MB  (${s.version})`);
  }
  const st = results.strata;
  const ratios: Record<string, object> = {};
  for (const other of ['xgboost', 'sklearn']) {
    const o = results[other];
    if (st && skipped.has(other)) console.log(`Strata/${other}: fit —, predict —, AUC —, peak memory — (anchor skipped)`);
    if (!st || !o) continue;
    const pairs = Math.min(st.length, o.length);
    const fitR = Array.from({ length: pairs }, (_, i) => st[i]!.fit / o[i]!.fit);
    const predR = Array.from({ length: pairs }, (_, i) => st[i]!.predict / o[i]!.predict);
    const cpuR = Array.from({ length: pairs }, (_, i) => st[i]!.fitCpu / o[i]!.fitCpu);
    const r = {
      fit: median(fitR), fitMin: Math.min(...fitR), fitMax: Math.max(...fitR), fitCpu: median(cpuR),
      predict: median(predR), predictMin: Math.min(...predR), predictMax: Math.max(...predR),
      aucDiff: median(st.map((x) => x.auc)) - median(o.map((x) => x.auc)),
      peakMemory: median(st.map((x) => x.peakMB)) / median(o.map((x) => x.peakMB)),
    };
    ratios[other] = r;
    console.log(
      `Strata/${other}: fit ${r.fit.toFixed(2)}× (${r.fitMin.toFixed(2)}..${r.fitMax.toFixed(2)}; cpu ${r.fitCpu.toFixed(2)}×), predict ${r.predict.toFixed(2)}× ` +
        `(${r.predictMin.toFixed(2)}..${r.predictMax.toFixed(2)}), AUC ${r.aucDiff >= 0 ? '+' : ''}${r.aucDiff.toFixed(4)}, peak memory ${r.peakMemory.toFixed(2)}×`,
    );
  }
  writeFileSync(`${OUT}learn-gbdt-${rows}.json`, JSON.stringify({ rows, cols: COLS, sha, node: process.version, busy, summary, ratios, skipped: [...skipped], results }, null, 2));
  console.log(`\nresults in bench/out/learn-gbdt-${rows}.json`);
}

await main();
