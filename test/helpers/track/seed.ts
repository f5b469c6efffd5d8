/**
 * A tracking store seeded by real work, for the server and browser tests: `strata train` on the
 * penguins data (a finished run with fold scores, plots, dataset fingerprints and a registered
 * model) and a logistic regression fitted with `{ run }` (its loss curve, one point per iteration,
 * and its ROC curve and confusion matrix as JSON artifacts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogisticRegression, confusionMatrix, rocCurve } from '../../../src/learn/index.js';
import { openStore, startRun, type TrackingStore } from '../../../src/track/index.js';
import { runCli } from '../cli.js';

export interface SeededStore {
  dir: string;
  uri: string;
  store: TrackingStore;
  /** The `strata train` run (registered as `penguins` version 1). */
  trainRunId: string;
  /** The run whose `loss` curve a fit logged. */
  curveRunId: string;
  modelPath: string;
}

/** Two-class data on a line with noise, deterministic. */
export function curveData(n = 200): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.sin(i * 12.9898) * 43758.5453;
    const noise = a - Math.floor(a) - 0.5;
    const x1 = (i % 20) / 10 - 1;
    const x2 = ((i * 7) % 13) / 6.5 - 1;
    X.push([x1, x2]);
    y.push(x1 + 0.5 * x2 + noise > 0 ? 1 : 0);
  }
  return { X, y };
}

export async function seedStore(): Promise<SeededStore> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-ui-'));
  const uri = `sqlite:${join(dir, 'strata.db')}`;
  const modelPath = join(dir, 'penguins.json');
  const r = await runCli(['train', 'data/penguins.csv', '--target', 'species', '--model', 'logistic-regression', '--cv', '3',
    '--register', 'penguins', '--store', uri, '--save', modelPath, '--json']);
  if (r.code !== 0) throw new Error(`strata train failed: ${r.stderr}`);
  const trainRunId = (JSON.parse(r.stdout) as { run_id: string }).run_id;
  const store = await openStore(uri);
  const run = await startRun(store, { experiment: 'curves', name: 'logreg-curve', seed: 1, tags: { team: 'a' } });
  const { X, y } = curveData();
  run.logParams({ model: 'logistic-regression', C: 1 });
  const model = new LogisticRegression({ C: 1, solver: 'fista', maxIter: 150, tol: 1e-12 }).fit(X, y, { run });
  const roc = rocCurve(y, Array.from(model.predictProba(X).toFloat64Array()).filter((_, i) => i % 2 === 1));
  await run.logJSON('eval/roc.json', { fpr: Array.from(roc.fpr), tpr: Array.from(roc.tpr) });
  await run.logJSON('eval/confusion.json', confusionMatrix(y, Array.from(model.predict(X) as ArrayLike<number>)));
  await run.end();
  return { dir, uri, store, trainRunId, curveRunId: run.id, modelPath };
}
