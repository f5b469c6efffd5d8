/** One artifact: images inline, JSON charts (confusion matrix, ROC, PR, importances, Vega-Lite) drawn, text shown. */
import { useEffect, useState } from 'react';
import { api, type ArtifactRecord } from '../api.js';
import { VegaView } from '../charts/VegaView.js';
import { fmtBytes } from '../format.js';

export function ArtifactView({ runId, artifact }: { runId: string; artifact: ArtifactRecord }) {
  const url = api.artifactUrl(runId, artifact.name);
  const [chart, setChart] = useState<object | null>(null);
  const [text, setText] = useState<string | null>(null);
  const isImage = artifact.mediaType.startsWith('image/');
  const isJson = artifact.mediaType === 'application/json' || artifact.name.endsWith('.json');
  const isText = artifact.mediaType.startsWith('text/');
  useEffect(() => {
    if (isJson && artifact.size < 5_000_000) {
      api.artifactChart(runId, artifact.name).then((c) => setChart(c.spec)).catch(() => {
        if (artifact.size < 200_000) api.artifactText(runId, artifact.name).then(setText).catch(() => undefined);
      });
    } else if (isText && artifact.size < 200_000) api.artifactText(runId, artifact.name).then(setText).catch(() => undefined);
  }, [runId, artifact.name, artifact.digest]);
  return (
    <figure className="artifact" data-artifact={artifact.name}>
      <figcaption>
        <a href={url} target="_blank" rel="noreferrer">{artifact.name}</a> <span className="muted">{artifact.mediaType}, {fmtBytes(artifact.size)}</span>
      </figcaption>
      {isImage ? <img src={url} alt={artifact.name} loading="lazy" /> : null}
      {chart ? <VegaView spec={chart} testId={`artifact-chart-${artifact.name}`} /> : null}
      {!chart && text !== null ? <pre className="artifact-text">{text.length > 4000 ? `${text.slice(0, 4000)}…` : text}</pre> : null}
    </figure>
  );
}
