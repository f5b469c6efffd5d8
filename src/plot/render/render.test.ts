import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { barChart, scatterChart, PlotError } from '../index.js';
import { markCounts, plotFontFiles, rasterize, renderHtml, renderImage, renderSvg, savePlot } from './index.js';
import { gallery } from '../../../test/helpers/plot/gallery.js';

const OUT = 'test-output/plot';
mkdirSync(OUT, { recursive: true });

/** Share of non-white pixels inside a box (fractions of the image). */
function inkShare(img: { width: number; height: number; pixels: Buffer }, box = { x0: 0.15, y0: 0.15, x1: 0.85, y1: 0.85 }): number {
  let ink = 0;
  let all = 0;
  for (let y = Math.floor(img.height * box.y0); y < img.height * box.y1; y++) {
    for (let x = Math.floor(img.width * box.x0); x < img.width * box.x1; x++) {
      const i = (y * img.width + x) * 4;
      all++;
      if (img.pixels[i]! < 235 || img.pixels[i + 1]! < 235 || img.pixels[i + 2]! < 235) ink++;
    }
  }
  return ink / all;
}

/** Distinct saturated colours (not grey) in the image, to see that the palette is used. */
function paletteColours(img: { pixels: Buffer }): Set<string> {
  const seen = new Map<string, number>();
  for (let i = 0; i < img.pixels.length; i += 4) {
    const r = img.pixels[i]!;
    const g = img.pixels[i + 1]!;
    const b = img.pixels[i + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) < 60) continue;
    const k = `${r >> 4},${g >> 4},${b >> 4}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n > 200).map(([k]) => k));
}

test('the DejaVu fonts are found and loaded explicitly', () => {
  const files = plotFontFiles();
  assert.ok(files.length >= 1, 'install fonts-dejavu-core (or set STRATA_PLOT_FONTS)');
  assert.ok(files.every((f) => existsSync(f)));
});

test('every chart type renders to a PNG with the expected size, ink in the plot area and mark counts', async () => {
  for (const [name, e] of Object.entries(gallery())) {
    const img = await renderImage(e.spec, { scale: 1 });
    writeFileSync(join(OUT, `${name}.png`), img.png);
    assert.equal(img.png.subarray(1, 4).toString(), 'PNG', name);
    assert.ok(img.width >= 200 && img.width <= 2000 && img.height >= 150 && img.height <= 1600, `${name}: ${img.width}×${img.height}`);
    assert.equal(img.pixels.length, img.width * img.height * 4);
    const share = inkShare(img);
    assert.ok(share > 0.005 && share < 0.95, `${name}: plot area ink ${share.toFixed(3)}`);
    const counts = await markCounts(e.spec);
    for (const [mark, n] of Object.entries(e.marks)) assert.ok((counts[mark] ?? 0) >= n, `${name}: ${mark} ${counts[mark]} < ${n}`);
    for (const [mark, n] of Object.entries(e.exact ?? {})) assert.equal(counts[mark], n, `${name}: ${mark}`);
  }
});

test('the ink check can fail: a chart whose points are all missing has a blank plot area', async () => {
  const blank = await renderImage(scatterChart({ a: [1, 2, 3], b: [NaN, NaN, NaN] }, { x: 'a', y: 'b' }), { scale: 1 });
  assert.ok(inkShare(blank) < 0.005, `blank ink ${inkShare(blank)}`);
  assert.equal((await markCounts(scatterChart({ a: [1, 2, 3], b: [NaN, NaN, NaN] }, { x: 'a', y: 'b' }))).symbol ?? 0, 0);
});

test('the PNG scale multiplies the pixel size; the SVG carries the chart size and title text', async () => {
  const spec = barChart([{ k: 'a', v: 1 }, { k: 'b', v: 2 }], { x: 'k', y: 'v', width: 300, height: 200, title: 'Two bars' });
  const svg = await renderSvg(spec);
  const w = Number(/<svg[^>]*width="(\d+)"/.exec(svg)![1]);
  assert.ok(w > 300 && w < 420, `svg width ${w}`);
  assert.match(svg, />Two bars</);
  assert.match(svg, /font-family="DejaVu Sans"/);
  const one = await renderImage(spec, { scale: 1 });
  const two = await renderImage(spec, { scale: 2 });
  assert.equal(two.width, one.width * 2);
  assert.equal(two.height, one.height * 2);
  assert.throws(() => rasterize(svg, 0), /scale must be between 0 and 8/);
});

test('coloured series use several palette colours; glyphs are drawn (text renders)', async () => {
  const img = await renderImage(gallery()['bar']!.spec, { scale: 1 });
  assert.ok(paletteColours(img).size >= 2);
  // The title band (top 8% of the image) holds dark text pixels only if a font was loaded.
  const title = inkShare(img, { x0: 0, y0: 0, x1: 0.5, y1: 0.08 });
  assert.ok(title > 0.01, `title ink ${title}`);
});

test('savePlot writes png, svg and self-contained html atomically; rejects other extensions', async () => {
  const spec = scatterChart({ a: [1, 2, 3], b: [3, 1, 2] }, { x: 'a', y: 'b', title: 'A </script> title' });
  const dir = join(OUT, 'save');
  rmSync(dir, { recursive: true, force: true });
  const png = await savePlot(spec, join(dir, 'nested', 'c.png'));
  assert.equal(png.format, 'png');
  assert.equal(readFileSync(png.path).subarray(1, 4).toString(), 'PNG');
  const svg = await savePlot(spec, join(dir, 'c.svg'));
  assert.match(readFileSync(svg.path, 'utf8'), /^<svg/);
  const html = await savePlot(spec, join(dir, 'c.html'));
  const text = readFileSync(html.path, 'utf8');
  assert.match(text, /^<!doctype html>/);
  assert.ok(!/<script[^>]+src=/.test(text), 'no external scripts');
  assert.ok(!/<link[^>]+href=/.test(text), 'no external stylesheets');
  assert.ok(text.length > 200_000, 'vega is inlined');
  assert.equal(text.match(/<\/script>/g)!.length, 2, 'the title cannot close the script early');
  assert.match(text, /vega\.parse\(spec\)/);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  await assert.rejects(savePlot(spec, join(dir, 'c.jpg')), (e: unknown) => e instanceof PlotError && /use a \.png, \.svg or \.html/.test(e.message));
  assert.ok(!existsSync(join(dir, 'c.jpg')));
  assert.match(renderHtml(spec), /<title>A &lt;\/script&gt; title<\/title>/);
});

test('the HTML page\'s inlined scripts run: the Vega library loads and draws the inlined spec', async () => {
  const html = renderHtml(barChart([{ k: 'a', v: 1 }, { k: 'b', v: 2 }], { x: 'k', y: 'v' }));
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  assert.equal(scripts.length, 2);
  const sandbox: Record<string, unknown> = { console };
  sandbox['globalThis'] = sandbox;
  runInNewContext(scripts[0]!, sandbox);
  const vega = sandbox['vega'] as { View: new (...a: unknown[]) => { runAsync(): Promise<unknown>; toSVG(): Promise<string> }; parse(s: unknown): unknown };
  assert.equal(typeof vega.parse, 'function');
  const spec = runInNewContext(`(${/const spec = ([\s\S]*?);\nnew vega/.exec(scripts[1]!)![1]})`, {});
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  await view.runAsync();
  assert.equal(((await view.toSVG()).match(/<path/g) ?? []).length >= 2, true);
});
