/** One run: attributes, params, tags, metric charts (live while it runs), artifacts and datasets. */
import { useEffect, useState } from 'react';
import { api, type MetricSummary, type RunDetail } from '../api.js';
import { ArtifactView } from '../components/ArtifactView.js';
import { ChartControlsBar, MetricPanel, type ChartControls } from '../components/MetricPanel.js';
import { fmtBytes, fmtDuration, fmtTime, fmtValue } from '../format.js';
import { href } from '../router.js';

export function RunPage({ id }: { id: string }) {
  const [detail, setDetail] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [controls, setControls] = useState<ChartControls>({ smoothing: 0, logScale: false, x: 'step' });
  const [summaries, setSummaries] = useState<MetricSummary[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    api.run(id).then((d) => { setDetail(d); setSummaries(d.metrics); setStatus(d.run.status); }).catch((e: Error) => setError(e.message));
  }, [id]);

  // Live updates while the run trains: the server pushes metric summaries; each chart refetches when its count grows.
  useEffect(() => {
    if (status !== 'running') return;
    const es = new EventSource(api.eventsUrl(id));
    es.addEventListener('metrics', (e) => setSummaries((JSON.parse((e as MessageEvent).data) as { metrics: MetricSummary[] }).metrics));
    es.addEventListener('status', (e) => {
      const s = (JSON.parse((e as MessageEvent).data) as { status: string }).status;
      setStatus(s);
      if (s !== 'running') api.run(id).then(setDetail).catch(() => undefined);
    });
    return () => es.close();
  }, [id, status === 'running']);

  if (error) return <div className="page"><div className="error">{error}</div><a href={href.runs()}>All runs</a></div>;
  if (!detail) return <div className="page muted">loading…</div>;
  const { run, artifacts, datasets, children } = detail;
  const runRef = [{ id: run.id, name: run.name }];
  return (
    <div className="page">
      <h2>
        {run.name} <span className={`status ${status}`} data-testid="run-status">{status}</span>
      </h2>
      <dl className="attrs">
        <dt>Run id</dt><dd><code>{run.id}</code></dd>
        <dt>Experiment</dt><dd><a href={href.runs(new URLSearchParams({ experiment: run.experimentName }))}>{run.experimentName}</a></dd>
        <dt>Started</dt><dd>{fmtTime(run.startTime)}</dd>
        <dt>Duration</dt><dd>{fmtDuration(run.startTime, run.endTime)}</dd>
        {run.seed !== null ? <><dt>Seed</dt><dd>{run.seed}</dd></> : null}
        {run.source ? <><dt>Source</dt><dd><code>{run.source}</code></dd></> : null}
        {run.parentRunId ? <><dt>Parent</dt><dd><a href={href.run(run.parentRunId)}>{run.parentRunId}</a></dd></> : null}
      </dl>
      <div className="columns">
        <section className="panel">
          <h3>Params</h3>
          <table className="kv" data-testid="params"><tbody>
            {Object.entries(run.params).map(([k, v]) => <tr key={k}><th>{k}</th><td>{v}</td></tr>)}
          </tbody></table>
        </section>
        <section className="panel">
          <h3>Metrics (latest)</h3>
          <table className="kv" data-testid="latest-metrics"><tbody>
            {summaries.map((m) => <tr key={m.key}><th>{m.key}</th><td className="num">{fmtValue(run.metrics[m.key]?.value)}</td><td className="muted">{m.count} pts</td></tr>)}
          </tbody></table>
          {Object.keys(run.tags).length ? (
            <>
              <h3>Tags</h3>
              <table className="kv"><tbody>{Object.entries(run.tags).map(([k, v]) => <tr key={k}><th>{k}</th><td>{v}</td></tr>)}</tbody></table>
            </>
          ) : null}
        </section>
      </div>
      <h3>Charts</h3>
      <ChartControlsBar value={controls} onChange={setControls} />
      <div className="charts">
        {summaries.filter((m) => m.count > 1).map((m) => <MetricPanel key={m.key} metric={m.key} runs={runRef} controls={controls} version={m.count * 1e6 + m.lastTime % 1e6} />)}
        {summaries.every((m) => m.count <= 1) ? <p className="muted">{summaries.length ? 'Every metric has a single value (see the table above); curves appear once a metric is logged over steps.' : 'No metrics logged yet.'}</p> : null}
      </div>
      {artifacts.length ? (
        <>
          <h3>Artifacts</h3>
          <div className="artifacts">{artifacts.map((a) => <ArtifactView key={a.name} runId={run.id} artifact={a} />)}</div>
        </>
      ) : null}
      {datasets.length ? (
        <>
          <h3>Datasets</h3>
          <table className="grid"><thead><tr><th>Name</th><th>Digest</th><th>Kind</th><th>Rows</th><th>Size</th><th>Source</th><th>Columns</th></tr></thead>
            <tbody>{datasets.map((d) => (
              <tr key={d.name}>
                <td>{d.name}</td><td><a href={href.dataset(d.digest)}><code>{d.digest.slice(0, 12)}</code></a></td><td>{d.kind}</td>
                <td className="num">{d.rows ?? ''}</td><td className="num">{fmtBytes(d.size)}</td><td>{d.source ?? ''}</td>
                <td className="wrap">{d.schema?.map((f) => `${f.name}: ${f.type}`).join(', ') ?? ''}</td>
              </tr>
            ))}</tbody>
          </table>
        </>
      ) : null}
      {children.length ? (
        <>
          <h3>Child runs</h3>
          <ul>{children.map((c) => <li key={c.id}><a href={href.run(c.id)}>{c.name}</a> <span className={`status ${c.status}`}>{c.status}</span></li>)}</ul>
        </>
      ) : null}
    </div>
  );
}
