import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFrame } from '../frame/index.js';
import { DataError, Estimator, type Pipeline, ParamError, VotingClassifier } from '../learn/index.js';
import { type NdArray, random } from '../tensor/index.js';
import { auditDataset, autoML, greedyEnsemble, portfolio, resolveMetric } from './index.js';
import { nestedSelection } from './ensemble-selection.js';
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

test('the nested check scores the blend and the single best on rows neither was chosen on', () => {
  // Truth is 0 everywhere. A says +1, B says −1, C says 0.5: C is the best single model (RMSE 0.5 on any rows),
  // and greedy selection on either half finds C, C+B (−0.25), C+B+C (0), which is exact on the other half too.
  const truth = new Array(8).fill(0);
  const A = new Float64Array(8).fill(1);
  const B = new Float64Array(8).fill(-1);
  const C = new Float64Array(8).fill(0.5);
  const folds = [Int32Array.from([0, 2, 4, 6]), Int32Array.from([1, 3, 5, 7])];
  const rmse = resolveMetric('rmse', 'regression');
  const r = nestedSelection([{ oof: A }, { oof: B }, { oof: C }], folds, truth, null, rmse);
  assert.deepEqual(r.single, [0.5, 0.5]);
  r.ensemble.forEach((e) => assert.ok(Math.abs(e) < 1e-12, `ensemble rmse ${e}`));
  // A candidate that is right only on the rows it would be chosen on loses on the held-out rows:
  // D is exact on fold 0 and off by 2 on fold 1; chosen on fold 0 it scores 2 on fold 1, while C scores 0.5 throughout.
  const D = Float64Array.from([0, 2, 0, 2, 0, 2, 0, 2]);
  const s = nestedSelection([{ oof: C }, { oof: D }], folds, truth, null, rmse, 1);
  assert.deepEqual(s.single, [0.5, 2]);
  assert.deepEqual(s.ensemble, s.single, 'one round of greedy selection is the single best');
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
  const r = await autoML(df, { target: 'cls', timeBudgetSeconds: 600, maxTrials: 8, cv: 3, seed: 5, metric: 'log_loss', models: ['naive-bayes', 'random-forest'] });
  assert.equal(r.metric, 'log_loss');
  const scores = r.leaderboard.map((e) => e.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
  assert.equal(r.best.model, 'voting-classifier');
  const ensemble = r.leaderboard[0]!;
  assert.ok(ensemble.score < r.leaderboard[1]!.score);
  assert.match(ensemble.notes!, /in a nested check \(choices made without the scored fold\) the ensemble scored [\d.]+ against [\d.]+/);
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
  // k-NN adds nothing to ridge on a linear target: the blend does not pass the nested check, and the notes say so.
  assert.equal(r.best.model, 'ridge');
  assert.ok(r.notes.some((n) => /ensemble of \d+ trials was not used: in a nested check/.test(n)), r.notes.join('; '));
  assert.equal((r.pipeline.predict(df.head(3)) as NdArray).shape[0], 3);
});

test('without cv, 5 folds, or 3 when rows × encoded columns is large for the budget (FLAML\'s rule)', async () => {
  const df = frame(150, 3);
  // 150 rows × 6 encoded columns (x1, x2, amount, 3 shades) = 900 cells; 5 folds while cells < 0.9e7 · budget / 3600.
  const roomy = await autoML(df, { target: 'cls', timeBudgetSeconds: 600, maxTrials: 2, models: ['linear', 'naive-bayes'] });
  assert.ok(roomy.leaderboard.every((e) => e.folds.length === 5));
  assert.ok(!roomy.notes.some((n) => /3-fold/.test(n)));
  const tight = await autoML(df, { target: 'cls', timeBudgetSeconds: 0.3, maxTrials: 2, models: ['linear', 'naive-bayes'] });
  assert.ok(tight.leaderboard.every((e) => e.folds.length === 3));
  assert.ok(tight.notes.some((n) => /^used 3-fold cross-validation: 150 rows × 6 encoded columns is large for a 0.3 s budget/.test(n)), tight.notes.join('; '));
  const chosen = await autoML(df, { target: 'cls', timeBudgetSeconds: 0.3, maxTrials: 2, cv: 4, models: ['linear', 'naive-bayes'] });
  assert.ok(chosen.leaderboard.every((e) => e.folds.length === 4), 'an explicit cv wins');
});

test('bad options are ParamErrors that list the valid values', async () => {
  const df = frame(40);
  await assert.rejects(autoML(df, { target: 'cls', metric: 'r2' }), (e: Error) => e instanceof ParamError && /accuracy, balanced_accuracy, f1_macro, roc_auc, log_loss/.test(e.message));
  await assert.rejects(autoML(df, { target: 'cls', models: ['svm'] }), (e: Error) => e instanceof ParamError && /no classification model 'svm'/.test(e.message));
  await assert.rejects(autoML(df, { target: 'cls', cv: 1 }), /cv must be an integer of at least 2/);
});
