/** columnTransformerFromSchema: sensible preprocessing for a frame from its inferred schema. */
import { DatetimeFeatures } from '../preprocessing/datetime-features.js';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder.js';
import { SimpleImputer } from '../preprocessing/simple-imputer.js';
import { StandardScaler } from '../preprocessing/standard-scaler.js';
import { TfidfVectorizer } from '../preprocessing/tfidf-vectorizer.js';
import { ColumnTransformer, type ColumnTransformerEntry } from './column-transformer.js';
import { Pipeline, type PipelineStep } from './pipeline.js';
import { ParamError } from '../base/errors.js';

/** What a column holds, as `frame`'s `inferSchema` reports it. */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text' | 'id' | 'constant';

/** One column of an inferred schema (structurally the same as frame's `inferSchema` output). */
export interface SchemaColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

export interface FromSchemaOptions {
  /** Standard-scale numeric columns (for linear models, SVMs, k-NN; trees do not need it). Default false. */
  scale?: boolean;
  /** Columns to leave out entirely, e.g. the target. */
  exclude?: readonly string[];
  /** Largest TF-IDF vocabulary per free-text column (the most frequent terms). Default 200. */
  maxTextFeatures?: number;
}

/** Default TF-IDF vocabulary bound per text column: the output is dense, so it stays modest. */
export const DEFAULT_MAX_TEXT_FEATURES = 200;

export interface FromSchemaResult {
  transformer: ColumnTransformer;
  /** What was done, one line per decision, e.g. "dropped 'id' (ID-like)". */
  notes: string[];
}

const quoteList = (cols: string[]): string => cols.map((c) => `'${c}'`).join(', ');

/**
 * Builds a ColumnTransformer from a schema: numeric columns get median imputation (and standard
 * scaling with `scale`); categorical and boolean columns get most-frequent imputation and one-hot
 * encoding that ignores unseen categories; datetime columns become calendar parts and Unix time
 * (DatetimeFeatures) with median imputation (and scaling); each free-text column becomes TF-IDF
 * features over its most frequent terms, missing text read as empty; ID-like and constant
 * columns are dropped. Returns the transformer and a human-readable note for each decision.
 *
 * @example
 * const { transformer, notes } = columnTransformerFromSchema(inferSchema(df), { scale: true, exclude: ['survived'] });
 * notes; // ["numeric 'age', 'fare': median imputation + standard scaling", "dropped 'id' (ID-like)", …]
 */
export function columnTransformerFromSchema(schema: readonly SchemaColumn[], options: FromSchemaOptions = {}): FromSchemaResult {
  const exclude = new Set(options.exclude ?? []);
  const maxTextFeatures = options.maxTextFeatures ?? DEFAULT_MAX_TEXT_FEATURES;
  if (!Number.isInteger(maxTextFeatures) || maxTextFeatures < 1) {
    throw new ParamError(`columnTransformerFromSchema: maxTextFeatures must be an integer >= 1, got ${maxTextFeatures}.`);
  }
  const numeric: string[] = [];
  const categorical: string[] = [];
  const datetime: string[] = [];
  const text: string[] = [];
  const dropped: string[] = [];
  for (const { name, kind } of schema) {
    if (exclude.has(name)) continue;
    switch (kind) {
      case 'numeric':
        numeric.push(name);
        break;
      case 'categorical':
      case 'boolean':
        categorical.push(name);
        break;
      case 'datetime':
        datetime.push(name);
        break;
      case 'text':
        text.push(name);
        break;
      case 'id':
        dropped.push(`dropped '${name}' (ID-like)`);
        break;
      case 'constant':
        dropped.push(`dropped '${name}' (constant)`);
        break;
      default:
        dropped.push(`dropped '${name}' (unknown kind '${String(kind)}')`);
    }
  }
  const transformers: ColumnTransformerEntry[] = [];
  const notes: string[] = [];
  const scaled = (steps: PipelineStep[]): PipelineStep[] => (options.scale ? [...steps, ['scale', new StandardScaler()]] : steps);
  if (numeric.length) {
    const impute = new SimpleImputer({ strategy: 'median' });
    const step = options.scale ? new Pipeline({ steps: scaled([['impute', impute]]) }) : impute;
    transformers.push(['numeric', step, numeric]);
    notes.push(`numeric ${quoteList(numeric)}: median imputation${options.scale ? ' + standard scaling' : ''}`);
  }
  if (categorical.length) {
    const step = new Pipeline({
      steps: [
        ['impute', new SimpleImputer({ strategy: 'most_frequent' })],
        ['onehot', new OneHotEncoder({ handleUnknown: 'ignore' })],
      ],
    });
    transformers.push(['categorical', step, categorical]);
    notes.push(`categorical ${quoteList(categorical)}: most-frequent imputation + one-hot encoding (unseen categories ignored)`);
  }
  if (datetime.length) {
    const steps: PipelineStep[] = [['parts', new DatetimeFeatures()], ['impute', new SimpleImputer({ strategy: 'median' })]];
    transformers.push(['datetime', new Pipeline({ steps: scaled(steps) }), datetime]);
    notes.push(
      `datetime ${quoteList(datetime)}: year, month, day, day of week, day of year, hour, minute, second and Unix time ` +
        `(parts constant in training left out) + median imputation${options.scale ? ' + standard scaling' : ''}`,
    );
  }
  const names = new Set(transformers.map(([n]) => n));
  for (const column of text) {
    let name = `text_${column.replace(/_{2,}/g, '_')}`;
    for (let k = 2; names.has(name); k++) name = `text_${column.replace(/_{2,}/g, '_')}_${k}`;
    names.add(name);
    const step = new Pipeline({
      steps: [
        ['fill', new SimpleImputer({ strategy: 'constant', fillValue: '' })],
        ['tfidf', new TfidfVectorizer({ maxFeatures: maxTextFeatures })],
      ],
    });
    transformers.push([name, step, [column]]);
    notes.push(`text '${column}': TF-IDF of words (at most ${maxTextFeatures} most frequent terms, missing text as empty)`);
  }
  notes.push(...dropped);
  return { transformer: new ColumnTransformer({ transformers, remainder: 'drop' }), notes };
}
