import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Batch } from './batch.js';
import { MicroBatcher } from './batcher.js';
import { fieldOfKind } from './fields.js';
import { invalidInput } from './errors.js';
import type { Prediction, ServedModel } from './served-model.js';

/** A model that doubles x and records the size of every call; x < 0 is an input error. */
function doubler(): ServedModel & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls, name: 'double', version: '1', platform: 'strata', task: 'regression', classes: null, loadSeconds: 0,
    inputs: [fieldOfKind('x', 'number')],
    outputs: [{ name: 'prediction', datatype: 'FP64', shape: [-1] }],
    predict(b: Batch): Prediction {
      calls.push(b.rows);
      const x = b.columns.x as number[];
      if (x.some((v) => v < 0)) throw invalidInput('x must be non-negative', 'x');
      return { predictions: x.map((v) => 2 * v), probabilities: x.map((v) => [v, 1 - v]) };
    },
  };
}

const batch = (...x: number[]): Batch => ({ rows: x.length, columns: { x } });

test('requests arriving together become one model call, and each gets its own rows back', async () => {
  const m = doubler();
  const b = new MicroBatcher(m, { windowMs: 0, maxRows: 100 });
  const out = await Promise.all([b.submit(batch(1)), b.submit(batch(2, 3)), b.submit(batch(4))]);
  assert.deepEqual(m.calls, [4]);
  assert.deepEqual(out.map((p) => p.predictions), [[2], [4, 6], [8]]);
  assert.deepEqual(out[1]!.probabilities, [[2, -1], [3, -2]]);
});

test('maxRows caps a call; a single larger request still runs alone', async () => {
  const m = doubler();
  const b = new MicroBatcher(m, { windowMs: 0, maxRows: 3 });
  const out = await Promise.all([b.submit(batch(1, 1)), b.submit(batch(2)), b.submit(batch(3)), b.submit(batch(4, 4, 4, 4))]);
  assert.deepEqual(m.calls, [3, 1, 4]);
  assert.deepEqual(out.map((p) => p.predictions.length), [2, 1, 1, 4]);
});

test('one bad request fails alone; its neighbours are answered', async () => {
  const m = doubler();
  const b = new MicroBatcher(m, { windowMs: 0, maxRows: 100 });
  const results = await Promise.allSettled([b.submit(batch(1)), b.submit(batch(-1)), b.submit(batch(5))]);
  assert.equal(results[0]!.status, 'fulfilled');
  assert.deepEqual((results[0] as PromiseFulfilledResult<Prediction>).value.predictions, [2]);
  assert.equal(results[1]!.status, 'rejected');
  assert.match(String((results[1] as PromiseRejectedResult).reason.message), /non-negative/);
  assert.deepEqual((results[2] as PromiseFulfilledResult<Prediction>).value.predictions, [10]);
});

test('under load the window gathers requests that arrive over several turns', async () => {
  const m = doubler();
  const b = new MicroBatcher(m, { windowMs: 20, maxRows: 100 });
  await Promise.all([b.submit(batch(1)), b.submit(batch(1))]); // two at once: the batcher now counts as loaded
  const first = b.submit(batch(1));
  await new Promise((r) => setImmediate(r));
  const second = b.submit(batch(2));
  await Promise.all([first, second]);
  assert.deepEqual(m.calls, [2, 2], 'the two later requests, a turn apart, share one call');
});
