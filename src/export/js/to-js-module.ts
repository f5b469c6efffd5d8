/**
 * `toJsModule`: a fitted model or pipeline as one dependency-free ES module that computes the
 * same predictions — preprocessing inlined into a row function, the model as a kernel over
 * blocks of rows (dot products, flattened trees, support vectors, training points).
 */
import {
  BernoulliNB, DecisionTreeClassifier, DecisionTreeRegressor, ElasticNet, Estimator, ExtraTreesClassifier, ExtraTreesRegressor, type ForestClassifier,
  GaussianNB, RandomForestClassifier, RandomForestRegressor,
  GradientBoostingClassifier, GradientBoostingRegressor, KMeans, KNeighborsClassifier, KNeighborsRegressor, Lasso, LinearRegression,
  LinearSVC, LogisticRegression, MiniBatchKMeans, MultinomialNB, NotFittedError, Pipeline, Ridge, SGDClassifier, SGDRegressor, SVC, SVR,
  VotingClassifier, VotingRegressor,
  type FlatTree, type Label, kebabName,
} from '../../learn/index.js';
import { MLPClassifier, MLPRegressor } from '../../nn/index.js';
import { fittedState } from './fitted-state.js';
import { list } from './literals.js';
import { SUPPORTED_TRANSFORMERS, applyTransformer, inputColumns, isInlinableTransformer } from './preprocessing.js';
import { type Feature, type InputColumn, RowProgram } from './row-program.js';
import { UnsupportedModelError } from './unsupported.js';
import { type BoosterState, boostingKernel } from './kernels/boosting.js';
import { centroidKernel } from './kernels/centroids.js';
import type { Kernel } from './kernels/kernel.js';
import { linearClassifierKernel, linearRegressorKernel } from './kernels/linear.js';
import { mlpClassifierKernel, mlpRegressorKernel } from './kernels/mlp.js';
import { naiveBayesKernel } from './kernels/naive-bayes.js';
import { neighborsKernel } from './kernels/neighbors.js';
import { svmKernel } from './kernels/svm.js';
import { treeClassifierKernel, treeRegressorKernel } from './kernels/trees.js';
import { type CompiledMember, votingKernel } from './kernels/voting.js';

type AnyEstimator = Estimator<any, any>;

export interface JsModuleOptions {
  /** Rows scored per block (default 256): bigger blocks amortize calls, smaller ones use less memory. */
  blockSize?: number;
}

/** One output of the generated module's main function. */
export interface JsModuleOutput {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'number[]';
  /** Classifiers: the class of each probability column. */
  classes?: Label[];
}

/** What a generated module reads and returns (also exported by the module as `inputs` and `outputs`). */
export interface JsModuleSignature {
  task: 'classification' | 'regression' | 'clustering' | 'transform';
  inputs: InputColumn[];
  outputs: JsModuleOutput[];
}

/** Whether `e` is exactly one of `classes` (a subclass may predict differently, so it is not exported as its parent). */
const is = (e: AnyEstimator, ...classes: (abstract new (...args: any[]) => unknown)[]): boolean => classes.includes(e.constructor as never);

const MODELS: [string, (est: AnyEstimator) => Kernel | null][] = [
  ['linear-regression, ridge, lasso, elastic-net, sgd-regressor', (e) =>
    is(e, LinearRegression, Ridge, Lasso, ElasticNet, SGDRegressor) ? linearRegressorKernel(e) : null],
  ['logistic-regression, sgd-classifier, linear-svc', (e) =>
    is(e, LogisticRegression, SGDClassifier, LinearSVC) ? linearClassifierKernel(e) : null],
  ['decision-tree-classifier, decision-tree-regressor', (e) => {
    if (is(e, DecisionTreeClassifier)) return treeClassifierKernel([fittedState<{ tree: FlatTree }>(e).tree], (e as DecisionTreeClassifier).classes, false);
    if (is(e, DecisionTreeRegressor)) return treeRegressorKernel([fittedState<{ tree: FlatTree }>(e).tree]);
    return null;
  }],
  ['random-forest-classifier, random-forest-regressor, extra-trees-classifier, extra-trees-regressor', (e) => {
    if (is(e, RandomForestClassifier, ExtraTreesClassifier)) return treeClassifierKernel(fittedState<{ trees: FlatTree[] }>(e).trees, (e as ForestClassifier).classes, true);
    if (is(e, RandomForestRegressor, ExtraTreesRegressor)) return treeRegressorKernel(fittedState<{ trees: FlatTree[] }>(e).trees);
    return null;
  }],
  ['gradient-boosting-classifier, gradient-boosting-regressor', (e) =>
    is(e, GradientBoostingClassifier, GradientBoostingRegressor) ? boostingKernel(fittedState<BoosterState>(e)) : null],
  ['k-neighbors-classifier, k-neighbors-regressor', (e) => (is(e, KNeighborsClassifier, KNeighborsRegressor) ? neighborsKernel(e as KNeighborsClassifier) : null)],
  ['gaussian-nb, multinomial-nb, bernoulli-nb', (e) => (is(e, GaussianNB, MultinomialNB, BernoulliNB) ? naiveBayesKernel(e as GaussianNB) : null)],
  ['svc, svr', (e) => (is(e, SVC, SVR) ? svmKernel(e as SVC) : null)],
  ['k-means, mini-batch-k-means', (e) => (is(e, KMeans, MiniBatchKMeans) ? centroidKernel(e as KMeans) : null)],
  ['mlp-classifier, mlp-regressor', (e) => (is(e, MLPClassifier) ? mlpClassifierKernel(e) : is(e, MLPRegressor) ? mlpRegressorKernel(e) : null)],
];

/** Registered names of everything `toJsModule` can export: models, then inlined transformers. */
export function supportedJsModels(): string[] {
  return [...MODELS.flatMap(([names]) => names.split(', ')), 'voting-classifier', 'voting-regressor', ...SUPPORTED_TRANSFORMERS];
}

function unsupported(est: unknown, where: string): UnsupportedModelError {
  const name = est !== null && typeof est === 'object' ? kebabName(est.constructor.name) : String(est);
  return new UnsupportedModelError(
    `Cannot export ${where}'${name}' as JavaScript. Supported models: ${supportedJsModels().slice(0, -SUPPORTED_TRANSFORMERS.length).join(', ')}; ` +
      `supported preprocessing: ${SUPPORTED_TRANSFORMERS.join(', ')}.`,
  );
}

/** The kernel of a final estimator that receives d features. */
function modelKernel(est: AnyEstimator, d: number): Kernel {
  if (is(est, VotingClassifier, VotingRegressor)) return votingKernel(est as VotingClassifier, (member, id) => compileMember(member, d, id));
  for (const [, make] of MODELS) {
    const kernel = make(est);
    if (kernel) return kernel;
  }
  throw unsupported(est, 'the model ');
}

/** The steps to inline and the final estimator (null when the pipeline ends in a transformer). */
function split(model: AnyEstimator): { steps: AnyEstimator[]; final: AnyEstimator | null } {
  const chain = model instanceof Pipeline
    ? model.params.steps.flatMap(([, e]) => (e === null || e === 'passthrough' ? [] : [e as AnyEstimator]))
    : [model];
  if (chain.length === 0) throw new UnsupportedModelError('The pipeline has only passthrough steps; there is nothing to export.');
  const last = chain[chain.length - 1]!;
  const final = isInlinableTransformer(last) ? null : last;
  const steps = final ? chain.slice(0, -1) : chain;
  steps.forEach((s, i) => {
    if (!isInlinableTransformer(s)) throw unsupported(s, `pipeline step ${i + 1} `);
  });
  return { steps, final };
}

function describe(model: AnyEstimator): string {
  if (!(model instanceof Pipeline)) return model.constructor.name;
  return `Pipeline(${model.params.steps.filter(([, e]) => e !== null && e !== 'passthrough').map(([, e]) => (e as object).constructor.name).join(' → ')})`;
}

function labelType(classes: readonly Label[]): 'string' | 'number' | 'boolean' {
  const t = typeof classes[0];
  return t === 'string' ? 'string' : t === 'boolean' ? 'boolean' : 'number';
}

interface Chain {
  prog: RowProgram;
  kernel: Kernel;
  /** Features after preprocessing. */
  width: number;
}

/** Inlines `model`'s preprocessing into `prog` (starting from `features`) and builds its model kernel. */
function compileChain(model: AnyEstimator, prog: RowProgram, features: Feature[]): Chain {
  const { steps, final } = split(model);
  for (const step of steps) features = applyTransformer(prog, step, features);
  let kernel: Kernel;
  if (final) {
    kernel = modelKernel(final, features.length);
    const expected = fittedState<{ nFeatures?: number }>(final).nFeatures;
    if (expected !== undefined && expected !== features.length) {
      throw new UnsupportedModelError(`${final.constructor.name} was fitted on ${expected} features, but the preprocessing before it yields ${features.length}.`);
    }
  } else {
    kernel = {
      task: 'transform', width: features.length, input: 'Float64Array', allowNaN: true, declarations: [],
      score: 's.set(x.subarray(0, n * D));',
    };
  }
  prog.finish(features);
  return { prog, kernel, width: features.length };
}

const fn = (signature: string, body: string): string => `function ${signature} {\n${body.split('\n').map((l) => (l ? '  ' + l : l)).join('\n')}\n}`;

/**
 * Declarations with blank lines between them, except after a one-line doc comment (it belongs to
 * what follows) and between consecutive one-line constants.
 */
function spaced(declarations: readonly string[]): string[] {
  const oneLine = (d: string): boolean => !d.includes('\n');
  const comment = (d: string): boolean => oneLine(d) && d.startsWith('/**');
  const out: string[] = [];
  declarations.forEach((d, i) => {
    const next = declarations[i + 1];
    out.push(d);
    if (next === undefined || comment(d) || (oneLine(d) && oneLine(next) && !comment(next) && d.startsWith('const ') && next.startsWith('const '))) return;
    out.push('');
  });
  return out;
}

/** Constants, helpers, readRow and the kernel's functions of a compiled chain, as source blocks. */
function chainSource({ prog, kernel }: Chain): string[] {
  const parts = [
    ...prog.constants,
    ...(prog.constants.length ? [''] : []),
    ...prog.helperSource().flatMap((h) => [h, '']),
    prog.mode === 'features' ? "/** Reads the features of row r of the ensemble's block and writes this member's features into x[o …]. */" : '/** Reads one raw row and writes its features into x[o …]. */',
    prog.source(),
    '',
    ...spaced(kernel.declarations),
    '',
    '/** Scores n rows of features x into s (W per row). */',
    fn('scoreBlock(x, n, s)', kernel.score),
  ];
  if (kernel.label) parts.push('', fn('labelIndex(s, o)', kernel.label));
  if (kernel.proba) parts.push('', fn('probabilities(s, o, p)', kernel.proba));
  return parts;
}

/** A member of an ensemble as a closure over the ensemble's features (d per row). */
function compileMember(member: AnyEstimator, d: number, id: string): CompiledMember {
  const prog = new RowProgram(Array.from({ length: d }, (_, j) => `f${j}`), 'features');
  const chain = compileChain(member, prog, prog.inputs.map((_, j) => prog.input(j)));
  const body = [
    `const D = ${chain.width};`,
    `const W = ${chain.kernel.width};`,
    '',
    ...chainSource(chain),
    '',
    `const X = new ${chain.kernel.input}(BLOCK * D);`,
    'const S = new Float64Array(BLOCK * W);',
    'return {',
    '  S,',
    '  W,',
    "  /** Scores the n rows of the ensemble's feature block x (d features per row) into S. */",
    '  score(x, n, d) {',
    '    for (let i = 0; i < n; i++) readRow(x, X, i * D, i * d);',
    '    scoreBlock(X, n, S);',
    '  },',
    ...(chain.kernel.label ? ['  labelIndex,'] : []),
    ...(chain.kernel.proba ? ['  probabilities,'] : []),
    '};',
  ];
  const indented = body.flatMap((l) => l.split('\n')).map((l) => (l ? '  ' + l : l)).join('\n');
  return { source: `const ${id} = (() => {\n${indented}\n})();`, kernel: chain.kernel };
}

interface Compiled extends Chain {
  signature: JsModuleSignature;
}

function compile(model: AnyEstimator): Compiled {
  if (!(model instanceof Estimator)) throw new UnsupportedModelError(`toJsModule expects a fitted Strata estimator or Pipeline, got ${typeof model}.`);
  if (!model.isFitted) throw new NotFittedError(model.constructor.name, 'toJsModule');
  const { steps, final } = split(model);
  const first = steps[0] ?? final!;
  const { names, named } = inputColumns(first, fittedState<{ nFeatures?: number }>(first).nFeatures);
  const prog = new RowProgram(names, named ? 'named' : 'positional');
  const chain = compileChain(model, prog, names.map((_, j) => prog.input(j)));
  const { kernel } = chain;
  const inputs = named ? prog.usedInputs() : prog.inputs;
  const outputs: JsModuleOutput[] =
    kernel.task === 'classification'
      ? [{ name: 'label', type: labelType(kernel.classes!) }, ...(kernel.proba ? [{ name: 'probabilities', type: 'number[]' as const, classes: kernel.classes! }] : [])]
      : kernel.task === 'regression' ? [{ name: 'prediction', type: 'number' }]
        : kernel.task === 'clustering' ? [{ name: 'cluster', type: 'number' }]
          : [{ name: 'features', type: 'number[]' }];
  return { ...chain, signature: { task: kernel.task, inputs, outputs } };
}

/** The inputs and outputs of the module `toJsModule(model)` would generate, without generating it. */
export function jsModuleSignature(model: AnyEstimator): JsModuleSignature {
  return compile(model).signature;
}

/**
 * Generates one ES module with no imports that computes the same predictions as `model`, a
 * fitted estimator or Pipeline (preprocessing included). The module exports `inputs` (raw
 * column names and types), `outputs`, `predict(rows)` and, for classifiers, `classes` and
 * `predictProba(rows)` (pipelines ending in a transformer export `transform(rows)` instead).
 * Rows are objects keyed by input column name (arrays by position for models fitted on
 * matrices). The text depends only on the model: the same model gives the same module.
 *
 * @example
 * const source = toJsModule(pipeline);
 * writeFileSync('model.mjs', source);
 * const { predict, predictProba } = await import('./model.mjs');
 * predict([{ age: 31, city: 'Paris' }]); // ['yes']
 */
export function toJsModule(model: AnyEstimator, options: JsModuleOptions = {}): string {
  const block = options.blockSize ?? 256;
  if (!Number.isInteger(block) || block < 4) throw new RangeError(`toJsModule: blockSize must be an integer ≥ 4, got ${block}.`);
  const compiled = compile(model);
  const { prog, kernel, width: D, signature } = compiled;
  const W = kernel.width;
  const inputsDoc = prog.named
    ? 'The raw input columns: rows are objects keyed by these names.'
    : 'The input columns: rows are arrays in this order (or objects keyed by these names).';
  const parts: string[] = [
    `// ${describe(model)} as a dependency-free ES module, generated by Strata (strata export --format js).`,
    '// It computes the same predictions as the native model. Generated code: regenerate it rather than edit it.',
    '',
    `/** ${inputsDoc} */`,
    `export const inputs = Object.freeze(${JSON.stringify(signature.inputs)});`,
    '/** What the main function returns per row. */',
    `export const outputs = Object.freeze(${JSON.stringify(signature.outputs)});`,
  ];
  if (kernel.classes) parts.push('/** Class labels; predictProba columns follow this order. */', `export const classes = Object.freeze(${list(kernel.classes)});`);
  parts.push(
    '',
    `/** Features after preprocessing, scores per row, rows per block. */`,
    `const D = ${D};`,
    `const W = ${W};`,
    `const BLOCK = ${block};`,
    '',
    ...chainSource(compiled),
    '',
  );
  const nanCheck = kernel.allowNaN ? '' : `
    for (let i = 0; i < n * D; i++) {
      if (X[i] !== X[i]) throw new RangeError(\`row \${start + Math.floor(i / D)}: feature \${i % D} is missing (NaN) after preprocessing; this model needs every value\`);
    }`;
  parts.push(
    `const X = new ${kernel.input}(BLOCK * D);`,
    'const S = new Float64Array(BLOCK * W);',
    '',
    '/** Reads, checks and scores rows block by block; use(start, n) reads the scores of rows start … start + n - 1 from S. */',
    `function eachBlock(rows, use) {
  if (!Array.isArray(rows)) throw new TypeError('expected an array of rows, e.g. [${prog.named ? '{ column: value, … }' : '[value, …]'}]');
  for (let start = 0; start < rows.length; start += BLOCK) {
    const n = Math.min(BLOCK, rows.length - start);
    let i = 0;
    try {
      for (; i < n; i++) {
        const row = rows[start + i];
        if (row === null || typeof row !== 'object') throw new TypeError(\`expected ${prog.named ? 'an object keyed by column name' : 'an array of values'}, got \${JSON.stringify(row)}\`);
        readRow(row, X, i * D);
      }
    } catch (err) {
      if (err instanceof Error) err.message = \`row \${start + i}: \${err.message}\`;
      throw err;
    }${nanCheck}
    scoreBlock(X, n, S);
    use(start, n);
  }
}`,
    '',
  );
  const length = 'Array.isArray(rows) ? rows.length : 0';
  if (kernel.task === 'classification') {
    parts.push(
      '/** The predicted class label of each row. */',
      `export function predict(rows) {
  const out = new Array(${length});
  eachBlock(rows, (start, n) => {
    for (let i = 0; i < n; i++) out[start + i] = classes[labelIndex(S, i * W)];
  });
  return out;
}`,
    );
    if (kernel.proba) {
      parts.push(
        '',
        '/** Class probabilities of each row, one per class in `classes` order. */',
        `export function predictProba(rows) {
  const out = new Array(${length});
  eachBlock(rows, (start, n) => {
    for (let i = 0; i < n; i++) {
      const p = new Array(${kernel.classes!.length}).fill(0);
      probabilities(S, i * W, p);
      out[start + i] = p;
    }
  });
  return out;
}`,
      );
    }
  } else if (kernel.task === 'transform') {
    parts.push(
      '/** The transformed features of each row. */',
      `export function transform(rows) {
  const out = new Array(${length});
  eachBlock(rows, (start, n) => {
    for (let i = 0; i < n; i++) out[start + i] = Array.from(S.subarray(i * W, (i + 1) * W));
  });
  return out;
}`,
    );
  } else {
    parts.push(
      `/** The ${kernel.task === 'clustering' ? 'cluster index' : 'prediction'} of each row. */`,
      `export function predict(rows) {
  const out = new Array(${length});
  eachBlock(rows, (start, n) => {
    for (let i = 0; i < n; i++) out[start + i] = S[i];
  });
  return out;
}`,
    );
  }
  return parts.join('\n') + '\n';
}

export type { InputColumn };
