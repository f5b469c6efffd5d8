import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';
import { trainedHome, type TrainedHome } from '../../../test/helpers/serve/fixture.js';
import { HostingStore } from '../../serve/index.js';

let t: TrainedHome;
before(async () => {
  t = await trainedHome();
});

test('serve --new-key prints a key once and stores only its hash; bad scopes are usage errors', async () => {
  const r = await runCli(['serve', '--new-key', 'predict,upload', '--owner', 'alice', '--rate-limit', '60', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const made = JSON.parse(r.stdout);
  assert.deepEqual([made.owner, made.scopes, made.rateLimit], ['alice', ['predict', 'upload'], 60]);
  const hosting = HostingStore.open(join(t.home, 'serve.db'));
  try {
    assert.equal(hosting.verifyKey(made.key)?.id, made.id);
    assert.equal(hosting.verifyKey(made.key.slice(0, -1) + (made.key.endsWith('A') ? 'B' : 'A')), null);
  } finally {
    hosting.close();
  }
  const bad = await runCli(['serve', '--new-key', 'root']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Unknown scope "root"/);
  assert.equal((await runCli(['serve', 'gb', '--workers', '0'])).code, 2);
});

test('strata serve --workers 2 answers on one port like strata predict, counts usage from both, and stops on SIGTERM', async () => {
  const p = await runCli(['predict', 'gb', join(t.dir, 'fresh.csv'), '--store', t.store, '--json']);
  assert.equal(p.code, 0, p.stderr);
  const expected = JSON.parse(p.stdout).predictions;
  const key = JSON.parse((await runCli(['serve', '--new-key', 'predict', '--owner', 'cli', '--json'])).stdout);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', "import { run } from './src/cli/program.ts'; process.exitCode = await run(['node', 'strata', ...process.argv.slice(1)]);",
      'serve', 'gb', '--store', t.store, '--port', '0', '--workers', '2', '--private', '--json'],
    { env: { ...process.env, STRATA_HOME: t.home }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const ready = await new Promise<{ url: string; workers: number }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code} before it was ready: ${stderr}`)));
    });
    assert.equal(ready.workers, 2);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${key.key}` };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => fetch(`${ready.url}/v1/models/gb:predict`, { method: 'POST', headers, body: JSON.stringify({ instances: t.fresh }) }).then((r) => r.json() as Promise<{ predictions: string[] }>)),
    );
    for (const a of answers) assert.deepEqual(a.predictions, expected);
    assert.equal((await fetch(`${ready.url}/v1/models/gb:predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, 401);
    // Whichever worker answers /metrics reports the whole server.
    for (let i = 0; i < 3; i++) {
      const metrics = await (await fetch(`${ready.url}/metrics`)).text();
      assert.match(metrics, /^strata_serve_processes 2$/m);
      assert.match(metrics, new RegExp(`^strata_serve_predicted_rows_total\\{model="gb"\\} ${6 * t.fresh.length}$`, 'm'));
    }
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, stderr);
  const hosting = HostingStore.open(join(t.home, 'serve.db'));
  try {
    const usage = hosting.usage({ keyId: key.id });
    assert.deepEqual(usage.map((u) => [u.model, u.calls, u.rows]), [['gb', 6, 6 * t.fresh.length]]);
  } finally {
    hosting.close();
  }
});
