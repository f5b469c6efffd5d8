/** Draws a Vega-Lite spec: compiled by vega-lite, rendered by vega as SVG into a div. */
import { useEffect, useRef, useState } from 'react';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export function VegaView({ spec, testId, onRendered }: { spec: object; testId?: string; onRendered?: (ms: number) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let view: View | null = null;
    let cancelled = false;
    const t0 = performance.now();
    try {
      const vg = compile(spec as TopLevelSpec).spec;
      view = new View(parse(vg), { renderer: 'svg', container: el.current!, hover: true });
      view.runAsync().then(() => {
        if (cancelled) return;
        setError(null);
        el.current?.setAttribute('data-rendered', String(Date.now()));
        onRendered?.(performance.now() - t0);
      }).catch((err: unknown) => !cancelled && setError(String(err)));
    } catch (err) {
      setError(`This chart cannot be drawn: ${(err as Error).message}`);
    }
    return () => {
      cancelled = true;
      view?.finalize();
    };
  }, [spec]);
  return (
    <div className="chart" data-testid={testId}>
      {error ? <div className="error">{error}</div> : null}
      <div ref={el} />
    </div>
  );
}
