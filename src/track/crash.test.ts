import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore } from './store/open.js';

const here = dirname(fileURLToPath(import.meta.url));

test('a run whose process is SIGKILLed mid-logging is marked failed on the next open; the store stays intact', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'strata-crash-')), 'strata.db');
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, '..', '..', 'test', 'helpers', 'track', 'crash-child.ts'), db], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const runId = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${err}`)));
  });
  // Let it keep writing for a moment, then kill it in the middle of its work.
  await new Promise((r) => setTimeout(r, 150));
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGKILL');
  await exited;

  const raw = new Database(db, { readonly: true });
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal((raw.prepare("SELECT status FROM runs WHERE id = ?").get(runId) as { status: string }).status, 'running', 'still running until someone reaps it');
  raw.close();

  const store = await openStore(`sqlite:${db}`);
  try {
    const run = await store.getRun(runId);
    assert.equal(run.status, 'failed');
    assert.ok(run.endTime !== null);
    const loss = await store.getMetricHistory(runId, 'loss');
    assert.ok(loss.length >= 1000, `${loss.length} points survived`);
    loss.forEach((p, i) => assert.equal(p.step, i, 'a prefix of the series, no gaps'));
    const [notes] = await store.listArtifacts(runId);
    assert.equal(store.artifacts.read(notes!.digest).toString(), 'before the crash');
    // The store still takes writes.
    const exp = await store.getOrCreateExperiment('after');
    await store.createRun({ experimentId: exp.id });
  } finally {
    await store.close();
  }
});
