/** Learning and validation curves: mean train/validation score with a ±1 std band. */
import type { NdArray } from '../../tensor/index.js';
import { toMatrixRows, toNumbers } from '../data.js';
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from '../theme.js';

type Scores = NdArray | readonly (readonly number[])[];

export interface LearningCurveInput {
  /** Training-set sizes (x axis). */
  trainSizes: ArrayLike<number> | NdArray;
  /** Scores, one row per size, one column per CV fold. */
  trainScores: Scores;
  testScores: Scores;
}

function band(ctx: string, xs: number[], scores: Scores, name: string, series: string): Record<string, unknown>[] {
  const m = toMatrixRows(scores, name, ctx);
  if (m.length !== xs.length) throw new PlotError(`${ctx}: ${name} has ${m.length} rows but there are ${xs.length} x values; give one row per x value.`);
  return m.map((r, i) => {
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / r.length);
    return { x: xs[i], mean, lo: mean - sd, hi: mean + sd, series };
  });
}

/** Ticks and grid lines at the powers of ten a log axis spans (Vega's default adds 2…9 between them, unlabelled). */
function logAxis(xs: readonly number[]): Record<string, unknown> {
  const lo = Math.floor(Math.log10(Math.min(...xs)));
  const hi = Math.ceil(Math.log10(Math.max(...xs)));
  if (hi - lo < 2) return { format: NUMBER_FORMAT };
  return { format: '~g', values: Array.from({ length: hi - lo + 1 }, (_, i) => Number(`1e${lo + i}`)) };
}

function scoreChart(rows: Record<string, unknown>[], xTitle: string, options: ChartOptions & { logX?: boolean; scoreName?: string }, title: string): VegaLiteSpec {
  const x = { field: 'x', type: 'quantitative', title: options.xTitle ?? xTitle, scale: options.logX ? { type: 'log' } : { zero: false }, axis: options.logX ? logAxis(rows.map((r) => r['x'] as number)) : { format: NUMBER_FORMAT } };
  // Outside the plot: an inside legend sits on the curves whenever a score ends low on the right.
  const color = { field: 'series', type: 'nominal', title: null, sort: ['Training score', 'Validation score'] };
  return finalize(
    {
      data: { values: rows },
      layer: [
        {
          mark: { type: 'line', point: true },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative', title: options.yTitle ?? options.scoreName ?? 'score', axis: { format: NUMBER_FORMAT } },
            color,
            tooltip: [{ field: 'series', type: 'nominal' }, { field: 'x', type: 'quantitative', title: xTitle }, { field: 'mean', type: 'quantitative', format: '.4f' }, { field: 'hi', type: 'quantitative', title: '+1 std', format: '.4f' }],
          },
        },
        { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { field: 'lo', type: 'quantitative', scale: { zero: false } }, y2: { field: 'hi' }, color } },
      ],
    },
    options,
    { title },
  );
}

/**
 * Learning curve: training and validation score (mean ± std over folds) against training size.
 *
 * @example
 * learningCurvePlot({ trainSizes: [50, 100, 200], trainScores, testScores }, { scoreName: 'accuracy' });
 */
export function learningCurvePlot(result: LearningCurveInput, options: ChartOptions & { scoreName?: string } = {}): VegaLiteSpec {
  const ctx = 'learningCurvePlot';
  const xs = toNumbers(result.trainSizes, 'trainSizes', ctx);
  if (xs.length === 0) throw new PlotError(`${ctx}: trainSizes is empty.`);
  const rows = [...band(ctx, xs, result.trainScores, 'trainScores', 'Training score'), ...band(ctx, xs, result.testScores, 'testScores', 'Validation score')];
  return scoreChart(rows, 'Training examples', options, 'Learning curve');
}

/**
 * Validation curve: training and validation score against one hyper-parameter's values.
 *
 * @example
 * validationCurvePlot({ paramName: 'alpha', paramRange: [0.01, 0.1, 1, 10], trainScores, testScores }, { logX: true });
 */
export function validationCurvePlot(
  result: { paramName: string; paramRange: ArrayLike<number> | NdArray; trainScores: Scores; testScores: Scores },
  options: ChartOptions & { logX?: boolean; scoreName?: string } = {},
): VegaLiteSpec {
  const ctx = 'validationCurvePlot';
  const xs = toNumbers(result.paramRange, 'paramRange', ctx);
  if (xs.length === 0) throw new PlotError(`${ctx}: paramRange is empty.`);
  if (options.logX && xs.some((v) => v <= 0)) throw new PlotError(`${ctx}: logX needs positive parameter values; ${result.paramName} has ${xs.find((v) => v <= 0)}.`);
  const rows = [...band(ctx, xs, result.trainScores, 'trainScores', 'Training score'), ...band(ctx, xs, result.testScores, 'testScores', 'Validation score')];
  return scoreChart(rows, result.paramName, options, `Validation curve for ${result.paramName}`);
}
