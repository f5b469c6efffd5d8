import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DataFrame,
  ColumnNotFoundError,
} from '../../frame/index.js';
import { array } from '../../tensor/index.js';
import { PlotError, barChart, boxPlot, densityPlot, facetChart, heatmap, histogram, lineChart, matrixHeatmap, scatterChart, scatterMatrix, timeSeries, violinPlot, PALETTE } from '../index.js';
import { toVega } from '../render/render.js';
import { gallery, sampleFrame } from '../../../test/helpers/plot/gallery.js';
import { validateJsonSchema } from '../../../test/helpers/plot/json-schema.js';

const schemaPath = fileURLToPath(new URL('../../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

type Obj = Record<string, any>;
const spec = (s: unknown): Obj => s as Obj;

test('every gallery spec validates against the Vega-Lite JSON schema and compiles without warnings', () => {
  const entries = Object.entries(gallery());
  assert.ok(entries.length >= 25);
  for (const [name, e] of entries) {
    const issue = validateJsonSchema(e.spec, schema);
    assert.equal(issue, null, `${name}: ${JSON.stringify(issue)}`);
    const { warnings } = toVega(e.spec, { strict: true });
    assert.deepEqual(warnings, [], name);
    assert.equal(spec(e.spec).config.font, 'DejaVu Sans', name);
    assert.deepEqual(spec(e.spec).config.range.category, [...PALETTE], name);
  }
});

test('the schema validator rejects what Vega-Lite rejects', () => {
  const good = spec(scatterChart({ a: [1, 2], b: [3, 4] }, { x: 'a', y: 'b' }));
  assert.equal(validateJsonSchema(good, schema), null);
  assert.match(validateJsonSchema({ ...good, marc: 'point' }, schema)!.message, /unknown property 'marc'/);
  assert.ok(validateJsonSchema({ ...good, mark: 'pointy' }, schema));
  assert.ok(validateJsonSchema({ ...good, encoding: { x: { field: 'a', type: 'quantitativ' } } }, schema));
});

test('lineChart folds several y columns into coloured series with titles from the column names', () => {
  const s = spec(lineChart({ epoch: [1, 2, 3], train: [3, 2, 1], valid: [4, 3, 2] }, { x: 'epoch', y: ['train', 'valid'] }));
  assert.deepEqual(s.transform, [{ fold: ['train', 'valid'], as: ['__series', '__value'] }]);
  assert.equal(s.encoding.x.field, 'epoch');
  assert.equal(s.encoding.x.type, 'quantitative');
  assert.equal(s.encoding.x.title, 'epoch');
  assert.equal(s.encoding.color.field, '__series');
  assert.equal(s.title, 'train, valid by epoch');
  const one = spec(lineChart(sampleFrame(), { x: 'sepal', y: 'petal', color: 'species', title: 'T' }));
  assert.equal(one.encoding.y.field, 'petal');
  assert.equal(one.encoding.color.type, 'nominal');
  assert.equal(one.title, 'T');
  assert.equal(one.width, 480);
});

test('column names with dots are escaped, not read as nested fields', () => {
  const s = spec(scatterChart({ 'a.b': [1, 2, 3], y: [1, 2, 3] }, { x: 'a.b', y: 'y' }));
  assert.equal(s.encoding.x.field, 'a\\.b');
  assert.equal(s.encoding.x.title, 'a.b');
});

test('scatterChart: colour, size and a regression layer per group', () => {
  const df = sampleFrame();
  const s = spec(scatterChart(df, { x: 'sepal', y: 'petal', color: 'species', size: 'width', regression: true }));
  assert.equal(s.layer.length, 2);
  const [points, fit] = s.layer;
  assert.equal(points.encoding.color.type, 'nominal');
  assert.equal(points.encoding.size.field, 'width');
  assert.equal(points.encoding.size.type, 'quantitative');
  assert.deepEqual(fit.transform, [{ regression: 'petal', on: 'sepal', method: 'linear', groupby: ['species'] }]);
  assert.equal(s.data.values.length, 150);
  const numericColor = spec(scatterChart(df, { x: 'sepal', y: 'petal', color: 'width' }));
  assert.equal(numericColor.encoding.color.type, 'quantitative');
  assert.equal(spec(scatterChart(df, { x: 'sepal', y: 'petal', regression: 'loess' })).layer[1].transform[0].loess, 'petal');
});

test('barChart aggregates per category, grouped with xOffset or stacked', () => {
  const rows = [{ k: 'a', g: 'x', v: 1 }, { k: 'a', g: 'x', v: 2 }, { k: 'b', g: 'y', v: 5 }];
  const g = spec(barChart(rows, { x: 'k', y: 'v', color: 'g' }));
  assert.equal(g.encoding.y.aggregate, 'sum');
  assert.equal(g.encoding.xOffset.field, 'g');
  assert.deepEqual(g.encoding.x.sort, ['a', 'b']);
  const st = spec(barChart(rows, { x: 'k', y: 'v', color: 'g', mode: 'stacked', aggregate: 'mean' }));
  assert.equal(st.encoding.y.stack, 'zero');
  assert.equal(st.encoding.y.aggregate, 'mean');
  assert.equal(st.encoding.xOffset, undefined);
  const count = spec(barChart(rows, { x: 'k', horizontal: true }));
  assert.equal(count.encoding.x.aggregate, 'count');
  assert.equal(count.encoding.y.field, 'k');
  assert.throws(() => barChart(rows, { x: 'k', aggregate: 'mean' }), /needs a y column/);
});

test('histogram bins, densityPlot and box/violin encode the right transforms', () => {
  const df = sampleFrame();
  const h = spec(histogram(df, { x: 'sepal', bins: 12, color: 'species' }));
  assert.deepEqual(h.encoding.x.bin, { maxbins: 12 });
  assert.equal(h.encoding.y.aggregate, 'count');
  assert.equal(h.encoding.y.stack, null);
  const d = spec(densityPlot(df, { x: 'sepal', color: 'species', bandwidth: 0.3 }));
  assert.deepEqual(d.transform[0], { density: 'sepal', as: ['__x', '__density'], groupby: ['species'], bandwidth: 0.3 });
  const b = spec(boxPlot(df, { x: 'species', y: 'sepal' }));
  assert.equal(b.mark.type, 'boxplot');
  assert.equal(b.mark.extent, 1.5);
  const v = spec(violinPlot(df, { x: 'species', y: 'sepal' }));
  assert.equal(v.facet.column.field, 'species');
  assert.equal(v.spec.encoding.x.stack, 'center');
});

test('heatmap aggregates cells and annotates them with contrasting text', () => {
  const rows = [{ a: 'x', b: 'p', v: 1 }, { a: 'x', b: 'p', v: 3 }, { a: 'y', b: 'q', v: 5 }];
  const s = spec(heatmap(rows, { x: 'a', y: 'b', value: 'v' }));
  assert.deepEqual(s.transform[0], { aggregate: [{ op: 'mean', field: 'v', as: '__value' }], groupby: ['a', 'b'] });
  assert.equal(s.layer.length, 2);
  assert.equal(s.layer[1].mark.type, 'text');
  assert.equal(s.layer[1].encoding.color.condition.value, 'white');
  const m = spec(matrixHeatmap(array([[1, 2], [3, 4]]), { annotate: false }));
  assert.equal(m.layer.length, 1);
  assert.deepEqual(m.layer[0].encoding.y.sort, ['0', '1']);
  assert.equal(m.data.values.length, 4);
  assert.throws(() => matrixHeatmap([[1, 2]], { xLabels: ['a'] }), /1 xLabels for 2 columns/);
});

test('scatterMatrix repeats over numeric columns; facetChart wraps any single-view chart', () => {
  const df = sampleFrame();
  const p = spec(scatterMatrix(df, { color: 'species' }));
  assert.equal(p.vconcat.length, 3);
  assert.deepEqual(p.vconcat[0].hconcat.map((c: Obj) => c.mark.type), ['bar', 'point', 'point']);
  assert.deepEqual(p.vconcat[2].hconcat[0].encoding, { ...p.vconcat[2].hconcat[0].encoding, x: { ...p.vconcat[2].hconcat[0].encoding.x, field: 'sepal' }, y: { ...p.vconcat[2].hconcat[0].encoding.y, field: 'width' } });
  assert.deepEqual(p.vconcat[1].hconcat[1].encoding.x.bin, { maxbins: 20 });
  assert.throws(() => scatterMatrix(df, { columns: ['sepal'] }), /at least 2 numeric columns/);
  const f = spec(facetChart(scatterChart(df, { x: 'sepal', y: 'petal', regression: true }), { facet: 'species', wrap: 2 }));
  assert.equal(f.facet.field, 'species');
  assert.equal(f.columns, 2);
  assert.equal(f.spec.layer.length, 2);
  assert.equal(f.spec.width, 220);
  const grid = spec(facetChart(histogram(df, { x: 'sepal' }), { column: 'species' }));
  assert.equal(grid.facet.column.field, 'species');
  assert.throws(() => facetChart(histogram(df, { x: 'sepal' }), { facet: 'specie' }), (e: unknown) => e instanceof ColumnNotFoundError && /did you mean 'species'/.test(e.message));
  assert.throws(() => facetChart(p as never, { facet: 'species' }), /single-view chart/);
});

test('timeSeries puts dates on a UTC time axis', () => {
  const s = spec(timeSeries(sampleFrame(), { x: 'day', y: 'sepal' }));
  assert.equal(s.encoding.x.type, 'temporal');
  assert.equal(s.encoding.x.scale.type, 'utc');
  assert.equal(s.data.values[0].day, Date.UTC(2024, 0, 1));
  const fromMs = spec(timeSeries({ t: [0, 86400000], v: [1, 2] }, { x: 't', y: 'v' }));
  assert.equal(fromMs.encoding.x.type, 'temporal');
  assert.throws(() => timeSeries(sampleFrame(), { x: 'species', y: 'sepal' }), /'species' holds text.*needs numbers or dates/);
});

test('inputs: DataFrame, rows, column records with typed arrays and NdArrays; NaN becomes null', () => {
  const s = spec(scatterChart({ x: new Float64Array([1, NaN, 3]), y: array([1, 2, 3]) }, { x: 'x', y: 'y' }));
  assert.deepEqual(s.data.values, [{ x: 1, y: 1 }, { x: null, y: 2 }, { x: 3, y: 3 }]);
  const r = spec(scatterChart([{ x: 1, y: 2 }], { x: 'x', y: 'y' }));
  assert.equal(r.data.values.length, 1);
  assert.throws(() => scatterChart({ x: [1, 2], y: [1] }, { x: 'x', y: 'y' }), /column 'y' has 1 values but 'x' has 2/);
  assert.throws(() => scatterChart({ x: array([[1, 2]]), y: [1] }, { x: 'x', y: 'y' }), /NdArray of shape \[1, 2\]/);
});

test('bad input: unknown column lists the available ones', () => {
  const df = sampleFrame();
  assert.throws(
    () => scatterChart(df, { x: 'sepall', y: 'petal' }),
    (e: unknown) => e instanceof ColumnNotFoundError && /Column 'sepall' not found; did you mean 'sepal'\? Columns: species, sepal, petal, width, day/.test(e.message),
  );
  assert.throws(() => barChart(df, { x: 'nope' }), ColumnNotFoundError);
  assert.throws(() => heatmap(df, { x: 'species', y: 'day', value: 'zzz' }), ColumnNotFoundError);
});

test('bad input: text on a numeric axis says which column and what would work', () => {
  const df = sampleFrame();
  assert.throws(() => scatterChart(df, { x: 'species', y: 'petal' }), (e: unknown) => e instanceof PlotError && /scatterChart: column 'species' holds text \(e\.g\. "setosa"\), but the x axis needs numbers or dates.*numeric columns: sepal, petal, width/.test(e.message));
  assert.throws(() => histogram(df, { x: 'species' }), /histogram: column 'species' holds text/);
  assert.throws(() => lineChart(df, { x: 'day', y: 'species' }), /y axis needs numbers/);
  assert.throws(() => boxPlot(df, { y: 'species' }), PlotError);
});

test('bad input: empty frames and empty row lists', () => {
  const empty = DataFrame.fromColumns({ x: new Float64Array(0), y: new Float64Array(0) });
  assert.throws(() => scatterChart(empty, { x: 'x', y: 'y' }), /scatterChart: the data has no rows/);
  assert.throws(() => histogram([], { x: 'x' }), /no rows/);
  assert.throws(() => barChart({}, { x: 'k' }), /no rows/);
});
