"""Reference values for src/tensor/integrate (numpy.trapz, scipy.integrate).
Run: /usr/bin/python3 bench/reference/integrate.py"""
import warnings

import numpy as np
from scipy import integrate

from common import write_fixture

rng = np.random.default_rng(11)

y1 = np.round(rng.standard_normal(9), 6)
x1 = np.round(np.cumsum(rng.uniform(0.1, 1.0, 9)), 6)
y2 = np.round(rng.standard_normal((3, 6)), 6)
x2full = np.round(np.cumsum(rng.uniform(0.1, 1.0, (3, 6)), axis=1), 6)
x2col = np.round(np.cumsum(rng.uniform(0.1, 1.0, 3)), 6)

trap = {
    "y1": y1, "x1": x1, "y2": y2, "x2full": x2full, "x2col": x2col,
    "plain": np.trapz(y1), "dx": np.trapz(y1, dx=0.25), "x": np.trapz(y1, x=x1),
    "rows": np.trapz(y2, dx=0.5), "cols_x": np.trapz(y2, x=x2col, axis=0), "full_x": np.trapz(y2, x=x2full),
    "one": np.trapz([3.0]),
}

simp = {"cases": []}
for n in [1, 2, 3, 4, 5, 8, 9]:
    y = y1[:n] if n <= 9 else None
    x = x1[:n]
    case = {"n": n, "y": y, "x": x}
    for even in ["avg", "first", "last"]:
        case[even] = integrate.simpson(y, dx=0.3, even=even)
        case[even + "_x"] = integrate.simpson(y, x=x, even=even)
    simp["cases"].append(case)
simp["y2"] = y2
simp["x2full"] = x2full
simp["x2col"] = x2col
simp["rows"] = integrate.simpson(y2)
simp["cols_x"] = integrate.simpson(y2, x=x2col, axis=0)
simp["full_x"] = integrate.simpson(y2, x=x2full)

cum = {
    "y1": y1, "x1": x1, "y2": y2, "x2col": x2col,
    "plain": integrate.cumulative_trapezoid(y1),
    "x": integrate.cumulative_trapezoid(y1, x=x1),
    "initial": integrate.cumulative_trapezoid(y1, dx=0.5, initial=0),
    "axis0": integrate.cumulative_trapezoid(y2, x=x2col, axis=0, initial=0),
}

# quad on finite ranges: SciPy's QAGS numbers (value, error, neval, subintervals, ier) and exact values.
quad_cases = []
finite = [
    ("smooth: sin on [0, pi]", "sin", 0.0, np.pi, np.sin, 2.0),
    ("peaked: 1/(1e-4 + x^2) on [-1, 1]", "peak", -1.0, 1.0, lambda x: 1 / (1e-4 + x * x), 200 * np.arctan(100)),
    ("oscillatory: cos(100x) on [0, 1]", "osc", 0.0, 1.0, lambda x: np.cos(100 * x), np.sin(100) / 100),
    ("singular endpoint: 1/sqrt(x) on [0, 1]", "rsqrt", 0.0, 1.0, lambda x: 1 / np.sqrt(x), 2.0),
    ("log singularity: log(x) on [0, 1]", "log", 0.0, 1.0, np.log, -1.0),
    ("x^-0.9 on [0, 1]", "pow09", 0.0, 1.0, lambda x: x ** -0.9, 10.0),
    ("log(x)/sqrt(x) on [0, 1]", "logrsqrt", 0.0, 1.0, lambda x: np.log(x) / np.sqrt(x), -4.0),
    ("reversed limits: x^2 on [2, -1]", "sq_rev", 2.0, -1.0, lambda x: x * x, -3.0),
]
for label, key, a, b, f, exact in finite:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = integrate.quad(f, a, b, epsabs=1e-13, epsrel=1e-13, full_output=1)
    quad_cases.append({"label": label, "key": key, "a": a, "b": b, "exact": exact, "value": r[0], "error": r[1],
                       "neval": r[2]["neval"], "last": r[2]["last"]})
failures = []
for key, f, a, b, opts in [
    ("inv", lambda x: 1 / x, 0.0, 1.0, {}),
    ("osc_limit3", lambda x: np.cos(100 * x), 0.0, 1.0, {"limit": 3}),
    ("pow15", lambda x: x ** -1.5, 0.0, 1.0, {}),
    ("step", lambda x: 1.0 if x < 0.3 else -1.0, 0.0, 1.0, {"epsabs": 1e-14, "epsrel": 0}),
]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = integrate.quad(f, a, b, full_output=1, **opts)
    failures.append({"key": key, "value": r[0], "error": r[1], "last": r[2]["last"], "ier": 0 if len(r) < 4 else
                     {"The maximum number of subdivisions": 1, "The occurrence of roundoff": 2,
                      "The integral is probably divergent": 5}[next(k for k in
                      ["The maximum number of subdivisions", "The occurrence of roundoff", "The integral is probably divergent"]
                      if r[3].startswith(k))]})

write_fixture("integrate", {"trapezoid": trap, "simpson": simp, "cumulative": cum, "quad": quad_cases, "quad_failures": failures})
