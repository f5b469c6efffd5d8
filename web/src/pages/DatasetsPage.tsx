/** The dataset explorer: what runs trained on (fingerprint, schema) and a summary of a file still on disk. */
import { useEffect, useState } from 'react';
import { api, type DatasetRecord } from '../api.js';
import { VegaView } from '../charts/VegaView.js';
import { fmtBytes, fmtValue } from '../format.js';
import { href } from '../router.js';

export function DatasetsPage() {
  const [list, setList] = useState<(DatasetRecord & { runs: string[] })[] | null>(null);
  useEffect(() => { api.datasets().then((r) => setList(r.datasets)).catch(() => setList([])); }, []);
  return (
    <div className="page">
      <h2>Datasets</h2>
      <table className="grid" data-testid="datasets-table">
        <thead><tr><th>Name</th><th>Digest</th><th>Rows</th><th>Columns</th><th>Size</th><th>Source</th><th>Runs</th></tr></thead>
        <tbody>{list?.map((d) => (
          <tr key={d.digest}>
            <td>{d.name}</td><td><a href={href.dataset(d.digest)}><code>{d.digest.slice(0, 12)}</code></a></td>
            <td className="num">{d.rows ?? ''}</td><td className="num">{d.schema?.length ?? ''}</td><td className="num">{fmtBytes(d.size)}</td>
            <td>{d.source ?? ''}</td><td className="num">{d.runs.length}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}

export function DatasetPage({ digest }: { digest: string }) {
  const [data, setData] = useState<Awaited<ReturnType<typeof api.dataset>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [charts, setCharts] = useState<Awaited<ReturnType<typeof api.datasetCharts>> | null>(null);
  useEffect(() => {
    api.dataset(digest).then((d) => {
      setData(d);
      if (d.describe) api.datasetCharts(digest).then(setCharts).catch(() => undefined);
    }).catch((e: Error) => setError(e.message));
  }, [digest]);
  if (error) return <div className="page error">{error}</div>;
  if (!data) return <div className="page muted">loading…</div>;
  const d = data.dataset;
  const cols = data.describe?.length ? Object.keys(data.describe[0]!) : [];
  return (
    <div className="page">
      <h2>{d.name} <code className="muted">{d.digest.slice(0, 16)}</code></h2>
      <dl className="attrs">
        <dt>Source</dt><dd>{d.source ?? '—'}</dd><dt>Kind</dt><dd>{d.kind}</dd><dt>Rows</dt><dd>{d.rows ?? '—'}</dd><dt>Size</dt><dd>{fmtBytes(d.size)}</dd>
        <dt>Used by</dt><dd>{data.runs.map((r) => <a key={r.runId + r.name} href={href.run(r.runId)}>{r.runId.slice(0, 8)} </a>)}</dd>
      </dl>
      {d.schema ? (
        <section className="panel"><h3>Schema</h3>
          <table className="grid" data-testid="schema"><thead><tr><th>Column</th><th>Type</th></tr></thead>
            <tbody>{d.schema.map((f) => <tr key={f.name}><td>{f.name}</td><td>{f.type}</td></tr>)}</tbody></table>
        </section>
      ) : null}
      {data.describe ? (
        <section className="panel"><h3>Summary</h3>
          <table className="grid" data-testid="describe"><thead><tr>{cols.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>{data.describe.map((r, i) => <tr key={i}>{cols.map((c) => <td key={c} className="num">{fmtValue(r[c])}</td>)}</tr>)}</tbody></table>
        </section>
      ) : <p className="muted">{data.note}</p>}
      {charts ? (
        <section className="panel"><h3>Distributions{charts.sampled ? ` (an even sample of ${charts.sampled.toLocaleString()} of ${charts.rows.toLocaleString()} rows)` : ''}</h3>
          <div className="histograms" data-testid="histograms">
            {charts.charts.filter((c) => c.spec).map((c) => <VegaView key={c.column} spec={c.spec!} testId={`histogram-${c.column}`} />)}
          </div>
        </section>
      ) : null}
    </div>
  );
}
