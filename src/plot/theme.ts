/**
 * The look every Strata chart shares: a colour-blind-safe palette (Okabe–Ito), DejaVu Sans text
 * (the font the Node renderer loads, so a PNG looks the same on every machine), light grid lines,
 * legends outside the plot area, and readable number formats.
 */
import type { TopLevelSpec, Config } from 'vega-lite';

/** A Vega-Lite specification as the builders return it. */
export type VegaLiteSpec = TopLevelSpec;

/** Okabe & Ito (2008): eight colours distinguishable with the common colour-vision deficiencies. */
export const PALETTE: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'];

/** The font family charts ask for; the renderer loads DejaVu Sans under this name. */
export const FONT_FAMILY = 'DejaVu Sans';

/** The Vega-Lite `config` shared by every chart. */
export const THEME: Config = {
  background: 'white',
  padding: 8,
  font: FONT_FAMILY,
  view: { stroke: '#d0d0d0', continuousWidth: 480, continuousHeight: 320 },
  range: { category: [...PALETTE], heatmap: { scheme: 'viridis' }, ramp: { scheme: 'viridis' } },
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', offset: 10, color: '#222222', subtitleColor: '#555555', subtitleFontSize: 12 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: '#333333',
    labelColor: '#444444',
    gridColor: '#ebebeb',
    domainColor: '#888888',
    tickColor: '#888888',
    labelOverlap: true,
    labelFlush: true,
  },
  // Flush labels suit continuous axes; on a band axis they would slide the end labels off their bars and cells.
  axisBand: { grid: false, labelFlush: false },
  legend: { orient: 'right', labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', symbolSize: 90, labelLimit: 180 },
  header: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal' },
  mark: { color: PALETTE[0] },
  point: { size: 36, filled: true, opacity: 0.8 },
  circle: { size: 36, opacity: 0.8 },
  line: { strokeWidth: 2 },
  bar: { binSpacing: 1 },
  rect: { stroke: null },
  numberFormat: ',.4~g',
  customFormatTypes: false,
};

/** Options every chart builder accepts. */
export interface ChartOptions {
  /** Chart title (default: describes the chart from its column names). */
  title?: string;
  subtitle?: string;
  /** Plot-area size in pixels (default 480 × 320). */
  width?: number;
  height?: number;
  /** Axis titles (default: the column names). */
  xTitle?: string;
  yTitle?: string;
}

/**
 * Adds the schema URL, title, size and theme to a single- or multi-view spec body.
 * `defaults.title` is used when the caller gave none.
 */
export function finalize(body: Record<string, unknown>, options: ChartOptions, defaults: { title?: string; size?: boolean } = {}): VegaLiteSpec {
  const title = options.title ?? defaults.title;
  const spec: Record<string, unknown> = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json' };
  if (title !== undefined) spec['title'] = options.subtitle ? { text: title, subtitle: options.subtitle } : title;
  if (defaults.size !== false) {
    spec['width'] = options.width ?? 480;
    spec['height'] = options.height ?? 320;
  }
  Object.assign(spec, body);
  spec['config'] = THEME;
  return spec as unknown as VegaLiteSpec;
}

/** A Vega-Lite axis number format that stays readable from 1e-4 to 1e9 (`,.4~g`: 1,234  0.0123  1.2e+9). */
export const NUMBER_FORMAT = ',.4~g';
