/**
 * Every special function against bench/reference/fixtures/special.json (SciPy 1.10, with
 * mpmath's 40-digit value wherever SciPy itself is off by more than 1e-13 — see special.py).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import * as special from './index.js';

interface Case {
  args: number[][];
  expected: number[];
  overrides: number[];
}

const fixture = loadFixture<Record<string, Case>>('special');

/**
 * rtol 1e-12 for every function. Measured worst relative errors against the fixture are below
 * 3e-13 everywhere (gammainc at a = 1e5 near its 1e-235 tail, where x's own rounding moves P by
 * that much). The one absolute tolerance: gamma(-171.5) is the subnormal 1.9e-310, which
 * @stdlib's gamma flushes to 0.
 */
const ATOL: Record<string, number> = { gamma: 1e-300 };

type AnyFn = (...args: number[]) => number;

describe('special functions match SciPy/mpmath', () => {
  for (const [name, c] of Object.entries(fixture)) {
    if (name === 'logsumexp') continue;
    it(`${name} (${c.expected.length} points)`, () => {
      const fn = (special as unknown as Record<string, AnyFn>)[name];
      assert.equal(typeof fn, 'function', `special.${name} is not exported`);
      const actual = c.expected.map((_, i) => fn!(...c.args.map((column) => column[i]!)));
      assertClose(actual, c.expected, { rtol: 1e-12, atol: ATOL[name] ?? 0 }, name);
    });
  }

  it('the fixture records where mpmath replaced SciPy, and our values follow mpmath there', () => {
    // SciPy 1.10's cephes igam is off by 1e-7 at P(1e7, 9.9e6); its betaincinv returns ~1e-16
    // instead of 0.96 for I_x(1000, 0.1) = 1e-20. Those points are in the fixture as mpmath's.
    const gi = fixture.gammainc!;
    assert.ok(gi.overrides.length > 0);
    const bi = fixture.betaincinv!;
    const i = bi.args[0]!.findIndex((a, j) => a === 1000 && bi.args[1]![j] === 0.1 && bi.args[2]![j] === 1e-20);
    assert.ok(bi.overrides.includes(i));
    assertClose(special.betaincinv(1000, 0.1, 1e-20), 0.96034217297601038, { rtol: 1e-12 });
  });
});

describe('large-shape incomplete gamma (where @stdlib alone is wrong)', () => {
  it('P and Q near the centre of a large shape', () => {
    // mpmath: P(1000, 1010) = 0.62767894473699472753 (@stdlib gives 0.6195).
    assertClose(special.gammainc(1000, 1010), 0.62767894473699472753, { rtol: 1e-13 });
    assertClose(special.gammaincc(1000, 1010), 1 - 0.62767894473699472753, { rtol: 1e-13 });
    // P(a, a) → 1/2 + 1/(3√(2πa)) for large a.
    const a = 1e6;
    assertClose(special.gammainc(a, a), 0.5 + 1 / (3 * Math.sqrt(2 * Math.PI * a)), { rtol: 1e-9 });
  });

  it('inverses round-trip in both tails', () => {
    for (const a of [0.5, 3, 150, 1e4]) {
      for (const y of [1e-100, 1e-50, 1e-5, 0.3, 0.5, 0.9]) {
        assertClose(special.gammainc(a, special.gammaincinv(a, y)), y, { rtol: 1e-11 }, `P(${a}, ·) at ${y}`);
        assertClose(special.gammaincc(a, special.gammainccinv(a, y)), y, { rtol: 1e-11 }, `Q(${a}, ·) at ${y}`);
      }
    }
    // (1e-300 · Γ(1.5))² = 7.9e-601 is below the smallest double: the inverse underflows to 0.
    assert.equal(special.gammaincinv(0.5, 1e-300), 0);
    assertClose(special.gammainccinv(0.5, 1e-300), 686.9363156111971, { rtol: 1e-13 });
  });
});
