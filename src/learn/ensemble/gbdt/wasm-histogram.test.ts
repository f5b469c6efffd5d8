import { test } from 'node:test';
import assert from 'node:assert/strict';
import { random } from '../../../tensor/index.js';
import { buildHistogram, partitionRows } from './histogram.js';
import { WasmArena } from './wasm-histogram.js';

const rng = random.defaultRng(11);
const rows = 5000;
const stride = 12;
const wpr = stride / 4;

/** Arena-backed inputs: random bins (missing bin included), gradients, and a row subset of `keep`. */
function setup(arena: WasmArena, keep: number) {
  const bins = arena.uint8(rows * stride);
  bins.set(rng.integers(0, 256, [rows * stride]).toTypedArray() as ArrayLike<number>);
  const gh = arena.float64(2 * rows);
  gh.set(rng.standardNormal([2 * rows]).toFloat64Array());
  const rowIdx = arena.int32(rows);
  let count = 0;
  const u = rng.random([rows]).toFloat64Array();
  for (let r = 0; r < rows; r++) if (u[r]! < keep) rowIdx[count++] = r;
  return { bins, gh, rowIdx, count };
}

test('the WebAssembly histogram equals the JavaScript one bit for bit, dense and thin nodes, any feature range', () => {
  const arena = WasmArena.create();
  assert.ok(arena, 'shared WebAssembly memory is available in Node');
  for (const keep of [1, 0.4, 0.02]) {
    const { bins, gh, rowIdx, count } = setup(arena, keep);
    const words = new Uint32Array(bins.buffer, bins.byteOffset, (rows * stride) >> 2);
    for (const [w0, w1] of [[0, wpr], [1, 3]] as const) {
      const js = new Float64Array(stride * 512);
      buildHistogram(words, wpr, gh, rowIdx, 0, count, w0, w1, js);
      const wasm = arena.float64(stride * 512);
      arena.kernels.buildHistogram(bins.byteOffset, wpr, gh.byteOffset, rowIdx.byteOffset, 0, count, w0, w1, wasm.byteOffset);
      assert.deepEqual(wasm, js, `keep ${keep}, words ${w0}..${w1}`);
      // A bin's sums really are its rows' sums (feature 4·w0, bin of the first row).
      const f = 4 * w0;
      const b = bins[rowIdx[0]! * stride + f]!;
      let g = 0;
      for (let i = 0; i < count; i++) if (bins[rowIdx[i]! * stride + f] === b) g += gh[2 * rowIdx[i]!]!;
      assert.ok(Math.abs(js[f * 512 + 2 * b]! - g) < 1e-9);
    }
  }
});

test('the WebAssembly partition equals the JavaScript one and is stable', () => {
  const arena = WasmArena.create()!;
  const { rowIdx, count } = setup(arena, 0.7);
  const columns = arena.uint8(rows);
  columns.set(rng.integers(0, 256, [rows]).toTypedArray() as ArrayLike<number>);
  for (const [threshold, shift] of [[100, 0], [100, 1], [0, 1], [255, 0]] as const) {
    const a = arena.int32(rows);
    const b = arena.int32(rows);
    a.set(rowIdx);
    b.set(rowIdx);
    const sa = arena.int32(rows);
    const sb = arena.int32(rows);
    const begin = 7;
    const lj = partitionRows(columns, 0, a, sa, begin, count, threshold, shift);
    const lw = arena.kernels.partition(columns.byteOffset, b.byteOffset, sb.byteOffset, begin, count, threshold, shift);
    assert.equal(lw, lj);
    assert.deepEqual(b.subarray(begin, begin + lj), a.subarray(begin, begin + lj));
    assert.deepEqual(sb.subarray(begin, begin + count - begin - lj), sa.subarray(begin, begin + count - begin - lj));
    const expectLeft = Array.from(rowIdx.subarray(begin, count)).filter((r) => ((columns[r]! + shift) & 255) <= threshold);
    assert.deepEqual(Array.from(a.subarray(begin, begin + lj)), expectLeft, `threshold ${threshold}, shift ${shift}`);
  }
});
