/** The runs table: experiments, filter language, sort by any column, lazily loaded columns, paging, compare. */
import { useEffect, useState } from 'react';
import { api, ApiError, type Experiment, type RunColumns, type RunsPage as Page } from '../api.js';
import { FilterBox } from '../components/FilterBox.js';
import { href, type Route } from '../router.js';
import { fmtDuration, fmtTime, fmtValue } from '../format.js';

const PAGE = 50;

function defaultColumns(c: RunColumns): string[] {
  return [...c.metrics.slice(0, 4).map((k) => `metrics.${k}`), ...c.params.slice(0, 3).map((k) => `params.${k}`)];
}

export function RunsPage({ route }: { route: Route }) {
  const q = route.query;
  const experiment = q.get('experiment') ?? '';
  const filter = q.get('filter') ?? '';
  const sort = q.get('sort') ?? '';
  const offset = Number(q.get('offset') ?? 0);
  const [experiments, setExperiments] = useState<Experiment[]>([]);
  const [available, setAvailable] = useState<RunColumns | null>(null);
  const [columns, setColumns] = useState<string[] | null>(q.get('columns')?.split(',').filter(Boolean) ?? null);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<{ message: string; position?: number } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [picker, setPicker] = useState(false);

  const go = (changes: Record<string, string>): void => {
    const next = new URLSearchParams(q);
    for (const [k, v] of Object.entries(changes)) (v === '' ? next.delete(k) : next.set(k, v));
    window.location.hash = href.runs(next);
  };

  useEffect(() => { api.experiments().then((r) => setExperiments(r.experiments)).catch(() => undefined); }, []);
  // Column names load first and on their own; values come only for the columns shown.
  useEffect(() => {
    api.columns(experiment || undefined).then((c) => {
      setAvailable(c);
      setColumns((cur) => cur ?? defaultColumns(c));
    }).catch((e: unknown) => setError({ message: String(e) }));
  }, [experiment]);
  useEffect(() => {
    if (columns === null) return;
    let stale = false;
    api.runs({ experiment, filter, sort, columns: columns.join(','), limit: PAGE, offset })
      .then((p) => { if (!stale) { setPage(p); setError(null); } })
      .catch((e: unknown) => { if (!stale) setError(e instanceof ApiError ? { message: e.message, ...(e.position !== undefined ? { position: e.position } : {}) } : { message: String(e) }); });
    return () => { stale = true; };
  }, [experiment, filter, sort, offset, columns?.join(',')]);

  const [sortCol, sortDir] = sort.split(/\s+/);
  const sortBy = (col: string): void => go({ sort: sortCol === col && sortDir !== 'DESC' ? `${col} DESC` : `${col} ASC`, offset: '' });
  const arrow = (col: string): string => (sortCol === col ? (sortDir === 'DESC' ? ' ▼' : ' ▲') : '');
  const toggle = (id: string): void => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const toggleColumn = (c: string): void => setColumns((cur) => (cur ?? []).includes(c) ? cur!.filter((x) => x !== c) : [...(cur ?? []), c]);

  return (
    <div className="page">
      <div className="toolbar">
        <select aria-label="experiment" value={experiment} onChange={(e) => go({ experiment: e.target.value, offset: '' })}>
          <option value="">All experiments</option>
          {experiments.map((e) => <option key={e.id} value={e.name}>{e.name}</option>)}
        </select>
        <FilterBox key={filter} value={filter} serverError={error} onApply={(f) => go({ filter: f, offset: '' })} />
      </div>
      <div className="toolbar">
        <span className="muted" data-testid="run-count">{page ? `${page.total.toLocaleString()} runs` : 'loading…'}</span>
        <button onClick={() => setPicker(!picker)}>Columns…</button>
        <button disabled={selected.size < 2} onClick={() => { window.location.hash = href.compare([...selected]); }}>Compare {selected.size || ''}</button>
        <span className="spacer" />
        <button disabled={offset === 0} onClick={() => go({ offset: String(Math.max(0, offset - PAGE)) })}>‹ Prev</button>
        <span className="muted">{page && page.total ? `${offset + 1}–${Math.min(offset + PAGE, page.total)}` : ''}</span>
        <button disabled={!page || offset + PAGE >= page.total} onClick={() => go({ offset: String(offset + PAGE) })}>Next ›</button>
      </div>
      {picker && available ? (
        <div className="picker">
          {(['metrics', 'params', 'tags'] as const).map((kind) => (
            <fieldset key={kind}>
              <legend>{kind}</legend>
              {available[kind].map((k) => {
                const c = `${kind}.${k}`;
                return <label key={c}><input type="checkbox" checked={columns?.includes(c) ?? false} onChange={() => toggleColumn(c)} /> {k}</label>;
              })}
              {available[kind].length === 0 ? <span className="muted">none</span> : null}
            </fieldset>
          ))}
        </div>
      ) : null}
      <table className="runs" data-testid="runs-table">
        <thead>
          <tr>
            <th />
            <th onClick={() => sortBy('attributes.name')}>Run{arrow('attributes.name')}</th>
            <th onClick={() => sortBy('attributes.experiment')}>Experiment{arrow('attributes.experiment')}</th>
            <th onClick={() => sortBy('attributes.status')}>Status{arrow('attributes.status')}</th>
            <th onClick={() => sortBy('attributes.start_time')}>Started{arrow('attributes.start_time')}</th>
            <th>Duration</th>
            {(columns ?? []).map((c) => <th key={c} onClick={() => sortBy(c)} title={c}>{c.replace(/^(metrics|params|tags)\./, '')}<small>{c.split('.')[0]}</small>{arrow(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {page?.runs.map((r) => (
            <tr key={r.id} data-run-id={r.id}>
              <td><input type="checkbox" aria-label={`select ${r.name}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} /></td>
              <td><a href={href.run(r.id)}>{r.name}</a></td>
              <td>{r.experimentName}</td>
              <td><span className={`status ${r.status}`}>{r.status}</span></td>
              <td>{fmtTime(r.startTime)}</td>
              <td>{fmtDuration(r.startTime, r.endTime)}</td>
              {(columns ?? []).map((c) => <td key={c} className="num">{fmtValue(r.values[c])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.runs.length === 0 ? <p className="muted">No runs match. Train one with <code>strata train DATA --target COL --model NAME</code>.</p> : null}
    </div>
  );
}
