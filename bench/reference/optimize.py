"""Reference values for src/tensor/optimize: scipy.optimize.minimize, root finders, minimize_scalar.

Run: /usr/bin/python3 bench/reference/optimize.py (writes fixtures/optimize.json).
The objective functions here are mirrored exactly in src/tensor/optimize/*.test.ts.
"""
import math


import numpy as np
from scipy import optimize

from common import write_fixture


# ---------------------------------------------------------------- objectives
def rosen(x):
    return optimize.rosen(x)


def rosen_der(x):
    return optimize.rosen_der(x)


def beale(x):
    a, b = x
    return (1.5 - a + a * b) ** 2 + (2.25 - a + a * b**2) ** 2 + (2.625 - a + a * b**3) ** 2


def beale_der(x):
    a, b = x
    t1 = 1.5 - a + a * b
    t2 = 2.25 - a + a * b**2
    t3 = 2.625 - a + a * b**3
    return np.array([
        2 * t1 * (b - 1) + 2 * t2 * (b**2 - 1) + 2 * t3 * (b**3 - 1),
        2 * t1 * a + 2 * t2 * 2 * a * b + 2 * t3 * 3 * a * b**2,
    ])


QA = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
QB = np.array([1.0, -8.0, 3.0])


def quad(x):
    return 0.5 * x @ QA @ x - QB @ x


def quad_der(x):
    return QA @ x - QB


# A small, fixed logistic-regression problem with L2 penalty (unique optimum).
rng = np.random.default_rng(20240611)
LX = np.column_stack([np.ones(60), rng.normal(size=(60, 3))])
LW_TRUE = np.array([0.3, 1.5, -2.0, 0.7])
LY = (rng.uniform(size=60) < 1 / (1 + np.exp(-(LX @ LW_TRUE)))).astype(float)
LLAM = 0.1


def logistic(w):
    z = LX @ w
    return np.mean(np.logaddexp(0.0, z) - LY * z) + 0.5 * LLAM * w @ w


def logistic_der(w):
    z = LX @ w
    p = 1 / (1 + np.exp(-z))
    return LX.T @ (p - LY) / len(LY) + LLAM * w


FUNS = {
    "rosen": (rosen, rosen_der),
    "beale": (beale, beale_der),
    "quad": (quad, quad_der),
    "logistic": (logistic, logistic_der),
}

TIGHT_LBFGSB = {"gtol": 1e-10, "ftol": 1e-15, "maxiter": 10000}
TIGHT_BFGS = {"gtol": 1e-9, "maxiter": 10000}


def res(r):
    out = {
        "x": r.x,
        "fun": float(r.fun),
        "nit": int(r.nit),
        "nfev": int(r.nfev),
        "success": bool(r.success),
        "status": int(r.status),
        "message": str(r.message),
    }
    return out


def case(name, fname, x0, method, options=None, bounds=None, use_jac=True):
    fun, der = FUNS[fname]
    r = optimize.minimize(fun, np.array(x0, dtype=float), jac=der if use_jac else None,
                          method=method, bounds=bounds, options=options or {})
    return {
        "name": name, "fun": fname, "x0": x0, "method": method, "options": options or {},
        "bounds": bounds, "jac": use_jac, "result": res(r),
    }


minimize_cases = []
start2 = [-1.2, 1.0]
start5 = [1.3, 0.7, 0.8, 1.9, 1.2]
start10 = [-1.2, 1.0] * 5
for method, tight in (("L-BFGS-B", TIGHT_LBFGSB), ("BFGS", TIGHT_BFGS)):
    minimize_cases.append(case(f"rosen2 {method} default", "rosen", start2, method))
    minimize_cases.append(case(f"rosen2 {method} tight", "rosen", start2, method, tight))
    minimize_cases.append(case(f"rosen5 {method} tight", "rosen", start5, method, tight))
    minimize_cases.append(case(f"rosen10 {method} tight", "rosen", start10, method, tight))
    minimize_cases.append(case(f"beale {method} tight", "beale", [1.0, 1.0], method, tight))
    minimize_cases.append(case(f"logistic {method} tight", "logistic", [0.0] * 4, method, tight))
    minimize_cases.append(case(f"rosen2 {method} numeric-grad", "rosen", start2, method, None, use_jac=False))
    minimize_cases.append(case(f"logistic {method} numeric-grad", "logistic", [0.0] * 4, method, None, use_jac=False))

# Bounded problems (L-BFGS-B only).
minimize_cases.append(case("quad bounded (optimum on bounds)", "quad", [0.5, 0.0, 0.5], "L-BFGS-B",
                           TIGHT_LBFGSB, bounds=[(0.0, 2.0), (-1.0, 1.0), (0.0, None)]))
minimize_cases.append(case("quad bounded default", "quad", [0.5, 0.0, 0.5], "L-BFGS-B",
                           None, bounds=[(0.0, 2.0), (-1.0, 1.0), (0.0, None)]))
minimize_cases.append(case("rosen2 bounded interior optimum", "rosen", start2, "L-BFGS-B",
                           TIGHT_LBFGSB, bounds=[(-1.5, 1.5), (-1.5, 1.5)]))
minimize_cases.append(case("rosen2 bounded active upper bound", "rosen", start2, "L-BFGS-B",
                           TIGHT_LBFGSB, bounds=[(-1.5, 1.5), (-1.5, 0.5)]))
minimize_cases.append(case("rosen2 bounded active lower bound", "rosen", [-1.2, 1.0], "L-BFGS-B",
                           TIGHT_LBFGSB, bounds=[(-1.5, -0.5), (None, None)]))
minimize_cases.append(case("rosen5 bounded mixed", "rosen", start5, "L-BFGS-B",
                           TIGHT_LBFGSB, bounds=[(None, 0.8), (0.0, None), (-1.0, 1.0), (0.5, 0.9), (None, None)]))
minimize_cases.append(case("rosen5 bounded numeric-grad", "rosen", start5, "L-BFGS-B",
                           None, bounds=[(None, 0.8), (0.0, None), (-1.0, 1.0), (0.5, 0.9), (None, None)],
                           use_jac=False))

# Nelder-Mead.
nm_cases = []
nm_cases.append(case("rosen2 NM default", "rosen", start2, "Nelder-Mead", None, use_jac=False))
nm_cases.append(case("rosen5 NM tutorial", "rosen", start5, "Nelder-Mead",
                     {"xatol": 1e-8, "fatol": 1e-8, "maxiter": 20000, "maxfev": 20000}, use_jac=False))
nm_cases.append(case("beale NM default", "beale", [1.0, 1.0], "Nelder-Mead", None, use_jac=False))
nm_cases.append(case("rosen5 NM adaptive", "rosen", start5, "Nelder-Mead",
                     {"adaptive": True, "xatol": 1e-8, "fatol": 1e-8, "maxiter": 20000, "maxfev": 20000},
                     use_jac=False))
nm_cases.append(case("quad NM bounded", "quad", [0.5, 0.0, 0.5], "Nelder-Mead",
                     {"xatol": 1e-8, "fatol": 1e-10}, bounds=[(0.0, 2.0), (-1.0, 1.0), (0.0, 10.0)],
                     use_jac=False))
nm_cases.append(case("logistic NM maxiter", "logistic", [0.0] * 4, "Nelder-Mead", {"maxiter": 30},
                     use_jac=False))

# ---------------------------------------------------------------- roots
ROOT_FUNS = {
    "cubic": (lambda x: x**3 - 2 * x - 5, lambda x: 3 * x**2 - 2, (2.0, 3.0), 2.0),
    "cosx": (lambda x: math.cos(x) - x, lambda x: -math.sin(x) - 1, (0.0, 1.0), 0.5),
    "exp": (lambda x: math.exp(x) - 2, lambda x: math.exp(x), (0.0, 2.0), 1.0),
    "sqrt2": (lambda x: x * x - 2, lambda x: 2 * x, (0.0, 2.0), 1.0),
    "tan": (lambda x: math.tan(x) - x, lambda x: 1 / math.cos(x) ** 2 - 1, (4.0, 4.5), 4.49),
    "triple": (lambda x: (x - 1) ** 3, lambda x: 3 * (x - 1) ** 2, (0.0, 3.0), 2.0),
    "atan": (lambda x: math.atan(x - 0.3), lambda x: 1 / (1 + (x - 0.3) ** 2), (-5.0, 10.0), 0.5),
    "steep": (lambda x: math.expm1(20 * (x - 0.1)), lambda x: 20 * math.exp(20 * (x - 0.1)), (-1.0, 1.0), 0.5),
}
roots = []
for name, (f, fp, (a, b), x0) in ROOT_FUNS.items():
    try:
        rq, infoq = optimize.brentq(f, a, b, full_output=True)
        brentq_out = {"brentq": rq, "brentq_iterations": infoq.iterations, "brentq_calls": infoq.function_calls}
    except RuntimeError as e:  # (x - 1)**3 on [0, 3]: SciPy's brentq stalls on the flat triple root
        rq = optimize.brentq(f, a, b, full_output=True, disp=False)[1]
        brentq_out = {"brentq_error": str(e), "brentq_unconverged": rq.root}
    rb, infob = optimize.bisect(f, a, b, full_output=True)
    rn, infon = optimize.newton(f, x0, fprime=fp, full_output=True, disp=False)
    rs, infos = optimize.newton(f, x0, full_output=True, disp=False)
    roots.append({
        "name": name, "a": a, "b": b, "x0": x0,
        **brentq_out,
        "bisect": rb, "bisect_iterations": infob.iterations,
        "newton": rn, "newton_converged": bool(infon.converged),
        "secant": rs, "secant_converged": bool(infos.converged),
    })

# ---------------------------------------------------------------- minimize_scalar
SCALAR_FUNS = {
    "quartic": lambda x: (x - 2) * x * (x + 2) ** 2,
    "cosh": lambda x: math.cosh(x - 0.7) + 0.1 * x,
    "abs": lambda x: abs(x - 1.3) + 0.5,
    "sinx": lambda x: math.sin(x) + 0.05 * x * x,
}
scalars = []
for name, f in SCALAR_FUNS.items():
    rb = optimize.minimize_scalar(f, method="brent")
    rg = optimize.minimize_scalar(f, method="golden")
    rbd = optimize.minimize_scalar(f, bounds=(-3.0, 4.0), method="bounded")
    br = optimize.bracket(f)
    scalars.append({
        "name": name,
        "brent": {"x": rb.x, "fun": rb.fun, "nfev": rb.nfev, "nit": rb.nit},
        "golden": {"x": rg.x, "fun": rg.fun, "nfev": rg.nfev, "nit": rg.nit},
        "bounded": {"x": rbd.x, "fun": rbd.fun, "nfev": rbd.nfev},
        "bracket": list(br),
    })
rb = optimize.minimize_scalar(SCALAR_FUNS["quartic"], bracket=(0, 1, 2), method="brent")
brent_bracket3 = {"x": rb.x, "fun": rb.fun, "nfev": rb.nfev}

write_fixture("optimize", {
    "logistic": {"X": LX, "y": LY, "lam": LLAM},
    "quad": {"A": QA, "b": QB},
    "minimize": minimize_cases,
    "nelderMead": nm_cases,
    "roots": roots,
    "scalar": scalars,
    "brentBracket3": brent_bracket3,
})

for c in minimize_cases + nm_cases:
    print(f"{c['name']:45s} {c['result']['success']!s:5} f={c['result']['fun']:.3e} nit={c['result']['nit']} "
          f"x={np.round(c['result']['x'], 7)}")
for r in roots:
    print(r["name"], r.get("brentq"), r.get("brentq_iterations"), r.get("brentq_calls"), r.get("brentq_error"),
          r["newton_converged"], r["secant_converged"])
for s in scalars:
    print(s["name"], s["brent"], s["bounded"], s["bracket"])
