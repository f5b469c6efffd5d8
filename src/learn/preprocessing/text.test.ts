import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ColumnTransformer, CountVectorizer, DataError, Estimator, ParamError, Pipeline, SimpleImputer, StandardScaler, TfidfTransformer,
  TfidfVectorizer, compileTokenPattern,
} from '../index.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { checkEstimator } from '../../../test/helpers/check-estimator.js';
import { loadFixture } from '../../../test/helpers/fixtures.js';

const F = loadFixture('learn_text_datetime');
const docs: string[] = F.docs;
const docsNew: string[] = F.docs_new;

interface VecCase {
  params: Record<string, unknown>;
  vocabulary: string[];
  train: number[][];
  test: number[][];
  idf?: number[];
}

for (const [name, c] of Object.entries(F.count as Record<string, VecCase>)) {
  test(`CountVectorizer '${name}' matches scikit-learn`, () => {
    const cv = new CountVectorizer(c.params);
    assert.deepEqual(cv.fitTransform(docs).toArray(), c.train);
    assert.deepEqual(cv.vocabulary, c.vocabulary);
    assert.deepEqual(cv.featureNamesOut(), c.vocabulary);
    assert.deepEqual(cv.transform(docsNew).toArray(), c.test);
    assert.deepEqual(new CountVectorizer(c.params).fit(docs).transform(docs).toArray(), c.train);
  });
}

for (const [name, c] of Object.entries(F.tfidf as Record<string, VecCase>)) {
  test(`TfidfVectorizer '${name}' matches scikit-learn`, () => {
    const tv = new TfidfVectorizer(c.params);
    assertClose(tv.fitTransform(docs), c.train, { rtol: 1e-12, atol: 1e-15 });
    assert.deepEqual(tv.vocabulary, c.vocabulary);
    assertClose(tv.transform(docsNew), c.test, { rtol: 1e-12, atol: 1e-15 });
    if (c.idf) assertClose(tv.idf!, c.idf, { rtol: 1e-14 });
    else assert.equal(tv.idf, null);
  });
}

test('TfidfTransformer on counts matches scikit-learn (sublinear tf)', () => {
  const t = F.tfidf_transformer;
  const tt = new TfidfTransformer({ sublinearTf: true }).fit(t.counts);
  assertClose(tt.idf!, t.idf, { rtol: 1e-14 });
  assertClose(tt.transform(t.counts), t.train, { rtol: 1e-12, atol: 1e-15 });
});

test('TfidfVectorizer is a ColumnTransformer step on one text column of a table', () => {
  const c = F.column_transformer;
  const ct = new ColumnTransformer({
    transformers: [['num', new StandardScaler(), ['n']], ['text', new TfidfVectorizer({ maxFeatures: 7 }), ['note']]],
  });
  assertClose(ct.fitTransform(c.rows), c.train, { rtol: 1e-12, atol: 1e-15 });
  assertClose(ct.transform(c.rows_new), c.test, { rtol: 1e-12, atol: 1e-15 });
  assert.deepEqual(ct.featureNamesOut(), c.names);
  const json = JSON.stringify(ct.toJSON());
  const back = Estimator.fromJSON<ColumnTransformer>(JSON.parse(json));
  assert.equal(JSON.stringify(back.toJSON()), json);
  assert.deepEqual(back.transform(c.rows_new).toArray(), ct.transform(c.rows_new).toArray());
});

test('missing documents are an error that names the row and the fix; an imputer step handles them', () => {
  const rows = [{ note: 'good dog' }, { note: null }, { note: 'bad cat' }];
  assert.throws(() => new TfidfVectorizer().fit(rows), (e: Error) => e instanceof DataError && /null at row 1/.test(e.message) && /SimpleImputer/.test(e.message));
  const pipe = new Pipeline({ steps: [['fill', new SimpleImputer({ strategy: 'constant', fillValue: '' })], ['tfidf', new TfidfVectorizer()]] });
  pipe.fit(rows);
  const out = (pipe as unknown as { transform(x: unknown): { toArray(): number[][] } }).transform(rows).toArray();
  assert.deepEqual(out[1], [0, 0, 0, 0]);
  assert.deepEqual(out[0]!.map((v) => v > 0), [false, false, true, true]); // bad, cat, dog, good
});

test('vectorizer parameters are checked with messages that say what is allowed', () => {
  assert.throws(() => new CountVectorizer({ ngramRange: [2, 1] }).fit(docs), (e: Error) => e instanceof ParamError && /ngramRange/.test(e.message));
  assert.throws(() => new CountVectorizer({ minDf: 5, maxDf: 2 }).fit(docs), /maxDf \(2\) allows fewer documents than minDf \(5\)/);
  assert.throws(() => new CountVectorizer({ minDf: 1.5 }).fit(docs), /minDf must be an integer count/);
  assert.throws(() => new CountVectorizer({ minDf: 11 }).fit(docs), /no terms remain/);
  assert.throws(() => new CountVectorizer().fit(['a b', 'c']), /empty vocabulary/);
  assert.throws(() => new TfidfVectorizer({ norm: 'l3' as never }).fit(docs), /norm must be 'l1', 'l2' or null/);
  assert.throws(() => new CountVectorizer({ vocabulary: ['a', 'a'] }).fit(docs), /lists 'a' twice/);
  assert.throws(() => new CountVectorizer().fit([{ a: 'x y', b: 'z w' }]), (e: Error) => e instanceof DataError && /one column of documents/.test(e.message));
  assert.throws(() => new TfidfTransformer().fit([[1, -1]]), /negative count/);
});

test('maxFeatures keeps the most frequent terms, ties broken by vocabulary order', () => {
  const cv = new CountVectorizer({ maxFeatures: 2 }).fit(['pear fig kiwi', 'kiwi', 'fig']);
  assert.deepEqual(cv.vocabulary, ['fig', 'kiwi']);
});

test('token patterns use Python syntax with Unicode word characters', () => {
  const re = compileTokenPattern('(?u)\\b\\w\\w+\\b');
  assert.deepEqual('Straße déjà-vu a_b 3.14 x'.match(re), ['Straße', 'déjà', 'vu', 'a_b', '14']);
  assert.deepEqual('ab-cd ef'.match(compileTokenPattern('[\\w-]+')), ['ab-cd', 'ef']);
  const grouped = new CountVectorizer({ tokenPattern: '#(\\w+)' }).fit(['#red and #blue', '#red']);
  assert.deepEqual(grouped.vocabulary, ['blue', 'red']);
  assert.deepEqual('aa-aa ab-cd'.match(compileTokenPattern('(?P<w>\\w+)-(?P=w)')), ['aa-aa']);
  assert.throws(() => compileTokenPattern('(?u)[\\w'), (e: Error) => e instanceof ParamError && /not a valid regular expression/.test(e.message));
});

// Contract suite: documents given as a one-column matrix (numbers are read as their text).
const codes = { X: [[1234], [56], [1234], [789], [56], [9001], [42], [56]] };
checkEstimator(() => new CountVectorizer(), codes);
checkEstimator(() => new TfidfVectorizer({ ngramRange: [1, 2], sublinearTf: true }), codes);
checkEstimator(() => new TfidfTransformer(), { X: [[3, 0, 1], [2, 0, 0], [3, 0, 0], [4, 0, 0], [3, 2, 0], [3, 0, 2]] });
