/** VotingClassifier: a weighted average of member classifiers' class probabilities. */
import { type NdArray, fromTyped } from '../../../tensor/index.js';
import { type EstimatorJSON, registerEstimator } from '../../base/estimator.js';
import { ParamError } from '../../base/errors.js';
import { type Label, type LabelInput, type MatrixInput, encodeLabels, toLabels } from '../../base/input.js';
import { Classifier } from '../../base/kinds.js';
import type { FitOptions } from '../../base/run.js';
import { reviveEstimators } from '../../compose/nested.js';
import { type VotingParams, checkVoting, cloneMembers, votingJSON } from './voting.js';

export interface VotingClassifierParams extends VotingParams {
  /** 'soft' averages probabilities (members need predictProba); 'hard' takes a weighted vote of labels. */
  voting: 'soft' | 'hard';
}

interface VotingClassifierState {
  classes: Label[];
}

/**
 * Combines classifiers (scikit-learn's VotingClassifier): `fit` fits every member on the same
 * data; `predictProba` is the weighted mean of their probabilities, `predict` its argmax (or a
 * weighted vote with voting 'hard'). AutoML's greedy ensemble is one of these.
 *
 * @example
 * const vote = new VotingClassifier({ estimators: [['lr', new LogisticRegression()], ['rf', new RandomForestClassifier()]], weights: [1, 2] });
 * vote.fit(X, y).predictProba(X);
 */
export class VotingClassifier extends Classifier<VotingClassifierParams, VotingClassifierState> {
  constructor(params: Partial<VotingClassifierParams> = {}) {
    super(reviveEstimators(params) as Partial<VotingClassifierParams>);
  }

  protected defaults(): VotingClassifierParams {
    return { estimators: [], weights: null, voting: 'soft' };
  }

  fit(X: MatrixInput, y: LabelInput, _options?: FitOptions): this {
    checkVoting(this.params, 'VotingClassifier');
    if (this.params.voting !== 'soft' && this.params.voting !== 'hard') {
      throw new ParamError(`VotingClassifier: voting must be 'soft' or 'hard', got ${JSON.stringify(this.params.voting)}.`);
    }
    const labels = toLabels(y, undefined, 'VotingClassifier');
    for (const [, est] of this.params.estimators) est.fit(X, labels);
    this.setFitted({ classes: encodeLabels(labels).classes });
    return this;
  }

  /** n × classes: the weighted mean of the members' probabilities, columns in `classes` order. */
  predictProba(X: MatrixInput): NdArray {
    const { classes } = this.fitted('predictProba');
    const w = checkVoting(this.params, 'VotingClassifier');
    const k = classes.length;
    const column = new Map(classes.map((c, j) => [c, j]));
    let out: Float64Array | null = null;
    let n = 0;
    this.params.estimators.forEach(([name, est], m) => {
      if (w[m] === 0) return;
      const memberClasses = (est as unknown as { classes: Label[] }).classes;
      let add: (i: number, j: number, v: number) => void;
      if (this.params.voting === 'soft') {
        if (typeof est.predictProba !== 'function') throw new ParamError(`VotingClassifier: member '${name}' has no predictProba(); use voting: 'hard'.`);
        const p = est.predictProba(X);
        n = p.shape[0]!;
        const flat = p.toFloat64Array();
        out ??= new Float64Array(n * k);
        const o = out;
        add = (i, j, v) => (o[i * k + column.get(memberClasses[j]!)!]! += w[m]! * v);
        const km = memberClasses.length;
        for (let i = 0; i < n; i++) for (let j = 0; j < km; j++) add(i, j, flat[i * km + j]!);
      } else {
        const pred = est.predict!(X) as Label[];
        n = pred.length;
        out ??= new Float64Array(n * k);
        for (let i = 0; i < n; i++) out[i * k + column.get(pred[i]!)!]! += w[m]!;
      }
    });
    return fromTyped(out!, [n, k]);
  }

  predict(X: MatrixInput): Label[] {
    const { classes } = this.fitted('predict');
    const p = this.predictProba(X);
    const k = classes.length;
    const flat = p.toFloat64Array();
    return Array.from({ length: p.shape[0]! }, (_, i) => {
      let best = 0;
      for (let j = 1; j < k; j++) if (flat[i * k + j]! > flat[i * k + best]!) best = j;
      return classes[best]!;
    });
  }

  override clone(): this {
    const Ctor = this.constructor as new (p: Partial<VotingClassifierParams>) => this;
    return new Ctor({ ...this.params, estimators: cloneMembers(this.params.estimators) });
  }

  override toJSON(): EstimatorJSON {
    return votingJSON(this.constructor.name, this.params, this.isFitted ? this.encodeState(this.fitted()) : null);
  }
}

registerEstimator(VotingClassifier);
