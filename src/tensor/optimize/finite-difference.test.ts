import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../../test/helpers/assert.js';
import { approxFprime, checkGrad } from './index.js';
import { finiteDifferenceGradient } from './finite-difference.js';

const f = (x: Float64Array): number => Math.sin(x[0]!) * Math.exp(x[1]!) + x[2]! ** 3;
const grad = (x: Float64Array): number[] => [Math.cos(x[0]!) * Math.exp(x[1]!), Math.sin(x[0]!) * Math.exp(x[1]!), 3 * x[2]! ** 2];
const x = Float64Array.of(0.7, -0.3, 1.5);

test('approxFprime matches the analytic gradient to forward-difference accuracy', () => {
  assertClose(approxFprime(x, f), grad(x), { rtol: 0, atol: 2e-7 });
  // a larger step is less accurate, proving the step is used
  const coarse = approxFprime(x, f, 1e-2);
  assert.ok(Math.abs(coarse[2]! - 6.75) > 1e-3);
});

test('3-point differences are more accurate than 2-point ones', () => {
  const e2 = finiteDifferenceGradient(f, x, { scheme: '2-point' });
  const e3 = finiteDifferenceGradient(f, x, { scheme: '3-point' });
  const exact = grad(x);
  const err = (g: Float64Array): number => Math.max(...exact.map((v, i) => Math.abs(v - g[i]!)));
  assert.ok(err(e3) < 1e-9, `3-point error ${err(e3)}`);
  assert.ok(err(e3) < err(e2) / 10);
});

test('steps flip or shrink to stay inside the box, and stay accurate there', () => {
  const box = { lower: Float64Array.of(0.7, -1, 1.5), upper: Float64Array.of(1, -0.3, 1.5 + 1e-9), boxed: true };
  for (const scheme of ['2-point', '3-point'] as const) {
    const g = finiteDifferenceGradient(
      (z) => {
        for (let i = 0; i < 3; i++) assert.ok(z[i]! >= box.lower[i]! && z[i]! <= box.upper[i]!, `${scheme}: z[${i}] = ${z[i]} left the box`);
        return f(z);
      },
      x,
      { scheme, box },
    );
    assertClose(g.subarray(0, 2), grad(x).slice(0, 2), { rtol: 0, atol: 1e-6 });
  }
  // a fixed variable has no feasible direction: its partial derivative is reported as 0
  const fixed = { lower: x.slice(), upper: x.slice(), boxed: true };
  assert.deepEqual(Array.from(finiteDifferenceGradient(f, x, { box: fixed })), [0, 0, 0]);
});

test('checkGrad is tiny for a right gradient and large for a wrong one', () => {
  assert.ok(checkGrad(f, grad, x) < 1e-6);
  assert.ok(checkGrad(f, (z) => grad(z).map((v, i) => (i === 1 ? -v : v)), x) > 0.5);
  assert.throws(() => checkGrad(f, () => [1, 2], x), /grad returned 2 values for 3 variables/);
  assert.throws(() => finiteDifferenceGradient(f, x, { scheme: 'cs' as never }), /Unknown finite-difference scheme 'cs'/);
});
