/**
 * The models AutoML searches, with a default configuration to try first, a search space around
 * it, and a relative cost that orders and weighs the search (cheap models first).
 */
import {
  ExtraTreesClassifier, ExtraTreesRegressor, GaussianNB, GradientBoostingClassifier, GradientBoostingRegressor, KNeighborsClassifier, KNeighborsRegressor,
  LogisticRegression, ParamError, RandomForestClassifier, RandomForestRegressor, Ridge, type StepEstimator, kebabName,
} from '../learn/index.js';
import { MLPClassifier, MLPRegressor } from '../nn/index.js';
import type { Config, Space } from './space.js';
import type { AutoMLTask } from './types.js';

export interface PortfolioModel {
  /** Short name used in `options.models` (`random-forest`). */
  name: string;
  /** The registered estimator name for the task (`random-forest-classifier`). */
  estimator: string;
  defaults: Config;
  space: Space;
  /** Relative cost of one fit at the default configuration (a naive Bayes fit is 1). */
  baseCost: number;
  /** Cost of `config` relative to the default's. */
  costRatio(config: Config): number;
  /** A new unfitted estimator; `nTrain` bounds parameters such as k of k-NN. */
  create(config: Config, seed: number, nTrain: number): StepEstimator;
}

type Ctor = new (params?: any) => StepEstimator;

const ratio = (config: Config, defaults: Config, key: string): number => (config[key] as number) / (defaults[key] as number);

const treeSpace = (task: AutoMLTask): Space => ({
  nEstimators: { type: 'int', low: 50, high: 400, log: true },
  maxFeatures: { type: 'choice', values: task === 'classification' ? ['sqrt', 0.5, null] : [null, 0.5, 'sqrt'] },
  minSamplesLeaf: { type: 'int', low: 1, high: 16, log: true },
});

function forest(name: string, Classifier: Ctor, Regressor: Ctor, task: AutoMLTask, baseCost: number): PortfolioModel {
  const Cls = task === 'classification' ? Classifier : Regressor;
  const defaults: Config = { nEstimators: 100, maxFeatures: task === 'classification' ? 'sqrt' : null, minSamplesLeaf: 1 };
  return {
    name, estimator: kebabName(Cls.name), defaults, space: treeSpace(task), baseCost,
    costRatio: (c) => ratio(c, defaults, 'nEstimators') * (c.maxFeatures === null ? 2 : c.maxFeatures === 0.5 ? 1.5 : 1),
    create: (c, seed) => new Cls({ ...c, randomState: seed }),
  };
}

function gradientBoosting(task: AutoMLTask): PortfolioModel {
  const Cls: Ctor = task === 'classification' ? GradientBoostingClassifier : GradientBoostingRegressor;
  const defaults: Config = { nEstimators: 100, learningRate: 0.1, maxDepth: 6, minChildWeight: 1, subsample: 1, colsampleByTree: 1, regLambda: 1 };
  return {
    name: 'gradient-boosting', estimator: kebabName(Cls.name), defaults, baseCost: 15,
    space: {
      nEstimators: { type: 'int', low: 30, high: 600, log: true },
      learningRate: { type: 'float', low: 0.01, high: 0.3, log: true },
      maxDepth: { type: 'int', low: 2, high: 10 },
      minChildWeight: { type: 'float', low: 0.1, high: 20, log: true },
      subsample: { type: 'float', low: 0.5, high: 1 },
      colsampleByTree: { type: 'float', low: 0.4, high: 1 },
      regLambda: { type: 'float', low: 0.01, high: 10, log: true },
    },
    costRatio: (c) => ratio(c, defaults, 'nEstimators') * 2 ** (((c.maxDepth as number) - 6) / 2),
    create: (c, seed) => new Cls({ ...c, randomState: seed }),
  };
}

function linear(task: AutoMLTask): PortfolioModel {
  if (task === 'classification') {
    return {
      name: 'linear', estimator: 'logistic-regression', defaults: { C: 1 }, baseCost: 2,
      space: { C: { type: 'float', low: 1e-3, high: 1e3, log: true } },
      costRatio: () => 1,
      create: (c) => new LogisticRegression({ C: c.C as number, maxIter: 100 }),
    };
  }
  return {
    name: 'linear', estimator: 'ridge', defaults: { alpha: 1 }, baseCost: 1,
    space: { alpha: { type: 'float', low: 1e-3, high: 1e3, log: true } },
    costRatio: () => 1,
    create: (c) => new Ridge({ alpha: c.alpha as number }),
  };
}

function kNeighbors(task: AutoMLTask): PortfolioModel {
  const Cls: Ctor = task === 'classification' ? KNeighborsClassifier : KNeighborsRegressor;
  return {
    name: 'k-neighbors', estimator: kebabName(Cls.name), defaults: { nNeighbors: 5, weights: 'uniform' }, baseCost: 4,
    space: { nNeighbors: { type: 'int', low: 1, high: 50, log: true }, weights: { type: 'choice', values: ['uniform', 'distance'] } },
    costRatio: () => 1,
    create: (c, _seed, nTrain) => new Cls({ nNeighbors: Math.max(1, Math.min(c.nNeighbors as number, nTrain)), weights: c.weights }),
  };
}

function naiveBayes(): PortfolioModel {
  return {
    name: 'naive-bayes', estimator: 'gaussian-nb', defaults: { varSmoothing: 1e-9 }, baseCost: 1,
    space: { varSmoothing: { type: 'float', low: 1e-11, high: 1e-1, log: true } },
    costRatio: () => 1,
    create: (c) => new GaussianNB({ varSmoothing: c.varSmoothing as number }),
  };
}

/** A multi-layer perceptron (nn); the search space shapes it by width and depth of equal layers. */
function neuralNet(task: AutoMLTask): PortfolioModel {
  const Cls: Ctor = task === 'classification' ? MLPClassifier : MLPRegressor;
  const defaults: Config = { width: 100, depth: 1, alpha: 1e-4, learningRateInit: 1e-3 };
  return {
    name: 'neural-net', estimator: kebabName(Cls.name), defaults, baseCost: 30,
    space: {
      width: { type: 'int', low: 16, high: 256, log: true },
      depth: { type: 'choice', values: [1, 2] },
      alpha: { type: 'float', low: 1e-6, high: 1e-1, log: true },
      learningRateInit: { type: 'float', low: 1e-4, high: 1e-2, log: true },
    },
    costRatio: (c) => ratio(c, defaults, 'width') * (c.depth as number),
    create: (c, seed) => new Cls({
      hiddenLayerSizes: new Array<number>(c.depth as number).fill(c.width as number),
      alpha: c.alpha, learningRateInit: c.learningRateInit, maxIter: 200, earlyStopping: true, randomState: seed,
    }),
  };
}

/**
 * The whole portfolio for a task in priority order: simple, cheap models first, then the
 * families whose defaults are the strongest on tabular data (boosting, then random forest),
 * before their cheaper or costlier variants. The search runs the defaults in this order, and on
 * near-ties (within one standard error) the model found first is kept, so the order is also a
 * preference for simpler models.
 */
export function portfolio(task: AutoMLTask): PortfolioModel[] {
  return [
    linear(task),
    ...(task === 'classification' ? [naiveBayes()] : []),
    kNeighbors(task),
    gradientBoosting(task),
    forest('random-forest', RandomForestClassifier, RandomForestRegressor, task, 14),
    forest('extra-trees', ExtraTreesClassifier, ExtraTreesRegressor, task, 10),
    neuralNet(task),
  ];
}

/** The portfolio restricted to `names` (short names or estimator names); unknown names are an error listing the valid ones. */
export function selectPortfolio(task: AutoMLTask, names?: readonly string[]): PortfolioModel[] {
  const all = portfolio(task);
  if (!names || names.length === 0) return all;
  const picked = names.map((n) => {
    const m = all.find((p) => p.name === n || p.estimator === n);
    if (!m) {
      throw new ParamError(`AutoML has no ${task} model '${n}'; choose from ${all.map((p) => `${p.name} (${p.estimator})`).join(', ')}.`);
    }
    return m;
  });
  return all.filter((m) => picked.includes(m));
}
