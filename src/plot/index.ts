/**
 * strata/plot — charts as Vega-Lite specs (the Matplotlib/seaborn layer), shared by the CLI, the
 * dashboard and notebooks. Builders are browser-safe; rendering to SVG/PNG/HTML in Node lives in
 * `strata/plot/render` (src/plot/render/index.ts).
 *
 * @example
 * import { scatterChart } from 'strata/plot';
 * import { savePlot } from 'strata/plot/render';
 * await savePlot(scatterChart(df, { x: 'sepal_length', y: 'petal_length', color: 'species' }), 'iris.png');
 */
export { PlotError } from './errors.js';
export { toPlotTable, type PlotData, type PlotTable, type ColumnLike, type FieldType } from './data.js';
export { PALETTE, THEME, FONT_FAMILY, NUMBER_FORMAT, type ChartOptions, type VegaLiteSpec } from './theme.js';

// Charts
export { lineChart, timeSeries, type LineChartOptions, type TimeSeriesOptions } from './charts/line.js';
export { scatterChart, type ScatterChartOptions } from './charts/scatter.js';
export { barChart, type BarChartOptions, type BarAggregate } from './charts/bar.js';
export { histogram, densityPlot, type HistogramOptions, type DensityOptions } from './charts/histogram.js';
export { boxPlot, violinPlot, type BoxPlotOptions } from './charts/box.js';
export { heatmap, matrixHeatmap, type HeatmapOptions, type MatrixHeatmapOptions } from './charts/heatmap.js';
export { scatterMatrix, type ScatterMatrixOptions } from './charts/pair.js';
export { facetChart, type FacetOptions } from './charts/facet.js';

// Machine-learning plots
export { confusionMatrixPlot, type ConfusionMatrixPlotOptions } from './ml/confusion-matrix.js';
export { rocCurvePlot, prCurvePlot, calibrationPlot, type RocCurveInput, type PrCurveInput, type CalibrationInput, type Curves } from './ml/curves.js';
export { learningCurvePlot, validationCurvePlot, type LearningCurveInput } from './ml/learning-curve.js';
export { featureImportancePlot, type FeatureImportanceOptions } from './ml/feature-importance.js';
export { shapSummaryPlot, type ShapSummaryOptions, type ShapFeatures } from './ml/shap-summary.js';
export { residualPlot } from './ml/residuals.js';
export { clusterScatter, pca2 } from './ml/cluster-scatter.js';
export { trainingCurves, type MetricPoint, type TrainingCurvesOptions } from './ml/training-curves.js';
