import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactStore, InvalidInputError, checkArtifactName, parseModelRef } from './index.js';

test('artifacts are stored once per content under their sha256, with no temp files left behind', () => {
  const root = mkdtempSync(join(tmpdir(), 'strata-art-'));
  const a = new ArtifactStore(root);
  const bytes = new TextEncoder().encode('hello');
  const { digest, size } = a.put(bytes);
  assert.equal(digest, createHash('sha256').update('hello').digest('hex'));
  assert.equal(size, 5);
  assert.equal(a.put(bytes).digest, digest);
  assert.equal(a.path(digest), join(root, 'sha256', digest.slice(0, 2), digest));
  assert.deepEqual(readdirSync(join(root, 'sha256', digest.slice(0, 2))), [digest], 'only the final file, no .tmp');
  assert.equal(a.read(digest).toString(), 'hello');
  const file = join(root, 'x.bin');
  writeFileSync(file, 'hello');
  assert.equal(a.putFile(file).digest, digest);
});

test('artifact bad input: oversized payloads, bad digests, missing files', () => {
  const a = new ArtifactStore(mkdtempSync(join(tmpdir(), 'strata-art-')), 8);
  assert.throws(() => a.put(new Uint8Array(9)), /Artifact of 9 bytes is over the 8-byte limit/);
  assert.throws(() => a.path('../../etc/passwd'), /is not a sha256 digest/);
  assert.throws(() => a.read('0'.repeat(64)), /is missing from/);
  assert.throws(() => a.putFile('/no/such/file'), /cannot be read/);
});

test('artifact names: relative, no traversal, bounded length', () => {
  assert.equal(checkArtifactName('plots/roc-curve_1.json'), 'plots/roc-curve_1.json');
  for (const bad of ['..', '../x', 'a/..', '/abs', 'C:\\x', 'a b', 'x\u0000', '', './x']) assert.throws(() => checkArtifactName(bad), InvalidInputError, JSON.stringify(bad));
  assert.throws(() => checkArtifactName(42), /must be a non-empty string/);
  assert.throws(() => checkArtifactName('a'.repeat(256)), /is 256 characters; keep names to 255/);
});

test('model references NAME, NAME:VERSION, NAME@ALIAS', () => {
  assert.deepEqual(parseModelRef('churn'), { name: 'churn' });
  assert.deepEqual(parseModelRef('churn:12'), { name: 'churn', version: 12 });
  assert.deepEqual(parseModelRef('churn@production'), { name: 'churn', alias: 'production' });
  assert.throws(() => parseModelRef('churn:latest'), /version after ':' must be a positive integer/);
  assert.throws(() => parseModelRef('churn@'), /Alias "" must be/);
  assert.throws(() => parseModelRef('../x'), /Model name "..\/x" must be/);
});
