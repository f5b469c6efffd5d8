/**
 * One training epoch of an MLP 784-256-256-10 (Adam, batch 128, cross-entropy, 10,000 random
 * samples, float32) in Strata's nn and in PyTorch CPU at 2 threads, interleaved in one run.
 * Strata runs twice per repetition: with its automatic GEMM choice (the system BLAS where one is
 * installed) and with the WASM kernel forced ('wasm-threads', 'wasm' at one thread). Prints the
 * median epoch times and the ratios Strata/PyTorch (target ≤ 2). PyTorch's OpenMP threads sleep
 * when idle (OMP_WAIT_POLICY=PASSIVE), as Strata's do.
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
import { blasInfo, gemmThreads, setGemmBackend, useThreads } from '../src/kernels/index.js';
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

/** One epoch's wall time, process CPU time (all threads) and mean loss. */
interface Epoch {
  seconds: number;
  cpuSeconds: number;
  loss: number;
}

function strataEpoch(x: Tensor, y: Tensor): Epoch {
  manualSeed(0);
  const model = new Sequential([new Linear(784, 256), new ReLU(), new Linear(256, 256), new ReLU(), new Linear(256, 10)]);
  const opt = new Adam(model.parameters(), { lr: LR });
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
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
  const used = process.cpuUsage(cpu);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: (used.user + used.system) / 1e6, loss: total / N };
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
  async epoch(req: object): Promise<Epoch> {
    this.proc.stdin!.write(JSON.stringify(req) + '\n');
    return JSON.parse((await this.lines.next()).value as string) as Epoch;
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
  const blas = blasInfo();
  console.log(`Strata nn: GEMM on ${threads} thread(s) (pool: ${gemmThreads()}); system BLAS: ${blas.available ? `${blas.library} (${blas.description})` : `none (${blas.reason})`}`);
  const wasmName = threads > 1 ? 'wasm-threads' : 'wasm';
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
    torch = new TorchMlp(spawn(PYTHON, [script], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '2', MKL_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2', OMP_WAIT_POLICY: 'PASSIVE' } }));
    console.log(`PyTorch ${await torch.hello()}, timed at ${wanted} thread(s)`);
  }
  const req = dir === null ? null : { x: join(dir, 'x.f32'), y: join(dir, 'y.i32'), count: N, batch: BATCH, lr: LR, threads: wanted };
  strataEpoch(xt, yt); // warm-up (JIT, WebAssembly instantiation, worker start)
  setGemmBackend(wasmName);
  strataEpoch(xt, yt);
  setGemmBackend('auto');
  if (torch !== null) await torch.epoch(req!);
  const ours: Epoch[] = [];
  const oursWasm: Epoch[] = [];
  const theirs: Epoch[] = [];
  for (let r = 0; r < reps; r++) {
    ours.push(strataEpoch(xt, yt));
    setGemmBackend(wasmName);
    oursWasm.push(strataEpoch(xt, yt));
    setGemmBackend('auto');
    if (torch !== null) theirs.push(await torch.epoch(req!));
  }
  const autoName = blas.available ? 'auto (blas)' : `auto (${wasmName})`;
  const med = (xs: Epoch[], key: 'seconds' | 'cpuSeconds'): number => median(xs.map((e) => e[key]));
  const ms = (x: number): string => `${(x * 1000).toFixed(0)} ms`;
  console.log(`MLP 784-256-256-10 epoch (Adam, batch ${BATCH}, ${N} samples, float32), median of ${reps}: wall, CPU (all threads)`);
  console.log(`  Strata ${autoName}  ${ms(med(ours, 'seconds'))}, ${ms(med(ours, 'cpuSeconds'))}  (mean loss ${ours[0]!.loss.toFixed(4)})`);
  console.log(`  Strata ${wasmName} forced  ${ms(med(oursWasm, 'seconds'))}, ${ms(med(oursWasm, 'cpuSeconds'))}`);
  if (torch !== null) {
    console.log(`  PyTorch ${ms(med(theirs, 'seconds'))}, ${ms(med(theirs, 'cpuSeconds'))}  (mean loss ${theirs[0]!.loss.toFixed(4)})`);
    const ratios = (xs: Epoch[], key: 'seconds' | 'cpuSeconds'): string => {
      const rs = xs.map((x, i) => x[key] / theirs[i]![key]);
      return `${(med(xs, key) / med(theirs, key)).toFixed(2)}× (per rep ${Math.min(...rs).toFixed(2)}..${Math.max(...rs).toFixed(2)})`;
    };
    console.log(`  ratio Strata/PyTorch wall (target ≤ 2×): ${autoName} ${ratios(ours, 'seconds')}, ${wasmName} ${ratios(oursWasm, 'seconds')}`);
    console.log(`  ratio Strata/PyTorch CPU time: ${autoName} ${ratios(ours, 'cpuSeconds')}, ${wasmName} ${ratios(oursWasm, 'cpuSeconds')}`);
    torch.stop();
  }
  const busyAfter = await busyFraction();
  console.log(`machine busy before/after: ${busy === undefined ? 'unknown' : `${(busy * 100).toFixed(0)}%`}/${busyAfter === undefined ? 'unknown' : `${(busyAfter * 100).toFixed(0)}%`}`);
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  await useThreads(1);
}

await main();
