/**
 * `npm run bench:kernels`: GEMM GFLOP/s of the `kernels` backends against NumPy (OpenBLAS,
 * 2 threads) and PyTorch CPU (2 threads, the anchor issue #6 names), interleaved in one run on
 * the same data: C = A·A for n = 256, 512, 1024 in float32 and float64, for the TypeScript
 * kernel, the WASM SIMD kernel on one thread, and on two threads (worker pool), and the system
 * BLAS through koffi (the optional 'blas' backend, one and two threads) where one is installed, with medians,
 * Strata/NumPy time ratios and Strata's GFLOP/s as a share of PyTorch's (target ≥ 50% on two
 * threads). Also the cost of copying the operands into WebAssembly memory and C out. It never
 * asserts a time. Relaxed-SIMD (fused multiply-add) builds are used when Node runs with
 * --experimental-wasm-relaxed-simd (Node 20) or natively (Node 22+).
 * Options: `--only TEXT` (substring of a case label), `--reps N`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type FloatArray, gemmTs, gemmWasm, wasmRelaxedSimdSupported } from '../src/kernels/index.js';
import { GemmPool } from '../src/kernels/pool.node.js';
import { openBlas } from '../src/kernels/blas.node.js';
import { instantiateGemm, plainGemmModule, wasmApi } from '../src/kernels/wasm-module.js';
import { stageGemm, unstageGemm } from '../src/kernels/wasm-gemm.js';
import { NumpyAnchor, benchArgs, busyFraction, median, timeOnce } from './harness.js';
import { TorchAnchor } from './anchors/torch-cnn-anchor.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));

/** Milliseconds to wait after a NumPy call before timing Strata (OpenBLAS threads spin-wait). */
const PAUSE_MS = 200;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Square = (n: number, a: FloatArray, c: FloatArray) => void;

async function main(): Promise<void> {
  const { only, reps } = benchArgs();
  mkdirSync(OUT, { recursive: true });
  const busy = await busyFraction();
  const { anchor, version, reason } = await NumpyAnchor.start();
  const torch = await TorchAnchor.start();
  const pool = await GemmPool.start(2);
  const opened = openBlas();
  const blas = opened.blas;
  if (reason) console.log(reason);
  if (torch.reason) console.log(torch.reason);
  console.log(opened.blas === null ? `no 'blas' rows: ${opened.reason}` : `system BLAS: ${opened.blas.library} (${opened.blas.description})`);
  console.log(`kernels GEMM vs NumPy ${version ?? '(skipped)'} and PyTorch ${torch.version ?? '(skipped)'} — Node ${process.version}; NumPy/OpenBLAS and PyTorch 2 threads; WASM ${wasmRelaxedSimdSupported() ? 'relaxed SIMD (fused multiply-add)' : 'SIMD (multiply + add)'}`);
  console.log(`machine busy before start: ${busy === undefined ? 'unknown' : `${(busy * 100).toFixed(0)}%`}\n`);

  const backends: { name: string; run: Square; maxN: number }[] = [
    { name: 'ts', run: (n, a, c) => gemmTs(n, n, n, a, 0, n, a, 0, n, c, 0, n), maxN: 1024 },
    { name: 'wasm 1 thread', run: (n, a, c) => gemmWasm(n, n, n, a, 0, n, a, 0, n, c, 0, n), maxN: Infinity },
    { name: 'wasm 2 threads', run: (n, a, c) => pool.gemm(n, n, n, a, 0, n, a, 0, n, c, 0, n), maxN: Infinity },
  ];
  if (blas) {
    for (const threads of [1, 2]) {
      backends.push({
        name: `blas ${threads} thread${threads > 1 ? 's' : ''}`,
        run: (n, a, c) => {
          blas.setThreads(threads);
          blas.gemm(n, n, n, a, 0, n, a, 0, n, c, 0, n);
        },
        maxN: Infinity,
      });
    }
  }
  // The copy in and out alone, on a separate instance of the same module.
  const api = wasmApi()!;
  const copyMemory = new api.Memory({ initial: 16 });
  const copyExports = instantiateGemm(plainGemmModule()!, copyMemory);
  const copyOnly: Square = (n, a, c) => {
    const layout = stageGemm(copyExports, copyMemory, 1, n, n, n, a, 0, n, a, 0, n, c, 0, n);
    unstageGemm(copyMemory, layout, c, 0, n);
  };

  const results: object[] = [];
  console.log(['case', 'backend', 'median', 'GFLOP/s (median, best)', 'numpy GFLOP/s', 'time ratio (strata/numpy)', 'torch GFLOP/s (median, best)', 'strata/torch GFLOP/s (medians, bests)', 'copy in+out'].join(' | '));
  for (const n of [256, 512, 1024]) {
    for (const dtype of ['float32', 'float64'] as const) {
      const label = `gemm ${n}x${n} ${dtype}`;
      if (only && !label.includes(only)) continue;
      const values = new Float64Array(n * n);
      let s = 12345;
      for (let i = 0; i < values.length; i++) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        values[i] = s / 2 ** 31 - 1;
      }
      const file = `${OUT}kernels-gemm-${n}x${n}.f64`;
      writeFileSync(file, Buffer.from(values.buffer));
      const a = dtype === 'float32' ? Float32Array.from(values) : values;
      const c = dtype === 'float32' ? new Float32Array(n * n) : new Float64Array(n * n);
      const request = { case: 'matmul', file, shape: [n, n], dtype };
      const count = reps ?? (n >= 1024 ? 3 : n >= 512 ? 5 : 9);
      const flops = 2 * n * n * n;
      const copies: number[] = [];
      for (let r = 0; r < count; r++) copies.push(timeOnce(() => copyOnly(n, a, c)));
      for (const backend of backends) {
        if (n > backend.maxN) continue;
        const backendReps = backend.name === 'ts' ? Math.min(count, 3) : count;
        backend.run(n, a, c);
        if (anchor) await anchor.time(request);
        if (torch.anchor) await torch.anchor.time(request);
        const ours: number[] = [];
        const theirs: number[] = [];
        const torchTimes: number[] = [];
        for (let r = 0; r < backendReps; r++) {
          // OpenBLAS's and OpenMP's threads spin for a while after each call; let them go to sleep first.
          if (anchor || torch.anchor) await pause(PAUSE_MS);
          ours.push(timeOnce(() => backend.run(n, a, c)));
          if (anchor) theirs.push(await anchor.time(request));
          if (torch.anchor) torchTimes.push(await torch.anchor.time(request));
        }
        const torchMedian = torchTimes.length ? median(torchTimes) : null;
        const mine = median(ours);
        const numpy = theirs.length ? median(theirs) : null;
        const ratio = numpy === null ? null : median(theirs.map((t, i) => ours[i]! / t));
        const row = {
          case: label, backend: backend.name, reps: backendReps, medianSeconds: mine, gflops: flops / mine / 1e9,
          bestGflops: flops / Math.min(...ours) / 1e9,
          numpyMedianSeconds: numpy, numpyGflops: numpy === null ? null : flops / numpy / 1e9, ratioMedian: ratio,
          copySeconds: median(copies),
          torchMedianSeconds: torchMedian, torchGflops: torchMedian === null ? null : flops / torchMedian / 1e9,
          torchBestGflops: torchMedian === null ? null : flops / Math.min(...torchTimes) / 1e9,
          shareOfTorch: torchMedian === null ? null : torchMedian / mine,
          shareOfTorchBest: torchMedian === null ? null : Math.min(...torchTimes) / Math.min(...ours),
        };
        results.push(row);
        console.log([
          label, backend.name, `${(mine * 1e3).toFixed(2)} ms`, `${row.gflops.toFixed(1)}, ${row.bestGflops.toFixed(1)}`,
          row.numpyGflops === null ? '—' : row.numpyGflops.toFixed(1),
          ratio === null ? '—' : `${ratio.toFixed(2)}×`,
          row.torchGflops === null ? '—' : `${row.torchGflops.toFixed(1)}, ${row.torchBestGflops!.toFixed(1)}`,
          row.shareOfTorch === null ? '—' : `${(row.shareOfTorch * 100).toFixed(0)}%, ${(row.shareOfTorchBest! * 100).toFixed(0)}%`,
          !backend.name.startsWith('wasm') ? '—' : `${(row.copySeconds * 1e3).toFixed(2)} ms (${((row.copySeconds / mine) * 100).toFixed(0)}%)`,
        ].join(' | '));
      }
    }
  }
  anchor?.stop();
  torch.anchor?.stop();
  await pool.close();
  const busyAfter = await busyFraction();
  writeFileSync(`${OUT}kernels.json`, JSON.stringify({ numpy: version ?? null, torch: torch.version ?? null, relaxedSimd: wasmRelaxedSimdSupported(), node: process.version, busyBefore: busy, busyAfter, results }, null, 2));
  console.log(`\nmachine busy after: ${busyAfter === undefined ? 'unknown' : `${(busyAfter * 100).toFixed(0)}%`}; results in bench/out/kernels.json`);
}

await main();
