/** Several runs side by side: overlaid curves per metric, a params/metrics table, parallel coordinates. */
import { useEffect, useMemo, useState } from 'react';
import { api, type RunDetail } from '../api.js';
import { parallelCoordinatesSpec } from '../charts/specs.js';
import { VegaView } from '../charts/VegaView.js';
import { ChartControlsBar, MetricPanel, type ChartControls } from '../components/MetricPanel.js';
import { fmtValue } from '../format.js';
import { href } from '../router.js';

export function ComparePage({ ids }: { ids: string[] }) {
  const [runs, setRuns] = useState<RunDetail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [controls, setControls] = useState<ChartControls>({ smoothing: 0, logScale: false, x: 'step' });
  useEffect(() => {
    Promise.all(ids.map((id) => api.run(id))).then(setRuns).catch((e: Error) => setError(e.message));
  }, [ids.join(',')]);
  const metricKeys = useMemo(() => [...new Set(runs?.flatMap((r) => r.metrics.map((m) => m.key)) ?? [])].sort(), [runs]);
  const paramKeys = useMemo(() => [...new Set(runs?.flatMap((r) => Object.keys(r.run.params)) ?? [])].sort(), [runs]);
  // Unique names for the legend when runs share one.
  const names = useMemo(() => {
    const seen = new Map<string, number>();
    return (runs ?? []).map((r) => {
      const n = (seen.get(r.run.name) ?? 0) + 1;
      seen.set(r.run.name, n);
      return n > 1 || (runs ?? []).filter((x) => x.run.name === r.run.name).length > 1 ? `${r.run.name} (${r.run.id.slice(0, 6)})` : r.run.name;
    });
  }, [runs]);
  const parallel = useMemo(() => {
    if (!runs) return null;
    const numeric = (v: string | undefined): number | null => (v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
    const dims = [
      ...paramKeys.filter((k) => runs.every((r) => numeric(r.run.params[k]) !== null) && new Set(runs.map((r) => r.run.params[k])).size > 1).map((k) => `params.${k}`),
      ...metricKeys.filter((k) => runs.every((r) => Number.isFinite(r.run.metrics[k]?.value as number))).map((k) => `metrics.${k}`),
    ];
    if (dims.length < 2) return null;
    const rows = runs.map((r, i) => Object.fromEntries([['run', names[i]], ...dims.map((d) => {
      const [kind, ...rest] = d.split('.');
      const key = rest.join('.');
      return [d, kind === 'params' ? numeric(r.run.params[key]) : (r.run.metrics[key]?.value as number)];
    })]));
    return parallelCoordinatesSpec(rows, dims);
  }, [runs, names]);

  if (error) return <div className="page error">{error}</div>;
  if (ids.length < 2) return <div className="page">Pick two or more runs in the <a href={href.runs()}>runs table</a> to compare them.</div>;
  if (!runs) return <div className="page muted">loading…</div>;
  const differs = (k: string): boolean => new Set(runs.map((r) => r.run.params[k])).size > 1;
  return (
    <div className="page">
      <h2>Comparing {runs.length} runs</h2>
      <table className="grid compare" data-testid="compare-table">
        <thead><tr><th /> {runs.map((r, i) => <th key={r.run.id}><a href={href.run(r.run.id)}>{names[i]}</a></th>)}</tr></thead>
        <tbody>
          {paramKeys.map((k) => (
            <tr key={`p-${k}`} className={differs(k) ? 'differs' : ''}><th>params.{k}</th>{runs.map((r) => <td key={r.run.id}>{r.run.params[k] ?? ''}</td>)}</tr>
          ))}
          {metricKeys.map((k) => (
            <tr key={`m-${k}`}><th>metrics.{k}</th>{runs.map((r) => <td key={r.run.id} className="num">{fmtValue(r.run.metrics[k]?.value)}</td>)}</tr>
          ))}
        </tbody>
      </table>
      {parallel ? <section className="panel"><VegaView spec={parallel} testId="parallel-coordinates" /></section> : null}
      <h3>Curves</h3>
      <ChartControlsBar value={controls} onChange={setControls} />
      <div className="charts">
        {metricKeys.map((k) => <MetricPanel key={k} metric={k} runs={runs.map((r, i) => ({ id: r.run.id, name: names[i]! }))} controls={controls} />)}
      </div>
    </div>
  );
}
