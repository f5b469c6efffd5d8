import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';
import { trainedHome } from '../../../test/helpers/serve/fixture.js';

test('predict --out in chunks writes what predicting the whole file gives, row for row', async () => {
  const t = await trainedHome();
  const data = join(t.dir, 'fresh.csv');
  const whole = await runCli(['predict', 'gb', data, '--store', t.store, '--json']);
  assert.equal(whole.code, 0, whole.stderr);
  const want = JSON.parse(whole.stdout) as { predictions: string[]; classes: string[]; probabilities: number[][] };
  const outputs: string[] = [];
  for (const chunk of ['7', '1000']) {
    const out = join(t.dir, `pred-${chunk}.csv`);
    const r = await runCli(['predict', 'gb', data, '--store', t.store, '--out', out, '--chunk-rows', chunk, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { out, rows: want.predictions.length });
    outputs.push(readFileSync(out, 'utf8'));
  }
  assert.equal(outputs[0], outputs[1], '7-row chunks and one chunk write the same bytes');
  const lines = outputs[0]!.trim().split('\n');
  assert.equal(lines[0], 'prediction,proba_hi,proba_lo');
  assert.equal(lines.length, want.predictions.length + 1, 'one header, no repeated headers');
  lines.slice(1).forEach((line, i) => {
    const [label, hi, lo] = line.split(',');
    assert.equal(label, want.predictions[i]);
    assert.deepEqual([Number(hi), Number(lo)], want.probabilities[i]);
  });
  const nd = join(t.dir, 'pred.ndjson');
  assert.equal((await runCli(['predict', 'gb', data, '--store', t.store, '--out', nd, '--chunk-rows', '9'])).code, 0);
  const records = readFileSync(nd, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(records.map((r) => r.prediction), want.predictions);
  const bad = await runCli(['predict', 'gb', data, '--store', t.store, '--out', nd, '--chunk-rows', '0']);
  assert.equal(bad.code, 2);
});
