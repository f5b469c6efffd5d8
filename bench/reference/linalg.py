"""Reference values for src/tensor/linalg (numpy.linalg / scipy.linalg).

Run: cd bench/reference && /usr/bin/python3 linalg.py  → fixtures/linalg.json

Matrices are either stored in the fixture, or built in both languages from exactly reproducible
arithmetic (the Park–Miller generator below, Hilbert entries 1/(i+j+1), (A + Aᵀ)/2), so that the
TypeScript tests see bit-identical inputs without storing large matrices.
"""

import numpy as np  # noqa: E402
import scipy.linalg  # noqa: E402

from common import write_fixture  # noqa: E402

rng = np.random.default_rng(20240611)


def park_miller(rows, cols, seed):
    """x ← 16807·x mod (2³¹−1); entries x/(2³¹−1) − 0.5. Exact in IEEE doubles, so JS matches bit for bit."""
    x = seed
    out = np.empty(rows * cols)
    for i in range(rows * cols):
        x = (x * 16807) % 2147483647
        out[i] = x / 2147483647 - 0.5
    return out.reshape(rows, cols)


def sym(a):
    return (a + a.T) / 2


cases = {}

# Random well-conditioned square matrices.
square = []
for n in [1, 2, 5, 20, 60]:
    while True:
        A = rng.standard_normal((n, n))
        if np.linalg.cond(A) < 1e3:
            break
    b = rng.standard_normal(n)
    B = rng.standard_normal((n, 3))
    sign, logdet = np.linalg.slogdet(A)
    case = {
        "n": n,
        "A": A,
        "b": b,
        "B": B,
        "x": np.linalg.solve(A, b),
        "X": np.linalg.solve(A, B),
        "det": np.linalg.det(A),
        "sign": sign,
        "logAbsDet": logdet,
        "svals": np.linalg.svd(A, compute_uv=False),
        "eigvalsSym": np.linalg.eigvalsh(sym(A)),
        "cond": np.linalg.cond(A),
        "cond1": np.linalg.cond(A, 1),
        "condInf": np.linalg.cond(A, np.inf),
        "condFro": np.linalg.cond(A, "fro"),
    }
    if n <= 20:
        P, L, U = scipy.linalg.lu(A)
        Q, R = np.linalg.qr(A)
        M = A.T @ A + n * np.eye(n)
        w, V = np.linalg.eigh(sym(A))
        case.update({"inv": np.linalg.inv(A), "P": P, "L": L, "U": U, "Q": Q, "R": R,
                     "spd": M, "chol": np.linalg.cholesky(M), "eigvecsSym": V})
    square.append(case)
cases["square"] = square

# Ill-conditioned: Hilbert 8×8 (built in the test as 1/(i+j+1)) and a Vandermonde matrix.
H = 1.0 / (np.arange(8)[:, None] + np.arange(8)[None, :] + 1)
bH = H @ np.ones(8)
cases["hilbert8"] = {
    "b": bH,
    "x": np.linalg.solve(H, bH),
    "det": np.linalg.det(H),
    "svals": np.linalg.svd(H, compute_uv=False),
    "eigvals": np.linalg.eigvalsh(H),
    "cond": np.linalg.cond(H),
    "inv": np.linalg.inv(H),
}
V = np.vander(np.linspace(0.5, 2.0, 7))
bV = rng.standard_normal(7)
cases["vandermonde"] = {
    "A": V,
    "b": bV,
    "x": np.linalg.solve(V, bV),
    "det": np.linalg.det(V),
    "svals": np.linalg.svd(V, compute_uv=False),
    "cond": np.linalg.cond(V),
}

# Rectangular matrices for qr, svd, lstsq and pinv.
rect = []
for (m, n) in [(30, 5), (5, 30), (7, 4), (4, 7)]:
    A = rng.standard_normal((m, n))
    b = rng.standard_normal(m)
    B = rng.standard_normal((m, 2))
    Qr, Rr = np.linalg.qr(A, mode="reduced")
    Qc, Rc = np.linalg.qr(A, mode="complete")
    U, S, Vt = np.linalg.svd(A, full_matrices=False)
    x, res, rank, sv = np.linalg.lstsq(A, b, rcond=None)
    X, resB, _, _ = np.linalg.lstsq(A, B, rcond=None)
    rect.append({
        "m": m, "n": n, "A": A, "b": b, "B": B,
        "Qr": Qr, "Rr": Rr, "Qc": Qc, "Rc": Rc, "Ronly": np.linalg.qr(A, mode="r"),
        "U": U, "S": S, "Vt": Vt,
        "x": x, "residuals": res, "rank": rank, "sv": sv, "X": X, "residualsB": resB,
        "pinv": np.linalg.pinv(A),
        "rankNp": np.linalg.matrix_rank(A),
        "nuc": np.linalg.norm(A, "nuc"), "two": np.linalg.norm(A, 2), "minus2": np.linalg.norm(A, -2),
    })
cases["rect"] = rect

# Rank-deficient: 10×6 of rank 3, and 6×10 of rank 2.
deficient = []
for (m, n, r) in [(10, 6, 3), (6, 10, 2)]:
    A = rng.standard_normal((m, r)) @ rng.standard_normal((r, n))
    b = rng.standard_normal(m)
    x, res, rank, sv = np.linalg.lstsq(A, b, rcond=None)
    deficient.append({"m": m, "n": n, "A": A, "b": b, "x": x, "residuals": res, "rank": rank, "sv": sv,
                      "matrixRank": np.linalg.matrix_rank(A), "pinv": np.linalg.pinv(A)})
cases["deficient"] = deficient

# Norms.
v = np.array([3.0, -4.0, 0.0, 1.5, -0.25])
Mn = np.array([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.5], [0.5, 8.0, -1.0], [2.0, 0.0, 1.0]])
T3 = np.arange(24, dtype=float).reshape(2, 3, 4) - 11.5
vec_ords = [None, 1, 2, np.inf, -np.inf, 0, 3, 0.5, -1]
mat_ords = [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]
cases["norm"] = {
    "v": v, "M": Mn,
    "vector": [{"ord": o, "value": np.linalg.norm(v, o)} for o in vec_ords],
    "matrix": [{"ord": o, "value": np.linalg.norm(Mn, o)} for o in mat_ords],
    "axis0": [{"ord": o, "value": np.linalg.norm(Mn, o, axis=0)} for o in [None, 1, np.inf, 3]],
    "axis1": np.linalg.norm(Mn, axis=1),
    "T3": T3,
    "T3axis2": np.linalg.norm(T3, axis=2),
    "T3axisNeg3": np.linalg.norm(T3, 1, axis=-3),
    "T3pair12": [{"ord": o, "value": np.linalg.norm(T3, o, axis=(1, 2))} for o in ["fro", 1, np.inf, 2, "nuc"]],
    "T3pair20": np.linalg.norm(T3, 1, axis=(2, 0)),
    "T3flat": np.linalg.norm(T3),
}

# Larger matrices from the Park–Miller generator (built in the test, not stored).
A200 = park_miller(200, 200, 42)
cases["pm200"] = {
    "seed": 42,
    "svals": np.linalg.svd(A200, compute_uv=False),
    "eigvalsSym": np.linalg.eigvalsh(sym(A200)),
    "det": np.linalg.det(A200[:50, :50]),
    "slogdet": list(np.linalg.slogdet(A200)),
}
A120x40 = park_miller(120, 40, 7)
cases["pm120x40"] = {"seed": 7, "svals": np.linalg.svd(A120x40, compute_uv=False)}

write_fixture("linalg", cases)
