import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATETIME_PARTS, DataError, DatetimeFeatures, ParamError } from '../index.js';
import { parseIsoTimestamp } from './timestamps.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_text_datetime').datetime;
const stamps: (string | null)[] = F.stamps;
const epochMs: (number | null)[] = F.epoch_ms;

test('ISO strings parse to the instants pandas gives (date-only and offset-free are UTC)', () => {
  stamps.forEach((s, i) => {
    if (s === null) return;
    assert.equal(parseIsoTimestamp(s), epochMs[i], s);
  });
  assert.ok(Number.isNaN(parseIsoTimestamp('yesterday')));
  assert.ok(Number.isNaN(parseIsoTimestamp('2024-13-45')));
});

const expected = (parts: readonly string[]): number[][] =>
  stamps.map((_, i) => parts.map((p) => F.parts[p][i] as number));

test('DatetimeFeatures matches pandas .dt parts on ISO strings, Dates and epoch ms', () => {
  const all = new DatetimeFeatures({ parts: DATETIME_PARTS, dropConstant: false });
  const strings = stamps.map((when) => ({ when }));
  assertClose(all.fitTransform(strings), expected(DATETIME_PARTS), { rtol: 0 });
  assert.deepEqual(all.featureNamesOut(), DATETIME_PARTS.map((p) => `when_${p}`));
  // a frame's date columns hand out Dates; numbers are epoch milliseconds
  const dates = epochMs.map((ms) => ({ when: ms === null ? null : new Date(ms) }));
  assertClose(all.transform(dates), expected(DATETIME_PARTS), { rtol: 0 });
  assertClose(all.transform(epochMs.map((ms) => [ms ?? NaN])), expected(DATETIME_PARTS), { rtol: 0 });
});

test('DatetimeFeatures drops parts that are constant in fit, per column', () => {
  const rows = [
    { day: '2024-01-01', at: '2024-01-01T10:00:00Z' },
    { day: '2024-03-05', at: '2024-01-01T11:30:00Z' },
    { day: null, at: '2024-01-01T12:00:00Z' },
  ];
  const dt = new DatetimeFeatures().fit(rows);
  assert.deepEqual(dt.featureNamesOut(), [
    'day_month', 'day_day', 'day_dayofweek', 'day_dayofyear', 'day_epoch',
    'at_hour', 'at_minute', 'at_epoch',
  ]);
  const out = dt.transform(rows).toArray() as number[][];
  assert.deepEqual(out[0], [1, 1, 0, 1, 1704067200, 10, 0, 1704103200]);
  assert.ok(out[2]!.slice(0, 5).every(Number.isNaN));
});

test('DatetimeFeatures errors name the column, row and value', () => {
  assert.throws(
    () => new DatetimeFeatures().fit([{ when: '2024-01-01' }, { when: 'soon' }]),
    (e: Error) => e instanceof DataError && /column 'when' holds "soon" at row 1/.test(e.message) && /ISO 8601/.test(e.message),
  );
  assert.throws(() => new DatetimeFeatures().fit([{ when: true }]), /column 'when' holds boolean true at row 0/);
  assert.throws(() => new DatetimeFeatures({ parts: ['week' as never] }).fit([[0]]), (e: Error) => e instanceof ParamError && /parts must be/.test(e.message));
  const dt = new DatetimeFeatures().fit([{ when: '2024-01-01' }, { when: '2024-02-01' }]);
  assert.throws(() => dt.transform([{ then: '2024-01-01' }]), /column 'when' seen in fit is missing/);
});

checkEstimator(() => new DatetimeFeatures(), {
  X: [[1.6e12], [1.61e12], [1.7e12], [1.65e12 + 3600e3], [1.5e12], [1.55e12 + 1], [NaN]],
  allowsNaN: true,
});
