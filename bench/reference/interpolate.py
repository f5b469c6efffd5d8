"""Reference values for src/tensor/interpolate (numpy.interp, scipy.interpolate).
Run: /usr/bin/python3 bench/reference/interpolate.py"""
import numpy as np
from scipy.interpolate import CubicSpline, PPoly, interp1d

from common import write_fixture

rng = np.random.default_rng(7)

# ---- numpy.interp ----
xp = np.round(np.sort(rng.uniform(-3, 3, 9)), 6)
fp = np.round(rng.standard_normal(9), 6)
xq = np.concatenate([[-5.0, xp[0], xp[3], xp[-1], 4.0, np.nan], np.round(rng.uniform(-3.5, 3.5, 20), 6)])
interp_cases = {
    "xp": xp, "fp": fp, "x": xq,
    "plain": np.interp(xq, xp, fp),
    "left_right": np.interp(xq, xp, fp, left=-100.0, right=100.0),
    "single": {"xp": [1.5], "fp": [2.5], "x": [0.0, 1.5, 3.0], "out": np.interp([0.0, 1.5, 3.0], [1.5], [2.5]),
               "out_lr": np.interp([0.0, 1.5, 3.0], [1.5], [2.5], left=-1, right=1)},
    "period": {"xp": [190, -190, 350, -350], "fp": [5, 10, 3, 4],
               "x": [-180, -170, -185, 185, -10, -5, 0, 365, 720.5],
               "out": np.interp([-180, -170, -185, 185, -10, -5, 0, 365, 720.5],
                                [190, -190, 350, -350], [5, 10, 3, 4], period=360)},
}

# ---- scipy interp1d ----
x1 = np.array([0.0, 0.5, 1.3, 2.0, 3.1, 4.0, 5.5])
y1 = np.round(np.sin(x1) + 0.1 * x1 ** 2, 6)
q_in = np.array([0.0, 0.25, 0.5, 0.9, 1.3, 1.65, 2.0, 2.55, 3.9, 4.75, 5.5])
q_out = np.array([-1.0, 6.0])
i1d = {"x": x1.tolist(), "y": y1, "q_in": q_in, "q_out": q_out, "kinds": {}}
for kind in ["linear", "nearest", "nearest-up", "previous", "next", "cubic"]:
    f = interp1d(x1, y1, kind=kind)
    fe = interp1d(x1, y1, kind=kind, fill_value="extrapolate")
    ff = interp1d(x1, y1, kind=kind, bounds_error=False, fill_value=(-7.0, 9.0))
    i1d["kinds"][kind] = {"in": f(q_in), "extrapolate": fe(q_out), "fill_pair": ff(q_out)}

# ---- CubicSpline ----
def spline_case(x, y, bc, name, extra_x=None, integrals=None):
    cs = CubicSpline(x, y, bc_type=bc)
    lo, hi = x[0], x[-1]
    w = hi - lo
    ev = np.concatenate([np.linspace(lo - 0.3 * w, hi + 0.3 * w, 23), x])
    if extra_x is not None:
        ev = np.concatenate([ev, extra_x])
    ints = integrals or [(lo, hi), (lo + 0.1 * w, hi - 0.27 * w), (hi, lo), (lo - 0.2 * w, hi + 0.5 * w)]
    anti = cs.antiderivative()
    return {
        "name": name, "x": x, "y": y, "bc": bc, "c": cs.c,
        "eval_x": ev,
        "values": cs(ev), "d1": cs(ev, 1), "d2": cs(ev, 2), "d3": cs(ev, 3),
        "no_extrap": cs(ev, extrapolate=False),
        "integrals": [{"a": a, "b": b, "value": cs.integrate(a, b)} for a, b in ints],
        "anti_c": anti.c, "anti_values": anti(ev),
    }

xs = np.array([0.0, 0.7, 1.1, 2.0, 2.4, 3.5, 4.0, 5.2])
ys = np.round(np.cos(xs) * np.exp(-0.2 * xs) + 0.05 * xs, 6)
splines = [
    spline_case(xs, ys, "not-a-knot", "not-a-knot"),
    spline_case(xs, ys, "natural", "natural"),
    spline_case(xs, ys, "clamped", "clamped"),
    spline_case(xs, ys, [[1, 2.0], [2, -1.0]], "first=2, second=-1"),
    spline_case(xs, ys, [[2, 0.5], "not-a-knot"], "second=0.5, not-a-knot"),
    spline_case(np.array([0.0, 1.5]), np.array([1.0, -2.0]), "not-a-knot", "n=2 line"),
    spline_case(np.array([0.0, 1.5]), np.array([1.0, -2.0]), "natural", "n=2 natural"),
    spline_case(np.array([0.0, 1.0, 3.0]), np.array([1.0, 0.0, 4.0]), "not-a-knot", "n=3 parabola"),
    spline_case(np.array([0.0, 1.0, 3.0]), np.array([1.0, 0.0, 4.0]), "natural", "n=3 natural"),
    spline_case(np.array([0.0, 1.0, 3.0]), np.array([1.0, 0.0, 4.0]), ["clamped", "not-a-knot"], "n=3 clamped+nak"),
    spline_case(np.array([0.0, 1.0, 2.5, 3.0]), np.array([1.0, 0.0, 4.0, 2.0]), "not-a-knot", "n=4 not-a-knot"),
]
xp_ = np.array([0.0, 0.8, 1.9, 3.0, 4.1, 5.0, 2 * np.pi])
yp_ = np.sin(xp_)
yp_[-1] = yp_[0]
periodic_ints = [(0.0, 2 * np.pi), (-1.0, 15.0), (3.0, 4.0), (5.0, 7.5), (20.0, -3.0)]
per = spline_case(xp_, yp_, "periodic", "periodic", extra_x=np.array([-7.0, 13.0, 40.0]), integrals=periodic_ints)
per["integrals_no_extrap"] = [{"a": a, "b": b, "value": CubicSpline(xp_, yp_, bc_type="periodic").integrate(a, b, extrapolate=False)}
                              for a, b in [(0.5, 6.0), (-1.0, 2.0)]]
splines.append(per)
x3 = np.array([0.0, 1.0, 2.5])
y3 = np.array([0.5, 2.0, 0.5])
splines.append(spline_case(x3, y3, "periodic", "n=3 periodic", extra_x=np.array([-1.0, 4.0])))

# ---- PPoly ----
c = np.array([[1.0, -2.0, 0.5], [0.0, 1.0, 3.0], [2.0, -1.0, 0.0], [1.0, 2.0, -4.0]])
xb = np.array([0.0, 1.0, 2.5, 3.0])
pp = PPoly(c, xb)
pe = np.linspace(-0.5, 3.5, 17)
ppoly = {
    "c": c, "x": xb, "eval_x": pe, "values": pp(pe), "d1": pp.derivative()(pe), "d2c": pp.derivative(2).c,
    "d5c": pp.derivative(5).c, "anti2c": pp.antiderivative(2).c, "anti2": pp.antiderivative(2)(pe),
    "integrate": [pp.integrate(0.2, 2.9), pp.integrate(3.0, -0.5)],
}

write_fixture("interpolate", {"interp": interp_cases, "interp1d": i1d, "splines": splines, "ppoly": ppoly})
