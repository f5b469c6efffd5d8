import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame } from '../dataframe.js';
import { FrameError } from '../errors.js';
import { readCsv } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'strata-column-block-'));

/** A CSV of `rows` rows: int key, floats a, b (with a gap at row 2), c, d, and text s. */
function csv(rows: number): string {
  const lines = ['key,a,b,s,c,d'];
  for (let i = 0; i < rows; i++) lines.push(`${i % 7},${i + 0.5},${i === 2 ? '' : -i - 0.25},t${i % 3},${i * 2 + 0.125},${i / 4 + 0.5}`);
  return lines.join('\n') + '\n';
}

/** Every element of `m` (any layout) against the row-major matrix of the same columns. */
function assertSameValues(df: DataFrame, names: string[], order: 'C' | 'F'): void {
  const m = df.toMatrix(names, { order });
  const want = df.toMatrix(names);
  assert.deepEqual(m.shape, want.shape);
  const [n, k] = want.shape as [number, number];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const got = m.get(i, j) as number;
      const exp = want.data[i * k + j]!;
      if (!(got === exp || (Number.isNaN(got) && Number.isNaN(exp)))) assert.fail(`[${i}, ${j}] of ${names.join(',')}: ${got} vs ${exp}`);
    }
  }
}

for (const rows of [1, 3, 2049, 5000]) {
  test(`readCsv float columns share one block; toMatrix order F is a view with the right values (${rows} rows)`, async () => {
    const path = join(dir, `t${rows}.csv`);
    writeFileSync(path, csv(rows));
    const df = await readCsv(path);
    const a = df.column('a').toFloat64();
    const c = df.column('c').toFloat64();
    const d = df.column('d').toFloat64();
    const hasGap = rows > 2;
    // c and d come right after a (b, with a gap, may or may not be in the block: it is copied out).
    assert.equal(c.buffer, a.buffer);
    assert.equal(d.buffer, a.buffer);
    const view = df.toMatrix(['c', 'd'], { order: 'F' });
    assert.deepEqual(view.strides, [1, rows]);
    assert.equal(view.data.buffer, c.buffer);
    assert.equal(view.get(rows - 1, 1), (rows - 1) / 4 + 0.5);
    assertSameValues(df, ['c', 'd'], 'F');
    // Out of file order, with the gap column, with the int key, as float32: copies, same values.
    assertSameValues(df, ['d', 'c'], 'F');
    assertSameValues(df, ['a', 'b', 'c', 'd'], 'F');
    assertSameValues(df, ['key', 'a'], 'F');
    assertSameValues(df, ['c', 'c'], 'F');
    assert.notEqual(df.toMatrix(['d', 'c'], { order: 'F' }).data.buffer, c.buffer);
    const f32 = df.toMatrix(['c', 'd'], { order: 'F', dtype: 'float32' });
    assert.equal(f32.dtype, 'float32');
    assert.equal(f32.get(rows - 1, 0), Math.fround((rows - 1) * 2 + 0.125));
    if (hasGap) assert.ok(Number.isNaN(df.toMatrix(['b'], { order: 'F' }).get(2, 0) as number));
    // A slice of the frame is not adjacent any more: copied, still right.
    const tail = df.tail(Math.max(1, rows - 1));
    assertSameValues(tail, ['c', 'd'], 'F');
  });
}

test('toMatrix order F on frames built in memory, and a bad order', () => {
  const df = DataFrame.fromColumns({ x: [1, 2, 3], y: [4, null, 6], z: [true, false, true] });
  const m = df.toMatrix(['x', 'y', 'z'], { order: 'F' });
  assert.deepEqual(Array.from(m.data), [1, 2, 3, 4, NaN, 6, 1, 0, 1]);
  assert.deepEqual(m.strides, [1, 3]);
  assert.deepEqual(DataFrame.fromColumns({ x: new Float64Array(0) }).toMatrix(['x'], { order: 'F' }).shape, [0, 1]);
  assert.throws(() => df.toMatrix(['x'], { order: 'K' as 'C' }), (e: unknown) => e instanceof FrameError && /order must be 'C' \(row-major\) or 'F'/.test(e.message));
});

test('join writes its float64 columns into one block (a view for order F), with NaN for unmatched rows', () => {
  const left = DataFrame.fromColumns({ k: [1, 2, 3, 2, 9], a: [0.5, 1.5, NaN, 3.5, 4.5], b: [10, 20, 30, 40, 50].map((v) => v + 0.25), s: ['p', 'q', 'r', 's', 't'] });
  const right = DataFrame.fromColumns({ k: [2, 1, 3, 4], r: [-1.5, -2.5, -3.5, -4.5], b: [7.75, 8.75, 9.75, 6.75] });
  for (const how of ['inner', 'left', 'outer', 'right'] as const) {
    const j = left.join(right, { on: 'k', how });
    const names = ['a', 'b_x', 'r', 'b_y'];
    const first = j.column('a').toFloat64();
    for (const nm of names.slice(1)) assert.equal(j.column(nm).toFloat64().buffer, first.buffer, `${how}: ${nm}`);
    assert.equal(j.toMatrix(names, { order: 'F' }).data.buffer, first.buffer);
    assertSameValues(j, names, 'F');
  }
  const lj = left.join(right, { on: 'k', how: 'left' });
  assert.deepEqual(lj.column('r').toArray(), [-2.5, -1.5, -3.5, -1.5, null]);
  assert.deepEqual(lj.column('a').toArray(), [0.5, 1.5, null, 3.5, 4.5]);
  assert.deepEqual(lj.column('b_y').toArray(), [8.75, 7.75, 9.75, 7.75, null]);
  const col = left.column('a');
  assert.throws(() => col.take(Int32Array.of(0, 1), new Float64Array(3)), (e: unknown) => e instanceof FrameError && /'into' must be a Float64Array of 2 values/.test(e.message));
});
