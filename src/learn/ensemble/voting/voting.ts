/**
 * What VotingClassifier and VotingRegressor share: the named estimators they combine, their
 * weights, validation, and JSON that carries the fitted members (they are fitted in place, as
 * Pipeline steps are).
 */
import type { Encoded } from '../../base/serialize.js';
import { ParamError } from '../../base/errors.js';
import { nestedEstimatorJSON } from '../../compose/nested.js';
import type { StepEstimator } from '../../compose/step.js';
import type { EstimatorJSON } from '../../base/estimator.js';

export type NamedEstimator = [name: string, estimator: StepEstimator];

export interface VotingParams {
  /** The members, each a named estimator (fitted by `fit`). */
  estimators: NamedEstimator[];
  /** Weight of each member (non-negative, not all zero); null: equal weights. */
  weights: number[] | null;
}

/** Normalized weights (summing to 1) after checking the members and weights. */
export function checkVoting(p: VotingParams, who: string): Float64Array {
  if (!Array.isArray(p.estimators) || p.estimators.length === 0) {
    throw new ParamError(`${who} needs at least one member: new ${who}({ estimators: [['a', model], …] }).`);
  }
  const names = new Set<string>();
  for (const [name, est] of p.estimators) {
    if (typeof name !== 'string' || name === '' || names.has(name)) throw new ParamError(`${who}: member names must be unique non-empty strings, got '${String(name)}'.`);
    names.add(name);
    if (typeof est?.fit !== 'function' || typeof est.predict !== 'function') throw new ParamError(`${who}: member '${name}' has no fit()/predict().`);
  }
  const w = p.weights ?? p.estimators.map(() => 1);
  if (w.length !== p.estimators.length) {
    throw new ParamError(`${who}: weights has ${w.length} entries for ${p.estimators.length} estimators; give one weight per estimator.`);
  }
  const total = w.reduce((a, b) => a + b, 0);
  if (w.some((x) => !(x >= 0)) || !(total > 0)) throw new ParamError(`${who}: weights must be non-negative and not all zero, got [${w.join(', ')}].`);
  return Float64Array.from(w, (x) => x / total);
}

export function cloneMembers(estimators: readonly NamedEstimator[]): NamedEstimator[] {
  return estimators.map(([n, e]) => [n, e.clone()] as NamedEstimator);
}

export function votingJSON(className: string, params: VotingParams, state: Encoded | null): EstimatorJSON {
  return nestedEstimatorJSON(className, params, state);
}
