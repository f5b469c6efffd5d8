/**
 * What Pipeline and ColumnTransformer need from the estimators inside them, checked by duck
 * typing so any estimator with the right methods can be a step.
 */
import type { NdArray } from '../../tensor/index.js';
import type { Estimator } from '../base/estimator.js';
import { ParamError } from '../base/errors.js';
import type { Label } from '../base/input.js';
import type { FitOptions } from '../base/run.js';
import type { Table, TableInput } from './table.js';

/** Any estimator usable as a step. */
export type StepEstimator = Estimator<any, any> & {
  fit(X: any, y?: any, options?: FitOptions): unknown;
  transform?(X: any): NdArray;
  transformTable?(X: any): Table;
  inverseTransform?(X: any): unknown;
  predict?(X: any): Label[] | NdArray;
  predictProba?(X: any): NdArray;
  predictWithProba?(X: any): { labels: Label[] | NdArray; proba: NdArray | null };
  decisionFunction?(X: any): NdArray;
  score?(X: any, y: any): number;
  featureNamesOut?(inputNames?: readonly string[]): string[];
};

/**
 * A final estimator's labels and probabilities (null without `predictProba`) from one call:
 * its own `predictWithProba` (classifiers), else `predict` and `predictProba`.
 */
export function labelsAndProba(est: StepEstimator, X: TableInput): { labels: Label[] | NdArray; proba: NdArray | null } {
  if (typeof est.predictWithProba === 'function') return est.predictWithProba(X);
  return { labels: est.predict!(X), proba: typeof est.predictProba === 'function' ? est.predictProba(X) : null };
}

/** A step's output for the next step: a Table when it keeps text (imputers), else its matrix. */
export function applyStep(step: StepEstimator, X: TableInput): TableInput {
  if (typeof step.transformTable === 'function') return step.transformTable(X);
  return step.transform!(X);
}

export function requireMethod(step: StepEstimator, method: keyof StepEstimator, owner: string, stepName: string): void {
  if (typeof step[method] !== 'function') {
    throw new ParamError(`${owner}: step '${stepName}' (${step.constructor.name}) has no ${String(method)}() method.`);
  }
}
