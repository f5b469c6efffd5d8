/**
 * strata/plot/render — Node-only rendering of chart specs: SVG (Vega headless), PNG (resvg with
 * DejaVu Sans loaded explicitly) and self-contained interactive HTML.
 *
 * @example
 * import { savePlot } from 'strata/plot/render';
 * await savePlot(spec, 'chart.png', { scale: 2 });
 */
export { renderSvg, renderPng, renderImage, renderHtml, rasterize, savePlot, toVega, type AnySpec, type RenderPngOptions, type RenderedImage, type PlotFormat } from './render.js';
export { markCounts } from './scene.js';
export { plotFontFiles } from './fonts.js';
