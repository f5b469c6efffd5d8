/** columnTransformerFromSchema: sensible preprocessing for a frame from its inferred schema. */
import { OneHotEncoder } from '../preprocessing/one-hot-encoder.js';
import { SimpleImputer } from '../preprocessing/simple-imputer.js';
import { StandardScaler } from '../preprocessing/standard-scaler.js';
import { ColumnTransformer, type ColumnTransformerEntry } from './column-transformer.js';
import { Pipeline } from './pipeline.js';

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
}

export interface FromSchemaResult {
  transformer: ColumnTransformer;
  /** What was done, one line per decision, e.g. "dropped 'id' (ID-like)". */
  notes: string[];
}

const quoteList = (cols: string[]): string => cols.map((c) => `'${c}'`).join(', ');

/**
 * Builds a ColumnTransformer from a schema: numeric columns get median imputation (and standard
 * scaling with `scale`), categorical and boolean columns get most-frequent imputation and one-hot
 * encoding that ignores unseen categories; ID-like, constant, free-text and datetime columns are
 * dropped. Returns the transformer and a human-readable note for each decision.
 *
 * @example
 * const { transformer, notes } = columnTransformerFromSchema(inferSchema(df), { scale: true, exclude: ['survived'] });
 * notes; // ["numeric 'age', 'fare': median imputation + standard scaling", "dropped 'id' (ID-like)", …]
 */
export function columnTransformerFromSchema(schema: readonly SchemaColumn[], options: FromSchemaOptions = {}): FromSchemaResult {
  const exclude = new Set(options.exclude ?? []);
  const numeric: string[] = [];
  const categorical: string[] = [];
  const notes: string[] = [];
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
      case 'id':
        notes.push(`dropped '${name}' (ID-like)`);
        break;
      case 'constant':
        notes.push(`dropped '${name}' (constant)`);
        break;
      case 'text':
        notes.push(`dropped '${name}' (free text; text features are not supported yet)`);
        break;
      case 'datetime':
        notes.push(`dropped '${name}' (datetime; date features are not supported yet)`);
        break;
      default:
        notes.push(`dropped '${name}' (unknown kind '${String(kind)}')`);
    }
  }
  const transformers: ColumnTransformerEntry[] = [];
  if (numeric.length) {
    const impute = new SimpleImputer({ strategy: 'median' });
    const step = options.scale ? new Pipeline({ steps: [['impute', impute], ['scale', new StandardScaler()]] }) : impute;
    transformers.push(['numeric', step, numeric]);
    notes.unshift(`numeric ${quoteList(numeric)}: median imputation${options.scale ? ' + standard scaling' : ''}`);
  }
  if (categorical.length) {
    const step = new Pipeline({
      steps: [
        ['impute', new SimpleImputer({ strategy: 'most_frequent' })],
        ['onehot', new OneHotEncoder({ handleUnknown: 'ignore' })],
      ],
    });
    transformers.push(['categorical', step, categorical]);
    notes.splice(numeric.length ? 1 : 0, 0, `categorical ${quoteList(categorical)}: most-frequent imputation + one-hot encoding (unseen categories ignored)`);
  }
  return { transformer: new ColumnTransformer({ transformers, remainder: 'drop' }), notes };
}
