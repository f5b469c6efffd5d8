import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';
import { QUICKSTART_DATA } from './quickstart.js';

process.env.STRATA_HOME = join(mkdtempSync(join(tmpdir(), 'strata-quickstart-')), 'home');

test('quickstart --json runs AutoML on the shipped penguins with the automl keys and registers penguins', async () => {
  assert.match(QUICKSTART_DATA, /data[/\\]penguins\.csv$/);
  const a = await runCli(['quickstart', '--time', '2', '--json']);
  assert.equal(a.code, 0, a.stderr);
  const r = JSON.parse(a.stdout);
  for (const key of ['metric', 'leaderboard', 'best', 'saved', 'run_id']) assert.ok(key in r, key);
  assert.equal(r.target, 'species');
  assert.ok(r.best.score > 0.95, `accuracy ${r.best.score}`);
  assert.deepEqual(r.registered, { name: 'penguins', version: 1 });
  const again = await runCli(['quickstart', '--time', '1', '--json']);
  assert.equal(JSON.parse(again.stdout).registered.version, 2);
  const models = await runCli(['models', 'show', 'penguins', '--json']);
  assert.equal(models.code, 0, models.stderr);
});

test('quickstart prints the leaderboard and where to look next', async () => {
  const a = await runCli(['quickstart', '--time', '1']);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stdout, /Strata quickstart — which species is this penguin\?/);
  assert.match(a.stdout, /registered as penguins:\d+/);
  assert.match(a.stdout, /strata predict penguins:\d+ DATA/);
});
