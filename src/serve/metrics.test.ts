/** Series lookup in the metrics registry: by label names and values, removal, and the rendered text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Counter, Gauge, Histogram } from './metrics.js';

test('series are told apart by label names and values, and counts add up per series', () => {
  const c = new Counter('c_total', 'help');
  c.inc({ route: '/a', status: '200' });
  c.inc({ route: '/a', status: '200' }, 2);
  c.inc({ route: '/a', status: '500' });
  c.inc({ model: '/a', status: '200' }, 10);
  c.inc();
  assert.equal(c.value({ route: '/a', status: '200' }), 3);
  assert.equal(c.value({ route: '/a', status: '500' }), 1);
  assert.equal(c.value({ model: '/a', status: '200' }), 10);
  assert.equal(c.value({}), 1);
  assert.deepEqual(
    c.snapshot().series.map((s) => [s.labels, s.value]),
    [[{ route: '/a', status: '200' }, 3], [{ route: '/a', status: '500' }, 1], [{ model: '/a', status: '200' }, 10], [{}, 1]],
  );
  const h = new Histogram('h', 'help', [0.1, 1]);
  h.observe({ route: '/a' }, 0.05);
  h.observe({ route: '/a' }, 0.5);
  h.observe({ route: '/b' }, 5);
  assert.deepEqual(h.snapshot().series, [
    { labels: { route: '/a' }, counts: [1, 2], sum: 0.55, count: 2 },
    { labels: { route: '/b' }, counts: [0, 0], sum: 5, count: 1 },
  ]);
});

test('a removed gauge series is gone and starts again from a new set', () => {
  const g = new Gauge('g', 'help');
  g.set({ model: 'm', version: '1' }, 2.5);
  g.set({ model: 'm', version: '2' }, 1);
  g.remove({ model: 'm', version: '1' });
  assert.deepEqual(g.snapshot().series, [{ labels: { model: 'm', version: '2' }, value: 1 }]);
  g.set({ model: 'm', version: '2' }, 4);
  g.set({ model: 'm', version: '1' }, 7);
  assert.deepEqual(g.snapshot().series, [{ labels: { model: 'm', version: '2' }, value: 4 }, { labels: { model: 'm', version: '1' }, value: 7 }]);
});
