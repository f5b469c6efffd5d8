/**
 * `npm run bench:tensor`: Strata against NumPy, interleaved in one run on the same data, reporting
 * medians and the Strata/NumPy ratio per pair (see shared/BENCHMARKS.md), by wall time and by CPU
 * time (NumPy timed a second time with its process clock). It never asserts a time. Options:
 * `--only NAME` (substring of a case label), `--reps N`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type NdArray, add, argmax, exp, fromTyped, matmul, max, mean, mul, reshape, slice, sort, sum, linalg, random,
} from '../src/tensor/index.js';
import { NumpyAnchor, benchArgs, busyFraction, median, timeOnce } from './harness.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));

interface Case {
  label: string;
  anchor: string;
  shape: number[];
  dtype: 'float64' | 'float32';
  reps: number;
  run: (a: NdArray) => unknown;
}

const CASES: Case[] = [
  ...[256, 512, 1024].flatMap((n) =>
    (['float32', 'float64'] as const).map((dtype) => ({
      label: `matmul ${n}x${n} ${dtype}`, anchor: 'matmul', shape: [n, n], dtype, reps: n >= 1024 ? 3 : 7,
      run: (a: NdArray) => matmul(a, a),
    })),
  ),
  { label: 'svd 500x500 float64', anchor: 'svd', shape: [500, 500], dtype: 'float64', reps: 3, run: (a) => linalg.svd(a) },
  { label: 'broadcast add 1000x1000 + row', anchor: 'broadcast-add', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => add(a, slice(a, 0)) },
  { label: 'broadcast add 1000x1000 + row float32', anchor: 'broadcast-add', shape: [1000, 1000], dtype: 'float32', reps: 15, run: (a) => add(a, slice(a, 0)) },
  {
    label: 'broadcast add 1000x1000 + column', anchor: 'broadcast-add-column', shape: [1000, 1000], dtype: 'float64', reps: 15,
    run: (a) => add(a, reshape(slice(a, ':', 0), [1000, 1])),
  },
  { label: 'add 1000x1000 + 1000x1000', anchor: 'add-same', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => add(a, a) },
  { label: 'mul 1000x1000 * scalar', anchor: 'mul-scalar', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => mul(a, 2.5) },
  { label: 'sum axis 0 of 1000x1000', anchor: 'sum-axis0', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => sum(a, 0) },
  { label: 'sum axis 1 of 1000x1000', anchor: 'sum-axis1', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => sum(a, 1) },
  { label: 'mean axis 0 of 1000x1000', anchor: 'mean-axis0', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => mean(a, 0) },
  { label: 'max axis 1 of 1000x1000', anchor: 'max-axis1', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => max(a, 1) },
  { label: 'argmax axis 1 of 1000x1000', anchor: 'argmax-axis1', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => argmax(a, 1) },
  { label: 'exp 1M float64', anchor: 'exp', shape: [1000, 1000], dtype: 'float64', reps: 15, run: (a) => exp(a) },
  { label: 'sort rows 1000x1000', anchor: 'sort', shape: [1000, 1000], dtype: 'float64', reps: 7, run: (a) => sort(a, -1) },
];

/**
 * Wall time and CPU time (all of the process's threads, GC included) of one call. On a shared
 * machine the CPU-time ratio is the steadier one: it leaves out the time either side spends
 * waiting for a core.
 */
function measure(fn: () => unknown): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall = timeOnce(fn);
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

const fmt = (s: number): string => (s >= 1 ? `${s.toFixed(2)} s` : s >= 1e-3 ? `${(s * 1e3).toFixed(2)} ms` : `${(s * 1e6).toFixed(0)} µs`);

async function main(): Promise<void> {
  const { only, reps } = benchArgs();
  mkdirSync(OUT, { recursive: true });
  const busy = await busyFraction();
  const { anchor, version, reason } = await NumpyAnchor.start();
  if (reason) console.log(reason);
  console.log(`Strata vs NumPy ${version ?? '(skipped)'} — Node ${process.version}, Strata single-threaded, NumPy/OpenBLAS 2 threads`);
  console.log(`machine busy before start: ${busy === undefined ? 'unknown' : `${(busy * 100).toFixed(0)}%`}\n`);
  const rng = random.defaultRng(20261125);
  const results: object[] = [];
  console.log(['case', 'strata', 'numpy', 'ratio (median)', 'ratio min..max', 'CPU-time ratio (median)', 'CPU min..max'].join(' | '));
  for (const c of CASES) {
    if (only && !c.label.includes(only)) continue;
    const n = c.shape.reduce((p, d) => p * d, 1);
    const values = rng.standardNormal([n]).toFloat64Array();
    const file = `${OUT}${c.anchor}-${c.shape.join('x')}.f64`;
    writeFileSync(file, Buffer.from(values.buffer));
    const hash = createHash('sha256').update(Buffer.from(values.buffer)).digest('hex').slice(0, 16);
    const a = c.dtype === 'float64' ? fromTyped(values, c.shape) : fromTyped(Float32Array.from(values), c.shape);
    const request = { case: c.anchor, file, shape: c.shape, dtype: c.dtype };
    const cpuRequest = { ...request, clock: 'cpu' };
    const count = reps ?? c.reps;
    measure(() => c.run(a));
    if (anchor) await anchor.time(request);
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const theirs: number[] = [];
    const theirsCpu: number[] = [];
    for (let r = 0; r < count; r++) {
      const m = measure(() => c.run(a));
      ours.push(m.wall);
      oursCpu.push(m.cpu);
      if (anchor) {
        theirs.push(await anchor.time(request));
        theirsCpu.push(await anchor.time(cpuRequest));
      }
    }
    const ratios = theirs.map((t, i) => ours[i]! / t);
    const cpuRatios = theirsCpu.map((t, i) => oursCpu[i]! / Math.max(t, 1e-6));
    const row = {
      case: c.label, dataSha256: hash, reps: count,
      strataMedianSeconds: median(ours),
      numpyMedianSeconds: theirs.length ? median(theirs) : null,
      ratioMedian: ratios.length ? median(ratios) : null,
      ratioMin: ratios.length ? Math.min(...ratios) : null,
      ratioMax: ratios.length ? Math.max(...ratios) : null,
      strataMedianCpuSeconds: median(oursCpu),
      numpyMedianCpuSeconds: theirsCpu.length ? median(theirsCpu) : null,
      cpuRatioMedian: cpuRatios.length ? median(cpuRatios) : null,
      cpuRatioMin: cpuRatios.length ? Math.min(...cpuRatios) : null,
      cpuRatioMax: cpuRatios.length ? Math.max(...cpuRatios) : null,
    };
    results.push(row);
    const range = (lo: number | null, hi: number | null): string => (lo === null ? '—' : `${lo.toFixed(2)}..${hi!.toFixed(2)}`);
    console.log(
      [
        c.label, fmt(row.strataMedianSeconds), row.numpyMedianSeconds === null ? '—' : fmt(row.numpyMedianSeconds),
        row.ratioMedian === null ? '—' : `${row.ratioMedian.toFixed(2)}×`, range(row.ratioMin, row.ratioMax),
        row.cpuRatioMedian === null ? '—' : `${row.cpuRatioMedian.toFixed(2)}×`, range(row.cpuRatioMin, row.cpuRatioMax),
      ].join(' | '),
    );
  }
  anchor?.stop();
  // Each element-wise case returns a fresh 8 MB array. NumPy's malloc hands back the block it
  // freed a moment earlier; V8 gets new pages from the kernel and frees old ones only at GC, so
  // this much of every such Strata time is page faults and GC, not arithmetic.
  const floor = median(Array.from({ length: 15 }, () => timeOnce(() => new Float64Array(1_000_000).fill(1))));
  console.log(`\nallocation floor (a fresh 1M-element Float64Array written once): ${fmt(floor)} median`);
  const busyAfter = await busyFraction();
  writeFileSync(
    `${OUT}tensor.json`,
    JSON.stringify({ numpy: version ?? null, node: process.version, busyBefore: busy, busyAfter, allocationFloorSeconds: floor, results }, null, 2),
  );
  console.log(`machine busy after: ${busyAfter === undefined ? 'unknown' : `${(busyAfter * 100).toFixed(0)}%`}; results in bench/out/tensor.json`);
}

await main();
