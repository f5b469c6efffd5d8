/**
 * `strata train DATA --target COL --model NAME`: reads a raw file, builds preprocessing from the
 * inferred schema, cross-validates the pipeline, fits it on all rows and saves it.
 */
import type { Command } from 'commander';
import { type DataFrame } from '../../frame/index.js';
import { inferSchema } from '../../frame/schema.js';
import { readFile } from '../../frame/io/index.js';
import {
  KFold, StratifiedKFold, columnTransformerFromSchema, confusionMatrix, crossValidate, rocCurve, estimatorClass, isClassifier, makePipeline, registeredEstimators,
  type Label, type StepEstimator,
} from '../../learn/index.js';
import { std as stdOf, mean as meanOf, type NdArray } from '../../tensor/index.js';
import { UsageError } from '../errors.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confusionMatrixPlot, residualPlot, rocCurvePlot, shapSummaryPlot } from '../../plot/index.js';
import { savePlot } from '../../plot/render/index.js';
import { openStore, recordTraining } from '../../track/index.js';
import { defaultModelPath, saveModelFile } from '../../track/index.js';
import { formatTable } from '../table.js';
import { checkFormat } from './data.js';

export interface TrainResult {
  model: string;
  metric: string;
  folds: number[];
  mean: number;
  std: number;
  saved: string;
  run_id: string | null;
  preprocessing: string[];
  /** Set when --register was given: the new version of the registered model. */
  registered?: { name: string; version: number };
}

/** `key=value` with the value read as a number, boolean, null, JSON array/object, or string. */
export function parseParam(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param expects key=value, got '${text}'.`);
  const key = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (raw === 'true' || raw === 'false') return [key, raw === 'true'];
  if (raw === 'null') return [key, null];
  if (raw !== '' && Number.isFinite(Number(raw))) return [key, Number(raw)];
  if (raw.startsWith('[') || raw.startsWith('{')) {
    try {
      return [key, JSON.parse(raw)];
    } catch {
      throw new UsageError(`--param ${key}: '${raw}' is not valid JSON.`);
    }
  }
  return [key, raw];
}

/** Models whose results do not depend on feature scale skip standardization. */
const SCALE_FREE = /(decision-tree|forest|extra-trees|gradient-boosting|isolation)|-nb$/;

export interface TrainOptions {
  target: string;
  model: string;
  params?: Record<string, unknown>;
  cv?: number;
  seed?: number;
  save?: string;
}

/** Out-of-fold predictions: each row predicted by the fold model that did not see it. */
export interface OutOfFold {
  truth: Label[];
  predictions: (Label | number)[];
  /** Row-wise class probabilities (classifiers with predictProba), columns in `classes` order. */
  probabilities?: number[][];
  classes?: Label[];
}

export interface TrainOutcome {
  result: TrainResult;
  outOfFold: OutOfFold;
  /** Plots of the final model besides the out-of-fold ones (file name, spec): the SHAP summary of a gradient-boosting model. */
  modelPlots: [string, object][];
}

function outOfFold(
  cv: { folds: { test: Int32Array }[]; estimators?: StepEstimator[] },
  X: DataFrame,
  y: Label[],
  classification: boolean,
): OutOfFold {
  const predictions = new Array<Label | number>(y.length);
  let probabilities: number[][] | undefined;
  let classes: Label[] | undefined;
  let withProbabilities = 0;
  cv.folds.forEach((fold, i) => {
    const model = cv.estimators![i]! as unknown as {
      predict(X: DataFrame): Label[] | NdArray;
      predictProba?(X: DataFrame): NdArray;
      classes?: Label[];
    };
    const part = X.take(fold.test);
    const raw = model.predict(part);
    const values = Array.isArray(raw) ? raw : Array.from((raw as NdArray).toFloat64Array());
    fold.test.forEach((row, j) => (predictions[row] = values[j]!));
    if (!classification || typeof model.predictProba !== 'function') return;
    let proba: NdArray;
    try {
      proba = model.predictProba(part);
    } catch {
      return; // e.g. SGD with hinge loss has no probabilities
    }
    classes ??= model.classes;
    probabilities ??= new Array<number[]>(y.length);
    const k = proba.shape[1]!;
    const flat = proba.toFloat64Array();
    fold.test.forEach((row, j) => (probabilities![row] = Array.from(flat.subarray(j * k, (j + 1) * k))));
    withProbabilities += fold.test.length;
  });
  // Every row needs probabilities (a sparse array's holes would slip past every()).
  const complete = probabilities !== undefined && withProbabilities === y.length;
  return { truth: y, predictions, ...(complete ? { probabilities, classes } : {}) };
}

export function trainOnFrame(df: DataFrame, opts: TrainOptions): TrainOutcome {
  if (!df.columnNames.includes(opts.target)) {
    df.column(opts.target); // throws ColumnNotFoundError with the nearest name and the list
  }
  const Model = registeredEstimators().includes(opts.model) ? estimatorClass(opts.model) : null;
  if (!Model) {
    throw new UsageError(`Unknown model '${opts.model}'. Known models: ${registeredEstimators().join(', ')}.`);
  }
  const params: Record<string, unknown> = { ...(opts.params ?? {}) };
  const probe = new Model();
  if (opts.seed !== undefined && 'randomState' in probe.getParams() && params.randomState === undefined) params.randomState = opts.seed;
  const estimator = new Model(params) as StepEstimator;
  const unknown = Object.keys(params).filter((k) => !(k in probe.getParams()));
  if (unknown.length) {
    throw new UsageError(`${opts.model} has no parameter '${unknown[0]}'. Valid parameters: ${Object.keys(probe.getParams()).join(', ')}.`);
  }
  const X = df.drop(opts.target);
  const y = df.column(opts.target).toArray() as Label[];
  const missing = y.findIndex((v) => v === null || (typeof v === 'number' && !Number.isFinite(v)));
  if (missing >= 0) throw new Error(`Target column '${opts.target}' is missing a value at row ${missing}; drop or fill those rows first.`);
  const classification = isClassifier(estimator);
  const { transformer, notes } = columnTransformerFromSchema(inferSchema(X), { scale: !SCALE_FREE.test(opts.model) });
  const pipeline = makePipeline(transformer, estimator);
  const k = opts.cv ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new UsageError(`--cv must be an integer of at least 2, got ${opts.cv}.`);
  const splitter = classification
    ? new StratifiedKFold({ nSplits: k, shuffle: true, seed: opts.seed ?? 0 })
    : new KFold({ nSplits: k, shuffle: true, seed: opts.seed ?? 0 });
  const metric = classification ? 'accuracy' : 'r2';
  const cv = crossValidate(pipeline, X, y, { cv: splitter, scoring: metric, returnEstimator: true });
  pipeline.fit(X, y);
  // Models with TreeSHAP get a SHAP summary of up to 500 seeded rows, in the features the model sees.
  const modelPlots: [string, object][] = [];
  const explainer = estimator as unknown as { shapValues?(X: NdArray): NdArray };
  if (typeof explainer.shapValues === 'function') {
    const sample = transformer.transform(X.sample({ n: Math.min(500, X.numRows), seed: opts.seed ?? 0 }));
    const shap = explainer.shapValues(sample);
    modelPlots.push(['shap-summary.png', shapSummaryPlot(shap, sample, transformer.featureNamesOut(), { kind: shap.ndim === 3 ? 'bar' : 'beeswarm', maxDisplay: 15 })]);
  }
  const saved = opts.save ?? defaultModelPath(opts.model);
  saveModelFile(saved, {
    format: 'strata-model',
    version: 1,
    model: opts.model,
    task: classification ? 'classification' : 'regression',
    target: opts.target,
    features: [...X.columnNames],
    preprocessing: notes,
    createdAt: new Date().toISOString(),
    pipeline: pipeline.toJSON(),
  });
  const folds = cv.testScore;
  const result: TrainResult = {
    model: opts.model,
    metric,
    folds,
    mean: meanOf(folds).item() as number,
    std: stdOf(folds).item() as number,
    saved,
    run_id: null,
    preprocessing: notes,
  };
  return { result, outOfFold: outOfFold(cv as never, X, y, classification), modelPlots };
}

/**
 * Diagnostic plots of the out-of-fold predictions as PNG files in `dir`: a confusion matrix (and
 * a ROC curve for two classes with probabilities) for classifiers, residuals for regressors.
 */
export async function diagnosticPlots(oof: OutOfFold, classification: boolean, dir: string, extra: readonly [string, object][] = []): Promise<{ name: string; path: string; mediaType: string }[]> {
  const specs: [string, object][] = [...extra];
  if (classification) {
    specs.push(['confusion-matrix.png', confusionMatrixPlot(confusionMatrix(oof.truth, oof.predictions as Label[]), { title: 'Confusion matrix (out-of-fold)' })]);
    if (oof.probabilities && oof.classes?.length === 2) {
      const positive = oof.classes[1]!;
      const curve = rocCurve(oof.truth, oof.probabilities.map((p) => p[1]!), { posLabel: positive });
      specs.push(['roc-curve.png', rocCurvePlot({ [`${String(positive)} vs ${String(oof.classes[0])}`]: curve }, { title: 'ROC curve (out-of-fold)' })]);
    }
  } else {
    specs.push(['residuals.png', residualPlot(oof.truth as number[], oof.predictions as number[], { title: 'Residuals vs fitted (out-of-fold)' })]);
  }
  const out: { name: string; path: string; mediaType: string }[] = [];
  for (const [name, spec] of specs) {
    const path = join(dir, name);
    await savePlot(spec as never, path);
    out.push({ name: `plots/${name}`, path, mediaType: 'image/png' });
  }
  return out;
}

/**
 * Logs a finished `train` as a run in the tracking store (params, per-fold scores, dataset
 * fingerprints, the model file) and, with `register`, adds it as a new model version.
 */
export async function trackTraining(
  result: TrainResult,
  df: DataFrame,
  context: {
    dataPath: string; target: string; params: Record<string, unknown>; seed?: number; store?: string; register?: string;
    artifacts?: readonly { name: string; path: string; mediaType?: string }[];
  },
): Promise<TrainResult> {
  const store = await openStore(context.store);
  try {
    const features = df.columnNames.filter((c) => c !== context.target);
    const classification = result.metric === 'accuracy';
    const { runId, version } = await recordTraining(store, {
      experiment: 'Default',
      model: result.model,
      params: context.params,
      metric: result.metric,
      folds: result.folds,
      metrics: { [`${result.metric}_mean`]: result.mean, [`${result.metric}_std`]: result.std },
      datasetPath: context.dataPath,
      dataset: df,
      modelFile: result.saved,
      ...(context.artifacts ? { artifacts: context.artifacts } : {}),
      ...(context.seed !== undefined ? { seed: context.seed } : {}),
      ...(context.register !== undefined ? { register: context.register } : {}),
      signature: {
        inputs: features.map((name) => ({ name, type: String(df.column(name).dtype) })),
        outputs: [{ name: 'prediction', type: classification ? 'label' : 'float64' }],
      },
    });
    return {
      ...result,
      run_id: runId,
      ...(context.register !== undefined && version !== undefined ? { registered: { name: context.register, version } } : {}),
    };
  } finally {
    await store.close();
  }
}

/** Reads DATA with an optional --format override. */
export async function readFrame(path: string, formatFlag: string | undefined): Promise<DataFrame> {
  const format = checkFormat(formatFlag);
  return readFile(path, format === undefined ? {} : { format: format as never });
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('fit a model on a data file, cross-validate it and save the whole pipeline')
    .argument('<DATA>', 'CSV, Parquet, JSON/NDJSON or Arrow file')
    .requiredOption('--target <COL>', 'column to predict')
    .requiredOption('--model <NAME>', 'estimator name in kebab case, e.g. logistic-regression')
    .option('--param <key=value>', 'hyper-parameter in the estimator\'s camelCase name (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--cv <K>', 'number of cross-validation folds', '5')
    .option('--seed <N>', 'seed for fold shuffling and the model\'s randomState', '0')
    .option('--save <PATH>', 'where to save the fitted pipeline (default .strata/models/NAME-TIME.json)')
    .option('--register <NAME>', 'add the fitted pipeline to the model registry as a new version of NAME')
    .option('--store <URI>', 'tracking store (sqlite:PATH or postgres://…; default $STRATA_HOME/strata.db or .strata/strata.db)')
    .option('--format <F>', 'read DATA as csv, parquet, json, ndjson or arrow regardless of extension')
    .option('--json', 'print one JSON object instead of tables')
    .addHelpText('after', '\nExample:\n  $ strata train iris.csv --target species --model logistic-regression --param C=0.5 --cv 5\n')
    .action(async (data: string, opts: { target: string; model: string; param: string[]; cv: string; seed: string; save?: string; register?: string; store?: string; format?: string; json?: boolean }) => {
      const cv = Number(opts.cv);
      const seed = Number(opts.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer, got '${opts.seed}'.`);
      const params = Object.fromEntries(opts.param.map(parseParam));
      const df = await readFrame(data, opts.format);
      const { result: trained, outOfFold: oof, modelPlots } = trainOnFrame(df, { target: opts.target, model: opts.model, params, cv, seed, ...(opts.save ? { save: opts.save } : {}) });
      const plotDir = mkdtempSync(join(tmpdir(), 'strata-train-plots-'));
      let r: TrainResult;
      try {
        const artifacts = await diagnosticPlots(oof, trained.metric === 'accuracy', plotDir, modelPlots);
        r = await trackTraining(trained, df, {
          dataPath: data, target: opts.target, params, seed, artifacts,
          ...(opts.store ? { store: opts.store } : {}),
          ...(opts.register ? { register: opts.register } : {}),
        });
      } finally {
        rmSync(plotDir, { recursive: true, force: true });
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(r) + '\n');
        return;
      }
      process.stdout.write(
        `${r.model} on ${data} → ${opts.target} (${r.folds.length}-fold cross-validation, ${r.metric})\n\n` +
          formatTable(['fold', r.metric], r.folds.map((s, i) => [String(i + 1), s])) +
          `\n\n${r.metric}: ${r.mean.toFixed(4)} ± ${r.std.toFixed(4)}\n` +
          (r.preprocessing.length ? `preprocessing: ${r.preprocessing.join('; ')}\n` : '') +
          `saved: ${r.saved}\n` +
          `run: ${r.run_id}` + (r.registered ? ` — registered as ${r.registered.name}:${r.registered.version}` : '') + '\n' +
          'see it with: strata runs show ' + r.run_id + '\n',
      );
    });
}
