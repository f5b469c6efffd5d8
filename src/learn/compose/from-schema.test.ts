import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFrame, inferSchema } from '../../frame/index.js';
import { ColumnTransformer, Estimator, ParamError, Ridge, columnTransformerFromSchema, makePipeline } from '../index.js';

const DAY = 86_400_000;
const n = 60;
const when = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2023, 0, 1) + i * 3 * DAY + (i % 5) * 3_600_000));
const words = ['great value and quick delivery', 'poor quality item, broke fast', 'okay product for the price', 'great quality, would buy again'];
const frame = DataFrame.fromColumns({
  when,
  stamp: when.map((d, i) => (i === 7 ? null : d.toISOString())),
  review: Array.from({ length: n }, (_, i) => (i === 3 ? null : `${words[i % 4]} (order ${i})`)),
  x: Array.from({ length: n }, (_, i) => i % 7),
  y: Array.from({ length: n }, (_, i) => i * 0.5 + (i % 4 === 1 ? -3 : 0)),
});

test('a frame with Date, ISO-string and free-text columns gets date parts and TF-IDF', () => {
  const schema = inferSchema(frame);
  assert.deepEqual(schema.map((c) => c.kind), ['datetime', 'datetime', 'text', 'categorical', 'numeric']);
  const { transformer, notes } = columnTransformerFromSchema(schema, { exclude: ['y'], maxTextFeatures: 5 });
  assert.deepEqual(notes.slice(1), [
    "datetime 'when', 'stamp': year, month, day, day of week, day of year, hour, minute, second and Unix time (parts constant in training left out) + median imputation",
    "text 'review': TF-IDF of words (at most 5 most frequent terms, missing text as empty)",
  ]);
  const X = frame.drop('y');
  const out = transformer.fitTransform(X);
  const names = transformer.featureNamesOut();
  // 'order' 59 times, 'great' and 'quality' 30, then a tie at 15 broken by vocabulary order
  assert.deepEqual(names.filter((c) => c.startsWith('text_review__')), ['text_review__and', 'text_review__broke', 'text_review__great', 'text_review__order', 'text_review__quality']);
  assert.ok(names.includes('datetime__when_hour') && names.includes('datetime__stamp_epoch') && !names.includes('datetime__when_second'));
  assert.equal(out.shape[1], names.length);
  // Dates and their ISO strings give the same parts; the missing stamp is imputed.
  const col = (name: string) => (out.toArray() as number[][]).map((r) => r[names.indexOf(name)]!);
  const a = col('datetime__when_epoch');
  const b = col('datetime__stamp_epoch');
  const median = when[30]!.getTime() / 1000; // of the 59 stamps present: the 30th in time
  a.forEach((v, i) => assert.equal(b[i], i === 7 ? median : v, `row ${i}`));
  // The epoch feature carries the trend: a linear model on it fits y well.
  const pipe = makePipeline(columnTransformerFromSchema(schema, { exclude: ['y'], scale: true }).transformer, new Ridge({ alpha: 1e-3 }));
  pipe.fit(X, frame.column('y').toArray() as number[]);
  assert.ok(pipe.score(X, frame.column('y').toArray() as number[]) > 0.95);
  const back = Estimator.fromJSON<ColumnTransformer>(JSON.parse(JSON.stringify(transformer.toJSON())));
  assert.deepEqual(back.transform(X).toArray(), out.toArray());
});

test('maxTextFeatures is checked', () => {
  assert.throws(() => columnTransformerFromSchema([{ name: 't', kind: 'text' }], { maxTextFeatures: 0 }), (e: Error) => e instanceof ParamError && /maxTextFeatures/.test(e.message));
});
