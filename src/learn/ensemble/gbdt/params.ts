/**
 * The hyper-parameters shared by GradientBoostingClassifier and GradientBoostingRegressor, their
 * defaults, and their validation (done in fit, with messages that name the parameter).
 */
import { ParamError } from '../../base/errors.js';
import type { GrowPolicy } from './grower.js';
import type { EvalMetric } from './metrics.js';

/** Hyper-parameters common to both estimators (XGBoost's names in brackets). */
export interface BoostingParams {
  /** Boosting rounds [num_boost_round]. Default 100. */
  nEstimators: number;
  /** Shrinkage of each tree's output [eta]. Default 0.1. */
  learningRate: number;
  /** Deepest level a tree may reach; 0 = no limit (then maxLeaves must be set) [max_depth]. Default 6. */
  maxDepth: number;
  /** Most leaves per tree; 0 = no limit [max_leaves]. Default 0. */
  maxLeaves: number;
  /** 'depthwise' (level by level) or 'lossguide' (best leaf first) [grow_policy]. Default 'depthwise'. */
  growPolicy: GrowPolicy;
  /** Least hessian sum in a child [min_child_weight]. Default 1. */
  minChildWeight: number;
  /** Least gain (XGBoost's convention, see split-finder.ts) to split a node [gamma]. Default 0. */
  minSplitGain: number;
  /** L2 penalty on leaf weights [lambda]. Default 1. */
  regLambda: number;
  /** L1 penalty on leaf weights [alpha]. Default 0. */
  regAlpha: number;
  /** Fraction of rows drawn (each row independently) for each round [subsample]. Default 1. */
  subsample: number;
  /** Fraction of features drawn for each tree [colsample_bytree]. Default 1. */
  colsampleByTree: number;
  /** Value bins per numeric feature, 2..255; missing values get a bin of their own [max_bin]. Default 255. */
  maxBins: number;
  /** Stop when the validation metric has not improved for this many rounds; 0 = off. Default 0. */
  earlyStoppingRounds: number;
  /** Share of the rows held out (seeded by randomState) for early stopping. Default 0.1. */
  validationFraction: number;
  /** Metric logged per round and used for early stopping; 'auto' picks the loss's own. */
  evalMetric: EvalMetric | 'auto';
  /** Features (indices or names) split natively as categories (values are category codes). */
  categoricalFeatures: (number | string)[];
  /** Per feature +1 (increasing), −1 (decreasing) or 0, as an array or a record by feature name. */
  monotoneConstraints: number[] | Record<string, number>;
  /** Starting prediction in output space (mean / probability); null: fitted from the data [base_score]. */
  baseScore: number | null;
  /** Seed for row/column sampling, the validation split and the binning sample. Default 0. */
  randomState: number;
  /** Threads for training (worker threads in Node; 1 = this thread only; 0 = all cores, at most 8). Default 1. */
  nThreads: number;
}

export function boostingDefaults(): BoostingParams {
  return {
    nEstimators: 100, learningRate: 0.1, maxDepth: 6, maxLeaves: 0, growPolicy: 'depthwise', minChildWeight: 1,
    minSplitGain: 0, regLambda: 1, regAlpha: 0, subsample: 1, colsampleByTree: 1, maxBins: 255, earlyStoppingRounds: 0,
    validationFraction: 0.1, evalMetric: 'auto', categoricalFeatures: [], monotoneConstraints: [], baseScore: null,
    randomState: 0, nThreads: 1,
  };
}

/** Validates the parameters; throws ParamError naming the first bad one. */
export function validateBoostingParams(p: BoostingParams, who: string): void {
  const bad = (name: string, rule: string, value: unknown): never => {
    throw new ParamError(`${who}: ${name} must be ${rule}, got ${JSON.stringify(value)}.`);
  };
  const int = (name: keyof BoostingParams, min: number, max = Infinity): void => {
    const v = p[name] as number;
    if (!Number.isInteger(v) || v < min || v > max) bad(name, `an integer ${max === Infinity ? `>= ${min}` : `from ${min} to ${max}`}`, v);
  };
  int('nEstimators', 1);
  if (!(p.learningRate > 0)) bad('learningRate', '> 0', p.learningRate);
  int('maxDepth', 0, 64);
  int('maxLeaves', 0);
  if (p.maxLeaves === 1) bad('maxLeaves', '0 (no limit) or at least 2', p.maxLeaves);
  if (p.growPolicy !== 'depthwise' && p.growPolicy !== 'lossguide') bad('growPolicy', "'depthwise' or 'lossguide'", p.growPolicy);
  if (p.maxDepth === 0 && p.maxLeaves === 0) bad('maxLeaves', '> 0 when maxDepth is 0 (no depth limit), so trees stay finite', p.maxLeaves);
  if (!(p.minChildWeight >= 0)) bad('minChildWeight', '>= 0', p.minChildWeight);
  if (!(p.minSplitGain >= 0)) bad('minSplitGain', '>= 0', p.minSplitGain);
  if (!(p.regLambda >= 0)) bad('regLambda', '>= 0', p.regLambda);
  if (!(p.regAlpha >= 0)) bad('regAlpha', '>= 0', p.regAlpha);
  if (!(p.subsample > 0 && p.subsample <= 1)) bad('subsample', 'in (0, 1]', p.subsample);
  if (!(p.colsampleByTree > 0 && p.colsampleByTree <= 1)) bad('colsampleByTree', 'in (0, 1]', p.colsampleByTree);
  int('maxBins', 2, 255);
  int('earlyStoppingRounds', 0);
  if (!(p.validationFraction > 0 && p.validationFraction < 1)) bad('validationFraction', 'in (0, 1)', p.validationFraction);
  if (p.baseScore !== null && !Number.isFinite(p.baseScore)) bad('baseScore', 'a finite number or null', p.baseScore);
  if (!Number.isInteger(p.randomState)) bad('randomState', 'an integer', p.randomState);
  int('nThreads', 0, 256);
  if (!Array.isArray(p.categoricalFeatures)) bad('categoricalFeatures', 'an array of feature indices or names', p.categoricalFeatures);
}

/** Resolves categoricalFeatures to a per-feature mask. */
export function categoricalMask(spec: readonly (number | string)[], names: readonly string[], who: string): Uint8Array {
  const mask = new Uint8Array(names.length);
  for (const s of spec) mask[featureIndex(s, names, who, 'categoricalFeatures')] = 1;
  return mask;
}

/** Resolves monotoneConstraints to a per-feature Int8Array, or null when none is set. */
export function monotoneVector(
  spec: number[] | Record<string, number>, names: readonly string[], categorical: Uint8Array, who: string,
): Int8Array | null {
  const out = new Int8Array(names.length);
  const set = (j: number, v: number): void => {
    if (v !== -1 && v !== 0 && v !== 1) {
      throw new ParamError(`${who}: monotoneConstraints for feature '${names[j]}' must be -1, 0 or 1, got ${JSON.stringify(v)}.`);
    }
    if (v !== 0 && categorical[j]) {
      throw new ParamError(`${who}: feature '${names[j]}' is categorical and cannot have a monotone constraint; set it to 0.`);
    }
    out[j] = v;
  };
  if (Array.isArray(spec)) {
    if (spec.length === 0) return null;
    if (spec.length !== names.length) {
      throw new ParamError(`${who}: monotoneConstraints has ${spec.length} entries but X has ${names.length} features; give one per feature.`);
    }
    spec.forEach((v, j) => set(j, v));
  } else {
    for (const [name, v] of Object.entries(spec)) set(featureIndex(name, names, who, 'monotoneConstraints'), v);
  }
  return out.some((v) => v !== 0) ? out : null;
}

function featureIndex(s: number | string, names: readonly string[], who: string, param: string): number {
  if (typeof s === 'number') {
    if (!Number.isInteger(s) || s < 0 || s >= names.length) {
      throw new ParamError(`${who}: ${param} has feature index ${s}, but X has features 0..${names.length - 1}.`);
    }
    return s;
  }
  const j = names.indexOf(s);
  if (j < 0) throw new ParamError(`${who}: ${param} names feature '${s}', which X does not have. Features: ${names.join(', ')}.`);
  return j;
}
