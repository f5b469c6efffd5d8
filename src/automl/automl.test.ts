import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFrame } from '../frame/index.js';
import { DataError, Estimator, type Pipeline, ParamError, VotingClassifier } from '../learn/index.js';
import { type NdArray, random } from '../tensor/index.js';
import { auditDataset, autoML, greedyEnsemble, portfolio, resolveMetric } from './index.js';
import { perturbConfig, sampleConfig } from './space.js';


/** Seeded rows: class 'hi' when 2·x1 − x2 (+1 for shade 'dark') + noise is positive; amount is a noisy linear target. */
function frame(n: number, seed = 1): DataFrame {
  const rng = random.defaultRng(seed);
  const x1: (number | null)[] = [], x2: number[] = [], shade: string[] = [], cls: string[] = [], amount: number[] = [], rowId: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal(), b = rng.normal();
    const s = ['dark', 'light', 'mid'][i % 3]!;
    x1.push(i % 17 === 3 ? null : a);
    x2.push(b);
    shade.push(s);
    cls.push(2 * a - b + (s === 'dark' ? 1 : 0) + 0.5 * rng.normal() > 0 ? 'hi' : 'lo');
    amount.push(3 * a - 2 * b + (s === 'dark' ? 2 : 0) + 0.3 * rng.normal());
    rowId.push(1000 + i);
  }
  return DataFrame.fromColumns({ row_id: rowId, x1, x2, shade, cls, amount });
}

test('the audit drops IDs, constants and leaky copies of the target, and says why', () => {
  const df = frame(60).assign({
    constant: new Array(60).fill(7),
    cls_code: (frame(60).column('cls').toArray() as string[]).map((c) => (c === 'hi' ? 'H' : 'L')),
  });
  const a = auditDataset(df, 'cls');
  assert.equal(a.task, 'classification');
  assert.deepEqual(a.dropped.map((d) => [d.column, d.reason]).sort(), [['cls_code', 'leak'], ['constant', 'constant'], ['row_id', 'id']]);
  assert.deepEqual([...a.X.columnNames], ['x1', 'x2', 'shade', 'amount']);
  assert.ok(a.notes.some((n) => /'row_id': an ID column/.test(n)));
  assert.ok(a.notes.some((n) => /'cls_code': it is a one-to-one relabelling of target 'cls'/.test(n)));
  const reg = auditDataset(df.assign({ amount_x2: (df.column('amount').toArray() as number[]).map((v) => 2 * v + 1) }), 'amount');
  assert.equal(reg.task, 'regression');
  assert.ok(reg.dropped.some((d) => d.column === 'amount_x2' && d.reason === 'leak'));
  assert.ok(!reg.dropped.some((d) => d.column === 'x1'), 'a merely correlated column is kept');
});

test('the audit rejects a missing target, a one-valued target and data without usable features', () => {
  const df = frame(30);
  assert.throws(() => auditDataset(df, 'clss'), (e: Error) => e instanceof DataError && /Column 'clss' not found; did you mean 'cls'\?/.test(e.message) && /--target/.test(e.message));
  assert.throws(() => auditDataset(df.assign({ one: new Array(30).fill('a') }), 'one'), (e: Error) => e instanceof DataError && /has only one value \("a"\)/.test(e.message));
  const noFeatures = DataFrame.fromColumns({ id: [1, 2, 3, 4, 5, 6], k: [0, 0, 0, 0, 0, 0], y: ['a', 'b', 'a', 'b', 'a', 'b'] });
  assert.throws(() => auditDataset(noFeatures, 'y'), (e: Error) => e instanceof DataError && /No usable feature columns/.test(e.message) && /'id': an ID column/.test(e.message) && /'k': constant/.test(e.message));
});

test('rows without a target value are dropped and reported', () => {
  const df = DataFrame.fromColumns({ x: [1, 2, 3, 4, 5, 6, 7, 8], y: [1.5, null, 3.1, 4.2, null, 6.8, 7.1, 8.4] });
  const a = auditDataset(df, 'y');
  assert.equal(a.y.length, 6);
  assert.match(a.notes[0]!, /dropped 2 rows with no value in target 'y'/);
});

test('greedy ensemble selection picks the blend a hand computation picks', () => {
  // Truth 0,0,1,1. A errs on row 2, B on row 1; their mean is right on every row (RMSE 0.25 each vs 0.5·√… alone).
  const truth = [0, 0, 1, 1];
  const A = Float64Array.from([0, 0, 0, 1]);
  const B = Float64Array.from([0, 1, 1, 1]);
  const C = Float64Array.from([0.5, 0.5, 0.5, 0.5]);
  const sel = greedyEnsemble([{ oof: A }, { oof: B }, { oof: C }], truth, null, resolveMetric('rmse', 'regression'), 4);
  // Round 1: A (RMSE 0.5, tie with B and C; first wins). Round 2: A+B → [0, .5, .5, 1], RMSE √(.125)=.3536, best.
  // Round 3 and 4 cannot beat 0.3536 (A,B,A → .3727·; A,B,A,B → same .3536 but not strictly better), so the best is {A:1, B:1}.
  assert.deepEqual(sel.counts, [1, 1, 0]);
  assert.ok(Math.abs(sel.score - Math.sqrt(0.125)) < 1e-12);
  assert.deepEqual(Array.from(sel.oof), [0, 0.5, 0.5, 1]);
});

test('search-space steps stay inside the bounds and sampling is seeded', () => {
  const gb = portfolio('classification').find((p) => p.name === 'gradient-boosting')!;
  const rng = random.defaultRng(3);
  for (let i = 0; i < 200; i++) {
    const c = perturbConfig(gb.space, gb.defaults, 0.5, rng);
    for (const [k, d] of Object.entries(gb.space)) {
      if (d.type === 'choice') continue;
      assert.ok((c[k] as number) >= d.low && (c[k] as number) <= d.high, `${k}=${c[k]}`);
      if (d.type === 'int') assert.ok(Number.isInteger(c[k]));
    }
  }
  assert.deepEqual(sampleConfig(gb.space, random.defaultRng(9)), sampleConfig(gb.space, random.defaultRng(9)));
});

test('autoML on a raw frame: a sorted leaderboard, a pipeline on raw columns, reproducible for a seed and trial count', async () => {
  const df = frame(150);
  const options = { target: 'cls', timeBudgetSeconds: 600, maxTrials: 8, cv: 3, seed: 4, models: ['linear', 'k-neighbors', 'naive-bayes'] };
  const trials: string[] = [];
  const r = await autoML(df, { ...options, onTrial: (t) => trials.push(`${t.id}:${t.estimator}:${t.status}`) });
  assert.equal(r.task, 'classification');
  assert.equal(r.metric, 'accuracy');
  assert.equal(r.trials, 8);
  assert.equal(trials.length, 8);
  assert.deepEqual(trials.slice(0, 3).map((t) => t.split(':')[1]), ['logistic-regression', 'gaussian-nb', 'k-neighbors-classifier']);
  const scores = r.leaderboard.map((e) => e.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  const selected = r.leaderboard.filter((e) => e.notes?.startsWith('selected'));
  assert.equal(selected.length, 1);
  assert.deepEqual(r.best, { model: selected[0]!.model, score: selected[0]!.score });
  if (selected[0] !== r.leaderboard[0]) {
    // Kept over a higher mean only when the gap is within one standard error (the 1-SE rule).
    const gap = r.leaderboard[0]!.score - selected[0]!.score;
    assert.ok(gap <= selected[0]!.std / Math.sqrt(3) + 1e-12, `gap ${gap}`);
    assert.ok(r.notes.some((n) => n.startsWith(`chose ${r.best.model}`)));
  }
  assert.ok(r.best.score > 0.8, `best accuracy ${r.best.score}`);
  r.leaderboard.forEach((e) => assert.ok(Math.abs(e.score - e.folds.reduce((a, b) => a + b, 0) / e.folds.length) < 1e-12));
  assert.ok(r.notes.some((n) => /'row_id': an ID column/.test(n)));
  assert.deepEqual(r.features, ['x1', 'x2', 'shade', 'amount']);
  const pred = r.pipeline.predict(df.head(20)) as string[];
  assert.equal(pred.length, 20);
  const truth = df.head(20).column('cls').toArray();
  assert.ok(pred.filter((p, i) => p === truth[i]).length >= 15);
  const again = await autoML(df, options);
  assert.deepEqual(again.leaderboard.map((e) => [e.model, e.score, e.params]), r.leaderboard.map((e) => [e.model, e.score, e.params]));
  const back = Estimator.fromJSON<Pipeline>(JSON.parse(JSON.stringify(r.pipeline.toJSON())));
  assert.deepEqual(back.predictProba(df).toArray(), r.pipeline.predictProba(df).toArray());
});

test('the greedy ensemble is saved as a VotingClassifier when it wins, and lower-is-better metrics sort ascending', async () => {
  const df = frame(180, 5);
  const r = await autoML(df, { target: 'cls', timeBudgetSeconds: 600, maxTrials: 8, cv: 3, seed: 5, metric: 'log_loss', models: ['naive-bayes', 'extra-trees', 'k-neighbors'] });
  assert.equal(r.metric, 'log_loss');
  const scores = r.leaderboard.map((e) => e.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
  assert.equal(r.best.model, 'voting-classifier');
  const ensemble = r.leaderboard[0]!;
  assert.ok(ensemble.score < r.leaderboard[1]!.score);
  const members = (ensemble.params as { members: { model: string; weight: number }[] }).members;
  assert.ok(members.length >= 2 && members.every((m) => m.weight >= 1));
  const final = r.pipeline.finalEstimator;
  assert.ok(final instanceof VotingClassifier);
  assert.equal(final.params.estimators.length, members.length);
  const back = Estimator.fromJSON<Pipeline>(JSON.parse(JSON.stringify(r.pipeline.toJSON())));
  assert.deepEqual(back.predictProba(df.head(30)).toArray(), r.pipeline.predictProba(df.head(30)).toArray());
});

test('regression: rmse near the noise floor (noise 0.3, plus rows with x1 imputed), predictions on the raw columns', async () => {
  const df = frame(120, 2);
  const r = await autoML(df.drop('cls'), { target: 'amount', metric: 'rmse', timeBudgetSeconds: 600, maxTrials: 4, cv: 3, models: ['linear', 'k-neighbors'] });
  assert.equal(r.task, 'regression');
  const ridge = r.leaderboard.find((e) => e.model === 'ridge')!;
  const knn = r.leaderboard.find((e) => e.model === 'k-neighbors-regressor')!;
  assert.ok(ridge.score < knn.score, 'a linear target: ridge has the lower RMSE');
  const scores = r.leaderboard.map((e) => e.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
  assert.ok(r.best.score < 1, `rmse ${r.best.score}`);
  assert.equal((r.pipeline.predict(df.head(3)) as NdArray).shape[0], 3);
});

test('bad options are ParamErrors that list the valid values', async () => {
  const df = frame(40);
  await assert.rejects(autoML(df, { target: 'cls', metric: 'r2' }), (e: Error) => e instanceof ParamError && /accuracy, balanced_accuracy, f1_macro, roc_auc, log_loss/.test(e.message));
  await assert.rejects(autoML(df, { target: 'cls', models: ['svm'] }), (e: Error) => e instanceof ParamError && /no classification model 'svm'/.test(e.message));
  await assert.rejects(autoML(df, { target: 'cls', cv: 1 }), /cv must be an integer of at least 2/);
});
