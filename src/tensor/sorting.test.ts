import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { assertClose } from '../../test/helpers/assert.js';

const core = loadFixture('core');
const input = T.array(core.reductionInput);

test('sort and stable argsort along each axis match NumPy', () => {
  for (const c of core.arg) {
    const axis = c.axis ?? null;
    assertClose(T.sort(input, axis), c.sort, { rtol: 0 }, `sort ${c.axis}`);
    assertClose(T.argsort(input, axis), c.argsort, { rtol: 0 }, `argsort ${c.axis}`);
  }
  const s = core.sorting;
  assertClose(T.sort(T.array(s.ties)), s.sort, { rtol: 0 }, 'NaN sorts last');
  assertClose(T.argsort(T.array(s.ties)), s.argsort, { rtol: 0 }, 'ties keep their order');
});

test('unique gives values, first indices, inverse and counts like NumPy (NaNs collapse)', () => {
  const s = core.sorting;
  const u = T.unique(T.array(s.ties));
  assertClose(u.values, s.unique.values, { rtol: 0 });
  assertClose(u.indices, s.unique.indices, { rtol: 0 });
  assertClose(u.inverse, s.unique.inverse, { rtol: 0 });
  assertClose(u.counts, s.unique.counts, { rtol: 0 });
});

test('searchsorted left and right match NumPy', () => {
  const s = core.sorting;
  assertClose(T.searchsorted(T.array(s.sorted), T.array(s.queries), 'left'), s.left, { rtol: 0 });
  assertClose(T.searchsorted(T.array(s.sorted), T.array(s.queries), 'right'), s.right, { rtol: 0 });
});

test('median and quantiles (linear method) over every axis choice match NumPy', () => {
  for (const c of core.reductions) {
    const axis = c.axis ?? undefined;
    assertClose(T.median(input, axis, c.keepdims), c.median, { rtol: 1e-13 }, `median ${JSON.stringify(c.axis)}`);
    assertClose(T.quantile(input, [0.1, 0.5, 0.93], axis, c.keepdims), c.quantile, { rtol: 1e-13, atol: 1e-13 }, `quantile ${JSON.stringify(c.axis)}`);
  }
  assert.equal(T.percentile(T.arange(11), 30).item(), 3);
  assert.throws(() => T.quantile(input, 1.5), /Quantiles must be in \[0, 1\]; got 1.5/);
});
