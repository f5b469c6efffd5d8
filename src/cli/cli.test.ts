import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli as capture } from '../../test/helpers/cli.js';
import { runQuickstart } from './commands/quickstart.js';
import { formatTable } from './table.js';


test('quickstart --json prints one JSON object whose two solvers agree and recover the true weights', async () => {
  const { code, stdout, stderr } = await capture(['quickstart', '--json', '--seed', '3']);
  assert.equal(code, 0, stderr);
  const r = JSON.parse(stdout);
  assert.equal(r.seed, 3);
  r.true_coefficients.forEach((w: number, i: number) => {
    assert.ok(Math.abs(r.lstsq_coefficients[i] - w) < 0.05, `lstsq w${i}`);
    assert.ok(Math.abs(r.lbfgs_coefficients[i] - r.lstsq_coefficients[i]) < 1e-5, `lbfgs w${i}`);
  });
  assert.ok(Math.abs(r.residual_std - 0.1) < 0.02);
});

test('quickstart is deterministic for a seed and differs across seeds', () => {
  assert.deepEqual(runQuickstart(5), runQuickstart(5));
  assert.notDeepEqual(runQuickstart(5).lstsq_coefficients, runQuickstart(6).lstsq_coefficients);
});

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
