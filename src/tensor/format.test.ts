import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from './index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';

const reprs = loadFixture('core').reprs;

test('printing matches NumPy repr for integers-as-floats, fractions, extremes, summaries and bools', () => {
  for (const [name, c] of Object.entries<any>(reprs)) {
    const dtype = name === 'bool' ? 'bool' : name === 'int32' ? 'int32' : 'float64';
    const a = T.reshape(T.array(c.value, { dtype }), c.shape);
    assert.equal(String(a), c.repr, name);
  }
});
