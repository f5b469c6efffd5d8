import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { ValueError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { svd } from './index.js';
import { identity, multiply, transpose } from './dense.js';
import { asMat, flat, maxDiff, parkMiller } from '../../../test/helpers/linalg-matrix.js';

const fx = loadFixture('linalg');

/** ‖A − U·diag(S)·Vt‖, ‖UᵀU − I‖ and ‖Vt·Vtᵀ − I‖ (max-abs), for thin or full factors. */
function checkSVD(a: Float64Array, m: number, n: number, r: { U: NdArray; S: NdArray; Vt: NdArray }, label: string): void {
  const U = asMat(r.U);
  const Vt = asMat(r.Vt);
  const S = r.S.toFloat64Array();
  const k = Math.min(m, n);
  const US = new Float64Array(m * Vt.rows);
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) US[i * Vt.rows + j] = U.data[i * U.cols + j]! * S[j]!;
  const back = multiply({ rows: m, cols: Vt.rows, data: US }, Vt).data;
  const scale = S[0]!;
  assert.ok(maxDiff(back, a) <= 1e-13 * scale * Math.max(1, Math.sqrt(Math.max(m, n)) / 3), `${label}: ‖A − UΣVᵀ‖ = ${maxDiff(back, a)}`);
  assert.ok(maxDiff(multiply(transpose(U), U).data, identity(U.cols).data) <= 1e-13, `${label}: ‖UᵀU − I‖`);
  assert.ok(maxDiff(multiply(Vt, transpose(Vt)).data, identity(Vt.rows).data) <= 1e-13, `${label}: ‖VVᵀ − I‖`);
  for (let i = 1; i < S.length; i++) assert.ok(S[i - 1]! >= S[i]! && S[i]! >= 0, `${label}: S not sorted descending`);
}

/** Columns of X and Y (m×k) agree up to the sign of each column. */
function sameUpToSign(X: Float64Array, Y: Float64Array, m: number, cols: number, k: number, tol: number, label: string): void {
  for (let j = 0; j < k; j++) {
    let dot = 0;
    for (let i = 0; i < m; i++) dot += X[i * cols + j]! * Y[i * cols + j]!;
    const s = dot < 0 ? -1 : 1;
    for (let i = 0; i < m; i++) {
      assert.ok(Math.abs(X[i * cols + j]! - s * Y[i * cols + j]!) <= tol, `${label}: column ${j} differs beyond sign`);
    }
  }
}

test('singular values match NumPy to 1e-12·S[0] on random square matrices (n = 1 … 60)', () => {
  for (const c of fx.square) {
    const { S } = svd(c.A, { computeUV: false });
    assert.ok(maxDiff(S.toFloat64Array(), c.svals) <= 1e-12 * c.svals[0], `n=${c.n}`);
    const full = svd(c.A);
    assert.ok(maxDiff(full.S.toFloat64Array(), c.svals) <= 1e-12 * c.svals[0]);
    checkSVD(flat(c.A), c.n, c.n, full, `n=${c.n}`);
  }
});

test('200×200: singular values agree with NumPy to 1e-12 relative to S[0]; reconstruction and orthogonality', () => {
  const A = parkMiller(200, 200, fx.pm200.seed);
  const r = svd(A);
  const S = r.S.toFloat64Array();
  const expected = Float64Array.from(fx.pm200.svals as number[]);
  assert.ok(maxDiff(S, expected) <= 1e-12 * expected[0]!, `max diff ${maxDiff(S, expected)}`);
  // The smallest singular value (≈ 9e-3) is also right to ~1e-12 relative to itself here.
  assert.ok(Math.abs(S[199]! - expected[199]!) <= 1e-12 * 1e3 * expected[199]!);
  checkSVD(A.toFloat64Array(), 200, 200, r, '200×200');
});

test('tall 120×40 singular values match NumPy', () => {
  const A = parkMiller(120, 40, fx.pm120x40.seed);
  const { S } = svd(A, { computeUV: false });
  const e = fx.pm120x40.svals as number[];
  assert.ok(maxDiff(S.toFloat64Array(), e) <= 1e-12 * e[0]!);
  checkSVD(A.toFloat64Array(), 120, 40, svd(A, { fullMatrices: false }), '120×40 thin');
});

test('rectangular (tall and wide) svd: thin and full shapes, values, vectors up to sign', () => {
  for (const c of fx.rect) {
    const { m, n } = c;
    const k = Math.min(m, n);
    const a = flat(c.A);
    const thin = svd(c.A, { fullMatrices: false });
    assert.deepEqual(thin.U.shape, [m, k]);
    assert.deepEqual(thin.S.shape, [k]);
    assert.deepEqual(thin.Vt.shape, [k, n]);
    assert.ok(maxDiff(thin.S.toFloat64Array(), c.S) <= 1e-12 * c.S[0]);
    checkSVD(a, m, n, thin, `${m}×${n} thin`);
    // Distinct singular values: singular vectors are unique up to sign.
    sameUpToSign(thin.U.toFloat64Array(), flat(c.U), m, k, k, 1e-10, `${m}×${n} U`);
    sameUpToSign(transpose(asMat(thin.Vt)).data, transpose({ rows: k, cols: n, data: flat(c.Vt) }).data, n, k, k, 1e-10, `${m}×${n} V`);
    const full = svd(c.A);
    assert.deepEqual(full.U.shape, [m, m]);
    assert.deepEqual(full.Vt.shape, [n, n]);
    checkSVD(a, m, n, full, `${m}×${n} full`);
  }
});

test('svd sign convention: the largest-magnitude entry of each column of U is positive', () => {
  for (const c of fx.rect) {
    const { U, S } = svd(c.A, { fullMatrices: false });
    const u = asMat(U);
    for (let j = 0; j < S.size; j++) {
      let best = 0;
      for (let i = 0; i < u.rows; i++) if (Math.abs(u.data[i * u.cols + j]!) > Math.abs(best)) best = u.data[i * u.cols + j]!;
      assert.ok(best > 0);
    }
  }
});

test('svd of rank-deficient, zero, diagonal, tiny and huge matrices', () => {
  for (const c of fx.deficient) {
    const r = svd(c.A);
    const S = r.S.toFloat64Array();
    assert.ok(maxDiff(S, c.sv) <= 1e-12 * c.sv[0]);
    checkSVD(flat(c.A), c.m, c.n, r, `rank-deficient ${c.m}×${c.n}`);
  }
  const Z = svd([[0, 0, 0], [0, 0, 0]]);
  assert.deepEqual(Array.from(Z.S.toFloat64Array()), [0, 0]);
  checkSVD(new Float64Array(6), 2, 3, Z, 'zero');
  // A diagonal matrix with a zero in the middle: exercises the zero-diagonal chase.
  const D = [[3, 0, 0, 0], [0, 0, 0, 0], [0, 0, -5, 0], [0, 0, 0, 1e-3]];
  const d = svd(D);
  assert.deepEqual(Array.from(d.S.toFloat64Array()), [5, 3, 1e-3, 0]);
  checkSVD(flat(D), 4, 4, d, 'diagonal');
  // A bidiagonal with zeros on the diagonal.
  const B = [[1, 2, 0, 0], [0, 0, 3, 0], [0, 0, 4, 5], [0, 0, 0, 0]];
  checkSVD(flat(B), 4, 4, svd(B), 'bidiagonal with zero diagonal');
  // Scaling invariance far from 1 (values near overflow and underflow).
  for (const s of [1e-300, 1e300]) {
    const M = [[1 * s, 2 * s], [3 * s, 4 * s]];
    const r = svd(M, { computeUV: false }).S.toFloat64Array();
    assert.ok(Math.abs(r[0]! / s - 5.464985704219043) < 1e-14 * 5.46, `scale ${s}`);
    assert.ok(Math.abs(r[1]! / s - 0.3659661906262578) < 1e-13, `scale ${s}`);
  }
  const one = svd([[-7]]);
  assert.deepEqual([one.U.get(0, 0) * one.S.get(0) * one.Vt.get(0, 0), one.S.get(0)], [-7, 7]);
});

test('svd rejects bad options and non-finite input', () => {
  assert.throws(() => svd([[1, 2]], { fullMatrices: 'yes' as unknown as boolean }), (e: Error) => e instanceof ValueError && /booleans/.test(e.message));
  assert.throws(() => svd([[1, NaN]]), /svd: A contains NaN at \[0, 1\]/);
  assert.throws(() => svd([[]]), /svd: A is empty \(shape \(1, 0\)\)/);
});
