/**
 * Rendering Vega-Lite (or Vega) specs in Node: SVG through Vega's headless view, PNG through
 * resvg with explicitly loaded fonts, and `savePlot` to .png, .svg or a self-contained .html.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import { writeAtomically } from '../../frame/io/atomic.js';
import { PlotError } from '../errors.js';
import { FONT_FAMILY, type VegaLiteSpec } from '../theme.js';
import { plotFontFiles } from './fonts.js';

/** A Vega-Lite spec (from the builders) or an already compiled Vega spec. */
export type AnySpec = VegaLiteSpec | vega.Spec;

function isVegaLite(spec: AnySpec): spec is VegaLiteSpec {
  const schema = (spec as { $schema?: string }).$schema;
  if (typeof schema === 'string') return schema.includes('vega-lite');
  const s = spec as Record<string, unknown>;
  return ['mark', 'layer', 'facet', 'repeat', 'concat', 'hconcat', 'vconcat', 'spec'].some((k) => k in s);
}

/**
 * Compiles a Vega-Lite spec to Vega; Vega-Lite warnings (an encoding it dropped, a bad type) are
 * collected instead of printed, and raised as a PlotError when `strict`.
 */
export function toVega(spec: AnySpec, options: { strict?: boolean } = {}): { spec: vega.Spec; warnings: string[] } {
  if (!isVegaLite(spec)) return { spec: spec as vega.Spec, warnings: [] };
  const warnings: string[] = [];
  const logger = {
    level: (_?: number) => (_ === undefined ? 2 : logger),
    error: (...a: unknown[]) => { throw new PlotError(`Vega-Lite: ${a.map(String).join(' ')}`); },
    warn: (...a: unknown[]) => (warnings.push(a.map(String).join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  let out: vega.Spec;
  try {
    out = compile(spec as TopLevelSpec, { logger: logger as never }).spec as vega.Spec;
  } catch (err) {
    throw err instanceof PlotError ? err : new PlotError(`The chart spec does not compile: ${(err as Error).message}`);
  }
  if (options.strict && warnings.length) throw new PlotError(`The chart spec compiled with warnings: ${warnings.join('; ')}`);
  return { spec: out, warnings };
}

async function view(spec: AnySpec): Promise<vega.View> {
  const v = new vega.View(vega.parse(toVega(spec).spec), { renderer: 'none', logLevel: vega.Error });
  await v.runAsync();
  return v;
}

/**
 * The chart as an SVG document (vector; text in DejaVu Sans).
 *
 * @example
 * const svg = await renderSvg(scatterChart(df, { x: 'a', y: 'b' }));
 */
export async function renderSvg(spec: AnySpec): Promise<string> {
  const v = await view(spec);
  try {
    return await v.toSVG();
  } finally {
    v.finalize();
  }
}

export interface RenderPngOptions {
  /** Pixel density: 2 (default) gives crisp images on high-DPI screens and in documents. */
  scale?: number;
}

/** A rendered bitmap: PNG bytes plus the raw RGBA pixels (row-major), for checks. */
export interface RenderedImage {
  png: Buffer;
  width: number;
  height: number;
  pixels: Buffer;
}

/** Rasterizes an SVG with the project's fonts. */
export function rasterize(svg: string, scale = 2): RenderedImage {
  if (!(scale > 0 && scale <= 8)) throw new PlotError(`scale must be between 0 and 8; got ${scale}.`);
  const fontFiles = plotFontFiles();
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: fontFiles.length ? { loadSystemFonts: false, fontFiles, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY } : { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY },
  });
  const img = r.render();
  return { png: img.asPng(), width: img.width, height: img.height, pixels: img.pixels };
}

/** Renders to a bitmap and returns both the PNG bytes and pixels. */
export async function renderImage(spec: AnySpec, options: RenderPngOptions = {}): Promise<RenderedImage> {
  return rasterize(await renderSvg(spec), options.scale ?? 2);
}

/**
 * The chart as PNG bytes.
 *
 * @example
 * fs.writeFileSync('roc.png', await renderPng(rocCurvePlot(curve), { scale: 2 }));
 */
export async function renderPng(spec: AnySpec, options: RenderPngOptions = {}): Promise<Buffer> {
  return (await renderImage(spec, options)).png;
}

let vegaLibrary: string | undefined;
function vegaBrowserBuild(): string {
  if (vegaLibrary === undefined) {
    const require = createRequire(import.meta.url);
    const main = require.resolve('vega');
    const path = main.replace(/build[\\/][^\\/]*$/, 'build/vega.min.js');
    vegaLibrary = readFileSync(path, 'utf8');
  }
  return vegaLibrary;
}

const escapeScript = (s: string): string => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/**
 * A self-contained interactive HTML page: the Vega library and the compiled spec inlined, so it
 * opens offline (hover shows values; no network access needed).
 */
export function renderHtml(spec: AnySpec, options: { title?: string } = {}): string {
  const compiled = toVega(spec).spec;
  const rawTitle = options.title ?? (typeof (spec as { title?: unknown }).title === 'string' ? String((spec as { title?: unknown }).title) : 'Strata chart');
  const title = rawTitle.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:24px;font-family:"DejaVu Sans",system-ui,sans-serif;background:#fff}#error{color:#b00}</style>
<script>${escapeScript(vegaBrowserBuild())}</script>
</head><body><div id="chart"></div><div id="error"></div>
<script>
const spec = ${escapeScript(JSON.stringify(compiled))};
new vega.View(vega.parse(spec), { renderer: 'svg', container: '#chart', hover: true })
  .runAsync().catch((e) => { document.getElementById('error').textContent = String(e); });
</script></body></html>
`;
}

/** The file formats `savePlot` writes, by extension. */
export type PlotFormat = 'png' | 'svg' | 'html';

/**
 * Writes the chart to `path`; the format comes from the extension (.png, .svg, .html). The file
 * is written atomically (a temporary file renamed into place) and folders are created.
 *
 * @example
 * await savePlot(confusionMatrixPlot(cm), 'out/confusion.png', { scale: 2 });
 */
export async function savePlot(spec: AnySpec, path: string, options: RenderPngOptions = {}): Promise<{ path: string; format: PlotFormat; bytes: number }> {
  const ext = extname(path).toLowerCase().slice(1);
  let body: string | Buffer;
  if (ext === 'png') body = await renderPng(spec, options);
  else if (ext === 'svg') body = await renderSvg(spec);
  else if (ext === 'html' || ext === 'htm') body = renderHtml(spec);
  else throw new PlotError(`Cannot save a chart as '${path}': use a .png, .svg or .html file name.`);
  await writeAtomically(path, (tmp) => writeFile(tmp, body));
  return { path, format: ext === 'htm' ? 'html' : (ext as PlotFormat), bytes: Buffer.byteLength(body) };
}
