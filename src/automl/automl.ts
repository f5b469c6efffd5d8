/**
 * autoML: audit the data, build the preprocessing from its schema, search the portfolio within
 * the time budget on shared cross-validation folds, blend the best trials into a greedy
 * ensemble (kept only when a nested check on the out-of-fold predictions shows it beats the
 * best single trial), and refit the winner on every row as one pipeline that takes the raw columns.
 */
import type { DataFrame } from '../frame/index.js';
import {
  DataError, type Label, ParamError, encodeLabels, Pipeline, type StepEstimator, VotingClassifier, VotingRegressor,
} from '../learn/index.js';
import { auditDataset } from './audit.js';
import { greedyEnsemble, nestedSelection } from './ensemble-selection.js';
import { buildPreprocessing, makeFolds, prepareFolds } from './folds.js';
import { resolveMetric } from './metrics.js';
import { selectPortfolio } from './portfolio.js';
import { type SearchTrial, budgetedSearch } from './search.js';
import { toPredictions } from './trial.js';
import type { AutoMLMetric, AutoMLOptions, AutoMLTask, AutoMLProgress, AutoMLResult, LeaderboardEntry, TrialRecord } from './types.js';

/** Trials per model, and in all, that the ensemble may choose from. */
const POOL_PER_MODEL = 3;
const POOL_SIZE = 15;

const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const stdOf = (xs: readonly number[]): number => {
  const m = meanOf(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

function trialRecord(t: SearchTrial, metric: AutoMLMetric): TrialRecord {
  return {
    id: t.id, model: t.spec.name, estimator: t.spec.estimator, params: { ...t.config }, metric, score: t.mean, std: t.std,
    folds: [...t.outcome.folds], fitSeconds: t.outcome.fitSeconds, predictSeconds: t.outcome.predictSeconds,
    status: t.outcome.status, ...(t.outcome.error !== undefined ? { error: t.outcome.error } : {}),
  };
}

function outOfFold(oof: Float64Array, y: readonly Label[], classes: readonly Label[] | null): AutoMLResult['outOfFold'] {
  if (!classes) return { truth: [...y], predictions: Array.from(oof) };
  const k = classes.length;
  const p = toPredictions(oof, classes);
  const probabilities = Array.from({ length: y.length }, (_, i) => Array.from(oof.subarray(i * k, (i + 1) * k)));
  return { truth: [...y], predictions: p.labels!, probabilities, classes: [...classes] };
}

function checkOptions(options: AutoMLOptions): { budget: number; k: number | undefined; seed: number } {
  const budget = options.timeBudgetSeconds ?? 60;
  if (!(budget > 0) || !Number.isFinite(budget)) throw new ParamError(`timeBudgetSeconds must be a positive number of seconds, got ${budget}.`);
  const k = options.cv;
  if (k !== undefined && (!Number.isInteger(k) || k < 2)) throw new ParamError(`cv must be an integer of at least 2, got ${k}.`);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new ParamError(`seed must be a non-negative integer, got ${seed}.`);
  if (options.maxTrials !== undefined && !(Number.isInteger(options.maxTrials) && options.maxTrials >= 1)) {
    throw new ParamError(`maxTrials must be a positive integer, got ${options.maxTrials}.`);
  }
  return { budget, k, seed };
}

/**
 * Folds when `cv` is not given: 5, or 3 when the data is large for the budget, by FLAML's rule
 * (cross-validate while rows × columns / 0.9 stays under 10 million per hour of budget). On a
 * tight budget 3 folds cost about half as much per trial, so more of the portfolio gets evaluated.
 */
function defaultFolds(rows: number, columns: number, budget: number, notes: string[]): number {
  const cells = rows * columns;
  const affordable = (0.9 * 1e7 * budget) / 3600;
  if (cells < affordable) return 5;
  notes.push(`used 3-fold cross-validation: ${rows} rows × ${columns} encoded columns is large for a ${budget} s budget (5 folds below ${Math.round(affordable)} cells; set cv to choose)`);
  return 3;
}

/** Fewer folds when the rarest class has fewer than k rows (stratified folds need one of each class per fold). */
function usableFolds(task: AutoMLTask, y: readonly Label[], k: number, notes: string[]): number {
  if (task !== 'classification') return Math.min(k, y.length);
  const counts = new Map<Label, number>();
  for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rarest = Math.min(...counts.values());
  if (rarest >= k) return k;
  notes.push(`used ${rarest}-fold cross-validation: the rarest class has only ${rarest} rows`);
  return rarest;
}

/**
 * Searches for the best model for predicting `options.target` from the other columns of `data`
 * within `timeBudgetSeconds`, and returns a leaderboard and the winner fitted on all rows.
 *
 * @example
 * const r = await autoML(await readCsv('data/penguins.csv'), { target: 'species', timeBudgetSeconds: 20, seed: 0 });
 * r.leaderboard.map((e) => `${e.model} ${e.score.toFixed(3)} ± ${e.std.toFixed(3)}`);
 * r.pipeline.predict(newPenguins); // ['Adelie', 'Gentoo', …]
 */
export async function autoML(data: DataFrame, options: AutoMLOptions): Promise<AutoMLResult> {
  const started = performance.now() / 1000;
  const elapsed = (): number => performance.now() / 1000 - started;
  const { budget, k: requestedFolds, seed } = checkOptions(options);
  let bestScore: number | null = null;
  let bestModel: string | null = null;
  let trialCount = 0;
  const progress = (phase: AutoMLProgress['phase']): void =>
    options.onProgress?.({ phase, elapsedSeconds: elapsed(), budgetSeconds: budget, trials: trialCount, bestScore, bestModel });

  progress('audit');
  const audit = auditDataset(data, options.target, options.task);
  const { task, X, schema } = audit;
  let { y } = audit;
  const notes = [...audit.notes];
  const metric = resolveMetric(options.metric, task);
  const specs = selectPortfolio(task, options.models);

  let frame = X;
  if (task === 'classification') {
    const counts = new Map<Label, number>();
    for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
    const singletons = [...counts].filter(([, c]) => c < 2).map(([l]) => l);
    if (singletons.length) {
      if (counts.size - singletons.length < 2) {
        throw new DataError(`Target '${options.target}' has too few rows per class to cross-validate (all classes but at most one have a single row); collect more labelled rows.`);
      }
      notes.push(`dropped ${singletons.length} row(s) of classes seen only once (${singletons.map((l) => JSON.stringify(l)).join(', ')}): cross-validation needs two rows per class`);
      const keep = y.flatMap((v, i) => (counts.get(v)! >= 2 ? [i] : []));
      frame = X.take(keep);
      y = keep.map((i) => y[i]!);
    }
  }

  const { transformer, notes: preprocessing } = buildPreprocessing(schema);
  if ((transformer.params.transformers as unknown[]).length === 0) {
    throw new DataError(
      `No usable feature columns: ${schema.map((c) => `'${c.name}' (${c.kind})`).join(', ')} cannot be used as features yet; add numeric or categorical columns.`,
    );
  }
  // The fold rule counts the columns the models see, after one-hot and date encoding.
  const encodedWidth = (): number => buildPreprocessing(schema).transformer.fit(frame).transform(frame).shape[1]!;
  const k = usableFolds(task, y, requestedFolds ?? defaultFolds(y.length, encodedWidth(), budget, notes), notes);
  const classes = task === 'classification' ? encodeLabels(y).classes : null;
  const folds = prepareFolds(frame, y, schema, makeFolds(task, y, k, seed));
  const sign = metric.greaterIsBetter ? 1 : -1;

  progress('search');
  const searchBudget = Math.max(0, budget - elapsed());
  const { trials, incumbents, leader } = await budgetedSearch({
    specs, folds, metric, classes, nRows: y.length, seed, budgetSeconds: searchBudget,
    ...(options.maxTrials !== undefined ? { maxTrials: options.maxTrials } : {}),
    onTrial: (t) => {
      trialCount++;
      if (t.outcome.status === 'complete' && (bestScore === null || sign * t.mean > sign * bestScore)) {
        bestScore = t.mean;
        bestModel = t.spec.estimator;
      }
      options.onTrial?.(trialRecord(t, metric.name));
      progress('search');
    },
  });
  const failed = new Map<string, SearchTrial[]>();
  for (const t of trials) if (t.outcome.status === 'failed') failed.set(t.spec.estimator, [...(failed.get(t.spec.estimator) ?? []), t]);
  for (const [model, ts] of failed) notes.push(`${ts.length} ${model} trial(s) failed, e.g. trial ${ts[0]!.id}: ${ts[0]!.outcome.error}`);
  const complete = trials.filter((t) => t.outcome.status === 'complete').sort((a, b) => sign * (b.mean - a.mean) || a.id - b.id);
  if (complete.length === 0) {
    throw new DataError(`No model could be fitted on this data (${trials.length} trial(s) failed or were stopped); see the notes: ${notes.join('; ')}.`);
  }

  const bestPerModel = new Map(incumbents.map((t) => [t.spec.estimator, t]));
  const leaderboard: (LeaderboardEntry & { members?: { trial: SearchTrial; weight: number }[]; oof: Float64Array })[] = [...bestPerModel.values()].map((t) => ({
    model: t.spec.estimator, params: { ...t.config }, score: t.mean, std: t.std, fitSeconds: t.outcome.fitSeconds,
    predictSeconds: t.outcome.predictSeconds, folds: [...t.outcome.folds], oof: t.outcome.oof!,
  }));

  if (options.ensemble !== false && complete.length >= 2) {
    progress('ensemble');
    const perModel = new Map<string, number>();
    const pool = [...incumbents, ...complete.filter((t) => !incumbents.includes(t))].filter((t) => {
      const c = perModel.get(t.spec.estimator) ?? 0;
      perModel.set(t.spec.estimator, c + 1);
      return c < POOL_PER_MODEL;
    }).slice(0, POOL_SIZE);
    const candidates = pool.map((t) => ({ oof: t.outcome.oof! }));
    const selection = greedyEnsemble(candidates, y, classes, metric);
    const members = pool.flatMap((trial, m) => (selection.counts[m]! > 0 ? [{ trial, weight: selection.counts[m]! }] : []));
    const foldScores = folds.map((f) => {
      const kk = classes?.length ?? 1;
      const part = new Float64Array(f.test.length * kk);
      f.test.forEach((row, i) => part.set(selection.oof.subarray(row * kk, (row + 1) * kk), i * kk));
      return metric.compute(f.ytest, toPredictions(part, classes), classes ?? []);
    });
    // The blend's weights are chosen on the very predictions it is scored on, so its score flatters it;
    // a nested check decides instead: it must beat picking the single best trial on rows neither choice saw.
    const nested = members.length >= 2 ? nestedSelection(candidates, folds.map((f) => f.test), y, classes, metric) : null;
    const gains = nested ? nested.ensemble.map((e, i) => sign * (e - nested.single[i]!)) : [];
    const nestedNote = nested
      ? `in a nested check (choices made without the scored fold) the ensemble scored ${meanOf(nested.ensemble).toFixed(4)} against ${meanOf(nested.single).toFixed(4)} for the best single trial`
      : '';
    const entry = {
      model: task === 'classification' ? 'voting-classifier' : 'voting-regressor',
      params: { members: members.map((m) => ({ model: m.trial.spec.estimator, trial: m.trial.id, weight: m.weight })) },
      score: meanOf(foldScores), std: stdOf(foldScores), folds: foldScores,
      fitSeconds: members.reduce((a, m) => a + m.trial.outcome.fitSeconds, 0),
      predictSeconds: members.reduce((a, m) => a + m.trial.outcome.predictSeconds, 0),
      notes: `greedy ensemble of ${members.length} trial(s), weights chosen on these out-of-fold predictions (so this score is optimistic); ${nestedNote}`,
      members,
      oof: selection.oof,
    };
    // The ensemble is more complex than one model, so it must win the nested check by one standard error of the per-fold gains.
    if (nested && meanOf(gains) > stdOf(gains) / Math.sqrt(gains.length) + 1e-12 && sign * entry.score >= sign * incumbents[0]!.mean - 1e-12) {
      leaderboard.unshift(entry); // first, so it stays on top on a tie
    } else if (nested) {
      notes.push(`a greedy ensemble of ${members.length} trials was not used: ${nestedNote}; it must win by one standard error of the per-fold gains (and match the best single trial's score)`);
    } else notes.push('the greedy ensemble did not combine two or more models, so a single model is used');
  }
  leaderboard.sort((a, b) => sign * (b.score - a.score));

  progress('refit');
  const ensembleEntry = leaderboard.find((e) => e.members);
  const winner = ensembleEntry ?? leaderboard.find((e) => e.model === leader!.spec.estimator)!;
  const top = leaderboard[0]!;
  if (winner !== top) {
    notes.push(
      `chose ${winner.model} (${winner.score.toFixed(4)} ± ${winner.std.toFixed(4)}) over ${top.model} (${top.score.toFixed(4)}): ` +
        'the difference is within one standard error of the fold scores, so the model found first (the cheaper default) is kept',
    );
  }
  winner.notes = winner.notes ? `selected; ${winner.notes}` : 'selected';
  const nAll = y.length;
  let model: StepEstimator;
  if (winner.members) {
    const estimators = winner.members.map((m, i) => [`m${i}_${m.trial.spec.estimator}`, m.trial.spec.create(m.trial.config, seed, nAll)] as [string, StepEstimator]);
    const weights = winner.members.map((m) => m.weight);
    model = task === 'classification' ? new VotingClassifier({ estimators, weights, voting: 'soft' }) : new VotingRegressor({ estimators, weights });
  } else {
    const t = bestPerModel.get(winner.model)!;
    model = t.spec.create(t.config, seed, nAll);
  }
  const pipeline = new Pipeline({ steps: [['preprocess', transformer], ['model', model]] });
  pipeline.fit(frame, y);

  return {
    task,
    metric: metric.name,
    leaderboard: leaderboard.map(({ members: _members, oof: _oof, ...e }) => e),
    best: { model: winner.model, score: winner.score },
    pipeline,
    features: [...X.columnNames],
    preprocessing,
    notes,
    trials: trials.length,
    ...(classes ? { classes: classes as (string | number | boolean)[] } : {}),
    outOfFold: outOfFold(winner.oof, y, classes),
    elapsedSeconds: elapsed(),
  };
}
