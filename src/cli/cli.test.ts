import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli as capture } from '../../test/helpers/cli.js';
import { formatTable } from './table.js';


test('usage errors exit 2 with one sentence on stderr; --help exits 0', async () => {
  const bad = await capture(['quickstart', '--seed', 'x']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--seed must be a non-negative integer, got 'x'/);
  const unknown = await capture(['no-such-command']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command 'no-such-command'/);
  const help = await capture(['quickstart', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Example:\n {2}\$ strata quickstart/);
});

test('tables align numbers right and text left, with one notation per column', () => {
  const t = formatTable(['name', 'score', 'n'], [['a', 0.5, 10], ['long name', -2, 3]]);
  assert.equal(t, ['name         score   n', '---------  -------  --', 'a           0.5000  10', 'long name  -2.0000   3'].join('\n'));
});
