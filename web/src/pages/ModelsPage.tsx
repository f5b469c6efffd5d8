/** The model registry: models, their versions and aliases, and "try it" on a version. */
import { useEffect, useState } from 'react';
import { api, type ModelVersion, type PredictResult, type RegisteredModel } from '../api.js';
import { fmtTime, fmtValue } from '../format.js';
import { href } from '../router.js';

export function ModelsPage() {
  const [models, setModels] = useState<RegisteredModel[] | null>(null);
  useEffect(() => { api.models().then((r) => setModels(r.models)).catch(() => setModels([])); }, []);
  return (
    <div className="page">
      <h2>Model registry</h2>
      <table className="grid" data-testid="models-table">
        <thead><tr><th>Name</th><th>Latest version</th><th>Aliases</th><th>Created</th><th>Description</th></tr></thead>
        <tbody>{models?.map((m) => (
          <tr key={m.name}>
            <td><a href={href.model(m.name)}>{m.name}</a></td><td className="num">{m.latestVersion ?? ''}</td>
            <td>{Object.entries(m.aliases).map(([a, v]) => <span key={a} className="alias">{a} → {v}</span>)}</td>
            <td>{fmtTime(m.createdAt)}</td><td>{m.description ?? ''}</td>
          </tr>
        ))}</tbody>
      </table>
      {models && models.length === 0 ? <p className="muted">No registered models yet: <code>strata train DATA --target COL --model NAME --register NAME</code>.</p> : null}
    </div>
  );
}

function TryIt({ mv }: { mv: ModelVersion }) {
  const inputs = mv.signature?.inputs ?? [];
  const [row, setRow] = useState<Record<string, string>>({});
  const [result, setResult] = useState<PredictResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (body: { rows: Record<string, string>[] } | string): void => {
    setError(null);
    api.predict(mv.name, mv.version, body).then(setResult).catch((e: Error) => { setResult(null); setError(e.message); });
  };
  return (
    <section className="panel try-it" data-testid="try-it">
      <h3>Try it: {mv.name} version {mv.version}</h3>
      {inputs.length === 0 ? <p className="muted">This version has no input signature; upload a CSV with its training columns.</p> : null}
      <form onSubmit={(e) => { e.preventDefault(); run({ rows: [row] }); }}>
        <div className="form-grid">
          {inputs.map((f) => (
            <label key={f.name}>
              <span>{f.name} <small className="muted">{f.type}</small></span>
              <input name={f.name} aria-label={f.name} value={row[f.name] ?? ''} onChange={(e) => setRow({ ...row, [f.name]: e.target.value })} />
            </label>
          ))}
        </div>
        {inputs.length ? <button type="submit">Predict</button> : null}
        <label className="upload">
          or upload a CSV: <input type="file" accept=".csv,text/csv" aria-label="upload csv" onChange={async (e) => { const f = e.target.files?.[0]; if (f) run(await f.text()); }} />
        </label>
      </form>
      {error ? <div className="error" role="alert">{error}</div> : null}
      {result ? (
        <table className="grid" data-testid="predictions">
          <thead><tr><th>#</th><th>Prediction</th>{result.classes?.map((c) => <th key={String(c)}>P({String(c)})</th>)}</tr></thead>
          <tbody>{result.predictions.map((p, i) => (
            <tr key={i}>
              <td>{i + 1}</td><td className="prediction">{String(p)}</td>
              {result.probabilities?.[i]?.map((q, j) => (
                <td key={j} className="num proba"><span className="bar" style={{ width: `${Math.round(q * 100)}%` }} /><span className="p">{fmtValue(q)}</span></td>
              ))}
            </tr>
          ))}</tbody>
        </table>
      ) : null}
    </section>
  );
}

export function ModelPage({ name }: { name: string }) {
  const [data, setData] = useState<{ model: RegisteredModel; versions: ModelVersion[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [alias, setAlias] = useState('production');
  const [aliasError, setAliasError] = useState<string | null>(null);
  const load = (): void => { api.model(name).then((d) => { setData(d); setChosen((c) => c ?? d.model.aliases.production ?? d.model.latestVersion); }).catch((e: Error) => setError(e.message)); };
  useEffect(load, [name]);
  if (error) return <div className="page error">{error}</div>;
  if (!data) return <div className="page muted">loading…</div>;
  const mv = data.versions.find((v) => v.version === chosen);
  return (
    <div className="page">
      <h2>{data.model.name}</h2>
      <table className="grid" data-testid="versions-table">
        <thead><tr><th>Version</th><th>Aliases</th><th>Run</th><th>Trained on</th><th>Inputs</th><th>Created</th><th /></tr></thead>
        <tbody>{data.versions.map((v) => (
          <tr key={v.version} className={v.version === chosen ? 'chosen' : ''}>
            <td className="num">{v.version}</td>
            <td>{v.aliases.map((a) => <span key={a} className="alias">{a}</span>)}</td>
            <td>{v.runId ? <a href={href.run(v.runId)}>{v.runId.slice(0, 8)}</a> : ''}</td>
            <td>{v.datasetDigest ? <a href={href.dataset(v.datasetDigest)}><code>{v.datasetDigest.slice(0, 12)}</code></a> : ''}</td>
            <td>{v.signature?.inputs.map((f) => f.name).join(', ') ?? ''}</td>
            <td>{fmtTime(v.createdAt)}</td>
            <td><button onClick={() => setChosen(v.version)}>Try it</button></td>
          </tr>
        ))}</tbody>
      </table>
      {mv ? (
        <form className="alias-form" onSubmit={(e) => { e.preventDefault(); setAliasError(null); api.setAlias(name, alias, mv.version).then(load).catch((err: Error) => setAliasError(err.message)); }}>
          Point alias <input aria-label="alias" value={alias} onChange={(e) => setAlias(e.target.value)} /> at version {mv.version} <button type="submit">Set alias</button>
          {aliasError ? <span className="error" role="alert">{aliasError}</span> : null}
        </form>
      ) : null}
      {mv ? <TryIt key={mv.version} mv={mv} /> : null}
    </div>
  );
}
