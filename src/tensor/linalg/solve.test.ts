import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture } from '../../../test/helpers/fixtures.js';
import { assertClose } from '../../../test/helpers/assert.js';
import { array } from '../create.js';
import { LinAlgError, ShapeError, ValueError } from '../errors.js';
import { det, inv, lu, slogdet, solve } from './index.js';
import { identity, maxAbs, multiply } from './dense.js';
import { closeScaled, flat, maxDiff, parkMiller } from '../../../test/helpers/linalg-matrix.js';

const fx = loadFixture('linalg');

type Nested = number[][];
const mat = (x: Nested) => ({ rows: x.length, cols: x[0]!.length, data: flat(x) });
const hilbert = (n: number): Nested =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 1 / (i + j + 1)));

test('solve matches NumPy on well-conditioned random matrices (n = 1, 2, 5, 20, 60), vector and matrix b', () => {
  for (const c of fx.square) {
    const x = solve(c.A, c.b);
    assert.deepEqual(x.shape, [c.n]);
    assert.equal(x.dtype, 'float64');
    closeScaled(x.toFloat64Array(), c.x, 1e-10, `n=${c.n} x`);
    const X = solve(c.A, c.B);
    assert.deepEqual(X.shape, [c.n, 3]);
    closeScaled(X.toFloat64Array(), flat(c.X), 1e-10, `n=${c.n} X`);
    // Backward stability: the residual is at rounding level relative to ‖A‖·‖x‖.
    const r = multiply(mat(c.A), { rows: c.n, cols: 1, data: x.toFloat64Array() }).data;
    closeScaled(r, c.b, 1e-13 * c.n * Math.max(1, maxAbs(x.toFloat64Array())), `n=${c.n} residual`);
  }
});

test('solve accepts NdArray input of any dtype and computes in float64', () => {
  const A = array([[2, 1], [1, 3]], { dtype: 'int32' });
  const b = array([3, 5], { dtype: 'float32' });
  const x = solve(A, b);
  assert.equal(x.dtype, 'float64');
  assertClose(x, [0.8, 1.4], { rtol: 1e-15 });
});

test('inv matches NumPy and A·inv(A) = I', () => {
  for (const c of fx.square) {
    const Ai = inv(c.A);
    if (c.inv) closeScaled(Ai.toFloat64Array(), flat(c.inv), 1e-10, `n=${c.n} inv`);
    const prod = multiply(mat(c.A), { rows: c.n, cols: c.n, data: Ai.toFloat64Array() });
    assert.ok(maxDiff(prod.data, identity(c.n).data) < 1e-12 * c.cond, `n=${c.n} A·inv(A) ≠ I`);
  }
});

test('det and slogdet match NumPy', () => {
  for (const c of fx.square) {
    assertClose(det(c.A), c.det, { rtol: 1e-10 }, `n=${c.n} det`);
    const s = slogdet(c.A);
    assert.equal(s.sign, c.sign);
    assertClose(s.logAbsDet, c.logAbsDet, { rtol: 1e-12, atol: 1e-12 }, `n=${c.n} logdet`);
  }
  assert.equal(det([[1, 2], [2, 4]]), 0);
  assert.deepEqual(slogdet([[1, 2], [2, 4]]), { sign: 0, logAbsDet: -Infinity });
});

test('det does not overflow or underflow in intermediate products; slogdet handles what det cannot', () => {
  // Pivots 1e200 and 1e-200: the naive running product would overflow to Infinity at the first step only
  // if it went the other way round; here the product 1e200·1e200·1e-200·1e-200 = 1 must come out exact-ish.
  const A = [[1e200, 0, 0, 0], [0, 1e200, 0, 0], [0, 0, 1e-200, 0], [0, 0, 0, 1e-200]];
  assertClose(det(A), 1, { rtol: 1e-12 });
  const tiny = [[1e-200, 0], [0, 1e-200]];
  assert.equal(det(tiny), 0); // 1e-400 underflows, as it must
  const s = slogdet(tiny);
  assert.equal(s.sign, 1);
  assertClose(s.logAbsDet, -400 * Math.log(10), { rtol: 1e-14 });
  assert.equal(det([[0, 1], [1, 0]]), -1);
});

test('det and slogdet on the 200×200 Park–Miller matrix match NumPy', () => {
  const A = parkMiller(200, 200, fx.pm200.seed).toArray() as Nested;
  const sub = A.slice(0, 50).map((r) => r.slice(0, 50));
  assertClose(det(sub), fx.pm200.det, { rtol: 1e-10 });
  const s = slogdet(A);
  assert.equal(s.sign, fx.pm200.slogdet[0]);
  assertClose(s.logAbsDet, fx.pm200.slogdet[1], { rtol: 1e-12 });
});

test('lu gives P·L·U = A with scipy\'s factors, unit lower L and upper U', () => {
  for (const c of fx.square.filter((c: { P?: unknown }) => c.P)) {
    const { P, L, U } = lu(c.A);
    closeScaled(P.toFloat64Array(), flat(c.P), 0, `n=${c.n} P`);
    closeScaled(L.toFloat64Array(), flat(c.L), 1e-12, `n=${c.n} L`);
    closeScaled(U.toFloat64Array(), flat(c.U), 1e-12, `n=${c.n} U`);
    const PLU = multiply(multiply(mat(P.toArray() as Nested), mat(L.toArray() as Nested)), mat(U.toArray() as Nested));
    closeScaled(PLU.data, flat(c.A), 1e-14, `n=${c.n} PLU`);
  }
});

test('lu of rectangular and singular matrices', () => {
  const A = [[1, 2, 3], [4, 5, 6]];
  const { P, L, U } = lu(A);
  assert.deepEqual(P.shape, [2, 2]);
  assert.deepEqual(L.shape, [2, 2]);
  assert.deepEqual(U.shape, [2, 3]);
  assertClose(U, [[4, 5, 6], [0, 0.75, 1.5]], { rtol: 1e-15 });
  const tall = lu([[1, 2], [3, 4], [5, 6]]);
  assert.deepEqual(tall.L.shape, [3, 2]);
  assert.deepEqual(tall.U.shape, [2, 2]);
  const PLU = multiply(multiply(mat(tall.P.toArray() as Nested), mat(tall.L.toArray() as Nested)), mat(tall.U.toArray() as Nested));
  closeScaled(PLU.data, [1, 2, 3, 4, 5, 6], 1e-15);
  const sing = lu([[1, 2], [2, 4]]);
  assert.equal(sing.U.get(1, 1), 0);
});

test('Hilbert 8×8 (cond ≈ 1.5e10): compared through residuals and condition-scaled errors', () => {
  const H = hilbert(8);
  const c = fx.hilbert8;
  const x = solve(H, c.b).toFloat64Array();
  // Forward error is only bounded by cond·ε, so compare with NumPy (and the exact answer, all ones)
  // at that scale, and the residual at rounding level (LU with partial pivoting is backward stable).
  const fwdTol = c.cond * Number.EPSILON * 10;
  closeScaled(x, c.x, fwdTol, 'x vs NumPy');
  closeScaled(x, new Float64Array(8).fill(1), fwdTol, 'x vs exact');
  const r = multiply(mat(H), { rows: 8, cols: 1, data: x }).data;
  closeScaled(r, c.b, 1e-15 * 8, 'residual');
  // det's relative error is bounded by about n·cond·ε.
  assertClose(det(H), c.det, { rtol: 8 * fwdTol });
  const Hi = inv(H).toFloat64Array();
  closeScaled(Hi, flat(c.inv), fwdTol, 'inv');
  // The residual H·inv(H) − I is bounded by ‖H‖·‖inv(H)‖·ε-ish, i.e. cond·ε.
  const prod = multiply(mat(H), { rows: 8, cols: 8, data: Hi });
  assert.ok(maxDiff(prod.data, identity(8).data) < fwdTol);
});

test('Vandermonde 7×7: condition-scaled agreement with NumPy', () => {
  const c = fx.vandermonde;
  const tol = c.cond * Number.EPSILON * 10;
  closeScaled(solve(c.A, c.b).toFloat64Array(), c.x, tol, 'x');
  assertClose(det(c.A), c.det, { rtol: 7 * tol });
  const r = multiply(mat(c.A), { rows: 7, cols: 1, data: solve(c.A, c.b).toFloat64Array() }).data;
  closeScaled(r, c.b, 1e-14 * maxAbs(flat(c.A)) * 50);
});

test('solve, inv and det reject non-square, mismatched, singular, non-finite, empty and 3-D input', () => {
  assert.throws(() => solve([[1, 2, 3, 4], [5, 6, 7, 8], [1, 1, 1, 1]], [1, 2, 3]), (e: Error) =>
    e instanceof ShapeError && /solve needs a square matrix, got shape \(3, 4\)/.test(e.message));
  assert.throws(() => inv([[1, 2, 3]]), /inv needs a square matrix, got shape \(1, 3\)/);
  assert.throws(() => det([1, 2, 3]), /det needs a square matrix, got shape \(3,\)/);
  assert.throws(() => solve([[1, 0], [0, 1]], [1, 2, 3]), (e: Error) =>
    e instanceof ShapeError && /b has shape \(3,\) but A has shape \(2, 2\)/.test(e.message) && /must be 2/.test(e.message));
  assert.throws(() => solve([[1, 0], [0, 1]], [[1, 2], [3, 4], [5, 6]]), /b has shape \(3, 2\) but A has shape \(2, 2\)/);
  assert.throws(() => solve([[1, 2, 3], [2, 4, 6], [1, 1, 1]], [1, 2, 3]), (e: Error) =>
    e instanceof LinAlgError && /Matrix is singular \(pivot at column 2 is 0\)/.test(e.message) && /lstsq/.test(e.message));
  assert.throws(() => inv([[1, 2], [2, 4]]), (e: Error) => e instanceof LinAlgError && /pivot at column 1 is 0/.test(e.message));
  assert.throws(() => solve([[1, 2], [3, NaN]], [1, 2]), (e: Error) =>
    e instanceof ValueError && /A contains NaN at \[1, 1\]; linear algebra needs finite values/.test(e.message));
  assert.throws(() => solve([[1, 2], [3, 4]], [1, Infinity]), /b contains Inf at \[1\]/);
  assert.throws(() => det([[-Infinity, 2], [3, 4]]), /A contains -Inf at \[0, 0\]/);
  assert.throws(() => inv(array([[]])), (e: Error) => e instanceof ShapeError && /\(1, 0\)/.test(e.message));
  assert.throws(() => det(array([]).reshape(0, 0)), (e: Error) => e instanceof ValueError && /A is empty \(shape \(0, 0\)\)/.test(e.message));
  assert.throws(() => solve(array([1, 2, 3, 4, 5, 6, 7, 8]).reshape(2, 2, 2), [1, 2]), /square matrix, got shape \(2, 2, 2\)/);
  assert.throws(() => lu(array([1, 2, 3, 4, 5, 6, 7, 8]).reshape(2, 2, 2)), /2-D matrix for A, got shape \(2, 2, 2\); stacks/);
});

test('strided views (a transpose, a slice) are read correctly', () => {
  const base = array([[2, 1, 9], [1, 3, 9], [9, 9, 9]]);
  const At = base.T; // a non-contiguous view: [[2, 1, 9], [1, 3, 9], [9, 9, 9]]ᵀ
  const sub = base.slice(':2', ':2'); // [[2, 1], [1, 3]]
  assertClose(solve(sub, [3, 5]), [0.8, 1.4], { rtol: 1e-15 });
  assertClose(det(At), det(base), { rtol: 1e-15 });
  assertClose(solve(At, [12, 13, 27]), [1, 1, 1], { rtol: 1e-14 });
});
