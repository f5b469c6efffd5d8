import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registeredEstimators } from '../learn/index.js';
import { parseModelFile } from './index.js';

// This file imports only learn and track (each test file runs in its own process), so it sees
// exactly what a library user who calls loadModel without importing strata/nn would see.
test('loading a model file knows the nn estimators without importing strata/nn', () => {
  assert.ok(registeredEstimators().includes('mlp-classifier'));
  assert.ok(registeredEstimators().includes('mlp-regressor'));
});

test('a file that is not a Strata model says what it is not', () => {
  assert.throws(() => parseModelFile('{"format":"other"}', 'm.json'), /'m.json' is not a Strata model file \(no format 'strata-model'\)/);
  assert.throws(() => parseModelFile('not json', 'm.json'), /'m.json' is not a Strata model file \(it is not JSON\)/);
});
