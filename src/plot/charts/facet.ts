/** Small multiples: the same chart repeated for each category of one or two columns. */
import { ColumnNotFoundError } from '../../frame/errors.js';
import { fieldRef } from '../encode.js';
import { PlotError } from '../errors.js';
import type { VegaLiteSpec } from '../theme.js';

export interface FacetOptions {
  /** One panel per category of this column, wrapped into rows of `wrap` panels. */
  facet?: string;
  /** Panels in a grid: one row per category of `row`, one column per category of `column`. */
  row?: string;
  column?: string;
  /** Panels per row with `facet` (default 3). */
  wrap?: number;
  /** Size of each panel (default 220 × 160). */
  width?: number;
  height?: number;
  /** Let each panel have its own y scale (default shared, so panels compare). */
  independentY?: boolean;
}

/**
 * Splits a chart from any single-view builder (line, scatter, bar, histogram, box, density) into
 * small multiples, one per category of `facet` (or of `row` × `column`).
 *
 * @example
 * facetChart(scatterChart(df, { x: 'bill', y: 'tip' }), { facet: 'day', wrap: 2 });
 */
export function facetChart(spec: VegaLiteSpec, options: FacetOptions): VegaLiteSpec {
  const ctx = 'facetChart';
  const s = spec as unknown as Record<string, unknown>;
  if (!('mark' in s) && !('layer' in s)) throw new PlotError(`${ctx}: give a single-view chart (from lineChart, scatterChart, barChart, histogram, boxPlot, densityPlot); this spec has no mark or layer.`);
  const values = ((s['data'] as { values?: Record<string, unknown>[] } | undefined)?.values) ?? [];
  const available = values.length ? Object.keys(values[0]!) : [];
  const fields = [options.facet, options.row, options.column].filter((f): f is string => f !== undefined);
  if (fields.length === 0) throw new PlotError(`${ctx}: give facet, or row and/or column, naming the column to split by.`);
  if (options.facet !== undefined && (options.row !== undefined || options.column !== undefined)) throw new PlotError(`${ctx}: use facet (wrapped panels) or row/column (a grid), not both.`);
  for (const f of fields) if (!available.includes(f)) throw new ColumnNotFoundError(f, available, ctx);
  const { $schema, title, config, data, transform, width, height, ...inner } = s;
  void width;
  void height;
  const header = (name: string): Record<string, unknown> => ({ field: fieldRef(name), type: 'nominal', title: name, header: { labelFontWeight: 'bold' } });
  const facet = options.facet !== undefined ? header(options.facet) : { ...(options.row ? { row: header(options.row) } : {}), ...(options.column ? { column: header(options.column) } : {}) };
  const out: Record<string, unknown> = {
    $schema,
    ...(title !== undefined ? { title } : {}),
    data,
    ...(transform !== undefined ? { transform } : {}),
    facet,
    ...(options.facet !== undefined ? { columns: options.wrap ?? 3 } : {}),
    spec: { width: options.width ?? 220, height: options.height ?? 160, ...inner },
    resolve: { scale: { y: options.independentY ? 'independent' : 'shared' } },
    config,
  };
  return out as unknown as VegaLiteSpec;
}
