/**
 * The contract every TrackingStore passes (SQLite, PostgreSQL, …): one suite, run by each
 * store's test file with its own factory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogisticRegression } from '../../../src/learn/linear/logistic-regression.js';
import { DataFrame } from '../../../src/frame/index.js';
import { InvalidInputError, ModelNotFoundError, RunNotFoundError } from '../../../src/track/errors.js';
import { fingerprintFile, fingerprintFrame } from '../../../src/track/fingerprint.js';
import { recordTraining } from '../../../src/track/record-training.js';
import { Run, startRun, withRun } from '../../../src/track/run.js';
import type { TrackingStore } from '../../../src/track/store/store.js';

/** A pid that no process holds: the pid of a child that has already exited. */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

export function runStoreSuite(label: string, makeStore: () => Promise<TrackingStore>): void {
  const use = async (fn: (s: TrackingStore) => Promise<void>): Promise<void> => {
    const s = await makeStore();
    try {
      await fn(s);
    } finally {
      await s.close();
    }
  };

  test(`${label}: experiments are created once by name`, () => use(async (s) => {
    const a = await s.getOrCreateExperiment('iris');
    const b = await s.getOrCreateExperiment('iris');
    assert.equal(a.id, b.id);
    await s.getOrCreateExperiment('wine');
    assert.deepEqual((await s.listExperiments()).map((e) => e.name).sort(), ['iris', 'wine']);
  }));

  test(`${label}: a run's lifecycle, params, tags, nested runs and metric series (NaN kept)`, () => use(async (s) => {
    const exp = await s.getOrCreateExperiment('e');
    const parent = await s.createRun({ experimentId: exp.id, name: 'sweep', seed: 7, source: 'test', tags: { team: 'ml' } });
    assert.equal(parent.status, 'running');
    assert.equal(parent.endTime, null);
    assert.equal(parent.seed, 7);
    assert.equal(parent.experimentName, 'e');
    const child = await s.createRun({ experimentId: exp.id, parentRunId: parent.id });
    assert.equal(child.parentRunId, parent.id);
    assert.deepEqual((await s.searchRuns({ parentRunId: parent.id })).map((r) => r.id), [child.id]);

    const t0 = 1_700_000_000_000;
    await s.logBatch(child.id, {
      params: { alpha: 0.5, solver: 'lbfgs', layers: [64, 32] },
      tags: { note: 'first' },
      metrics: [
        { key: 'loss', value: 1.5, step: 0, time: t0 },
        { key: 'loss', value: NaN, step: 1, time: t0 + 1 },
        { key: 'loss', value: 0.25, step: 2, time: t0 + 2 },
        { key: 'acc', value: Infinity, step: 0, time: t0 },
      ],
    });
    await s.logParam(child.id, 'alpha', 0.75);
    await s.setTag(child.id, 'note', 'second');
    await s.logMetric(child.id, 'acc', -Infinity, 5);
    const rec = await s.getRun(child.id);
    assert.deepEqual(rec.params, { alpha: '0.75', layers: '[64,32]', solver: 'lbfgs' });
    assert.deepEqual(rec.tags, { note: 'second' });
    assert.equal(rec.metrics.loss!.value, 0.25);
    assert.equal(rec.metrics.loss!.step, 2);
    assert.equal(rec.metrics.acc!.value, -Infinity);
    const hist = await s.getMetricHistory(child.id, 'loss');
    assert.deepEqual(hist.map((p) => p.step), [0, 1, 2]);
    assert.ok(Number.isNaN(hist[1]!.value), 'NaN is stored and returned as NaN');
    assert.deepEqual(hist.map((p) => p.time), [t0, t0 + 1, t0 + 2]);

    await s.setRunStatus(child.id, 'finished', t0 + 10);
    const done = await s.getRun(child.id);
    assert.equal(done.status, 'finished');
    assert.equal(done.endTime, t0 + 10);
    await s.setRunStatus(parent.id, 'killed');
    assert.equal((await s.getRun(parent.id)).status, 'killed');
    assert.deepEqual((await s.searchRuns({ status: 'killed' })).map((r) => r.id), [parent.id]);
    assert.equal((await s.searchRuns({ experiment: 'e', limit: 1 })).length, 1);
    assert.equal((await s.searchRuns({ experiment: 'nope' })).length, 0);
  }));

  test(`${label}: a batch is all-or-nothing and bad input says what to fix`, () => use(async (s) => {
    const exp = await s.getOrCreateExperiment('e');
    const run = await s.createRun({ experimentId: exp.id });
    await assert.rejects(
      s.logBatch(run.id, { metrics: [{ key: 'ok', value: 1, step: 0, time: 0 }, { key: 'loss', value: '0.5' as unknown as number, step: 1, time: 0 }] }),
      (e: Error) => e instanceof InvalidInputError && /Metric 'loss' must be a number, got string '0.5'/.test(e.message),
    );
    assert.deepEqual(await s.getMetricHistory(run.id, 'ok'), [], 'nothing of the rejected batch was written');
    await assert.rejects(s.logMetric(run.id, 'bad\u0000key', 1), /Metric key .* has characters/);
    await assert.rejects(s.logMetric(run.id, 'x', 1, 1.5), /step must be an integer/);
    await assert.rejects(s.getRun('no-such-run'), (e: Error) => e instanceof RunNotFoundError && /Run 'no-such-run' not found/.test(e.message));
    await assert.rejects(s.logMetric('no-such-run', 'x', 1), RunNotFoundError);
    await assert.rejects(s.setRunStatus(run.id, 'done' as never), /not one of running, finished, failed, killed/);
    await assert.rejects(s.createRun({ experimentId: 'nope' }), /Experiment 'nope' does not exist/);
    await assert.rejects(s.createRun({ experimentId: exp.id, parentRunId: 'ghost' }), RunNotFoundError);
    // Through a Run (what fit logs through): rejected at the call, before anything is buffered.
    const live = await startRun(s, {});
    assert.throws(() => live.logMetric('acc', 'high' as unknown as number, 1), /Metric 'acc' must be a number, got string 'high'/);
    assert.throws(() => live.logMetrics({ a: null as unknown as number }), /Metric 'a' must be a number, got null/);
    assert.throws(() => live.logParams({ f: () => 1 }), /Param 'f' \(a function\) cannot be stored/);
    await live.end();
    // A write that fails in the background surfaces at the next flush.
    const ghost = new Run(s, { ...(await s.getRun(live.id)), id: 'ghost-run' });
    ghost.logMetric('x', 1);
    await assert.rejects(ghost.flush(), RunNotFoundError);
  }));

  test(`${label}: artifacts are content-addressed, names cannot traverse paths`, () => use(async (s) => {
    const exp = await s.getOrCreateExperiment('e');
    const run = await startRun(s, { experiment: exp.name });
    const a = await run.logJSON('plots/roc.json', { fpr: [0, 1], tpr: [0, 1] });
    const b = await run.logText('notes.txt', JSON.stringify({ fpr: [0, 1], tpr: [0, 1] }, null, 2));
    assert.equal(a.digest, b.digest, 'same content → same digest, stored once');
    assert.equal(JSON.parse(s.artifacts.read(a.digest).toString()).tpr[1], 1);
    const list = await s.listArtifacts(run.id);
    assert.deepEqual(list.map((x) => [x.name, x.mediaType]), [['notes.txt', 'text/plain'], ['plots/roc.json', 'application/json']]);
    for (const bad of ['../escape', '/etc/passwd', 'a/../../b', 'a\\b', 'x/./y', '', 'a//b']) {
      await assert.rejects(run.logText(bad, 'x'), InvalidInputError, `rejects ${JSON.stringify(bad)}`);
      await assert.rejects(s.recordArtifact(run.id, bad, a.digest, 1, 'text/plain'), InvalidInputError);
    }
    await assert.rejects(run.logText('a'.repeat(300), 'x'), /is 300 characters; keep names to 255/);
    await assert.rejects(s.recordArtifact(run.id, 'x', 'f'.repeat(64), 1, 'text/plain'), /is not in/);
    await run.end();
  }));

  test(`${label}: dataset fingerprints of a file and of a frame`, () => use(async (s) => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-fp-'));
    const file = join(dir, 'd.csv');
    writeFileSync(file, 'x,y\n1,2\n');
    const run = await startRun(s, {});
    const fp = fingerprintFile(file);
    assert.equal(fp.digest, createHash('sha256').update('x,y\n1,2\n').digest('hex'));
    await run.logDataset('train', fp);
    const df = DataFrame.fromColumns({ x: [1, 2, 3], s: ['a', 'b', 'c'] });
    const f1 = fingerprintFrame(df);
    assert.equal(f1.digest, fingerprintFrame(DataFrame.fromColumns({ x: [1, 2, 3], s: ['a', 'b', 'c'] })).digest, 'deterministic');
    assert.notEqual(f1.digest, fingerprintFrame(DataFrame.fromColumns({ x: [1, 2, 4], s: ['a', 'b', 'c'] })).digest);
    assert.deepEqual(f1.schema!.map((c) => c.name), ['x', 's']);
    assert.equal(f1.rows, 3);
    await run.logDataset('frame', f1);
    const ds = await s.listDatasets(run.id);
    assert.deepEqual(ds.map((d) => [d.name, d.kind]), [['frame', 'arrow-ipc'], ['train', 'file']]);
    assert.deepEqual(ds[0]!.schema, f1.schema);
    assert.throws(() => fingerprintFile(join(dir, 'missing.csv')), /cannot be read/);
    await run.end();
  }));

  test(`${label}: model.fit(X, y, { run }) logs params and the training curve`, () => use(async (s) => {
    const X = [[0, 1], [1, 0], [2, 1], [3, 0], [0, 2], [1, 3], [2, 4], [3, 3]];
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const run = await startRun(s, { experiment: 'curves', systemMetrics: { intervalMs: 1000 } });
    new LogisticRegression({ C: 1 }).fit(X, y, { run });
    await run.end();
    const rec = await s.getRun(run.id);
    assert.equal(rec.status, 'finished');
    assert.equal(rec.params.model, 'logistic-regression');
    const lossKey = Object.keys(rec.metrics).find((k) => k.startsWith('loss'))!;
    const curve = await s.getMetricHistory(run.id, lossKey);
    assert.ok(curve.length > 2, `curve has ${curve.length} points`);
    assert.ok(curve[curve.length - 1]!.value < curve[0]!.value, 'loss goes down');
    assert.ok(rec.metrics['system/memory_rss_mb']!.value > 1);
    assert.ok((await s.getMetricHistory(run.id, 'system/cpu_percent')).length >= 2);
    assert.throws(() => run.logMetric('late', 1), /has ended/);
    assert.throws(() => new LogisticRegression().fit(X, y, { run }), /has ended/);
  }));

  test(`${label}: withRun marks a throwing job failed; reapStaleRuns fails runs of dead processes only`, () => use(async (s) => {
    let id = '';
    await assert.rejects(withRun(s, {}, (run) => { id = run.id; throw new Error('boom'); }), /boom/);
    assert.equal((await s.getRun(id)).status, 'failed');
    const exp = await s.getOrCreateExperiment('Default');
    const dead = await s.createRun({ experimentId: exp.id, pid: deadPid() });
    const alive = await s.createRun({ experimentId: exp.id });
    const elsewhere = await s.createRun({ experimentId: exp.id, pid: deadPid(), host: 'another-host' });
    assert.deepEqual(await s.reapStaleRuns(), [dead.id]);
    const r = await s.getRun(dead.id);
    assert.equal(r.status, 'failed');
    assert.ok(r.endTime !== null);
    assert.match(r.tags['strata.failure']!, /ended without ending the run/);
    assert.equal((await s.getRun(alive.id)).status, 'running');
    assert.equal((await s.getRun(elsewhere.id)).status, 'running', 'runs of other hosts are left alone');
  }));

  test(`${label}: registry versions, aliases and NAME / NAME:VERSION / NAME@ALIAS`, () => use(async (s) => {
    const run = await startRun(s, {});
    const sig = { inputs: [{ name: 'x', type: 'float64' }], outputs: [{ name: 'prediction', type: 'string' }] };
    const v1 = await s.createModelVersion('churn', { runId: run.id, modelBytes: new TextEncoder().encode('{"m":1}'), signature: sig, datasetDigest: 'a'.repeat(64) });
    assert.equal(v1.version, 1);
    assert.deepEqual(v1.signature, sig);
    assert.equal(v1.runId, run.id);
    assert.equal(s.artifacts.read(v1.artifactDigest!).toString(), '{"m":1}');
    // Concurrent registrations get distinct consecutive versions.
    const more = await Promise.all([0, 1, 2, 3].map((i) => s.createModelVersion('churn', { modelBytes: new TextEncoder().encode(`{"m":${i + 2}}`) })));
    assert.deepEqual(more.map((m) => m.version).sort(), [2, 3, 4, 5]);
    await s.setAlias('churn', 'production', 2);
    await s.setAlias('churn', 'staging', 5);
    assert.equal((await s.resolveModel('churn@production')).version, 2);
    await s.setAlias('churn', 'production', 4); // moves
    assert.equal((await s.resolveModel('churn@production')).version, 4);
    assert.deepEqual((await s.resolveModel('churn:4')).aliases, ['production']);
    assert.equal((await s.resolveModel('churn')).version, 5);
    assert.equal((await s.resolveModel('churn:1')).datasetDigest, 'a'.repeat(64));
    const m = await s.getRegisteredModel('churn');
    assert.deepEqual(m.aliases, { production: 4, staging: 5 });
    assert.equal(m.latestVersion, 5);
    assert.deepEqual((await s.listModelVersions('churn')).map((v) => v.version), [1, 2, 3, 4, 5]);
    await s.createRegisteredModel('empty');
    assert.deepEqual((await s.listRegisteredModels()).map((r) => r.name), ['churn', 'empty']);
    await s.deleteAlias('churn', 'staging');
    await assert.rejects(s.resolveModel('churn@staging'), (e: Error) => e instanceof ModelNotFoundError && /no alias 'staging'; its aliases: production/.test(e.message));
    await assert.rejects(s.resolveModel('churn:9'), /has no version 9; its versions are 1..5/);
    await assert.rejects(s.resolveModel('nope'), /Registered model 'nope' not found .*registered models: churn, empty/);
    await assert.rejects(s.resolveModel('empty'), /has no versions yet/);
    await assert.rejects(s.resolveModel('churn:0'), /must be a positive integer/);
    await assert.rejects(s.setAlias('churn', 'production', 42), /has no version 42/);
    await assert.rejects(s.setAlias('churn', '3', 1), /all digits/);
    await assert.rejects(s.createModelVersion('bad name!', {}), /must be 1–200 letters/);
    await run.end();
  }));

  test(`${label}: recordTraining logs a whole training job and registers the model`, () => use(async (s) => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-rec-'));
    const data = join(dir, 'train.csv');
    const modelFile = join(dir, 'ridge.json');
    writeFileSync(data, 'x,y\n1,2\n2,4\n');
    writeFileSync(modelFile, '{"format":"strata-model"}');
    const { runId, version } = await recordTraining(s, {
      experiment: 'cli', model: 'ridge', params: { alpha: 1 }, metric: 'r2', folds: [0.9, 0.95, 0.92], metrics: { r2_mean: 0.9233 },
      datasetPath: data, dataset: DataFrame.fromColumns({ x: [1, 2], y: [2, 4] }), modelFile, register: 'prices', seed: 3,
    });
    assert.equal(version, 1);
    const rec = await s.getRun(runId);
    assert.equal(rec.status, 'finished');
    assert.equal(rec.experimentName, 'cli');
    assert.equal(rec.seed, 3);
    assert.deepEqual(rec.params, { alpha: '1', model: 'ridge' });
    assert.deepEqual((await s.getMetricHistory(runId, 'fold_r2')).map((p) => p.value), [0.9, 0.95, 0.92]);
    assert.equal(rec.metrics.r2_mean!.value, 0.9233);
    assert.equal(rec.tags.registered_model, 'prices:1');
    const mv = await s.resolveModel('prices');
    assert.equal(mv.runId, runId);
    assert.equal(mv.datasetDigest, fingerprintFile(data).digest, 'lineage: model version → dataset');
    assert.equal(s.artifacts.read(mv.artifactDigest!).toString(), '{"format":"strata-model"}');
    assert.deepEqual((await s.listArtifacts(runId)).map((a) => a.name), ['model/ridge.json']);
    const ds = await s.listDatasets(runId);
    assert.deepEqual(ds.map((d) => d.name), ['training', 'training-frame']);
    assert.deepEqual(ds[0]!.schema!.map((c) => c.name), ['x', 'y']);
    await assert.rejects(recordTraining(s, { model: 'ridge', register: 'x' }), /needs modelFile/);
  }));

  test(`${label}: queryRuns filters with the filter language (AND, OR, IN, LIKE, NOT), sorts by any column and pages`, () => use(async (s) => {
    const a = await s.getOrCreateExperiment('table');
    const b = await s.getOrCreateExperiment('other');
    const t0 = 1_700_000_000_000;
    const specs = [
      { name: 'r0', model: 'ridge', alpha: '0.1', team: 'a', acc: [0.5, 0.95] },
      { name: 'r1', model: 'ridge', alpha: '10', team: 'b', acc: [0.8] },
      { name: 'r2', model: 'lasso', alpha: '2', team: 'c', acc: [0.99, NaN] },
      { name: 'r3', model: 'Ridge-cv', alpha: 'auto', team: 'a', acc: [0.7] },
      { name: 'r4', model: 'lasso', alpha: '0.5', team: 'b', acc: [] as number[] },
    ];
    const ids: Record<string, string> = {};
    for (const [i, sp] of specs.entries()) {
      const run = await s.createRun({ experimentId: a.id, name: sp.name, startTime: t0 + i * 1000, tags: { team: sp.team } });
      ids[sp.name] = run.id;
      await s.logBatch(run.id, { params: { model: sp.model, alpha: sp.alpha }, metrics: sp.acc.map((v, step) => ({ key: 'acc', value: v, step, time: t0 + step })) });
    }
    await s.setRunStatus(ids.r1!, 'failed');
    const elsewhere = await s.createRun({ experimentId: b.id, name: 'x', startTime: t0 + 9000 });
    await s.logBatch(elsewhere.id, { params: { model: 'ridge' }, metrics: [{ key: 'acc', value: 0.99, step: 0, time: t0 }] });

    const names = async (filter: string, extra: Parameters<TrackingStore['queryRuns']>[0] = {}): Promise<string[]> =>
      (await s.queryRuns({ experiments: ['table'], filter, ...extra })).runs.map((r) => r.name);
    // newest first by default
    assert.deepEqual(await names(''), ['r4', 'r3', 'r2', 'r1', 'r0']);
    // the latest metric value counts (r0: 0.95; r2's latest is NaN, which matches no comparison)
    assert.deepEqual(await names('metrics.acc > 0.9'), ['r0']);
    assert.deepEqual(await names("metrics.acc > 0.6 AND (params.model = 'ridge' OR tags.team IN ('a', 'c'))"), ['r3', 'r1', 'r0']);
    assert.deepEqual(await names("metrics.acc > 0.6 AND params.model = 'ridge' OR tags.team IN ('a', 'c')"), ['r3', 'r2', 'r1', 'r0']);
    // params compared with numbers read as numbers ('10' > '2' numerically, 'auto' is not a number)
    assert.deepEqual(await names('params.alpha >= 2'), ['r2', 'r1']);
    assert.deepEqual(await names('params.alpha IN (0.1, 0.5)'), ['r4', 'r0']);
    assert.deepEqual(await names("params.alpha = 'auto'"), ['r3']);
    // LIKE is case-sensitive, ILIKE is not
    assert.deepEqual(await names("params.model LIKE 'ridge%'"), ['r1', 'r0']);
    assert.deepEqual(await names("params.model ILIKE 'ridge%'"), ['r3', 'r1', 'r0']);
    assert.deepEqual(await names("NOT params.model LIKE 'r%'"), ['r4', 'r3', 'r2']);
    assert.deepEqual(await names("tags.team NOT IN ('a')"), ['r4', 'r2', 'r1']);
    assert.deepEqual(await names("attributes.status = 'failed' OR name = 'r4'"), ['r4', 'r1']);
    assert.deepEqual(await names(`attributes.start_time >= ${t0 + 2500}`), ['r4', 'r3']);
    // injection attempts are only values
    assert.deepEqual(await names("params.model = 'x'' OR 1=1 --'"), []);
    assert.equal((await s.queryRuns({ filter: "params.model = 'ridge'" })).total, 3, 'all experiments when none is named');

    // sort by a metric (missing last), by a param numerically, then page
    const byAcc = await s.queryRuns({ experiments: ['table'], orderBy: [{ column: { kind: 'metric', key: 'acc' }, descending: true }] });
    assert.deepEqual(byAcc.runs.map((r) => r.name), ['r0', 'r1', 'r3', 'r4', 'r2'], 'no value (r4) and NaN (r2) go last, newest first');
    const byAlpha = await s.queryRuns({ experiments: ['table'], orderBy: [{ column: { kind: 'param', key: 'alpha' }, descending: false }] });
    assert.deepEqual(byAlpha.runs.map((r) => r.name), ['r0', 'r4', 'r2', 'r1', 'r3']);
    const page = await s.queryRuns({ experiments: ['table'], orderBy: [{ column: { kind: 'param', key: 'alpha' }, descending: false }], limit: 2, offset: 2,
      columns: [{ kind: 'param', key: 'alpha' }, { kind: 'metric', key: 'acc' }, { kind: 'tag', key: 'team' }, { kind: 'param', key: 'missing' }] });
    assert.equal(page.total, 5);
    assert.deepEqual(page.runs.map((r) => r.name), ['r2', 'r1']);
    assert.equal(page.runs[0]!.values['params.alpha'], '2');
    assert.ok(Number.isNaN(page.runs[0]!.values['metrics.acc'] as number), 'the latest acc of r2 is NaN');
    assert.deepEqual(page.runs[1]!.values, { 'params.alpha': '10', 'metrics.acc': 0.8, 'tags.team': 'b' });
    await assert.rejects(s.queryRuns({ filter: 'metrics.acc >' }), /Filter error at position 14/);
    await assert.rejects(s.queryRuns({ limit: 0 }), /limit must be an integer/);

    assert.deepEqual(await s.listRunColumns(['table']), { params: ['alpha', 'model'], metrics: ['acc'], tags: ['team'] });
    assert.deepEqual((await s.listRunColumns()).params, ['alpha', 'model']);
    const summaries = await s.listMetricSummaries(ids.r0!);
    assert.deepEqual(summaries, [{ key: 'acc', count: 2, minStep: 0, maxStep: 1, lastTime: t0 + 1 }]);
    await assert.rejects(s.listMetricSummaries('nope'), RunNotFoundError);
  }));

  test(`${label}: listAllDatasets returns the dataset records of every run`, () => use(async (s) => {
    const exp = await s.getOrCreateExperiment('d');
    const r1 = await s.createRun({ experimentId: exp.id, startTime: 1 });
    const r2 = await s.createRun({ experimentId: exp.id, startTime: 2 });
    const fp = { digest: 'a'.repeat(64), kind: 'file' as const, size: 10, source: 'x.csv', rows: 3, schema: [{ name: 'x', type: 'float64' }] };
    await s.recordDataset(r1.id, 'training', fp);
    await s.recordDataset(r2.id, 'training', { ...fp, digest: 'b'.repeat(64), schema: null });
    const all = await s.listAllDatasets();
    assert.deepEqual(all.map((d) => [d.runId, d.digest[0]]), [[r2.id, 'b'], [r1.id, 'a']]);
    assert.deepEqual(all[1]!.schema, fp.schema);
  }));
}
