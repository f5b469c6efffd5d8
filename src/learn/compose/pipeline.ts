/** Pipeline: a chain of transformers ending in any estimator, fitted and used as one. */
import type { NdArray } from '../../tensor/index.js';
import { Estimator, type EstimatorJSON, registerEstimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import type { Label, LabelInput } from '../base/input.js';
import type { FitOptions } from '../base/run.js';
import { nestedEstimatorJSON, reviveEstimators } from './nested.js';
import { type StepEstimator, applyStep, labelsAndProba, requireMethod } from './step.js';
import { type TableInput, toTable } from './table.js';

/** A named step; 'passthrough' or null leaves the data unchanged. */
export type PipelineStep = [name: string, estimator: StepEstimator | 'passthrough' | null];

export interface PipelineParams {
  steps: PipelineStep[];
}

interface PipelineState {
  stepNames: string[];
}

const isIdentity = (e: PipelineStep[1]): e is 'passthrough' | null => e === null || e === 'passthrough';

/**
 * Chains transformers and a final estimator (scikit-learn's Pipeline). `fit` fits each step on
 * the output of the previous ones; `predict`, `predictProba`, `transform` and `score` run the
 * data through the fitted transformers first. Steps are fitted in place, so `namedSteps` gives
 * the fitted estimators; parameters of a step are set with `step__param` names.
 *
 * @example
 * const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['clf', new LogisticRegression()]] });
 * pipe.fit(X, y).predict(Xnew);
 * pipe.setParams({ clf__C: 0.1 });
 */
export class Pipeline extends Estimator<PipelineParams, PipelineState> {
  constructor(params: Partial<PipelineParams> = {}) {
    super(reviveEstimators(params) as Partial<PipelineParams>);
  }

  protected defaults(): PipelineParams {
    return { steps: [] };
  }

  /** The steps by name (the estimators themselves, fitted after `fit`). */
  get namedSteps(): Record<string, StepEstimator | 'passthrough' | null> {
    return Object.fromEntries(this.params.steps.map(([n, e]) => [n, e]));
  }

  /** The step `name`; an unknown name lists the steps. */
  step(name: string): StepEstimator {
    const found = this.params.steps.find(([n]) => n === name);
    if (!found) throw new ParamError(`Pipeline has no step '${name}'. Steps: ${this.params.steps.map(([n]) => n).join(', ')}.`);
    if (isIdentity(found[1])) throw new ParamError(`Pipeline step '${name}' is ${String(found[1])}, not an estimator.`);
    return found[1];
  }

  /** The last step's estimator (null when it is 'passthrough'). */
  get finalEstimator(): StepEstimator | null {
    const last = this.params.steps[this.params.steps.length - 1];
    return last && !isIdentity(last[1]) ? last[1] : null;
  }

  #validate(): void {
    const steps = this.params.steps;
    if (!Array.isArray(steps) || steps.length === 0) {
      throw new ParamError('Pipeline needs at least one step: new Pipeline({ steps: [[name, estimator], …] }).');
    }
    const names = new Set<string>();
    steps.forEach(([name, est], i) => {
      if (typeof name !== 'string' || name === '' || name.includes('__')) {
        throw new ParamError(`Pipeline step ${i} has an invalid name '${String(name)}'; names are non-empty and contain no '__'.`);
      }
      if (names.has(name)) throw new ParamError(`Pipeline has two steps named '${name}'; step names must be unique.`);
      names.add(name);
      if (isIdentity(est)) return;
      requireMethod(est, 'fit', 'Pipeline', name);
      if (i < steps.length - 1 && typeof est.transform !== 'function' && typeof est.transformTable !== 'function') {
        throw new ParamError(`Pipeline: step '${name}' (${est.constructor.name}) is not last, so it must be a transformer with transform().`);
      }
    });
  }

  fit(X: TableInput, y?: LabelInput, options?: FitOptions): this {
    this.#validate();
    const steps = this.params.steps;
    let Xt: TableInput = asStepInput(X);
    for (let i = 0; i < steps.length - 1; i++) {
      const est = steps[i]![1];
      if (isIdentity(est)) continue;
      est.fit(Xt, y);
      Xt = applyStep(est, Xt);
    }
    const last = steps[steps.length - 1]![1];
    if (!isIdentity(last)) last.fit(Xt, y, options);
    this.setFitted({ stepNames: steps.map(([n]) => n) });
    return this;
  }

  /** X through every step but the last. */
  #through(X: TableInput, what: string): TableInput {
    this.fitted(what);
    const steps = this.params.steps;
    let Xt: TableInput = asStepInput(X);
    for (let i = 0; i < steps.length - 1; i++) {
      const est = steps[i]![1];
      if (!isIdentity(est)) Xt = applyStep(est, Xt);
    }
    return Xt;
  }

  #final(method: keyof StepEstimator): StepEstimator {
    const last = this.params.steps[this.params.steps.length - 1]!;
    if (isIdentity(last[1]) || typeof last[1][method] !== 'function') {
      const what = isIdentity(last[1]) ? `'${String(last[1])}'` : `${last[1].constructor.name}`;
      throw new ParamError(`Pipeline: the last step '${last[0]}' (${what}) has no ${String(method)}(); end the pipeline with an estimator that has one.`);
    }
    return last[1];
  }

  predict(X: TableInput): Label[] | NdArray {
    const Xt = this.#through(X, 'predict');
    return this.#final('predict').predict!(Xt);
  }

  predictProba(X: TableInput): NdArray {
    const Xt = this.#through(X, 'predictProba');
    return this.#final('predictProba').predictProba!(Xt);
  }

  /**
   * `predict(X)` and `predictProba(X)` (null when the final estimator has none) with the
   * transformers run once for both, and the final estimator's `predictWithProba` when it has one.
   */
  predictWithProba(X: TableInput): { labels: Label[] | NdArray; proba: NdArray | null } {
    const Xt = this.#through(X, 'predictWithProba');
    return labelsAndProba(this.#final('predict'), Xt);
  }

  decisionFunction(X: TableInput): NdArray {
    const Xt = this.#through(X, 'decisionFunction');
    return this.#final('decisionFunction').decisionFunction!(Xt);
  }

  /** The final estimator's score (accuracy for classifiers, R² for regressors) on transformed X. */
  score(X: TableInput, y: LabelInput): number {
    const Xt = this.#through(X, 'score');
    return this.#final('score').score!(Xt, y);
  }

  /** X through every step; the last must be a transformer (or 'passthrough'). */
  transform(X: TableInput): NdArray {
    const Xt = this.#through(X, 'transform');
    const last = this.params.steps[this.params.steps.length - 1]![1];
    if (isIdentity(last)) return toNd(Xt);
    return this.#final('transform').transform!(Xt);
  }

  fitTransform(X: TableInput, y?: LabelInput, options?: FitOptions): NdArray {
    return this.fit(X, y, options).transform(X);
  }

  /** Inverse of `transform`, through each step's inverseTransform in reverse order. */
  inverseTransform(X: NdArray): unknown {
    this.fitted('inverseTransform');
    let Xt: unknown = X;
    for (const [name, est] of [...this.params.steps].reverse()) {
      if (isIdentity(est)) continue;
      requireMethod(est, 'inverseTransform', 'Pipeline', name);
      Xt = est.inverseTransform!(Xt);
    }
    return Xt;
  }

  /** Class labels of the final classifier. */
  get classes(): Label[] {
    this.fitted('classes');
    const last = this.finalEstimator as unknown as { classes?: Label[] } | null;
    if (!last || !Array.isArray(last.classes)) throw new ParamError('Pipeline: the last step is not a classifier, so there are no classes.');
    return last.classes;
  }

  /** Output feature names, passed through every step that names its outputs. */
  featureNamesOut(inputNames?: readonly string[]): string[] {
    this.fitted('featureNamesOut');
    let names: string[] | undefined = inputNames ? [...inputNames] : undefined;
    for (const [name, est] of this.params.steps) {
      if (isIdentity(est)) continue;
      if (typeof est.transform !== 'function' && typeof est.transformTable !== 'function') break;
      requireMethod(est, 'featureNamesOut', 'Pipeline', name);
      names = est.featureNamesOut!(names);
    }
    return names ?? [];
  }

  /**
   * Sets pipeline parameters: `steps`, a whole step by name (`{ scale: new MinMaxScaler() }` or
   * 'passthrough'), or a step's parameter as `step__param` (nested as deep as needed).
   */
  override setParams(params: Partial<PipelineParams> & Record<string, unknown>): this {
    const own: Partial<PipelineParams> = {};
    let steps = this.params.steps.slice();
    const nested = new Map<string, Record<string, unknown>>();
    for (const [key, value] of Object.entries(params)) {
      if (key === 'steps') {
        steps = (value as PipelineStep[]).slice();
        continue;
      }
      const sep = key.indexOf('__');
      const stepName = sep < 0 ? key : key.slice(0, sep);
      const at = steps.findIndex(([n]) => n === stepName);
      if (at < 0) {
        throw new ParamError(`Pipeline has no parameter '${key}'. Valid parameters: steps, ${steps.map(([n]) => `${n}, ${n}__<param>`).join(', ')}.`);
      }
      if (sep < 0) steps[at] = [stepName, value as PipelineStep[1]];
      else {
        const rest = nested.get(stepName) ?? {};
        rest[key.slice(sep + 2)] = value;
        nested.set(stepName, rest);
      }
    }
    for (const [stepName, rest] of nested) {
      const est = steps.find(([n]) => n === stepName)![1];
      if (isIdentity(est)) throw new ParamError(`Pipeline step '${stepName}' is ${String(est)}; it has no parameters to set.`);
      est.setParams(rest);
    }
    if (steps.some((s, i) => s !== this.params.steps[i]) || steps.length !== this.params.steps.length) own.steps = steps;
    return Object.keys(own).length ? super.setParams(own) : this;
  }

  /** Every parameter, with each step's as `step__param` (scikit-learn's get_params(deep=True)). */
  deepParams(): Record<string, unknown> {
    const out: Record<string, unknown> = { steps: this.params.steps };
    for (const [name, est] of this.params.steps) {
      out[name] = est;
      if (isIdentity(est)) continue;
      const inner = 'deepParams' in est && typeof est.deepParams === 'function' ? (est.deepParams as () => Record<string, unknown>)() : est.getParams();
      for (const [k, v] of Object.entries(inner)) out[`${name}__${k}`] = v;
    }
    return out;
  }

  /** A new, unfitted pipeline with a clone of every step. */
  override clone(): this {
    const Ctor = this.constructor as new (p: Partial<PipelineParams>) => this;
    return new Ctor({ steps: this.params.steps.map(([n, e]) => [n, isIdentity(e) ? e : e.clone()] as PipelineStep) });
  }

  override toJSON(): EstimatorJSON {
    return nestedEstimatorJSON(this.constructor.name, this.params, this.isFitted ? this.encodeState(this.fitted()) : null);
  }
}

/** Rows of objects become a Table, so steps that only read matrices (via FrameLike) can take them. */
function asStepInput(X: TableInput): TableInput {
  if (Array.isArray(X) && X.length > 0 && !Array.isArray(X[0]) && typeof X[0] === 'object' && X[0] !== null) return toTable(X);
  return X;
}

function toNd(X: TableInput): NdArray {
  if (typeof (X as { toMatrix?: unknown }).toMatrix === 'function') return (X as { toMatrix(): NdArray }).toMatrix();
  return X as NdArray;
}

registerEstimator(Pipeline);
