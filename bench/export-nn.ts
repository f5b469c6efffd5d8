/**
 * Throughput of exported nn models, each side in the same process, median of --reps runs:
 *   - MLPClassifier (20 features, hidden [64, 32], 3 classes) on --rows rows: the native
 *     predictProba, ONNX Runtime running `toOnnx(model)` (float64, one [N, 1] input per
 *     feature), and the generated JavaScript module's predictProba on rows of numbers;
 *   - a small CNN (Conv 8 → pool → Conv 16 → pool → Linear, 1×28×28 inputs, float32) on
 *     --images images: the native eval-mode forward and ONNX Runtime (default threads and one).
 * The sides must agree (probabilities within 1e-9, CNN outputs within 1e-4) before timing.
 *
 * usage: node --import tsx bench/export-nn.ts [--rows N] [--images N] [--reps R]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ort from 'onnxruntime-node';
import { toJsModule, toOnnx } from '../src/export/index.js';
import * as nn from '../src/nn/index.js';
import { fromTyped, random } from '../src/tensor/index.js';
import { benchArgs, busyFraction, median } from './harness.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function timeAsync(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function report(title: string, units: number, unit: string, reps: number, cases: [string, () => unknown][], reference: string): Promise<void> {
  for (const [, fn] of cases) await fn();
  const times = new Map<string, number[]>(cases.map(([n]) => [n, []]));
  for (let r = 0; r < reps; r++) for (const [n, fn] of cases) times.get(n)!.push(await timeAsync(fn));
  const ref = median(times.get(reference)!);
  console.log(`\n${title}`);
  for (const [n] of cases) {
    const t = median(times.get(n)!);
    console.log(`  ${n.padEnd(34)} ${(units / t).toExponential(3)} ${unit}/s   time ÷ ${reference}: ${(t / ref).toFixed(2)}`);
  }
}

async function main(): Promise<void> {
  const rows = Number(arg('--rows') ?? 50_000);
  const images = Number(arg('--images') ?? 512);
  const reps = benchArgs().reps ?? 5;
  const busy = await busyFraction();
  if (busy !== undefined && busy > 0.25) console.log(`note: the machine is ${(busy * 100).toFixed(0)}% busy; timings will be noisy.`);

  // MLPClassifier
  const D = 20;
  const rng = random.defaultRng(1);
  const X = rng.standardNormal([rows * D]).toFloat64Array();
  const y = Array.from({ length: rows }, (_, i) => (X[i * D]! + X[i * D + 1]! * X[i * D + 2]! > 0.5 ? 'a' : X[i * D + 3]! > 0 ? 'b' : 'c'));
  const Xnd = fromTyped(X, [rows, D]);
  const clf = new nn.MLPClassifier({ hiddenLayerSizes: [64, 32], maxIter: 5, randomState: 0 }).fit(fromTyped(X.slice(0, 5000 * D), [5000, D]), y.slice(0, 5000));
  const dir = mkdtempSync(join(tmpdir(), 'strata-bench-export-nn-'));
  const path = join(dir, 'mlp.mjs');
  writeFileSync(path, toJsModule(clf));
  const mod = (await import(pathToFileURL(path).href)) as { predictProba(r: unknown[]): number[][] };
  rmSync(dir, { recursive: true, force: true });
  const rowArrays = Array.from({ length: rows }, (_, i) => Array.from(X.subarray(i * D, (i + 1) * D)));
  const session = await ort.InferenceSession.create(toOnnx(clf));
  const feeds: Record<string, ort.Tensor> = {};
  session.inputNames.forEach((name, j) => {
    const col = new Float64Array(rows);
    for (let i = 0; i < rows; i++) col[i] = X[i * D + j]!;
    feeds[name] = new ort.Tensor('float64', col, [rows, 1]);
  });
  const native = clf.predictProba(Xnd).toFloat64Array();
  const onnxP = (await session.run(feeds)).probabilities!.data as Float64Array;
  const jsP = mod.predictProba(rowArrays).flat();
  let dOnnx = 0, dJs = 0;
  for (let i = 0; i < native.length; i++) {
    dOnnx = Math.max(dOnnx, Math.abs(onnxP[i]! - native[i]!));
    dJs = Math.max(dJs, Math.abs(jsP[i]! - native[i]!));
  }
  if (dOnnx > 1e-9 || dJs > 1e-9) throw new Error(`MLP outputs disagree: ONNX ${dOnnx}, JS ${dJs}`);
  await report(`MLPClassifier [${D} → 64 → 32 → 3], ${rows.toLocaleString('en')} rows, median of ${reps} (max |Δp| ONNX ${dOnnx.toExponential(1)}, JS ${dJs.toExponential(1)})`, rows, 'rows', reps, [
    ['ONNX Runtime (float64)', () => session.run(feeds)],
    ['native predictProba', () => clf.predictProba(Xnd)],
    ['JS module predictProba', () => mod.predictProba(rowArrays)],
  ], 'ONNX Runtime (float64)');
  await session.release();

  // CNN
  nn.manualSeed(0);
  const cnn = new nn.Sequential([
    new nn.Conv2d(1, 8, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Conv2d(8, 16, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Flatten(), new nn.Linear(16 * 7 * 7, 10),
  ]).eval();
  const x = nn.Tensor.fromData(Float32Array.from(rng.standardNormal([images * 784]).toFloat64Array()), [images, 1, 28, 28]);
  const bytes = toOnnx(cnn, { inputShape: [1, 28, 28] });
  const sessions = { default: await ort.InferenceSession.create(bytes), single: await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 }) };
  const feed = { input: new ort.Tensor('float32', x.data as Float32Array, [images, 1, 28, 28]) };
  const want = nn.noGrad(() => cnn.call(x)).data;
  const got = (await sessions.default.run(feed)).output!.data as Float32Array;
  let d = 0;
  for (let i = 0; i < want.length; i++) d = Math.max(d, Math.abs(got[i]! - want[i]!));
  if (d > 1e-4) throw new Error(`CNN outputs disagree by ${d}`);
  await report(`CNN (conv 8, conv 16, linear; 1×28×28, float32), ${images} images, median of ${reps} (max |Δ| ${d.toExponential(1)})`, images, 'images', reps, [
    ['ONNX Runtime (default threads)', () => sessions.default.run(feed)],
    ['ONNX Runtime (1 thread)', () => sessions.single.run(feed)],
    ['native forward (eval, noGrad)', () => nn.noGrad(() => cnn.call(x))],
  ], 'ONNX Runtime (default threads)');
  await sessions.default.release();
  await sessions.single.release();
}

await main();
