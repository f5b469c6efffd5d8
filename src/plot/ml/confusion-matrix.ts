/** Confusion matrix as an annotated heatmap (counts or row/column/overall-normalized). */
import type { NdArray } from '../../tensor/index.js';
import { matrixHeatmap } from '../charts/heatmap.js';
import { toMatrixRows } from '../data.js';
import { PlotError } from '../errors.js';
import type { ChartOptions, VegaLiteSpec } from '../theme.js';

export interface ConfusionMatrixPlotOptions extends ChartOptions {
  /** Class labels, in matrix order (default: those of learn's result, or 0, 1, …). */
  labels?: readonly (string | number)[];
  /** 'true': each row sums to 1 (recall per class); 'pred': each column (precision); 'all': the whole matrix. */
  normalize?: 'true' | 'pred' | 'all' | false;
}

/**
 * Plots a confusion matrix: rows are true classes, columns predicted ones.
 * Accepts learn's `confusionMatrix` result ({ labels, matrix }), nested arrays or an NdArray.
 *
 * @example
 * confusionMatrixPlot(confusionMatrix(yTrue, yPred), { normalize: 'true' });
 */
export function confusionMatrixPlot(cm: { labels: readonly (string | number | boolean)[]; matrix: readonly (readonly number[])[] } | NdArray | readonly (readonly number[])[], options: ConfusionMatrixPlotOptions = {}): VegaLiteSpec {
  const ctx = 'confusionMatrixPlot';
  const given = !Array.isArray(cm) && typeof cm === 'object' && 'matrix' in cm ? cm : undefined;
  const m = toMatrixRows(given ? given.matrix : (cm as NdArray), 'matrix', ctx);
  const k = m.length;
  if (k === 0 || m.some((r) => r.length !== k)) throw new PlotError(`${ctx}: a confusion matrix must be square and non-empty; got ${k} rows of ${m[0]?.length ?? 0}.`);
  const labels = (options.labels ?? given?.labels ?? m.map((_, i) => i)).map(String);
  if (labels.length !== k) throw new PlotError(`${ctx}: ${labels.length} labels for a ${k}×${k} matrix; give one label per class.`);
  const norm = options.normalize ?? false;
  let values = m;
  if (norm) {
    const total = m.flat().reduce((a, b) => a + b, 0);
    values = m.map((r, i) => r.map((v, j) => {
      const d = norm === 'true' ? r.reduce((a, b) => a + b, 0) : norm === 'pred' ? m.reduce((a, rr) => a + rr[j]!, 0) : total;
      void i;
      return d === 0 ? 0 : v / d;
    }));
  }
  return matrixHeatmap(values, {
    ...options,
    xLabels: labels,
    yLabels: labels,
    xTitle: options.xTitle ?? 'Predicted label',
    yTitle: options.yTitle ?? 'True label',
    scheme: 'blues',
    format: norm ? '.2f' : ',d',
    legendTitle: norm ? 'fraction' : 'count',
    title: options.title ?? (norm ? `Confusion matrix (normalized over ${norm === 'true' ? 'true labels' : norm === 'pred' ? 'predictions' : 'all'})` : 'Confusion matrix'),
    ...(norm ? { domain: [0, 1] as [number, number] } : {}),
    annotate: true,
  });
}
