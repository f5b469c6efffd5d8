import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  type FloatArray, type GemmOptions, gemmTs, gemmWasm, gemmF32, gemmF64, selectGemm, setGemmBackend, useThreads, gemmThreads,
  wasmSimdSupported, blasInfo, SMALL_GEMM,
} from './index.js';
import { GemmPool } from './pool.node.js';
import { lcgValues as values } from '../../test/helpers/lcg.js';

interface Case {
  m: number; n: number; k: number;
  aOff: number; lda: number; bOff: number; ldb: number; cOff: number; ldc: number;
}

/** Operands embedded in larger arrays (offsets, padded rows), with a float64 reference product. */
function operands(c: Case, seed: number) {
  const a = values(c.aOff + Math.max(0, c.m - 1) * c.lda + c.k + 3, seed);
  const b = values(c.bOff + Math.max(0, c.k - 1) * c.ldb + c.n + 3, seed + 1);
  const ref = new Float64Array(c.m * c.n);
  for (let i = 0; i < c.m; i++) {
    for (let j = 0; j < c.n; j++) {
      let s = 0;
      for (let p = 0; p < c.k; p++) s += a[c.aOff + i * c.lda + p]! * b[c.bOff + p * c.ldb + j]!;
      ref[i * c.n + j] = s;
    }
  }
  return { a, b, ref, cLength: c.cOff + Math.max(0, c.m - 1) * c.ldc + c.n + 5 };
}

type Gemm = (m: number, n: number, k: number, a: FloatArray, aOff: number, lda: number, b: FloatArray, bOff: number, ldb: number, c: FloatArray, cOff: number, ldc: number, options?: GemmOptions) => void;

/** Runs `gemm` in float32 and float64 and compares with the reference, tolerance scaled by k. */
function check(name: string, gemm: Gemm, c: Case, seed = 7): void {
  const { a, b, ref, cLength } = operands(c, seed);
  for (const T of [Float32Array, Float64Array]) {
    const eps = T === Float32Array ? 2 ** -23 : 2 ** -52;
    // Inputs rounded to the element type first, so the reference is exact up to summation error.
    const at = T.from(a), bt = T.from(b);
    const { ref: exact } = T === Float64Array ? { ref } : operandsRounded(c, at, bt);
    const out = new T(cLength).fill(-77);
    gemm(c.m, c.n, c.k, at, c.aOff, c.lda, bt, c.bOff, c.ldb, out, c.cOff, c.ldc);
    const tol = 4 * eps * Math.max(1, c.k);
    const label = `${name} ${T.name} ${JSON.stringify(c)}`;
    for (let i = 0; i < c.m; i++) {
      for (let j = 0; j < c.n; j++) {
        const got = out[c.cOff + i * c.ldc + j]!;
        const want = exact[i * c.n + j]!;
        if (!(Math.abs(got - want) <= tol)) assert.fail(`${label}: C[${i}, ${j}] = ${got}, want ${want} (tolerance ${tol})`);
      }
    }
    // Nothing outside C's rows was written.
    for (let t = 0; t < cLength; t++) {
      const row = Math.floor((t - c.cOff) / c.ldc);
      const col = t - c.cOff - row * c.ldc;
      const inside = t >= c.cOff && row < c.m && col < c.n;
      if (!inside && out[t] !== -77) assert.fail(`${label}: element ${t} outside C was overwritten`);
    }
  }
}

function operandsRounded(c: Case, a: FloatArray, b: FloatArray): { ref: Float64Array } {
  const ref = new Float64Array(c.m * c.n);
  for (let i = 0; i < c.m; i++) {
    for (let j = 0; j < c.n; j++) {
      let s = 0;
      for (let p = 0; p < c.k; p++) s += a[c.aOff + i * c.lda + p]! * b[c.bOff + p * c.ldb + j]!;
      ref[i * c.n + j] = s;
    }
  }
  return { ref };
}

const compact = (m: number, n: number, k: number): Case => ({ m, n, k, aOff: 0, lda: k, bOff: 0, ldb: n, cOff: 0, ldc: n });

/** Shapes around every edge of the tiles (6×8 / 6×4) and blocks (KC 256, MC 96/72, NC 512/256). */
const CASES: Case[] = [
  compact(1, 1, 1),
  compact(3, 5, 2),
  compact(6, 8, 4),
  compact(7, 9, 13),
  compact(13, 17, 1),
  compact(2, 3, 0),
  compact(40, 33, 300),
  compact(100, 530, 20),
  compact(97, 70, 513),
  { m: 11, n: 10, k: 9, aOff: 5, lda: 12, bOff: 3, ldb: 17, cOff: 7, ldc: 13 },
  { m: 50, n: 260, k: 70, aOff: 1, lda: 75, bOff: 2, ldb: 261, cOff: 3, ldc: 270 },
];

test('the TypeScript GEMM matches a float64 reference on edge shapes, offsets and leading dimensions', () => {
  for (const c of CASES) check('gemmTs', gemmTs as Gemm, c);
});

/**
 * op(A)·op(B) (+ C) for every combination of transposes and accumulation: the stored operands
 * are the transposes of random A (m×k) and B (k×n), with padded leading dimensions, and C starts
 * from known values.
 */
function checkOptions(name: string, gemm: Gemm, m: number, n: number, k: number): void {
  const a = values(m * k, 3), b = values(k * n, 4), c0 = values(m * n, 5);
  for (const T of [Float32Array, Float64Array]) {
    const eps = T === Float32Array ? 2 ** -23 : 2 ** -52;
    const at = T.from(a), bt = T.from(b);
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const accumulate of [false, true]) {
          const lda = (transA ? m : k) + 2, ldb = (transB ? k : n) + 1, ldc = n + 3;
          const sa = new T((transA ? k : m) * lda), sb = new T((transB ? n : k) * ldb), sc = new T(m * ldc);
          for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) sa[transA ? p * lda + i : i * lda + p] = at[i * k + p]!;
          for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) sb[transB ? j * ldb + p : p * ldb + j] = bt[p * n + j]!;
          for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) sc[i * ldc + j] = c0[i * n + j]!;
          gemm(m, n, k, sa, 0, lda, sb, 0, ldb, sc, 0, ldc, { transA, transB, accumulate });
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let want = accumulate ? T.from([c0[i * n + j]!])[0]! : 0;
              for (let p = 0; p < k; p++) want += at[i * k + p]! * bt[p * n + j]!;
              const got = sc[i * ldc + j]!;
              const tol = 4 * eps * (k + 2);
              if (!(Math.abs(got - want) <= tol)) assert.fail(`${name} ${T.name} ${m}×${n}×${k} ${JSON.stringify({ transA, transB, accumulate })}: C[${i}, ${j}] = ${got}, want ${want}`);
            }
          }
        }
      }
    }
  }
}

test('every backend handles transposed operands and accumulation', async () => {
  const shapes: [number, number, number][] = [[7, 9, 13], [13, 17, 300], [100, 30, 20], [20, 130, 70]];
  const threaded = await GemmPool.start(2);
  try {
    for (const [m, n, k] of shapes) {
      checkOptions('gemmTs', gemmTs as Gemm, m, n, k);
      checkOptions('gemmWasm', gemmWasm as Gemm, m, n, k);
      checkOptions('pool', (...args) => threaded.gemm(...args), m, n, k);
    }
  } finally {
    await threaded.close();
  }
});

test('WebAssembly SIMD is available on Node 20', () => {
  assert.equal(wasmSimdSupported(), true);
});

test('the WebAssembly SIMD GEMM matches the reference on the same shapes', () => {
  for (const c of CASES) check('gemmWasm', gemmWasm as Gemm, c);
});

test('the WASM and TypeScript kernels agree on a product crossing every block edge', () => {
  const c = compact(203, 777, 600);
  const { a, b } = operands(c, 11);
  for (const T of [Float32Array, Float64Array]) {
    const at = T.from(a), bt = T.from(b);
    const x = new T(c.m * c.n), y = new T(c.m * c.n);
    gemmTs(c.m, c.n, c.k, at, 0, c.k, bt, 0, c.n, x, 0, c.n);
    gemmWasm(c.m, c.n, c.k, at, 0, c.k, bt, 0, c.n, y, 0, c.n);
    const tol = 4 * (T === Float32Array ? 2 ** -23 : 2 ** -52) * c.k;
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
    assert.ok(worst <= tol, `${T.name}: largest difference ${worst} > ${tol}`);
  }
});

let pool: GemmPool | undefined;
after(async () => {
  await pool?.close();
  await useThreads(1);
});

test('the worker pool (2 threads, shared memory) matches the reference, split by rows and by columns', async () => {
  pool = await GemmPool.start(2);
  const p = pool;
  const run: Gemm = (m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc) => p.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
  for (const c of [...CASES, compact(130, 20, 40), compact(20, 130, 300)]) check('pool', run, c);
});

test('the pool sees memory grown between calls', async () => {
  pool ??= await GemmPool.start(2);
  check('pool small', (m, n, k, a, ao, la, b, bo, lb, c, co, lc) => pool!.gemm(m, n, k, a, ao, la, b, bo, lb, c, co, lc), compact(20, 20, 20));
  check('pool large', (m, n, k, a, ao, la, b, bo, lb, c, co, lc) => pool!.gemm(m, n, k, a, ao, la, b, bo, lb, c, co, lc), compact(300, 280, 290));
});

test('gemmF32/gemmF64 choose TypeScript for small products and WASM (then threads) for large, or the BLAS once one is open', async () => {
  assert.equal(selectGemm(2, 2, 2), 'ts');
  assert.ok(2 * 2 * 2 < SMALL_GEMM);
  const both: Gemm = (m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc) => {
    if (a instanceof Float32Array) gemmF32(m, n, k, a, aOff, lda, b as Float32Array, bOff, ldb, c as Float32Array, cOff, ldc);
    else gemmF64(m, n, k, a, aOff, lda, b as Float64Array, bOff, ldb, c as Float64Array, cOff, ldc);
  };
  // useThreads also opens the system BLAS where there is one (see blas.test.ts); forcing a
  // backend reaches the WASM paths either way.
  assert.equal(await useThreads(2), 2);
  assert.equal(gemmThreads(), 2);
  const large = blasInfo().available ? 'blas' : 'wasm-threads';
  assert.equal(selectGemm(256, 256, 256), large);
  assert.equal(selectGemm(2, 2, 2), 'ts');
  check('auto threads', both, compact(120, 130, 140));
  for (const backend of ['wasm-threads', 'wasm'] as const) {
    setGemmBackend(backend);
    try {
      assert.equal(selectGemm(256, 256, 256), backend);
      check(`forced ${backend}`, both, compact(120, 130, 140));
    } finally {
      setGemmBackend('auto');
    }
  }
  assert.equal(await useThreads(1), 1);
  assert.equal(selectGemm(256, 256, 256), blasInfo().available ? 'blas' : 'wasm');
  setGemmBackend('wasm-threads');
  assert.equal(selectGemm(256, 256, 256), 'wasm', 'without a pool, wasm-threads falls back to wasm');
  for (const backend of ['ts', 'wasm'] as const) {
    setGemmBackend(backend);
    try {
      assert.equal(selectGemm(256, 256, 256), backend);
      check(`forced ${backend}`, both, CASES[9]!);
    } finally {
      setGemmBackend('auto');
    }
  }
});

test('bad arguments name the parameter and the fix', () => {
  const a = new Float64Array(6), b = new Float64Array(6), c = new Float64Array(4);
  assert.throws(() => gemmF64(2, 2, 3, a, 0, 2, b, 0, 2, c, 0, 2), /lda must be an integer ≥ the row length 3 of A \(got 2\)/);
  assert.throws(() => gemmF64(2, 2, 3, a, 1, 3, b, 0, 2, c, 0, 2), /A \(2×3 at offset 1, lda 3\) needs 7 elements but its array has 6/);
  assert.throws(() => gemmF64(2, 2, 3, a, 0, 3, b, 0, 2, new Float64Array(3), 0, 2), /C \(2×2 .* needs 4 elements/);
  assert.throws(() => gemmF64(-1, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2), /m must be a non-negative integer \(got -1\)/);
  assert.throws(() => gemmF64(2, 2, 3, Float32Array.from(a) as never, 0, 3, b, 0, 2, c, 0, 2), /gemmF64 takes Float64Array/);
  assert.throws(() => gemmF32(2, 2, 3, a as never, 0, 3, b as never, 0, 2, c as never, 0, 2), /gemmF32 takes Float32Array/);
  assert.throws(() => setGemmBackend('gpu' as never), /unknown backend 'gpu'/);
  return assert.rejects(useThreads(0), /threads must be a positive integer \(got 0\)/);
});

test('the embedded WebAssembly is what the build script makes from the AssemblyScript source', async () => {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new URL('../../scripts/build-kernels.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('with relaxed SIMD enabled (V8 flag on Node 20) the fused builds are used and agree', async () => {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const index = fileURLToPath(new URL('./index.ts', import.meta.url));
  const code = `
    const k = await import(${JSON.stringify(index)});
    const out = { relaxed: k.wasmRelaxedSimdSupported(), worst: [] };
    await k.useThreads(2);
    for (const T of [Float32Array, Float64Array]) {
      const m = 97, n = 70, kk = 300;
      const a = T.from({ length: m * kk }, (_, i) => Math.sin(i));
      const b = T.from({ length: kk * n }, (_, i) => Math.cos(i));
      const x = new T(m * n), y = new T(m * n), z = new T(m * n);
      k.gemmTs(m, n, kk, a, 0, kk, b, 0, n, x, 0, n);
      k.gemmWasm(m, n, kk, a, 0, kk, b, 0, n, y, 0, n);
      (T === Float32Array ? k.gemmF32 : k.gemmF64)(m, n, kk, a, 0, kk, b, 0, n, z, 0, n);
      let w = 0;
      for (let i = 0; i < x.length; i++) w = Math.max(w, Math.abs(x[i] - y[i]), Math.abs(x[i] - z[i]));
      out.worst.push(w);
    }
    await k.useThreads(1);
    console.log(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', '--input-type=module', '--eval', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { relaxed: boolean; worst: number[] };
  assert.equal(out.relaxed, true);
  assert.ok(out.worst[0]! <= 4 * 2 ** -23 * 300, `float32 differs by ${out.worst[0]}`);
  assert.ok(out.worst[1]! <= 4 * 2 ** -52 * 300, `float64 differs by ${out.worst[1]}`);
});
