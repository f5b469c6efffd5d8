/**
 * Prediction throughput of one gradient-boosting model (100 trees of depth 6, binary, 20
 * numeric features) on 100,000 rows, three ways, in one process:
 *   - native: `model.predictProba(X)` on an NdArray;
 *   - ONNX Runtime (onnxruntime-node) running `toOnnx(model)`: `session.run` on one float64
 *     tensor per column (default threads, and one thread);
 *   - the generated JavaScript module (`toJsModule(model)`): `predictProba(rows)` on rows of
 *     numbers (and `predict(rows)` for labels only, and rows as objects keyed by column name).
 * Inputs are built before timing; each side's median of --reps runs is printed with rows/s and
 * the ratio to ONNX Runtime. The three must agree (labels equal, probabilities within 1e-9)
 * before anything is timed. Target (issue 11): the JS module within 2× of ONNX Runtime.
 *
 * usage: node --import tsx bench/export.ts [--rows N] [--reps R]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ort from 'onnxruntime-node';
import { toJsModule, toOnnx } from '../src/export/index.js';
import { GradientBoostingClassifier } from '../src/learn/index.js';
import { fromTyped, random } from '../src/tensor/index.js';
import { benchArgs, busyFraction, median } from './harness.js';

const COLS = 20;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Rows of COLS standard normal features; the class depends on a few of them non-linearly. */
function generate(rows: number, seed: number): { X: Float64Array; y: number[] } {
  const X = random.defaultRng(seed).standardNormal([rows * COLS]).toFloat64Array();
  const y = new Array<number>(rows);
  for (let i = 0; i < rows; i++) {
    const o = i * COLS;
    const s = X[o]! * X[o + 1]! + Math.sin(2 * X[o + 2]!) + 0.5 * X[o + 3]! - (X[o + 4]! > 0.3 ? 0.8 : 0) + 0.3 * X[o + 5]! * X[o + 6]!;
    y[i] = s > 0 ? 1 : 0;
  }
  return { X, y };
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main(): Promise<void> {
  const rows = Number(arg('--rows') ?? 100_000);
  const reps = benchArgs().reps ?? 7;
  const trainRows = 20_000;
  const busy = await busyFraction();
  if (busy !== undefined && busy > 0.25) console.log(`note: the machine is ${(busy * 100).toFixed(0)}% busy; timings will be noisy.`);

  const train = generate(trainRows, 1);
  const model = new GradientBoostingClassifier({ nEstimators: 100, maxDepth: 6, learningRate: 0.1, randomState: 0 })
    .fit(fromTyped(train.X, [trainRows, COLS]), train.y);
  const test = generate(rows, 2);
  const Xnd = fromTyped(test.X, [rows, COLS]);
  const rowArrays = Array.from({ length: rows }, (_, i) => Array.from(test.X.subarray(i * COLS, (i + 1) * COLS)));
  const rowObjects = rowArrays.map((r) => Object.fromEntries(r.map((v, j) => [`x${j}`, v])));

  const dir = mkdtempSync(join(tmpdir(), 'strata-bench-export-'));
  const modulePath = join(dir, 'gbdt.mjs');
  const source = toJsModule(model);
  writeFileSync(modulePath, source);
  const mod = (await import(pathToFileURL(modulePath).href)) as { predict(r: unknown[]): unknown[]; predictProba(r: unknown[]): number[][] };
  rmSync(dir, { recursive: true, force: true });

  const bytes = toOnnx(model);
  const sessions = {
    default: await ort.InferenceSession.create(bytes),
    single: await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 }),
  };
  const feeds: Record<string, ort.Tensor> = {};
  for (let j = 0; j < COLS; j++) {
    const col = new Float64Array(rows);
    for (let i = 0; i < rows; i++) col[i] = test.X[i * COLS + j]!;
    feeds[sessions.default.inputNames[j]!] = new ort.Tensor('float64', col, [rows, 1]);
  }

  // Agreement before timing.
  const native = model.predictProba(Xnd).toFloat64Array();
  const nativeLabels = model.predict(Xnd);
  const js = mod.predictProba(rowArrays);
  const jsLabels = mod.predict(rowArrays);
  const onnx = await sessions.default.run(feeds);
  const onnxProba = onnx[sessions.default.outputNames.find((n) => /prob/.test(n)) ?? sessions.default.outputNames[1]!]!.data as Float64Array;
  let jsDiff = 0;
  let onnxDiff = 0;
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < 2; c++) {
      jsDiff = Math.max(jsDiff, Math.abs(js[i]![c]! - native[i * 2 + c]!));
      onnxDiff = Math.max(onnxDiff, Math.abs(Number(onnxProba[i * 2 + c]) - native[i * 2 + c]!));
    }
    if (jsLabels[i] !== nativeLabels[i]) throw new Error(`row ${i}: the JS module predicts ${String(jsLabels[i])}, native ${String(nativeLabels[i])}`);
  }
  if (jsDiff > 1e-9) throw new Error(`JS module probabilities differ from native by ${jsDiff}`);
  console.log(`gradient boosting: 100 trees, depth 6, ${COLS} features; ${rows.toLocaleString('en')} rows; median of ${reps} runs`);
  console.log(`agreement with native: JS module max |Δp| ${jsDiff.toExponential(2)}, ONNX Runtime max |Δp| ${onnxDiff.toExponential(2)}`);
  console.log(`JS module: ${(source.length / 1024).toFixed(0)} KiB of source; ONNX file: ${(bytes.length / 1024).toFixed(0)} KiB`);

  const cases: [string, () => Promise<unknown> | unknown][] = [
    ['native predictProba', () => model.predictProba(Xnd)],
    ['ONNX Runtime (default threads)', () => sessions.default.run(feeds)],
    ['ONNX Runtime (1 thread)', () => sessions.single.run(feeds)],
    ['JS module predictProba', () => mod.predictProba(rowArrays)],
    ['JS module predict', () => mod.predict(rowArrays)],
    ['JS module predictProba (objects)', () => mod.predictProba(rowObjects)],
  ];
  const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (const [, fn] of cases) await fn(); // warm-up
  for (let r = 0; r < reps; r++) {
    for (const [name, fn] of cases) times.get(name)!.push(await timeAsync(async () => fn()));
  }
  const ortTime = median(times.get('ONNX Runtime (default threads)')!);
  const ort1 = median(times.get('ONNX Runtime (1 thread)')!);
  console.log('');
  console.log(`${'case'.padEnd(32)} ${'ms'.padStart(9)} ${'rows/s'.padStart(12)} ${'ORT time / this'.padStart(16)} ${'ORT 1-thread / this'.padStart(20)}`);
  for (const [name] of cases) {
    const t = median(times.get(name)!);
    console.log(
      `${name.padEnd(32)} ${(t * 1e3).toFixed(1).padStart(9)} ${Math.round(rows / t).toLocaleString('en').padStart(12)} ${(ortTime / t).toFixed(2).padStart(16)} ${(ort1 / t).toFixed(2).padStart(20)}`,
    );
  }
  const jsTime = median(times.get('JS module predictProba')!);
  console.log(`\nJS module / ONNX Runtime time: ${(jsTime / ortTime).toFixed(2)}× (target ≤ 2×) — ${jsTime / ortTime <= 2 ? 'met' : 'not met'}`);
  await sessions.default.release();
  await sessions.single.release();
}

await main();
