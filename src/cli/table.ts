/** Aligned plain-text tables for human output (numbers right-aligned, text left-aligned). */

export type Cell = string | number;

/** Numbers in a column share one notation: integers stay bare only when the whole column is integral. */
function show(value: Cell, integralColumn: boolean): string {
  if (typeof value === 'string') return value;
  if (integralColumn) return String(value);
  return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3) : value.toFixed(4);
}

/**
 * @example
 * formatTable(['model', 'score'], [['ridge', 0.91]]);
 * // model  score
 * // -----  ------
 * // ridge  0.9100
 */
export function formatTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const integral = header.map((_, i) => rows.every((r) => typeof r[i] !== 'number' || Number.isInteger(r[i])));
  const text = rows.map((r) => r.map((c, i) => show(c, integral[i]!)));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}
