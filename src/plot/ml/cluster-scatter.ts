/** Clusters drawn on the first two principal components of the data. */
import { linalg, NdArray } from '../../tensor/index.js';
import { toMatrixRows, toNumbers } from '../data.js';
import { PlotError } from '../errors.js';
import { finalize, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from '../theme.js';

/**
 * Projects rows onto the top two principal components (eigenvectors of the covariance; sign
 * fixed so each component's largest loading is positive) and returns the 2-d coordinates with
 * the explained-variance ratio of each component.
 */
export function pca2(X: readonly number[][]): { coords: [number, number][]; ratio: [number, number]; mean: number[]; components: [number[], number[]] } {
  const n = X.length;
  const d = X[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((a, r) => a + r[j]!, 0) / n);
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const r of X) for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[a]![b]! += ((r[a]! - mean[a]!) * (r[b]! - mean[b]!)) / Math.max(1, n - 1);
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a]![b] = cov[b]![a]!;
  const { eigenvalues, eigenvectors } = linalg.eigh(cov);
  const w = eigenvalues.toFloat64Array();
  const V = eigenvectors.toFloat64Array();
  const total = w.reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const comp = (k: number): number[] => {
    const c = Array.from({ length: d }, (_, i) => V[i * d + k]!);
    const big = c.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
    return big < 0 ? c.map((v) => -v) : c;
  };
  const c1 = comp(d - 1);
  const c2 = comp(d - 2);
  const coords = X.map((r): [number, number] => {
    let a = 0;
    let b = 0;
    for (let j = 0; j < d; j++) (a += (r[j]! - mean[j]!) * c1[j]!), (b += (r[j]! - mean[j]!) * c2[j]!);
    return [a, b];
  });
  return { coords, ratio: [Math.max(0, w[d - 1]!) / total, Math.max(0, w[d - 2]!) / total], mean, components: [c1, c2] };
}

/**
 * Cluster assignments on a 2-d scatter: the data itself when it has two columns, else its first
 * two principal components (axis titles give the explained variance). Noise label -1 is grey.
 *
 * @example
 * clusterScatter(X, kmeans.labels, { centers: kmeans.clusterCenters });
 */
export function clusterScatter(X: NdArray | readonly (readonly number[])[], labels: ArrayLike<number | string> | NdArray, options: ChartOptions & { centers?: NdArray | readonly (readonly number[])[] } = {}): VegaLiteSpec {
  const ctx = 'clusterScatter';
  const rows = toMatrixRows(X, 'X', ctx);
  if (rows.length === 0) throw new PlotError(`${ctx}: X has no rows.`);
  const d = rows[0]!.length;
  if (d < 2) throw new PlotError(`${ctx}: X needs at least 2 columns; got ${d}.`);
  const lab = labels instanceof NdArray ? toNumbers(labels, 'labels', ctx) : Array.from(labels as ArrayLike<number | string>);
  if (lab.length !== rows.length) throw new PlotError(`${ctx}: ${lab.length} labels for ${rows.length} rows; give one label per row.`);
  rows.forEach((r, i) => r.forEach((v, j) => { if (!Number.isFinite(v)) throw new PlotError(`${ctx}: X[${i}][${j}] is ${v}; impute or drop missing values first.`); }));
  let coords: [number, number][];
  let xt = 'x1';
  let yt = 'x2';
  let project = (r: readonly number[]): [number, number] => [r[0]!, r[1]!];
  if (d > 2) {
    const p = pca2(rows);
    coords = p.coords;
    xt = `PC1 (${(p.ratio[0] * 100).toFixed(1)}% of variance)`;
    yt = `PC2 (${(p.ratio[1] * 100).toFixed(1)}% of variance)`;
    project = (r) => {
      let a = 0;
      let b = 0;
      for (let j = 0; j < d; j++) (a += (r[j]! - p.mean[j]!) * p.components[0][j]!), (b += (r[j]! - p.mean[j]!) * p.components[1][j]!);
      return [a, b];
    };
  } else coords = rows.map((r) => [r[0]!, r[1]!]);
  const values = coords.map(([a, b], i) => ({ x: a, y: b, cluster: String(lab[i]) }));
  const clusters = [...new Set(values.map((v) => v.cluster))].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const x = { field: 'x', type: 'quantitative', title: options.xTitle ?? xt, scale: { zero: false }, axis: { format: NUMBER_FORMAT } };
  const y = { field: 'y', type: 'quantitative', title: options.yTitle ?? yt, scale: { zero: false }, axis: { format: NUMBER_FORMAT } };
  const colorScale = clusters.includes('-1') ? { domain: clusters, range: clusters.map((c, i) => (c === '-1' ? '#BBBBBB' : ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'][(i - 1 + 8) % 8]!)) } : {};
  const layers: Record<string, unknown>[] = [
    { mark: { type: 'point', filled: true, size: rows.length > 2000 ? 10 : 30, opacity: 0.75 }, encoding: { x, y, color: { field: 'cluster', type: 'nominal', sort: clusters, title: 'cluster', scale: colorScale } } },
  ];
  if (options.centers) {
    const centers = toMatrixRows(options.centers, 'centers', ctx).map((c, i) => {
      if (c.length !== d) throw new PlotError(`${ctx}: center ${i} has ${c.length} values but X has ${d} columns.`);
      const [a, b] = project(c);
      return { x: a, y: b };
    });
    layers.push({ data: { values: centers }, mark: { type: 'point', shape: 'cross', size: 160, filled: true, color: 'black' }, encoding: { x, y } });
  }
  return finalize({ data: { values }, layer: layers }, options, { title: d > 2 ? 'Clusters (first two principal components)' : 'Clusters' });
}
