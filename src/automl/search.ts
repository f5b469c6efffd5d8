/**
 * The budgeted search. First every portfolio model runs its default configuration, in
 * portfolio order (simple, cheap models first). Then, while time is left, a cost-aware local
 * search in the spirit of FLAML: the next model is the one with the lowest estimated cost for an
 * improvement (its relative cost, times 2 to the number of trials since it last improved, times
 * how far it is behind the leader), and its next configuration is a random step around its best
 * one; steps shrink when they stop helping and restart from a random point when they get tiny.
 * Trials whose first folds are clearly worse than the leader are stopped early. A challenger
 * replaces a model's best (or the leader) only by beating it by one standard error. The order of
 * trials depends only on the seed and the scores, so with `maxTrials` and a generous budget a
 * run is exactly reproducible.
 */
import { random } from '../tensor/index.js';
import type { Label } from '../learn/index.js';
import type { PreparedFold } from './folds.js';
import type { MetricSpec } from './metrics.js';
import type { PortfolioModel } from './portfolio.js';
import { type Config, configKey, perturbConfig, sampleConfig } from './space.js';
import { type TrialOutcome, runTrial } from './trial.js';

export interface SearchTrial {
  id: number;
  spec: PortfolioModel;
  config: Config;
  outcome: TrialOutcome;
  /** Mean and standard deviation of the fold scores, in the metric's units. */
  mean: number;
  std: number;
}

export interface SearchOptions {
  specs: readonly PortfolioModel[];
  folds: readonly PreparedFold[];
  metric: MetricSpec;
  classes: readonly Label[] | null;
  nRows: number;
  seed: number;
  budgetSeconds: number;
  maxTrials?: number;
  onTrial?: (t: SearchTrial) => void;
}

export interface SearchOutcome {
  /** Every trial, in the order run. */
  trials: SearchTrial[];
  /** Each model's best trial by the noise-margin rule (see noiseMargin), best first. */
  incumbents: SearchTrial[];
  /** The overall best by the same rule: a later model replaces it only by beating it clearly. */
  leader: SearchTrial | null;
}

interface ModelState {
  spec: PortfolioModel;
  best: SearchTrial | null;
  /** Share of the unit cube a local step spans. */
  step: number;
  stale: number;
  failures: number;
  /** Seconds per unit of `costRatio`, measured on this model's first trial. */
  secondsPerCost: number | null;
  /** The next candidate is a random restart rather than a local step. */
  restart: boolean;
  seen: Set<string>;
}

const INITIAL_STEP = 0.25;
const MIN_STEP = 0.03;

const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const stdOf = (xs: readonly number[]): number => {
  const m = meanOf(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

/**
 * How much a challenger must beat `incumbent` by to replace it: half the standard error of the
 * incumbent's fold scores. Among many configurations scored on the same folds the best is partly
 * luck, so small wins go to the incumbent (a model's default, then its best clear improvement).
 */
export function noiseMargin(incumbent: SearchTrial, folds: number): number {
  return incumbent.std / Math.sqrt(folds) + 1e-12;
}

/**
 * Runs trials until the budget or `maxTrials` is spent and returns all of them in order.
 *
 * @example
 * const { trials, incumbents } = await budgetedSearch({ specs: portfolio('classification'), folds, metric, classes, nRows, seed: 0, budgetSeconds: 30 });
 */
export async function budgetedSearch(options: SearchOptions): Promise<SearchOutcome> {
  const { folds, metric, classes, nRows, seed, budgetSeconds } = options;
  const sign = metric.greaterIsBetter ? 1 : -1;
  const rng = random.defaultRng(seed);
  const started = performance.now() / 1000;
  const elapsed = (): number => performance.now() / 1000 - started;
  const trials: SearchTrial[] = [];
  const states: ModelState[] = options.specs.map((spec) => ({
    spec, best: null, step: INITIAL_STEP, stale: 0, failures: 0, secondsPerCost: null, restart: false, seen: new Set(),
  }));
  let leader: SearchTrial | null = null;
  const gain = (t: SearchTrial): number => sign * t.mean;
  const maxTrials = options.maxTrials ?? Infinity;

  // A model's first trial is stopped only when time runs out, never for scoring low, so each model gets one full evaluation.
  const prune = (state: ModelState) => (scores: readonly number[]): string | null => {
    if (leader === null) return null;
    if (elapsed() > budgetSeconds) return 'time budget spent';
    if (state.best === null || scores.length < 2) return null;
    const trialGain = sign * meanOf(scores);
    const leaderGain = sign * meanOf(leader.outcome.folds.slice(0, scores.length));
    const margin = 2 * leader.std + 1e-9;
    return trialGain < leaderGain - margin
      ? `its first ${scores.length} folds scored ${meanOf(scores).toFixed(4)} against the leader's ${(sign * leaderGain).toFixed(4)}`
      : null;
  };

  const run = async (state: ModelState, config: Config): Promise<void> => {
    state.seen.add(configKey(state.spec.name, config));
    const outcome = runTrial(state.spec, config, folds, metric, classes, nRows, seed, prune(state));
    const scores = outcome.folds;
    const trial: SearchTrial = {
      id: trials.length + 1, spec: state.spec, config, outcome,
      mean: scores.length ? meanOf(scores) : NaN, std: scores.length ? stdOf(scores) : NaN,
    };
    trials.push(trial);
    if (state.secondsPerCost === null && outcome.status !== 'failed') {
      const share = scores.length / folds.length;
      state.secondsPerCost = outcome.seconds / Math.max(share, 1e-9) / state.spec.costRatio(config);
    }
    if (outcome.status === 'failed') state.failures++;
    if (outcome.status === 'complete' && (state.best === null || gain(trial) > gain(state.best) + noiseMargin(state.best, folds.length))) {
      state.best = trial;
      state.stale = 0;
      if (leader === null || gain(trial) > gain(leader) + noiseMargin(leader, folds.length)) leader = trial;
    } else {
      state.stale++;
      if (state.stale % (2 * Object.keys(state.spec.space).length) === 0) state.step /= 2;
      if (state.step < MIN_STEP) {
        state.step = INITIAL_STEP;
        state.restart = true;
      }
    }
    options.onTrial?.(trial);
    // Let timers (a progress bar's redraw) run between trials.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };

  /** Seconds a trial should take: from this model's first trial, or before it from the others' seconds per unit of base cost. */
  const estimatedSeconds = (state: ModelState, config: Config): number => {
    if (state.secondsPerCost !== null) return state.secondsPerCost * state.spec.costRatio(config);
    const perBase = states.filter((s) => s.secondsPerCost !== null).map((s) => s.secondsPerCost! / s.spec.baseCost).sort((a, b) => a - b);
    return perBase.length ? perBase[perBase.length >> 1]! * state.spec.baseCost * state.spec.costRatio(config) : 0;
  };

  // Defaults first, in portfolio order (simple and cheap first); the first trial always runs so there is a model.
  for (const state of states) {
    if (trials.length >= maxTrials || (trials.length > 0 && elapsed() >= budgetSeconds)) break;
    if (leader !== null && elapsed() + estimatedSeconds(state, state.spec.defaults) > budgetSeconds) continue;
    await run(state, { ...state.spec.defaults });
  }

  while (trials.length < maxTrials && elapsed() < budgetSeconds) {
    const scale = Math.max(leader ? (leader as SearchTrial).std : 0, 1e-3);
    const leaderGain = leader ? gain(leader) : 0;
    const ranked = states
      .filter((s) => s.failures < 2 && s.best !== null)
      .map((s) => {
        const behind = Math.max(0, leaderGain - gain(s.best!)) / scale;
        return { s, eci: s.spec.baseCost * s.spec.costRatio(s.best!.config) * 2 ** s.stale * (1 + behind) };
      })
      .sort((a, b) => a.eci - b.eci);
    let ran = false;
    for (const { s } of ranked) {
      let config: Config | null = null;
      for (let attempt = 0; attempt < 10 && config === null; attempt++) {
        const candidate = s.restart || attempt >= 5 ? sampleConfig(s.spec.space, rng) : perturbConfig(s.spec.space, s.best!.config, s.step, rng);
        if (!s.seen.has(configKey(s.spec.name, candidate))) config = candidate;
      }
      s.restart = false;
      if (config === null) {
        s.stale++;
        continue;
      }
      if (elapsed() + estimatedSeconds(s, config) > budgetSeconds) continue;
      await run(s, config);
      ran = true;
      break;
    }
    if (!ran) break;
  }
  const incumbents = states.flatMap((st) => (st.best ? [st.best] : [])).sort((a, b) => gain(b) - gain(a) || a.id - b.id);
  return { trials, incumbents, leader };
}
