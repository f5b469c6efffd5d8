/** One metric's chart for one or several runs; refetches (downsampled server-side) when `version` changes. */
import { useEffect, useMemo, useState } from 'react';
import { api, type Series } from '../api.js';
import { curveSpec, type XAxis } from '../charts/specs.js';
import { VegaView } from '../charts/VegaView.js';

export interface ChartControls {
  smoothing: number;
  logScale: boolean;
  x: XAxis;
}

export const POINTS = 1000;

export function MetricPanel({ metric, runs, controls, version = 0 }: { metric: string; runs: { id: string; name: string }[]; controls: ChartControls; version?: number }) {
  const [series, setSeries] = useState<(Series & { run: string })[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runKey = runs.map((r) => r.id).join(',');
  useEffect(() => {
    let stale = false;
    Promise.all(runs.map(async (r) => {
      try {
        return { ...(await api.series(r.id, metric, POINTS, controls.x === 'step' ? 'step' : 'time')), run: r.name };
      } catch {
        return null; // a compared run that lacks this metric
      }
    }))
      .then((all) => {
        if (stale) return;
        const present = all.filter((s): s is Series & { run: string } => s !== null);
        setSeries(present);
        setError(present.length ? null : `No run has points for '${metric}'.`);
      })
      .catch((err: unknown) => !stale && setError(String(err)));
    return () => {
      stale = true;
    };
  }, [metric, runKey, version, controls.x === 'step']);
  const spec = useMemo(() => (series && series.length ? curveSpec(series, { ...controls, title: metric }) : null), [series, controls.smoothing, controls.logScale, controls.x]);
  const total = series?.reduce((a, s) => a + s.total, 0) ?? 0;
  const shown = series?.reduce((a, s) => a + s.points.length, 0) ?? 0;
  return (
    <section className="panel metric-panel" data-metric={metric} data-total={total} data-shown={shown}>
      <header>
        <h3>{metric}</h3>
        <span className="muted">
          {series ? `${total.toLocaleString()} points${shown < total ? `, ${shown.toLocaleString()} drawn (downsampled)` : ''}` : 'loading…'}
        </span>
      </header>
      {error ? <div className="error">{error}</div> : null}
      {spec ? <VegaView spec={spec} testId={`chart-${metric}`} /> : null}
    </section>
  );
}

export function ChartControlsBar({ value, onChange }: { value: ChartControls; onChange: (c: ChartControls) => void }) {
  return (
    <div className="controls">
      <label>
        Smoothing <input type="range" min={0} max={0.99} step={0.01} value={value.smoothing} aria-label="smoothing"
          onChange={(e) => onChange({ ...value, smoothing: Number(e.target.value) })} />
        <span className="num">{value.smoothing.toFixed(2)}</span>
      </label>
      <label>
        <input type="checkbox" checked={value.logScale} aria-label="log scale" onChange={(e) => onChange({ ...value, logScale: e.target.checked })} /> Log scale
      </label>
      <label>
        X axis{' '}
        <select value={value.x} aria-label="x axis" onChange={(e) => onChange({ ...value, x: e.target.value as XAxis })}>
          <option value="step">step</option>
          <option value="relative">relative time</option>
          <option value="time">wall time</option>
        </select>
      </label>
    </div>
  );
}
