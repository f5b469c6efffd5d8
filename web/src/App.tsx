/** The dashboard shell: navigation and the page for the current hash route. */
import { ComparePage } from './pages/ComparePage.js';
import { DatasetPage, DatasetsPage } from './pages/DatasetsPage.js';
import { ModelPage, ModelsPage } from './pages/ModelsPage.js';
import { RunPage } from './pages/RunPage.js';
import { RunsPage } from './pages/RunsPage.js';
import { href, useRoute } from './router.js';

export function App() {
  const route = useRoute();
  const [section, arg] = route.path;
  let page;
  if (section === 'runs' && arg) page = <RunPage key={arg} id={arg} />;
  else if (section === 'compare') page = <ComparePage ids={(route.query.get('ids') ?? '').split(',').filter(Boolean)} />;
  else if (section === 'models' && arg) page = <ModelPage key={arg} name={arg} />;
  else if (section === 'models') page = <ModelsPage />;
  else if (section === 'datasets' && arg) page = <DatasetPage key={arg} digest={arg} />;
  else if (section === 'datasets') page = <DatasetsPage />;
  else page = <RunsPage route={route} />;
  const active = (s: string | undefined): string => ((section ?? 'runs') === s || (s === 'runs' && section === 'compare') ? 'active' : '');
  return (
    <>
      <nav className="top">
        <a className="brand" href={href.runs()}>Strata</a>
        <a className={active('runs')} href={href.runs()}>Runs</a>
        <a className={active('models')} href={href.models()}>Models</a>
        <a className={active('datasets')} href={href.datasets()}>Datasets</a>
      </nav>
      <main>{page}</main>
    </>
  );
}
