/** Small helpers shared by the chart builders: field references and encoding channels. */
import { requireField, type Need, type PlotTable } from './data.js';
import { NUMBER_FORMAT } from './theme.js';

/** Escapes a column name for a Vega-Lite field reference (dots and brackets would mean nesting). */
export function fieldRef(name: string): string {
  return name.replace(/([.[\]\\])/g, '\\$1');
}

/** A datum accessor for Vega expressions: `datum["col"]`. */
export function datum(name: string): string {
  return `datum[${JSON.stringify(name)}]`;
}

/**
 * An encoding channel for column `name`, checked against the table: quantitative axes get a
 * readable number format, temporal ones a UTC time scale (dates are stored as epoch ms).
 */
export function channel(table: PlotTable, name: string, need: Need, context: string, role: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const type = requireField(table, name, need, context, role);
  const enc: Record<string, unknown> = { field: fieldRef(name), type, title: name };
  if (type === 'temporal') enc['scale'] = { type: 'utc' };
  if (type === 'quantitative' && (role.includes('axis'))) enc['axis'] = { format: NUMBER_FORMAT };
  return { ...enc, ...extra };
}

/** Tooltip entries for the given columns (shown on hover in the HTML output). */
export function tooltip(table: PlotTable, names: readonly (string | undefined)[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const n of names) {
    if (n === undefined || out.some((t) => t['title'] === n)) continue;
    const type = table.types[n]!;
    out.push(type === 'temporal' ? { field: fieldRef(n), type, title: n, timeUnit: 'utcyearmonthdatehoursminutes' } : { field: fieldRef(n), type, title: n });
  }
  return out;
}

/** The colour channel for a grouping column: nominal for text, a sequential scale for numbers. */
export function colorChannel(table: PlotTable, name: string, context: string, asNominal = false): Record<string, unknown> {
  const type = requireField(table, name, 'any', context, 'color');
  if (type === 'quantitative' && !asNominal) return { field: fieldRef(name), type, title: name, scale: { scheme: 'viridis' } };
  return { field: fieldRef(name), type: 'nominal', title: name };
}
