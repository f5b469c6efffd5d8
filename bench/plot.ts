/**
 * Plot benchmark: time to render a 10,000-point scatter and a 100-bar chart to PNG (spec build +
 * Vega headless scene + SVG + resvg raster at scale 2, 2× pixel density), with Matplotlib's
 * Agg backend drawing the same charts at the same pixel size as an anchor, interleaved in one
 * run (Python in one long-lived process; import time excluded). Prints medians and the
 * Strata/Matplotlib ratio; never asserts a time. Run: `node --import tsx bench/plot.ts [--reps N]`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { barChart, scatterChart } from '../src/plot/index.js';
import { renderPng } from '../src/plot/render/index.js';
import { random } from '../src/tensor/index.js';
import { PYTHON, missingAnchor } from './anchors/probe.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const repsArg = process.argv.indexOf('--reps');
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 7;

mkdirSync(OUT, { recursive: true });
const rng = random.defaultRng(20261125);
const N = 10_000;
const x = rng.standardNormal([N]).toFloat64Array();
const noise = rng.standardNormal([N]).toFloat64Array();
const y = x.map((v, i) => 0.7 * v + 0.5 * noise[i]!);
const group = Array.from({ length: N }, (_, i) => ['a', 'b', 'c'][i % 3]!);
const bars = Array.from({ length: 100 }, (_, i) => ({ label: `item_${String(i).padStart(3, '0')}`, value: Math.round(1000 * rng.random([1]).toFloat64Array()[0]!) }));
writeFileSync(`${OUT}plot-data.json`, JSON.stringify({ x: Array.from(x), y: Array.from(y), group, bars }));

const PY = String.raw`
import json, sys, time, io
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
d = json.load(open(sys.argv[1]))
colors = {'a': '#0072B2', 'b': '#E69F00', 'c': '#009E73'}
def scatter():
    fig, ax = plt.subplots(figsize=(5.6, 4.0), dpi=200)
    ax.scatter(d['x'], d['y'], s=4, c=[colors[g] for g in d['group']], alpha=0.5)
    ax.set_xlabel('x'); ax.set_ylabel('y'); ax.set_title('y vs x')
    b = io.BytesIO(); fig.savefig(b, format='png'); plt.close(fig); return len(b.getvalue())
def bar():
    fig, ax = plt.subplots(figsize=(5.6, 4.0), dpi=200)
    ax.bar([r['label'] for r in d['bars']], [r['value'] for r in d['bars']], color='#0072B2')
    ax.tick_params(axis='x', rotation=90, labelsize=4); ax.set_title('value by label')
    b = io.BytesIO(); fig.savefig(b, format='png'); plt.close(fig); return len(b.getvalue())
for line in sys.stdin:
    name = line.strip()
    t = time.perf_counter(); n = scatter() if name == 'scatter' else bar(); s = time.perf_counter() - t
    print(json.dumps({'seconds': s, 'bytes': n}), flush=True)
`;
import { median } from './harness.js';

const skip = missingAnchor('Matplotlib', ['matplotlib']);
if (skip) console.log(skip);
const py = skip ? undefined : spawn(PYTHON, ['-c', PY, `${OUT}plot-data.json`], { stdio: ['pipe', 'pipe', 'inherit'] });
const pending: ((s: string) => void)[] = [];
if (py) createInterface({ input: py.stdout }).on('line', (l) => pending.shift()?.(l));
const anchor = (name: string): Promise<{ seconds: number; bytes: number } | undefined> =>
  new Promise((res) => {
    if (!py) return res(undefined);
    pending.push((l) => res(JSON.parse(l)));
    py.stdin.write(name + '\n');
  });

async function strata(name: string): Promise<{ seconds: number; bytes: number }> {
  const t = performance.now();
  const spec = name === 'scatter' ? scatterChart({ x, y, group }, { x: 'x', y: 'y', color: 'group' }) : barChart(bars, { x: 'label', y: 'value' });
  const png = await renderPng(spec, { scale: 2 });
  return { seconds: (performance.now() - t) / 1000, bytes: png.length };
}


console.log(`plot bench: ${REPS} repetitions (after 1 warm-up), PNG at 2× pixel density`);
console.log('case                 strata_ms  matplotlib_ms  ratio');
for (const name of ['scatter', 'bar']) {
  await strata(name);
  await anchor(name);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < REPS; r++) {
    a.push((await strata(name)).seconds);
    const t = await anchor(name);
    if (t) b.push(t.seconds);
  }
  const label = name === 'scatter' ? 'scatter 10,000 pts' : 'bar 100 bars';
  const theirs = b.length ? (median(b) * 1000).toFixed(1) : '—';
  const ratio = b.length ? (median(a) / median(b)).toFixed(2) : '—';
  console.log(`${label.padEnd(20)} ${(median(a) * 1000).toFixed(1).padStart(9)}  ${theirs.padStart(13)}  ${ratio.padStart(5)}`);
}
py?.stdin.end();
