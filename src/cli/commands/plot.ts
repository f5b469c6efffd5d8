/**
 * `strata plot KIND DATA --x COL --y COL [--color COL] --out FILE.png`: a chart of a data file,
 * written as PNG, SVG or self-contained HTML (by the --out extension).
 */
import type { Command } from 'commander';
import { FILE_FORMATS, readFile } from '../../frame/io/index.js';
import { barChart, boxPlot, densityPlot, heatmap, histogram, lineChart, scatterChart, violinPlot, type VegaLiteSpec } from '../../plot/index.js';
import { savePlot } from '../../plot/render/index.js';
import type { DataFrame } from '../../frame/dataframe.js';
import { UsageError } from '../errors.js';
import { checkFormat } from './data.js';

/** The chart kinds `strata plot` draws. */
export const PLOT_KINDS = ['line', 'scatter', 'bar', 'histogram', 'density', 'box', 'violin', 'heatmap'] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

export interface PlotCommandOptions {
  x?: string;
  y?: string;
  color?: string;
  value?: string;
  out: string;
  title?: string;
  bins?: string;
  width?: string;
  height?: string;
  scale?: string;
  aggregate?: string;
  stacked?: boolean;
  regression?: boolean;
  format?: string;
  json?: boolean;
}

function need(opts: PlotCommandOptions, key: 'x' | 'y', kind: string): string {
  const v = opts[key];
  if (v === undefined) throw new UsageError(`strata plot ${kind} needs --${key} COL (the column for the ${key} axis).`);
  return v;
}

function positive(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(Number.isFinite(n) && n > 0)) throw new UsageError(`${flag} must be a positive number, got '${text}'.`);
  return n;
}

/** Builds the chart spec for `strata plot KIND` from the flags. */
export function plotSpec(kind: string, df: DataFrame, opts: PlotCommandOptions): VegaLiteSpec {
  const common = {
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    ...(opts.width !== undefined ? { width: positive(opts.width, '--width')! } : {}),
    ...(opts.height !== undefined ? { height: positive(opts.height, '--height')! } : {}),
  };
  const color = opts.color !== undefined ? { color: opts.color } : {};
  switch (kind as PlotKind) {
    case 'line':
      return lineChart(df, { ...common, ...color, x: need(opts, 'x', kind), y: need(opts, 'y', kind).split(',') });
    case 'scatter':
      return scatterChart(df, { ...common, ...color, x: need(opts, 'x', kind), y: need(opts, 'y', kind), ...(opts.regression ? { regression: true } : {}) });
    case 'bar': {
      const agg = opts.aggregate;
      const aggs = ['sum', 'mean', 'median', 'min', 'max', 'count'];
      if (agg !== undefined && !aggs.includes(agg)) throw new UsageError(`--aggregate must be one of ${aggs.join(', ')}, got '${agg}'.`);
      return barChart(df, { ...common, ...color, x: need(opts, 'x', kind), ...(opts.y !== undefined ? { y: opts.y } : {}), ...(agg ? { aggregate: agg as never } : {}), mode: opts.stacked ? 'stacked' : 'grouped' });
    }
    case 'histogram': {
      const bins = positive(opts.bins, '--bins');
      return histogram(df, { ...common, ...color, x: need(opts, 'x', kind), ...(bins ? { bins } : {}), ...(opts.stacked ? { stacked: true } : {}) });
    }
    case 'density':
      return densityPlot(df, { ...common, ...color, x: need(opts, 'x', kind) });
    case 'box':
      return boxPlot(df, { ...common, y: need(opts, 'y', kind), ...(opts.x !== undefined ? { x: opts.x } : {}) });
    case 'violin':
      return violinPlot(df, { ...common, y: need(opts, 'y', kind), ...(opts.x !== undefined ? { x: opts.x } : {}) });
    case 'heatmap': {
      const value = opts.value ?? opts.color;
      return heatmap(df, { ...common, x: need(opts, 'x', kind), y: need(opts, 'y', kind), value: value ?? '', aggregate: value === undefined ? 'count' : ((opts.aggregate as never) ?? 'mean') });
    }
    default:
      throw new UsageError(`Unknown chart kind '${kind}'; use one of ${PLOT_KINDS.join(', ')}.`);
  }
}

export function registerPlot(program: Command): void {
  program
    .command('plot')
    .argument('<KIND>', `chart kind: ${PLOT_KINDS.join(', ')}`)
    .argument('<DATA>', 'a CSV, Parquet, JSON/NDJSON or Arrow file')
    .description('draw a chart of a data file as PNG, SVG or interactive HTML')
    .option('--x <col>', 'column for the x axis (categories for bar/box/heatmap)')
    .option('--y <col>', 'column for the y axis (line: several, comma-separated)')
    .option('--color <col>', 'colour by this column (heatmap: the value column)')
    .option('--value <col>', 'heatmap: the value coloured in each cell (default: count rows)')
    .requiredOption('--out <file>', 'output file: .png, .svg or .html')
    .option('--title <text>', 'chart title')
    .option('--bins <n>', 'histogram: at most this many bins (default 30)')
    .option('--aggregate <op>', 'bar/heatmap: sum, mean, median, min, max or count')
    .option('--stacked', 'bar/histogram: stack the colour groups')
    .option('--regression', 'scatter: overlay a least-squares line')
    .option('--width <px>', 'plot width in pixels (default 480)')
    .option('--height <px>', 'plot height in pixels (default 320)')
    .option('--scale <n>', 'PNG pixel density (default 2)')
    .option('--format <format>', `file format instead of the extension (${FILE_FORMATS.join(', ')})`)
    .option('--json', 'print one JSON object: out, kind, format, bytes, rows')
    .addHelpText('after', '\nExamples:\n  $ strata plot scatter iris.csv --x sepal_length --y petal_length --color species --out iris.png\n  $ strata plot histogram train.csv --x age --bins 20 --out age.svg\n  $ strata plot line sales.parquet --x day --y revenue,cost --out sales.html\n')
    .action(async (kind: string, path: string, opts: PlotCommandOptions) => {
      if (!(PLOT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`Unknown chart kind '${kind}'; use one of ${PLOT_KINDS.join(', ')}.`);
      if (!/\.(png|svg|html?)$/i.test(opts.out)) throw new UsageError(`--out must end in .png, .svg or .html, got '${opts.out}'.`);
      const scale = positive(opts.scale, '--scale');
      const format = checkFormat(opts.format);
      const df = await readFile(path, format === undefined ? {} : { format: format as never });
      const spec = plotSpec(kind, df, opts);
      const saved = await savePlot(spec, opts.out, scale ? { scale } : {});
      if (opts.json) {
        process.stdout.write(JSON.stringify({ out: saved.path, kind, format: saved.format, bytes: saved.bytes, rows: df.numRows }) + '\n');
        return;
      }
      process.stdout.write(`wrote ${saved.path} (${kind} chart of ${df.numRows} rows, ${saved.bytes} bytes)\n`);
    });
}
