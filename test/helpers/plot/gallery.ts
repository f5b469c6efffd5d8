/**
 * Deterministic sample data and one spec per chart builder, shared by the spec, rendering and
 * bench code (so every chart type is checked the same way).
 */
import { DataFrame } from '../../../src/frame/dataframe.js';
import { array } from '../../../src/tensor/index.js';
import { barChart } from '../../../src/plot/charts/bar.js';
import { boxPlot, violinPlot } from '../../../src/plot/charts/box.js';
import { facetChart } from '../../../src/plot/charts/facet.js';
import { heatmap, matrixHeatmap } from '../../../src/plot/charts/heatmap.js';
import { densityPlot, histogram } from '../../../src/plot/charts/histogram.js';
import { lineChart, timeSeries } from '../../../src/plot/charts/line.js';
import { scatterMatrix } from '../../../src/plot/charts/pair.js';
import { scatterChart } from '../../../src/plot/charts/scatter.js';
import { clusterScatter } from '../../../src/plot/ml/cluster-scatter.js';
import { confusionMatrixPlot } from '../../../src/plot/ml/confusion-matrix.js';
import { calibrationPlot, prCurvePlot, rocCurvePlot } from '../../../src/plot/ml/curves.js';
import { featureImportancePlot } from '../../../src/plot/ml/feature-importance.js';
import { learningCurvePlot, validationCurvePlot } from '../../../src/plot/ml/learning-curve.js';
import { residualPlot } from '../../../src/plot/ml/residuals.js';
import { shapSummaryPlot } from '../../../src/plot/ml/shap-summary.js';
import { trainingCurves } from '../../../src/plot/ml/training-curves.js';
import type { VegaLiteSpec } from '../../../src/plot/theme.js';

/** A seeded uniform generator (Park–Miller), so sample charts are identical on every run. */
export function lcg(seed = 1): () => number {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647), s / 2147483647);
}

/** A 150-row iris-like frame: species, sepal, petal, width, day (dates). */
export function sampleFrame(n = 150, seed = 1): DataFrame {
  const u = lcg(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const species: string[] = [];
  const sepal: number[] = [];
  const petal: number[] = [];
  const width: number[] = [];
  const day: Date[] = [];
  for (let i = 0; i < n; i++) {
    const g = i % 3;
    const a = 5 + g + normal() * 0.5;
    species.push(['setosa', 'versicolor', 'virginica'][g]!);
    sepal.push(a);
    petal.push(a * 0.8 + normal() * 0.3);
    width.push(1 + g + normal() * 0.3);
    day.push(new Date(Date.UTC(2024, 0, 1 + i)));
  }
  return DataFrame.fromColumns({ species, sepal, petal, width, day });
}

/** A chart of the gallery with what it should draw. */
export interface GalleryEntry {
  spec: VegaLiteSpec;
  /** Minimum item counts per Vega mark type (e.g. { rect: 6 } for six bars). */
  marks: Record<string, number>;
  /** Exact item counts where the number is known in advance. */
  exact?: Record<string, number>;
}

/** One spec per builder, named by chart type. */
export function gallery(): Record<string, GalleryEntry> {
  const df = sampleFrame();
  const u = lcg(7);
  const sales = [
    { region: 'north', year: '2023', sales: 3 }, { region: 'north', year: '2024', sales: 4 },
    { region: 'south', year: '2023', sales: 5 }, { region: 'south', year: '2024', sales: 1 },
    { region: 'east', year: '2023', sales: 2 }, { region: 'east', year: '2024', sales: 6 },
  ];
  const y = Array.from({ length: 200 }, (_, i) => i % 2);
  const scoreA = y.map((t) => 0.35 * t + 0.65 * u());
  const roc = (scores: number[]) => {
    const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
    const P = y.filter((t) => t === 1).length;
    const N = y.length - P;
    const fpr = [0];
    const tpr = [0];
    let tp = 0;
    let fp = 0;
    for (const i of idx) (y[i] === 1 ? tp++ : fp++), fpr.push(fp / N), tpr.push(tp / P);
    return { fpr, tpr };
  };
  const X = Array.from({ length: 90 }, (_, i) => { const c = i % 3; return [c * 3 + u(), c * 2 + u(), u() - c, u()]; });
  // SHAP-like values in TreeSHAP's layout (expected value last) for 120 rows of 6 features, one with missing values.
  const shapFeatures = Array.from({ length: 120 }, () => [u() * 10, u(), u() < 0.5 ? 0 : 1, u() * 100, u() < 0.2 ? NaN : u(), u()]);
  const shapValues = shapFeatures.map((r) => [0.3 * (r[0]! - 5), 2 * (r[1]! - 0.5) ** 3, r[2] ? 0.8 : -0.3, 0.01 * (r[3]! - 50) * u(), Number.isNaN(r[4]!) ? 0 : 0.2 * (r[4]! - 0.5), 0.05 * (u() - 0.5), 1.5]);
  const shapNames = ['tenure_months', 'discount', 'has_contract', 'monthly_spend', 'satisfaction', 'zip_noise'];
  return {
    line: { spec: lineChart({ epoch: [1, 2, 3, 4, 5, 6], train: [1, 0.6, 0.4, 0.3, 0.25, 0.2], valid: [1.1, 0.8, 0.6, 0.55, 0.52, 0.53] }, { x: 'epoch', y: ['train', 'valid'], yTitle: 'loss' }), marks: { symbol: 12, line: 12 }, exact: { symbol: 12 } },
    scatter: { spec: scatterChart(df, { x: 'sepal', y: 'petal', color: 'species', regression: true }), marks: { symbol: 150, line: 6 }, exact: { symbol: 150 } },
    'scatter-size': { spec: scatterChart(df, { x: 'sepal', y: 'petal', color: 'width', size: 'width' }), marks: { symbol: 150 }, exact: { symbol: 150 } },
    bar: { spec: barChart(sales, { x: 'region', y: 'sales', color: 'year' }), marks: { rect: 6 }, exact: { rect: 6 } },
    'bar-stacked': { spec: barChart(sales, { x: 'region', y: 'sales', color: 'year', mode: 'stacked' }), marks: { rect: 6 }, exact: { rect: 6 } },
    'bar-count': { spec: barChart(df, { x: 'species', horizontal: true }), marks: { rect: 3 }, exact: { rect: 3 } },
    histogram: { spec: histogram(df, { x: 'sepal', bins: 20 }), marks: { rect: 8 } },
    density: { spec: densityPlot(df, { x: 'sepal', color: 'species' }), marks: { area: 3 } },
    box: { spec: boxPlot(df, { x: 'species', y: 'sepal' }), marks: { rect: 3 } },
    violin: { spec: violinPlot(df, { x: 'species', y: 'sepal' }), marks: { area: 3 } },
    heatmap: { spec: heatmap(sales, { x: 'region', y: 'year', value: 'sales' }), marks: { rect: 6, text: 6 }, exact: { rect: 6, text: 6 } },
    'matrix-heatmap': { spec: matrixHeatmap([[1, 0.5, -0.2], [0.5, 1, 0.1], [-0.2, 0.1, 1]], { xLabels: ['a', 'b', 'c'], yLabels: ['a', 'b', 'c'], scheme: 'blueorange', domain: [-1, 1], title: 'Correlation' }), marks: { rect: 9, text: 9 }, exact: { rect: 9, text: 9 } },
    pair: { spec: scatterMatrix(df, { color: 'species' }), marks: { symbol: 900, rect: 3 }, exact: { symbol: 900 } },
    facet: { spec: facetChart(scatterChart(df, { x: 'sepal', y: 'petal' }), { facet: 'species' }), marks: { symbol: 150 }, exact: { symbol: 150 } },
    'time-series': { spec: timeSeries(df, { x: 'day', y: ['sepal', 'petal'] }), marks: { line: 300 } },
    'confusion-matrix': { spec: confusionMatrixPlot({ labels: ['cat', 'dog', 'owl'], matrix: [[13, 2, 0], [3, 10, 2], [0, 1, 14]] }), marks: { rect: 9, text: 9 }, exact: { rect: 9, text: 9 } },
    'confusion-matrix-normalized': { spec: confusionMatrixPlot(array([[13, 2, 0], [3, 10, 2], [0, 1, 14]]), { labels: ['cat', 'dog', 'owl'], normalize: 'true' }), marks: { rect: 9, text: 9 } },
    roc: { spec: rocCurvePlot({ 'model A': roc(scoreA), 'model B': roc(y.map((t) => 0.15 * t + 0.85 * u())) }), marks: { line: 50 } },
    pr: { spec: prCurvePlot({ precision: [0.5, 0.6, 0.75, 1, 1], recall: [1, 0.9, 0.6, 0.3, 0] }), marks: { line: 5 } },
    calibration: { spec: calibrationPlot({ forest: { probPred: [0.1, 0.3, 0.5, 0.7, 0.9], probTrue: [0.05, 0.25, 0.55, 0.8, 0.95] } }), marks: { symbol: 5 } },
    'learning-curve': { spec: learningCurvePlot({ trainSizes: [20, 40, 80, 160], trainScores: [[1, 0.98, 0.99], [0.97, 0.96, 0.95], [0.94, 0.95, 0.93], [0.93, 0.92, 0.93]], testScores: [[0.7, 0.72, 0.68], [0.8, 0.79, 0.82], [0.85, 0.86, 0.84], [0.88, 0.87, 0.89]] }, { scoreName: 'accuracy' }), marks: { symbol: 8, area: 8 } },
    'validation-curve': { spec: validationCurvePlot({ paramName: 'alpha', paramRange: [0.01, 0.1, 1, 10], trainScores: [[0.99, 0.98], [0.95, 0.96], [0.9, 0.91], [0.7, 0.72]], testScores: [[0.7, 0.72], [0.85, 0.83], [0.88, 0.87], [0.69, 0.7]] }, { logX: true }), marks: { symbol: 8 } },
    'feature-importance': { spec: featureImportancePlot([0.05, 0.4, 0.2, 0.1, 0.25], ['age', 'income', 'tenure', 'region_north', 'num_purchases'], { std: [0.01, 0.05, 0.03, 0.02, 0.04] }), marks: { rect: 5, rule: 5 }, exact: { rect: 5 } },
    'shap-summary': { spec: shapSummaryPlot(shapValues, shapFeatures, shapNames, { maxDisplay: 5 }), marks: { symbol: 600, rule: 1 }, exact: { symbol: 600 } },
    'shap-bar': { spec: shapSummaryPlot(shapValues, shapFeatures, shapNames, { kind: 'bar' }), marks: { rect: 6 }, exact: { rect: 6 } },
    residuals: { spec: residualPlot(Array.from({ length: 80 }, (_, i) => i + 5 * (u() - 0.5)), Array.from({ length: 80 }, (_, i) => i)), marks: { symbol: 80 }, exact: { symbol: 80 } },
    'cluster-scatter': { spec: clusterScatter(X, X.map((_, i) => i % 3), { centers: [[1.5, 0.5, 0.5, 0.5], [4.5, 2.5, -0.5, 0.5], [7.5, 4.5, -1.5, 0.5]] }), marks: { symbol: 93 }, exact: { symbol: 93 } },
    'training-curves': { spec: trainingCurves([...Array.from({ length: 30 }, (_, i) => ({ step: i, value: 2 * Math.exp(-i / 8) + 0.1 * u(), key: 'train_loss' })), ...Array.from({ length: 30 }, (_, i) => ({ step: i, value: 0.5 + 0.4 * (1 - Math.exp(-i / 6)), key: 'val_accuracy' }))], { smoothing: 0.5 }), marks: { line: 60 } },
  };
}
