/**
 * TabularModel: what `TabularClassifier.create` and `TabularRegressor.create` return — the AutoML
 * winner as one pipeline over the raw columns, with predict, evaluate, explain, summary and a
 * JSON form that is also a `strata-model` file (so `strata predict` and the registry load it).
 */
import type { DataFrame } from '../frame/index.js';
import { autoML, type AutoMLOptions, type AutoMLProgress, type LeaderboardEntry, type TrialRecord } from '../automl/index.js';
import { toJsModule, toOnnx } from '../export/index.js';
import {
  DataError, Estimator, type Label, type ModelFile, ParamError, type Pipeline, type Table, type TableInput, isMissing, toTable,
} from '../learn/index.js';
import { random } from '../tensor/index.js';
import { type TabularExplanation, explainPipeline, scoringFor } from './explain.js';

/** Options of `TabularClassifier.create` / `TabularRegressor.create`. */
export interface TabularCreateOptions {
  /** Column to predict. */
  target: string;
  /** Seconds the model search may take (the final refit and the importance estimate come on top). Default 30. */
  timeBudgetSeconds?: number;
  /** Metric to select the model by: accuracy (default), balanced_accuracy, f1_macro, roc_auc, log_loss; r2 (default), rmse, mae. */
  metric?: string;
  /** Seed of folds, searches, models and the importance estimate. Default 0. */
  seed?: number;
  /** Cross-validation folds. Default 5. */
  cv?: number;
  /** Models to consider, by AutoML portfolio name (`gradient-boosting`, `random-forest`, `linear`, …). Default: all. */
  models?: string[];
  /** Allow a greedy ensemble of the best models. Default true. */
  ensemble?: boolean;
  /** Stop the search after this many trials even if time is left (with a generous budget, a reproducible run). */
  maxTrials?: number;
  onProgress?: (p: AutoMLProgress) => void;
  onTrial?: (t: TrialRecord) => void;
}

/** What `summary()` returns: how the model was chosen. */
export interface TabularSummary {
  task: 'classification' | 'regression';
  target: string;
  /** The selected model (registered estimator name, or `voting-classifier`/`voting-regressor` for an ensemble). */
  model: string;
  metric: string;
  /** Cross-validated score of the selected model, in the metric's units. */
  score: number;
  leaderboard: LeaderboardEntry[];
  /** Input columns the model reads. */
  features: string[];
  classes?: Label[];
  preprocessing: string[];
  notes: string[];
  trials: number;
}

/** The JSON form: a `strata-model` file with the tabular toolkit's extras under `tabular`. */
export interface TabularModelJSON extends ModelFile {
  tabular: {
    metric: string;
    score: number;
    leaderboard: LeaderboardEntry[];
    notes: string[];
    trials: number;
    seed: number;
    classes?: Label[];
    explanation: TabularExplanation;
  };
}

/** Formats `export` writes: 'onnx' → ONNX bytes (strata/export's toOnnx); 'js' → the source of a dependency-free ES module (toJsModule). */
export type TabularExportFormat = 'onnx' | 'js';

const DEFAULT_BUDGET_SECONDS = 30;
/** Rows of the training data the stored importance is estimated on (a seeded sample when larger), and shuffles per column. */
const EXPLAIN_ROWS = 500;
const EXPLAIN_REPEATS = 3;

type Kind = TabularModelJSON['task'];
const KINDS = new Map<Kind, (doc: TabularModelJSON, pipeline: Pipeline) => TabularModel>();

/** Lets `TabularModel.fromJSON` rebuild each kind of model (the subclasses register themselves). */
export function registerTabularKind(task: Kind, make: (doc: TabularModelJSON, pipeline: Pipeline) => TabularModel): void {
  KINDS.set(task, make);
}

/** Rows whose target is present (and, for a classifier, a class the model knows). */
function labelledRows(y: readonly unknown[], classes: readonly Label[] | undefined): number[] {
  const known = classes ? new Set<unknown>(classes) : null;
  return y.flatMap((v, i) => (isMissing(v) || (known && !known.has(v)) ? [] : [i]));
}

/**
 * Searches for the best model with AutoML and packages it; the subclasses fix the task.
 * Returns the pieces both kinds of model are built from.
 */
export async function trainTabular(frame: DataFrame, options: TabularCreateOptions, task: Kind, who: string): Promise<{ doc: TabularModelJSON; pipeline: Pipeline }> {
  if (typeof options?.target !== 'string' || options.target === '') {
    throw new ParamError(`${who}.create needs the column to predict: ${who}.create(frame, { target: 'column' }).`);
  }
  if (task === 'regression' && frame.columnNames.includes(options.target)) {
    const values = frame.column(options.target).toArray();
    const bad = values.findIndex((v) => !isMissing(v) && typeof v !== 'number');
    if (bad >= 0) {
      throw new DataError(`${who}: target '${options.target}' holds ${JSON.stringify(values[bad])} at row ${bad}, not a number; to predict categories use TabularClassifier.create.`);
    }
  }
  const seed = options.seed ?? 0;
  const automl: AutoMLOptions = {
    target: options.target, task, seed, timeBudgetSeconds: options.timeBudgetSeconds ?? DEFAULT_BUDGET_SECONDS,
    ...(options.metric !== undefined ? { metric: options.metric } : {}),
    ...(options.cv !== undefined ? { cv: options.cv } : {}),
    ...(options.models !== undefined ? { models: options.models } : {}),
    ...(options.ensemble !== undefined ? { ensemble: options.ensemble } : {}),
    ...(options.maxTrials !== undefined ? { maxTrials: options.maxTrials } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onTrial ? { onTrial: options.onTrial } : {}),
  };
  const result = await autoML(frame, automl);
  const classes = result.classes;
  const rawY = frame.column(options.target).toArray();
  const labelled = labelledRows(rawY, classes);
  let rows = labelled;
  if (labelled.length > EXPLAIN_ROWS) {
    const perm = random.defaultRng(seed).permutation(labelled.length).toTypedArray();
    rows = Array.from(perm.subarray(0, EXPLAIN_ROWS), (k) => labelled[k]!).sort((a, b) => a - b);
  }
  const sample = frame.take(rows);
  const X = toTable(sample.select(...result.features));
  const y = sample.column(options.target).toArray() as Label[];
  const explanation = explainPipeline(result.pipeline, X, y, result.features, {
    source: 'training', scoring: scoringFor(result.metric, classes), seed, nRepeats: EXPLAIN_REPEATS, ...(classes ? { classes } : {}),
  });
  const doc: TabularModelJSON = {
    format: 'strata-model',
    version: 1,
    model: result.best.model,
    task: result.task,
    target: options.target,
    features: [...result.features],
    preprocessing: [...result.preprocessing],
    createdAt: new Date().toISOString(),
    pipeline: result.pipeline.toJSON(),
    tabular: {
      metric: result.metric, score: result.best.score, leaderboard: result.leaderboard, notes: result.notes, trials: result.trials, seed,
      ...(classes ? { classes } : {}), explanation,
    },
  };
  return { doc, pipeline: result.pipeline };
}

/**
 * A trained tabular model: the raw columns in, predictions out. Made by
 * `TabularClassifier.create` / `TabularRegressor.create`, or loaded with `TabularModel.fromJSON`.
 */
export abstract class TabularModel {
  protected readonly doc: TabularModelJSON;
  protected readonly pipeline: Pipeline;

  protected constructor(doc: TabularModelJSON, pipeline: Pipeline) {
    this.doc = doc;
    this.pipeline = pipeline;
  }

  get task(): Kind {
    return this.doc.task;
  }

  get target(): string {
    return this.doc.target;
  }

  /** The input columns the model reads. */
  get features(): string[] {
    return [...this.doc.features];
  }

  /** The rows' feature columns as a table, with an error naming any missing column. */
  protected featureTable(data: DataFrame | TableInput, method: string): Table {
    const table = toTable(data as TableInput, `${this.constructor.name}.${method}`);
    const missing = this.doc.features.filter((f) => table.indexOf(f) < 0);
    if (missing.length) {
      throw new DataError(
        `${this.constructor.name}.${method}: column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} missing; ` +
          `the model reads ${this.doc.features.map((f) => `'${f}'`).join(', ')}. Columns given: ${table.columnNames.join(', ')}.`,
      );
    }
    return table.select(this.doc.features.map((f) => table.indexOf(f)));
  }

  /** The target values of rows to evaluate or explain on; missing targets are an error naming the row. */
  protected targetValues(data: DataFrame | TableInput, method: string): Label[] {
    const table = toTable(data as TableInput, `${this.constructor.name}.${method}`);
    const j = table.indexOf(this.doc.target);
    if (j < 0) {
      throw new DataError(`${this.constructor.name}.${method} needs the target column '${this.doc.target}' in the rows to compare against; columns given: ${table.columnNames.join(', ')}.`);
    }
    const values = table.values(j);
    const hole = values.findIndex(isMissing);
    if (hole >= 0) throw new DataError(`${this.constructor.name}.${method}: target '${this.doc.target}' is missing at row ${hole}; drop rows without a target first.`);
    return values as Label[];
  }

  /**
   * Feature importance per input column. Without rows: the permutation importance (and mean
   * |SHAP| for gradient boosting) estimated on the training data when the model was created.
   * With rows that hold the target: computed on them, with per-row SHAP values where available.
   */
  explain(data?: DataFrame | TableInput, options: { seed?: number; nRepeats?: number } = {}): TabularExplanation {
    if (data === undefined) return structuredClone(this.doc.tabular.explanation);
    const X = this.featureTable(data, 'explain');
    const y = this.targetValues(data, 'explain');
    const classes = this.doc.tabular.classes;
    if (classes) {
      const known = new Set<Label>(classes);
      const unseen = y.findIndex((v) => !known.has(v));
      if (unseen >= 0) throw new DataError(`${this.constructor.name}.explain: row ${unseen} has class ${JSON.stringify(y[unseen])}, which the model never saw; classes: ${classes.map((c) => JSON.stringify(c)).join(', ')}.`);
    }
    return explainPipeline(this.pipeline, X, y, this.doc.features, {
      source: 'given', scoring: scoringFor(this.doc.tabular.metric, classes), seed: options.seed ?? this.doc.tabular.seed,
      ...(options.nRepeats !== undefined ? { nRepeats: options.nRepeats } : {}), ...(classes ? { classes } : {}),
    });
  }

  /** How the model was chosen: the leaderboard, the metric, preprocessing and notes. */
  summary(): TabularSummary {
    const t = this.doc.tabular;
    return structuredClone({
      task: this.doc.task, target: this.doc.target, model: this.doc.model, metric: t.metric, score: t.score, leaderboard: t.leaderboard,
      features: this.doc.features, ...(t.classes ? { classes: t.classes } : {}), preprocessing: this.doc.preprocessing, notes: t.notes,
      trials: t.trials,
    });
  }

  /** The fitted pipeline over the raw columns (preprocessing + model), e.g. to serve or export it. */
  get fittedPipeline(): Pipeline {
    return this.pipeline;
  }

  /**
   * The model as a portable artifact, through strata/export (which names any step it cannot convert):
   * 'onnx' → the bytes of an ONNX model for ONNX Runtime; 'js' → the source of an ES module with
   * no imports that exports `predict(rows)` (and `predictProba` for classifiers).
   */
  export(format: 'onnx'): Uint8Array;
  export(format: 'js'): string;
  export(format: TabularExportFormat): Uint8Array | string {
    if (format === 'onnx') return toOnnx(this.pipeline);
    if (format === 'js') return toJsModule(this.pipeline);
    throw new ParamError(`${this.constructor.name}.export: unknown format '${String(format)}'; use 'onnx' or 'js'.`);
  }

  /** A `strata-model` file with the tabular extras; `TabularModel.fromJSON` restores an identical model. */
  toJSON(): TabularModelJSON {
    return structuredClone({ ...this.doc, pipeline: this.pipeline.toJSON() });
  }

  /** Rebuilds a model written by `toJSON` (a TabularClassifier or TabularRegressor by its task). */
  static fromJSON(json: TabularModelJSON | string): TabularModel {
    const doc = (typeof json === 'string' ? JSON.parse(json) : structuredClone(json)) as TabularModelJSON;
    if (doc?.format !== 'strata-model' || typeof doc.tabular !== 'object' || doc.tabular === null) {
      throw new ParamError("Not a tabular model: expected the JSON of TabularModel.toJSON() (format 'strata-model' with a 'tabular' section).");
    }
    const make = KINDS.get(doc.task);
    if (!make) throw new ParamError(`Unknown tabular task '${String(doc.task)}'; expected 'classification' or 'regression'.`);
    return make(doc, Estimator.fromJSON<Pipeline>(doc.pipeline));
  }
}
