/** Test helper shared by the fft, rfft and fftn tests: closeness of complex arrays to fixtures. */
import assert from 'node:assert/strict';
import { assertClose } from './assert.js';
import type { ComplexArray } from '../../src/tensor/fft/index.js';

/** A complex array as the fixtures store it: nested real and imaginary parts and the shape. */
export interface Cplx {
  re: number[];
  im: number[];
  shape: number[];
}

/** Element-wise closeness with atol scaled by the largest magnitude (FFT error grows with ‖x‖). */
export function assertComplexClose(actual: ComplexArray, expected: Cplx, message = ''): void {
  assert.deepEqual([...actual.shape], expected.shape, `${message} shape`);
  const re = expected.re.flat(4) as number[];
  const im = expected.im.flat(4) as number[];
  let scale = 1;
  for (let i = 0; i < re.length; i++) scale = Math.max(scale, Math.hypot(re[i]!, im[i]!));
  const tol = { rtol: 1e-10, atol: 1e-10 * scale };
  assertClose(actual.re, re, tol, `${message} re`);
  assertClose(actual.im, im, tol, `${message} im`);
}
