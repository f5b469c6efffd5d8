/**
 * Preprocessing steps inlined into the row function: each fitted transformer turns the
 * symbolic features it receives into the features it outputs, adding the statements that
 * compute them. Operations are written in the same order as the native transforms, so the
 * generated module reproduces them bit for bit.
 */
import {
  type Category, ColumnTransformer, CountVectorizer, DatetimeFeatures, type Estimator, MaxAbsScaler, MinMaxScaler, Normalizer, OneHotEncoder,
  OrdinalEncoder, PCA, Pipeline, RobustScaler, SimpleImputer, StandardScaler, TfidfTransformer, TfidfVectorizer, TruncatedSVD, VotingClassifier,
  VotingRegressor, kebabName,
} from '../../learn/index.js';
import { compileTokenPattern } from '../../learn/preprocessing/text-analyzer.js';
import { fittedState } from './fitted-state.js';
import { mapOf, num, typed, value } from './literals.js';
import { type Feature, type InputType, RowProgram } from './row-program.js';
import { UnsupportedModelError } from './unsupported.js';

type AnyEstimator = Estimator<any, any>;

/** The transformers the row function can inline, by registered name. */
export const SUPPORTED_TRANSFORMERS = [
  'column-transformer', 'pipeline', 'simple-imputer', 'standard-scaler', 'min-max-scaler', 'max-abs-scaler', 'robust-scaler',
  'normalizer', 'one-hot-encoder', 'ordinal-encoder', 'pca', 'truncated-svd', 'datetime-features', 'count-vectorizer', 'tfidf-vectorizer',
  'tfidf-transformer',
];

const INLINABLE: readonly (abstract new (...args: any[]) => unknown)[] = [
  ColumnTransformer, Pipeline, SimpleImputer, StandardScaler, MinMaxScaler, MaxAbsScaler, RobustScaler, Normalizer, OneHotEncoder, OrdinalEncoder, PCA,
  TruncatedSVD, DatetimeFeatures, CountVectorizer, TfidfVectorizer, TfidfTransformer,
];

/**
 * Whether `est` is a transformer this module can inline: exactly one of the classes above, not a
 * subclass (which may transform differently).
 */
export function isInlinableTransformer(est: unknown): boolean {
  return est !== null && typeof est === 'object' && INLINABLE.includes(est.constructor as never);
}

/** The input columns `est` was fitted on and whether they were named (a frame or row objects). */
export function inputColumns(est: AnyEstimator, nFeatures: number | undefined): { names: string[]; named: boolean } {
  const s = fittedState<{ featureNamesIn?: string[]; named?: boolean; nFeatures?: number; featureNames?: string[] }>(est);
  if (est instanceof Pipeline) {
    const first = est.params.steps.find(([, e]) => e !== null && e !== 'passthrough');
    if (!first) throw new UnsupportedModelError('Pipeline has no estimator step to export.');
    return inputColumns(first[1] as AnyEstimator, nFeatures);
  }
  if (est instanceof VotingClassifier || est instanceof VotingRegressor) {
    const member = est.params.estimators[0]![1] as AnyEstimator;
    return inputColumns(member, fittedState<{ nFeatures?: number }>(member).nFeatures);
  }
  const names = s.featureNamesIn ?? s.featureNames;
  if (names) return { names: [...names], named: s.named === true };
  if (est instanceof CountVectorizer || est instanceof TfidfVectorizer) return { names: ['x0'], named: false };
  const p = s.nFeatures ?? nFeatures;
  if (p === undefined) throw new UnsupportedModelError(`${est.constructor.name}: cannot tell how many input columns it takes.`);
  return { names: Array.from({ length: p }, (_, j) => `x${j}`), named: false };
}

/** Applies a fitted transformer to `features`, returning its output features. */
export function applyTransformer(prog: RowProgram, est: AnyEstimator, features: Feature[]): Feature[] {
  if (!isInlinableTransformer(est)) {
    throw new UnsupportedModelError(
      `Cannot export the preprocessing step '${kebabName(est.constructor.name)}' as JavaScript; supported preprocessing: ${SUPPORTED_TRANSFORMERS.join(', ')}.`,
    );
  }
  if (est instanceof Pipeline) {
    let out = features;
    for (const [, step] of est.params.steps) if (step !== null && step !== 'passthrough') out = applyTransformer(prog, step as AnyEstimator, out);
    return out;
  }
  if (est instanceof ColumnTransformer) return columnTransformer(prog, est, features);
  if (est instanceof SimpleImputer) return simpleImputer(prog, est, features);
  if (est instanceof OneHotEncoder) return oneHotEncoder(prog, est, features);
  if (est instanceof OrdinalEncoder) return ordinalEncoder(prog, est, features);
  if (est instanceof StandardScaler) {
    const s = fittedState<{ mean: Float64Array | null; scale: Float64Array | null }>(est);
    const withMean = est.params.withMean;
    return affine(prog, features, (x, j) => {
      let e = x;
      if (withMean) e = `${e} - ${num(s.mean![j]!)}`;
      if (s.scale) e = `(${e}) / ${num(s.scale[j]!)}`;
      return e;
    });
  }
  if (est instanceof RobustScaler) {
    const s = fittedState<{ center: Float64Array | null; scale: Float64Array | null }>(est);
    return affine(prog, features, (x, j) => {
      let e = x;
      if (s.center) e = `${e} - ${num(s.center[j]!)}`;
      if (s.scale) e = `(${e}) / ${num(s.scale[j]!)}`;
      return e;
    });
  }
  if (est instanceof MinMaxScaler) {
    const s = fittedState<{ scale: Float64Array; min: Float64Array }>(est);
    const [lo, hi] = est.params.featureRange;
    return affine(prog, features, (x, j) => {
      const e = `${x} * ${num(s.scale[j]!)} + ${num(s.min[j]!)}`;
      return est.params.clip ? `Math.min(${num(hi)}, Math.max(${num(lo)}, ${e}))` : e;
    });
  }
  if (est instanceof MaxAbsScaler) {
    const s = fittedState<{ scale: Float64Array }>(est);
    return affine(prog, features, (x, j) => `${x} / ${num(s.scale[j]!)}`);
  }
  if (est instanceof Normalizer) return normalizer(prog, est.params.norm, features);
  if (est instanceof PCA) {
    const s = fittedState<{ components: Float64Array; explainedVariance: Float64Array; mean: Float64Array; nComponents: number }>(est);
    return projection(prog, 'PCA', features, s.components, s.nComponents, s.mean, est.params.whiten ? s.explainedVariance : null);
  }
  if (est instanceof TruncatedSVD) {
    const s = fittedState<{ components: Float64Array; nComponents: number }>(est);
    return projection(prog, 'TruncatedSVD', features, s.components, s.nComponents, null, null);
  }
  if (est instanceof DatetimeFeatures) return datetimeFeatures(prog, est, features);
  if (est instanceof CountVectorizer || est instanceof TfidfVectorizer) return textVectorizer(prog, est, features);
  if (est instanceof TfidfTransformer) {
    const s = fittedState<{ idf: Float64Array | null }>(est);
    const buf = scratch(prog, features);
    const idf = s.idf ? prog.constant('IDF', typed('Float64Array', s.idf)) : 'null';
    prog.body.push(`${prog.use('weighCounts')}(${buf}, ${idf}, ${value(est.params.norm)}, ${est.params.sublinearTf});`);
    return features.map((_, j): Feature => ({ kind: 'num', expr: `${buf}[${j}]` }));
  }
  throw new UnsupportedModelError(`${est.constructor.name} cannot be inlined as a preprocessing step.`);
}

function datetimeFeatures(prog: RowProgram, est: DatetimeFeatures, features: Feature[]): Feature[] {
  const s = fittedState<{ parts: string[][] }>(est);
  checkWidth('DatetimeFeatures', features, s.parts.length);
  return s.parts.flatMap((parts, j) => {
    const f = features[j]!;
    prog.noteType(f, 'datetime');
    const ms = prog.bind(`${prog.use('toEpochMs')}(${rawExpr(prog, f)}, ${JSON.stringify(prog.columnName(f))})`, 't');
    prog.use('datePart');
    return parts.map((part): Feature => ({ kind: 'num', expr: prog.bind(`datePart(${ms}, ${JSON.stringify(part)})`) }));
  });
}

/** CountVectorizer or TfidfVectorizer on one text column: counts into a scratch row, then TF-IDF weights. */
function textVectorizer(prog: RowProgram, est: CountVectorizer | TfidfVectorizer, features: Feature[]): Feature[] {
  const who = est.constructor.name;
  const s = fittedState<{ vocabulary: string[]; idf?: Float64Array | null }>(est);
  checkWidth(who, features, 1);
  const f = features[0]!;
  prog.noteType(f, 'string');
  const p = est.params;
  const pattern = compileTokenPattern(p.tokenPattern);
  const groups = new RegExp(`${pattern.source}|`, 'u').exec('')!.length - 1;
  const analyzer = [
    `lowercase: ${p.lowercase}`,
    `// tokenPattern ${JSON.stringify(p.tokenPattern)}, with Python's Unicode \\w and \\b\n  pattern: new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)})`,
    `group: ${groups === 1}`,
    `stopWords: ${p.stopWords ? `new Set(${JSON.stringify(p.stopWords)})` : 'null'}`,
    `minN: ${p.ngramRange[0]}`,
    `maxN: ${p.ngramRange[1]}`,
    `binary: ${p.binary}`,
    `vocabulary: ${mapOf(s.vocabulary).replace(/\n/g, '\n  ')}`,
  ];
  const a = prog.constant('ANALYZER', `{\n  ${analyzer.join(',\n  ')},\n}`);
  const counts = prog.constant('COUNTS', `new Float64Array(${s.vocabulary.length})`);
  const doc = `${prog.use('textOf')}(${rawExpr(prog, f)}, ${JSON.stringify(prog.columnName(f))})`;
  prog.body.push(`${prog.use('countTerms')}(${doc}, ${a}, ${counts});`);
  if (est instanceof TfidfVectorizer) {
    const idf = s.idf ? prog.constant('IDF', typed('Float64Array', s.idf)) : 'null';
    const w = est.params;
    prog.body.push(`${prog.use('weighCounts')}(${counts}, ${idf}, ${value(w.norm)}, ${w.sublinearTf});`);
  }
  return s.vocabulary.map((_, j): Feature => ({ kind: 'num', expr: `${counts}[${j}]` }));
}

function checkWidth(who: string, features: Feature[], expected: number): void {
  if (features.length !== expected) {
    throw new UnsupportedModelError(`${who} was fitted on ${expected} columns but receives ${features.length} here; the pipeline's steps do not line up.`);
  }
}

/** An element-wise numeric map, one bound local per output column. */
function affine(prog: RowProgram, features: Feature[], f: (x: string, j: number) => string): Feature[] {
  return features.map((feature, j) => ({ kind: 'num', expr: prog.bind(f(prog.numeric(feature), j)) }));
}

function columnTransformer(prog: RowProgram, ct: ColumnTransformer, features: Feature[]): Feature[] {
  const s = fittedState<{ fitted: [string, unknown, string[]][]; featureNamesIn: string[] }>(ct);
  checkWidth('ColumnTransformer', features, s.featureNamesIn.length);
  const byName = ct.namedTransformers;
  const out: Feature[] = [];
  for (const [name, , cols] of s.fitted) {
    const est = byName[name]!;
    const inputs = cols.map((c) => features[s.featureNamesIn.indexOf(c)]!);
    prog.comment(`${name}: ${est === 'passthrough' ? 'passthrough' : describe(est)} on ${cols.map((c) => `'${c}'`).join(', ')}`);
    if (est === 'passthrough') out.push(...inputs.map((f): Feature => ({ kind: 'num', expr: prog.numeric(f) })));
    else out.push(...applyTransformer(prog, est as AnyEstimator, inputs));
  }
  return out;
}

/** `Pipeline(SimpleImputer, StandardScaler)` style summary of a step. */
function describe(est: unknown): string {
  if (est instanceof Pipeline) return est.params.steps.filter(([, e]) => e !== null && e !== 'passthrough').map(([, e]) => describe(e)).join(' → ');
  if (est instanceof SimpleImputer) return `SimpleImputer(${est.params.strategy})`;
  return (est as object).constructor.name;
}

/** A test for "missing" as the imputer defines it. */
function missingTest(missingValues: number | string | null, x: string): string {
  if (missingValues === null || (typeof missingValues === 'number' && Number.isNaN(missingValues))) return `${x} === null || ${x} === undefined || ${x} !== ${x}`;
  return `${x} === ${value(missingValues)}`;
}

function simpleImputer(prog: RowProgram, imp: SimpleImputer, features: Feature[]): Feature[] {
  const s = fittedState<{ statistics: Category[]; indicatorFeatures: number[] }>(imp);
  checkWidth('SimpleImputer', features, s.statistics.length);
  const out: Feature[] = [];
  const missing = new Map<number, string>();
  const indicated = new Set(imp.params.addIndicator ? s.indicatorFeatures : []);
  features.forEach((f, j) => {
    const fill = s.statistics[j]!;
    if (fill === null && !indicated.has(j)) return;
    const x = f.kind === 'raw' ? f.expr : prog.numeric(f);
    const m = prog.bind(missingTest(imp.params.missingValues, x), 'm');
    missing.set(j, m);
    if (fill === null) return;
    if (typeof fill === 'string') prog.noteType(f, 'string');
    else if (typeof fill === 'boolean') prog.noteType(f, 'boolean');
    const filled = prog.bind(`${m} ? ${value(fill)} : ${x}`);
    out.push(f.kind === 'raw' ? { kind: 'raw', expr: filled, column: f.column } : { kind: 'num', expr: filled });
  });
  for (const j of [...indicated].sort((a, b) => a - b)) out.push({ kind: 'num', expr: `(${missing.get(j)!} ? 1 : 0)` });
  return out;
}

/** The type of the values of a category list (strings, numbers or booleans). */
function categoryType(categories: readonly Category[]): InputType | null {
  const c = categories.find((v) => v !== null);
  return c === undefined ? null : typeof c === 'string' ? 'string' : typeof c === 'boolean' ? 'boolean' : 'number';
}

/** The key a raw value is looked up by: missing values (null, undefined, NaN) share null. */
function categoryKey(x: string): string {
  return `${x} === undefined || ${x} !== ${x} ? null : ${x}`;
}

function rawExpr(prog: RowProgram, f: Feature): string {
  return f.kind === 'raw' ? f.expr : prog.numeric(f);
}

function oneHotEncoder(prog: RowProgram, enc: OneHotEncoder, features: Feature[]): Feature[] {
  const s = fittedState<{
    features: { categories: Category[]; slotOf: number[]; width: number; infrequentSlot: number }[];
  }>(enc);
  checkWidth('OneHotEncoder', features, s.features.length);
  const unknown = enc.params.handleUnknown;
  const out: Feature[] = [];
  s.features.forEach((fe, j) => {
    const f = features[j]!;
    const type = categoryType(fe.categories);
    if (type) prog.noteType(f, type);
    const slots = prog.constant('SLOTS', mapOf(fe.categories, fe.slotOf));
    const x = rawExpr(prog, f);
    let lookup = `${slots}.get(${categoryKey(x)})`;
    if (unknown === 'error') {
      const known = JSON.stringify(fe.categories.map((c) => (c === null ? 'missing' : String(c))).join(', '));
      lookup = `${lookup} ?? ${prog.use('unknownCategory')}(${x}, ${JSON.stringify(prog.columnName(f))}, ${known})`;
    } else lookup = `${lookup} ?? ${unknown === 'infrequent_if_exist' ? fe.infrequentSlot : -1}`;
    const slot = prog.bind(lookup, 'k');
    for (let t = 0; t < fe.width; t++) out.push({ kind: 'slot', expr: slot, slot: t });
  });
  return out;
}

function ordinalEncoder(prog: RowProgram, enc: OrdinalEncoder, features: Feature[]): Feature[] {
  const s = fittedState<{ categories: Category[][] }>(enc);
  checkWidth('OrdinalEncoder', features, s.categories.length);
  const { handleUnknown, unknownValue, encodedMissingValue } = enc.params;
  return s.categories.map((cats, j): Feature => {
    const f = features[j]!;
    const type = categoryType(cats);
    if (type) prog.noteType(f, type);
    const known = cats.filter((c) => c !== null);
    const codes = prog.constant('CODES', mapOf(known));
    const x = rawExpr(prog, f);
    const onUnknown = handleUnknown === 'error'
      ? `${prog.use('unknownCategory')}(${x}, ${JSON.stringify(prog.columnName(f))}, ${JSON.stringify(known.map(String).join(', '))})`
      : num(unknownValue!);
    const code = prog.bind(`${x} === null || ${x} === undefined || ${x} !== ${x} ? ${num(encodedMissingValue)} : ${codes}.get(${x}) ?? ${onUnknown}`);
    return { kind: 'num', expr: code };
  });
}

/** Materializes features into a scratch array (for steps that need the whole vector). */
function scratch(prog: RowProgram, features: Feature[]): string {
  const buf = prog.constant('ROW', `new Float64Array(${features.length})`);
  features.forEach((f, j) => prog.body.push(`${buf}[${j}] = ${prog.number(f)};`));
  return buf;
}

function normalizer(prog: RowProgram, norm: 'l1' | 'l2' | 'max', features: Feature[]): Feature[] {
  const buf = scratch(prog, features);
  const d = features.length;
  const n = prog.fresh('norm');
  prog.body.push(`let ${n} = 0;`);
  if (norm === 'l1') prog.body.push(`for (let j = 0; j < ${d}; j++) ${n} += Math.abs(${buf}[j]);`);
  else if (norm === 'max') prog.body.push(`for (let j = 0; j < ${d}; j++) ${n} = Math.max(${n}, Math.abs(${buf}[j]));`);
  else prog.body.push(`for (let j = 0; j < ${d}; j++) ${n} += ${buf}[j] * ${buf}[j];`, `${n} = Math.sqrt(${n});`);
  prog.body.push(`if (${n} < ${num(10 * Number.EPSILON)}) ${n} = 1;`);
  return features.map((_, j) => ({ kind: 'num', expr: prog.bind(`${buf}[${j}] / ${n}`) }));
}

/** (x − mean) · componentsᵀ, optionally divided by √explainedVariance (PCA, TruncatedSVD). */
function projection(
  prog: RowProgram, who: string, features: Feature[], components: Float64Array, k: number, mean: Float64Array | null, variance: Float64Array | null,
): Feature[] {
  const d = features.length;
  checkWidth(who, features, components.length / k);
  const buf = scratch(prog, features);
  if (mean) {
    const m = prog.constant('MEAN', typed('Float64Array', mean));
    prog.body.push(`for (let j = 0; j < ${d}; j++) ${buf}[j] -= ${m}[j];`);
  }
  const w = prog.constant('COMPONENTS', typed('Float64Array', components));
  const out = prog.constant('PROJECTED', `new Float64Array(${k})`);
  prog.body.push(
    `for (let c = 0; c < ${k}; c++) {`,
    `  let z = 0;`,
    `  for (let j = 0; j < ${d}; j++) z += ${buf}[j] * ${w}[c * ${d} + j];`,
    `  ${out}[c] = z;`,
    `}`,
  );
  if (variance) {
    const ev = prog.constant('VARIANCE', typed('Float64Array', variance));
    prog.body.push(`for (let c = 0; c < ${k}; c++) ${out}[c] /= Math.sqrt(${ev}[c]);`);
  }
  return Array.from({ length: k }, (_, c): Feature => ({ kind: 'num', expr: `${out}[${c}]` }));
}
