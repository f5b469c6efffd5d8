/**
 * Turns a JSON artifact into the Vega-Lite spec the dashboard draws, with the same `plot`
 * builders the CLI renders to PNG: a confusion matrix `{ labels, matrix }`, ROC `{ fpr, tpr }`
 * and precision-recall `{ precision, recall }` curves (one, or several keyed by name), feature
 * importances `{ features, importances }`, or a Vega-Lite spec stored as is.
 */
import { confusionMatrixPlot, featureImportancePlot, prCurvePlot, rocCurvePlot, type VegaLiteSpec } from '../../plot/index.js';
import { HttpError } from './errors.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const every = (o: Json, keys: string[]): boolean => Object.values(o).length > 0 && Object.values(o).every((c) => isObject(c) && keys.every((k) => Array.isArray(c[k])));

export function artifactChart(name: string, value: unknown): VegaLiteSpec {
  if (!isObject(value)) throw new HttpError(415, `Artifact '${name}' is JSON but not a chart (expected an object).`);
  if (typeof value.$schema === 'string' && value.$schema.includes('vega-lite')) return value as unknown as VegaLiteSpec;
  if (['mark', 'layer', 'hconcat', 'vconcat', 'concat', 'facet', 'repeat'].some((k) => k in value)) return value as unknown as VegaLiteSpec;
  const title = name.replace(/^.*\//, '').replace(/\.json$/, '');
  if (Array.isArray(value.matrix)) {
    return confusionMatrixPlot(value as { labels: (string | number)[]; matrix: number[][] }, { title });
  }
  if (Array.isArray(value.fpr) && Array.isArray(value.tpr)) return rocCurvePlot(value as { fpr: number[]; tpr: number[] }, { title });
  if (every(value, ['fpr', 'tpr'])) return rocCurvePlot(value as Record<string, { fpr: number[]; tpr: number[] }>, { title });
  if (Array.isArray(value.precision) && Array.isArray(value.recall)) return prCurvePlot(value as { precision: number[]; recall: number[] }, { title });
  if (every(value, ['precision', 'recall'])) return prCurvePlot(value as Record<string, { precision: number[]; recall: number[] }>, { title });
  if (Array.isArray(value.importances) && Array.isArray(value.features)) {
    return featureImportancePlot(value.importances as number[], (value.features as unknown[]).map(String), { title });
  }
  throw new HttpError(415, `Artifact '${name}' is JSON but no chart shape: store { labels, matrix }, { fpr, tpr }, { precision, recall }, { features, importances } or a Vega-Lite spec.`);
}
