/**
 * Voting ensembles (VotingClassifier, VotingRegressor): each member — a model or a pipeline of
 * its own — is a closure over the features the ensemble receives, and the ensemble adds up
 * the members' probabilities (soft), votes (hard) or predictions with normalized weights, in
 * member order as natively.
 */
import type { Estimator, Label } from '../../../learn/index.js';
import { VotingClassifier, type VotingRegressor } from '../../../learn/index.js';
import { UnsupportedModelError } from '../unsupported.js';
import { num, typed } from '../literals.js';
import { type Kernel, argmaxBody, copyBody } from './kernel.js';

/** A member compiled to a closure: its source (`const NAME = (() => { … })();`) and its kernel. */
export interface CompiledMember {
  source: string;
  kernel: Kernel;
}

export function votingKernel(
  est: VotingClassifier | VotingRegressor, compileMember: (member: Estimator<any, any>, name: string) => CompiledMember,
): Kernel {
  const members = est.params.estimators;
  const raw = est.params.weights ?? members.map(() => 1);
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / total);
  const declarations: string[] = [];
  const lines: string[] = [];
  const compiled: CompiledMember[] = [];
  const classifier = est instanceof VotingClassifier;
  const classes: Label[] | undefined = classifier ? (est as VotingClassifier).classes : undefined;
  const K = classes?.length ?? 1;
  lines.push(`s.fill(0, 0, n * ${K});`);
  members.forEach(([name, member], m) => {
    if (weights[m] === 0) return;
    const id = `member${m}`;
    const c = compileMember(member, id);
    compiled.push(c);
    declarations.push(`/** Member '${name.replace(/[^\w.-]/g, '_')}', weight ${num(weights[m]!)}. */`, c.source);
    const w = num(weights[m]!);
    lines.push(`${id}.score(x, n, D);`);
    if (!classifier) {
      lines.push(`for (let i = 0; i < n; i++) s[i] += ${w} * ${id}.S[i];`);
      return;
    }
    const memberClasses = c.kernel.classes!;
    const columns = `COLUMNS_${m}`;
    declarations.push(`/** The ensemble's column of each of the member's classes. */`, `const ${columns} = ${typed('Int32Array', memberClasses.map((l) => classes!.indexOf(l)))};`);
    if (est.params.voting === 'soft') {
      if (!c.kernel.proba) throw new UnsupportedModelError(`VotingClassifier: member '${name}' has no predictProba(); a soft vote needs one (use voting: 'hard').`);
      const km = memberClasses.length;
      declarations.push(`const PROBA_${m} = new Array(${km}).fill(0);`);
      lines.push(
        'for (let i = 0; i < n; i++) {',
        `  ${id}.probabilities(${id}.S, i * ${id}.W, PROBA_${m});`,
        `  for (let j = 0; j < ${km}; j++) s[i * ${K} + ${columns}[j]] += ${w} * PROBA_${m}[j];`,
        '}',
      );
    } else {
      lines.push(`for (let i = 0; i < n; i++) s[i * ${K} + ${columns}[${id}.labelIndex(${id}.S, i * ${id}.W)]] += ${w};`);
    }
  });
  const allowNaN = compiled.every((c) => c.kernel.allowNaN);
  if (!classifier) return { task: 'regression', width: 1, input: 'Float64Array', allowNaN, declarations, score: lines.join('\n') };
  return {
    task: 'classification', width: K, input: 'Float64Array', allowNaN, declarations, score: lines.join('\n'), classes,
    label: argmaxBody(K),
    proba: copyBody(K),
  };
}
