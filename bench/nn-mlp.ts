/**
 * One training epoch of an MLP 784-256-256-10 (Adam, batch 128, cross-entropy, 10,000 random
 * samples, float32) in Strata's nn and in PyTorch CPU at 2 threads, interleaved in one run.
 * Prints the median epoch times and the ratio Strata/PyTorch (target ≤ 2).
 *
 *   node --import tsx bench/nn-mlp.ts [--reps N] [--threads T]   (T: threads on both sides, default 2)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { benchArgs, busyFraction, median } from './harness.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';
import { gemmThreads, useThreads } from '../src/kernels/index.js';
import { Adam, Linear, ReLU, Sequential, Tensor, crossEntropy, manualSeed, narrow, Rng } from '../src/nn/index.js';

const N = 10_000;
const BATCH = 128;
const LR = 1e-3;

function data(): { x: Float32Array; y: Int32Array } {
  const rng = new Rng(42);
  const x = new Float32Array(N * 784);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform();
  const y = new Int32Array(N);
  for (let i = 0; i < N; i++) y[i] = rng.int(10);
  return { x, y };
}

function strataEpoch(x: Tensor, y: Tensor): { seconds: number; loss: number } {
  manualSeed(0);
  const model = new Sequential([new Linear(784, 256), new ReLU(), new Linear(256, 256), new ReLU(), new Linear(256, 10)]);
  const opt = new Adam(model.parameters(), { lr: LR });
  const start = process.hrtime.bigint();
  let total = 0;
  for (let i = 0; i < N; i += BATCH) {
    const end = Math.min(N, i + BATCH);
    const xb = narrow(x, 0, i, end);
    const yb = narrow(y, 0, i, end);
    opt.zeroGrad();
    const loss = crossEntropy(model.call(xb), yb.data);
    loss.backward();
    opt.step();
    total += loss.item() * (end - i);
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, loss: total / N };
}

class TorchMlp {
  private readonly lines: AsyncIterableIterator<string>;
  constructor(private readonly proc: ReturnType<typeof spawn>) {
    this.lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  }
  async hello(): Promise<string> {
    const h = JSON.parse((await this.lines.next()).value as string) as { torch: string; threads: number };
    return `${h.torch} (${h.threads} threads)`;
  }
  async epoch(req: object): Promise<{ seconds: number; loss: number }> {
    this.proc.stdin!.write(JSON.stringify(req) + '\n');
    return JSON.parse((await this.lines.next()).value as string) as { seconds: number; loss: number };
  }
  stop(): void {
    this.proc.stdin!.end();
  }
}

async function main(): Promise<void> {
  const reps = benchArgs().reps ?? 5;
  const busy = await busyFraction();
  if (busy !== undefined && busy > 0.3) console.log(`note: the machine is ${(busy * 100).toFixed(0)}% busy; timings will be noisy.`);
  const argv = process.argv;
  const wanted = argv.includes('--threads') ? Number(argv[argv.indexOf('--threads') + 1]) : 2;
  const threads = await useThreads(wanted);
  console.log(`Strata nn: GEMM on ${threads} thread(s) (pool: ${gemmThreads()})`);
  const { x, y } = data();
  const xt = Tensor.fromData(x, [N, 784]);
  const yt = Tensor.fromData(Float32Array.from(y), [N]);
  let torch: TorchMlp | null = null;
  let dir: string | null = null;
  const skip = missingAnchor('PyTorch', ['numpy', 'torch']);
  if (skip) console.log(`${skip} (PyTorch: apt-get install -y python3-torch)`);
  else {
    dir = mkdtempSync(join(tmpdir(), 'strata-bench-mlp-'));
    writeFileSync(join(dir, 'x.f32'), x);
    writeFileSync(join(dir, 'y.i32'), y);
    const script = fileURLToPath(new URL('./anchors/torch_mlp_anchor.py', import.meta.url));
    torch = new TorchMlp(spawn(PYTHON, [script], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '2', MKL_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2' } }));
    console.log(`PyTorch ${await torch.hello()}, timed at ${wanted} thread(s)`);
  }
  const req = dir === null ? null : { x: join(dir, 'x.f32'), y: join(dir, 'y.i32'), count: N, batch: BATCH, lr: LR, threads: wanted };
  strataEpoch(xt, yt); // warm-up (JIT, WebAssembly instantiation, worker start)
  if (torch !== null) await torch.epoch(req!);
  const ours: number[] = [];
  const theirs: number[] = [];
  let lossOurs = 0;
  let lossTheirs = 0;
  for (let r = 0; r < reps; r++) {
    const s = strataEpoch(xt, yt);
    ours.push(s.seconds);
    lossOurs = s.loss;
    if (torch !== null) {
      const t = await torch.epoch(req!);
      theirs.push(t.seconds);
      lossTheirs = t.loss;
    }
  }
  const mo = median(ours);
  console.log(`MLP 784-256-256-10 epoch (Adam, batch ${BATCH}, ${N} samples, float32), median of ${reps}:`);
  console.log(`  Strata  ${(mo * 1000).toFixed(1)} ms  (mean loss ${lossOurs.toFixed(4)})`);
  if (torch !== null) {
    const mt = median(theirs);
    console.log(`  PyTorch ${(mt * 1000).toFixed(1)} ms  (mean loss ${lossTheirs.toFixed(4)})`);
    console.log(`  ratio Strata/PyTorch = ${(mo / mt).toFixed(2)}× (target ≤ 2×)`);
    torch.stop();
  }
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  await useThreads(1);
}

await main();
