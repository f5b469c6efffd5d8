import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../test/helpers/cli.js';
import { dashboardBuilt } from '../../track/server/index.js';

test('strata ui serves the API and the dashboard until stopped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-ui-cli-'));
  const main = join(dir, 'main.mts');
  writeFileSync(main, `import { run } from ${JSON.stringify(fileURLToPath(new URL('../program.ts', import.meta.url)))};\nprocess.exitCode = await run(['node', 'strata', ...process.argv.slice(2)]);\n`);
  const uri = `sqlite:${join(dir, 'strata.db')}`;
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'ui', '--port', '0', '--store', uri, '--no-build'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Strata UI on (http:\/\/127\.0\.0\.1:\d+) \(store (.*)\); press Ctrl\+C to stop\./.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`strata ui exited with ${code}: ${err}`)));
  });
  try {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean; store: string };
    assert.deepEqual(health, { ok: true, store: uri });
    assert.deepEqual(await (await fetch(`${url}/api/runs`)).json(), { total: 0, offset: 0, limit: 100, runs: [] });
    const home = await fetch(url);
    if (dashboardBuilt()) {
      assert.equal(home.status, 200);
      assert.match(await home.text(), /<div id="root">/);
    } else {
      assert.equal(home.status, 503);
      assert.match(await home.text(), /not built.*npx vite build web/);
      assert.match(err, /web\/dist is missing; serving the API only/);
    }
  } finally {
    child.kill('SIGTERM');
  }
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, err);
});

test('strata ui rejects a bad port or store with a usage error', async () => {
  const port = await runCli(['ui', '--port', 'abc']);
  assert.equal(port.code, 2);
  assert.match(port.stderr, /--port must be an integer in 0\.\.65535, got 'abc'/);
  const store = await runCli(['ui', '--store', 'mysql://x']);
  assert.equal(store.code, 2);
  assert.match(store.stderr, /--store must be sqlite:PATH or postgres:/);
});
