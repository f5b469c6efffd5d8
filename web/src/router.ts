/** Hash routes (`#/runs/ID`), so the static server needs no rewrites. */
import { useEffect, useState } from 'react';

export interface Route {
  path: string[];
  query: URLSearchParams;
}

function current(): Route {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [p, q] = hash.split('?');
  return { path: p!.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(q ?? '') };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const on = (): void => setRoute(current());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const href = {
  runs: (q?: URLSearchParams) => `#/${q && [...q].length ? `?${q}` : ''}`,
  run: (id: string) => `#/runs/${encodeURIComponent(id)}`,
  compare: (ids: string[]) => `#/compare?ids=${ids.map(encodeURIComponent).join(',')}`,
  models: () => '#/models',
  model: (name: string) => `#/models/${encodeURIComponent(name)}`,
  datasets: () => '#/datasets',
  dataset: (digest: string) => `#/datasets/${digest}`,
};
