import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  type FloatArray, type GemmOptions, gemmTs, gemmF32, gemmF64, selectGemm, setGemmBackend, useBlas, blasInfo, useThreads, BLAS_GEMM,
} from './index.js';
import { openBlas } from './blas.node.js';
import { lcgValues as values } from '../../test/helpers/lcg.js';

// The BLAS is optional: skipped (saying why) only where koffi or the library is missing.
const opened = openBlas();
const skip = opened.blas === null ? `no system BLAS here: ${opened.reason}` : false;
const blas = opened.blas;

after(async () => {
  setGemmBackend('auto');
  await useThreads(1);
});

interface Case {
  m: number; n: number; k: number;
  transA: boolean; transB: boolean; accumulate: boolean;
  aOff: number; bOff: number; cOff: number;
  /** Padding added to each leading dimension. */
  pad: number;
}

type Gemm = (m: number, n: number, k: number, a: FloatArray, aOff: number, lda: number, b: FloatArray, bOff: number, ldb: number, c: FloatArray, cOff: number, ldc: number, options?: GemmOptions) => void;

/**
 * Runs `gemm` and the TypeScript kernel on the same stored operands (transposed or not, at
 * offsets, padded rows) and C (starting from known values, NaN in the padding) and compares:
 * within float tolerance inside C, bit-identical outside it.
 */
function compare(name: string, gemm: Gemm, T: Float32ArrayConstructor | Float64ArrayConstructor, c: Case): void {
  const { m, n, k, transA, transB, accumulate, aOff, bOff, cOff, pad } = c;
  const lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
  const aRows = transA ? k : m, bRows = transB ? n : k;
  const a = T.from(values(aOff + aRows * lda + 2, 1 + m));
  const b = T.from(values(bOff + bRows * ldb + 2, 2 + n));
  const c0 = T.from(values(cOff + m * ldc + 2, 3 + k));
  for (let t = cOff + n; t < c0.length; t += ldc) for (let q = 0; q < pad && t + q < c0.length; q++) c0[t + q] = NaN;
  const want = T.from(c0), got = T.from(c0);
  const options = { transA, transB, accumulate };
  gemmTs(m, n, k, a, aOff, lda, b, bOff, ldb, want, cOff, ldc, options);
  gemm(m, n, k, a, aOff, lda, b, bOff, ldb, got, cOff, ldc, options);
  const eps = T === Float32Array ? 2 ** -23 : 2 ** -52;
  const tol = 8 * eps * (k + 2);
  for (let t = 0; t < got.length; t++) {
    const row = Math.floor((t - cOff) / ldc), col = t - cOff - row * ldc;
    const inside = t >= cOff && row < m && col < n;
    if (inside ? !(Math.abs(got[t]! - want[t]!) <= tol) : !Object.is(got[t], want[t])) {
      assert.fail(`${name} ${T.name} ${JSON.stringify(c)}: element ${t} (row ${row}, column ${col}) is ${got[t]}, want ${want[t]}`);
    }
  }
}

const SHAPES: [number, number, number][] = [[1, 1, 1], [3, 5, 7], [7, 9, 13], [13, 17, 300], [100, 30, 20], [20, 130, 70], [97, 70, 513], [2, 3, 0]];

test('the BLAS GEMM equals the TypeScript kernel for every transpose/accumulate combination, offset and leading dimension', { skip }, () => {
  const run: Gemm = (...args) => blas!.gemm(...args);
  for (const [m, n, k] of SHAPES) {
    for (const T of [Float32Array, Float64Array]) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          for (const accumulate of [false, true]) {
            compare('blas', run, T, { m, n, k, transA, transB, accumulate, aOff: 0, bOff: 0, cOff: 0, pad: 0 });
            compare('blas', run, T, { m, n, k, transA, transB, accumulate, aOff: 5, bOff: 3, cOff: 7, pad: 3 });
          }
        }
      }
    }
  }
});

test('the BLAS GEMM leaves C alone for empty products, zeroes it for k = 0, and ignores NaN in C when overwriting', { skip }, () => {
  const c = Float64Array.of(1, 2, 3);
  blas!.gemm(0, 3, 4, new Float64Array(4), 0, 4, new Float64Array(12), 0, 3, c, 0, 3);
  assert.deepEqual([...c], [1, 2, 3]);
  // k = 0: C becomes 0 (or stays, when accumulating), even from empty operand arrays.
  const z = Float64Array.of(5, 6);
  blas!.gemm(1, 2, 0, new Float64Array(0), 0, 1, new Float64Array(0), 0, 2, z, 0, 2);
  assert.deepEqual([...z], [0, 0]);
  z.set([5, 6]);
  blas!.gemm(1, 2, 0, new Float64Array(0), 0, 1, new Float64Array(0), 0, 2, z, 0, 2, { accumulate: true });
  assert.deepEqual([...z], [5, 6]);
  const out = Float32Array.of(NaN, NaN);
  blas!.gemm(1, 2, 2, Float32Array.of(1, 2), 0, 2, Float32Array.of(1, 2, 3, 4), 0, 2, out, 0, 2);
  assert.deepEqual([...out], [7, 10]);
});

test('gemmF32/gemmF64 choose BLAS for all but tiny products once it is open, and fall back when forced without one', { skip }, async () => {
  const info = await useBlas();
  assert.equal(info.available, true, JSON.stringify(info));
  assert.deepEqual(blasInfo(), info);
  assert.equal(selectGemm(256, 256, 256), 'blas');
  assert.equal(selectGemm(8, 8, 8), 'blas');
  assert.equal(selectGemm(2, 2, 2), 'ts');
  assert.ok(2 * 2 * 2 < BLAS_GEMM && 8 * 8 * 8 >= BLAS_GEMM);
  assert.equal(await useThreads(2), 2);
  assert.equal(selectGemm(512, 512, 512), 'blas');
  const both: Gemm = (m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, options) => {
    if (a instanceof Float32Array) gemmF32(m, n, k, a, aOff, lda, b as Float32Array, bOff, ldb, c as Float32Array, cOff, ldc, options);
    else gemmF64(m, n, k, a, aOff, lda, b as Float64Array, bOff, ldb, c as Float64Array, cOff, ldc, options);
  };
  // Large enough for OpenBLAS to split over its two threads.
  for (const T of [Float32Array, Float64Array]) compare('auto, 2 threads', both, T, { m: 301, n: 257, k: 199, transA: true, transB: false, accumulate: true, aOff: 1, bOff: 2, cOff: 3, pad: 1 });
  setGemmBackend('blas');
  assert.equal(selectGemm(2, 2, 2), 'blas');
  setGemmBackend('wasm');
  assert.equal(selectGemm(256, 256, 256), 'wasm');
  setGemmBackend('auto');
  assert.equal(await useThreads(1), 1);
});

/** Runs `code` (an ES module body with `k` = the kernels index) in a fresh Node with `env` added; returns its last stdout line as JSON. */
function fresh(code: string, env: Record<string, string> = {}): unknown {
  const index = fileURLToPath(new URL('./index.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', `const k = await import(${JSON.stringify(index)});\n${code}`], {
    encoding: 'utf8', env: { ...process.env, ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

test('without being asked, the BLAS opens once large products add up to BLAS_OPEN_WORK', { skip }, () => {
  const out = fresh(`
    await import(${JSON.stringify(fileURLToPath(new URL('./blas.node.ts', import.meta.url)))});
    await new Promise((r) => setTimeout(r, 0));
    const before = [k.blasInfo().available, k.selectGemm(512, 512, 512)];
    const m = 64, n = 64, kk = 64, a = new Float32Array(m * kk).fill(1), c = new Float32Array(m * n);
    k.gemmF32(m, n, kk, a, 0, kk, a, 0, n, c, 0, n);
    const small = [k.blasInfo().available, c[0]];
    // One product of BLAS_OPEN_WORK multiply-adds: it opens the BLAS and runs on it.
    const big = 1024, deep = k.BLAS_OPEN_WORK / (big * big);
    const x = new Float32Array(big * deep).fill(0.5), y = new Float32Array(big * big);
    k.gemmF32(big, big, deep, x, 0, deep, x, 0, deep, y, 0, big, { transB: true });
    console.log(JSON.stringify({ before, small, after: [k.blasInfo().available, k.selectGemm(512, 512, 512), y[0], y[big * big - 1]] }));`);
  assert.deepEqual(out, { before: [false, 'wasm'], small: [false, 64], after: [true, 'blas', 512, 512] });
});

test('STRATA_BLAS=off keeps every product on WASM/TypeScript, and a bad STRATA_BLAS path says what was wrong', () => {
  const off = fresh(`const info = await k.useBlas(); await k.useThreads(2); console.log(JSON.stringify([info, k.selectGemm(512, 512, 512)])); await k.useThreads(1);`, { STRATA_BLAS: 'off' });
  assert.deepEqual(off, [{ available: false, reason: 'STRATA_BLAS=off' }, 'wasm-threads']);
  if (skip !== false) return;
  const bad = fresh(`const info = await k.useBlas(); console.log(JSON.stringify([info, k.selectGemm(512, 512, 512)]));`, { STRATA_BLAS: '/nonexistent/libnope.so' }) as [{ available: boolean; reason: string }, string];
  assert.equal(bad[0].available, false);
  assert.match(bad[0].reason, /STRATA_BLAS=\/nonexistent\/libnope\.so does not load \(.+\); give the path/);
  assert.equal(bad[1], 'wasm');
});
