/** Reads a rendered chart's scene graph: how many items each mark drew (for tests and checks). */
import * as vega from 'vega';
import type { AnySpec } from './render.js';
import { toVega } from './render.js';

interface SceneNode {
  marktype?: string;
  role?: string;
  name?: string;
  items?: SceneNode[];
}

/**
 * Counts the items drawn per mark type ('symbol', 'rect', 'line', 'text', 'area', …), leaving out
 * axes, legends and titles, e.g. `{ symbol: 150, line: 3 }`.
 *
 * @example
 * (await markCounts(barChart(df, { x: 'k', y: 'v' }))).rect; // one per bar
 */
export async function markCounts(spec: AnySpec): Promise<Record<string, number>> {
  const v = new vega.View(vega.parse(toVega(spec).spec), { renderer: 'none', logLevel: vega.Error });
  await v.runAsync();
  const counts: Record<string, number> = {};
  const skip = new Set(['axis', 'legend', 'title', 'axis-grid', 'axis-tick', 'axis-label', 'axis-domain', 'axis-title', 'legend-symbol', 'legend-label', 'legend-title', 'legend-entry', 'legend-gradient', 'legend-band', 'column-header', 'row-header', 'column-title', 'row-title', 'column-footer', 'row-footer', 'title-text', 'title-subtitle']);
  const walk = (node: SceneNode): void => {
    if (node.role && skip.has(node.role)) return;
    if (node.marktype && node.marktype !== 'group' && node.role === 'mark') counts[node.marktype] = (counts[node.marktype] ?? 0) + (node.items?.length ?? 0);
    for (const it of node.items ?? []) walk(it);
  };
  walk((v.scenegraph() as unknown as { root: SceneNode }).root);
  v.finalize();
  return counts;
}
