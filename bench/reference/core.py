"""Reference values for the NdArray core (src/tensor/*.test.ts): element-wise ops with
broadcasting, dtype promotion, reductions over every axis, sorting, joining, slicing, matmul
and repr. Run: /usr/bin/python3 bench/reference/core.py
"""
import numpy as np

from common import write_fixture

rng = np.random.default_rng(20261125)


def values(shape, special=False):
    a = np.round(rng.normal(0, 3, size=shape), 3)
    if special and a.size >= 4:
        flat = a.reshape(-1)
        flat[1] = np.nan
        flat[2] = np.inf
        flat[3] = -np.inf
    return a


BINARY = ["add", "subtract", "multiply", "divide", "maximum", "minimum", "fmax", "fmin",
          "mod", "floor_divide", "arctan2", "hypot", "equal", "not_equal", "less",
          "less_equal", "greater", "greater_equal"]
SHAPES = [((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 3, 4), (3, 1)), ((), (2, 2)), ((5,), (1,)),
          ((0, 3), (3,)), ((2, 1, 3), (4, 1))]

binary = []
for sa, sb in SHAPES:
    a = values(sa, special=True)
    b = values(sb)
    if b.size:
        b.reshape(-1)[0] = 0.0  # division by zero
    with np.errstate(all="ignore"):
        for op in BINARY:
            r = getattr(np, op)(a, b)
            binary.append({"op": op, "a": a, "b": b, "shapeA": list(sa), "shapeB": list(sb),
                           "shape": list(r.shape), "result": r.astype(float)})

pw_a = np.abs(values((3, 4))) + 0.5
pw_b = values((4,))
binary.append({"op": "power", "a": pw_a, "b": pw_b, "shapeA": [3, 4], "shapeB": [4],
               "shape": [3, 4], "result": np.power(pw_a, pw_b)})

DT = ["bool", "uint8", "int32", "float32", "float64"]
promotion = []
for da in DT:
    for db in DT:
        x = np.ones(2, dtype=da)
        y = np.ones(2, dtype=db)
        promotion.append({"a": da, "b": db, "multiply": str(np.multiply(x, y).dtype) if not (da == db == "bool") else "bool",
                          "divide": str(np.divide(x, y).dtype)})
scalars = []
for da in DT[1:]:
    x = np.ones(2, dtype=da)
    for s in [2, 1.5]:
        scalars.append({"a": da, "scalar": s, "dtype": str((x * s).dtype)})

unary_vals = np.array([-2.5, -1.0, -0.5, 0.0, 0.3, 0.5, 1.5, 2.5, 3.7, np.nan, np.inf, -np.inf])
pos_vals = np.array([0.0, 1e-300, 0.3, 0.5, 1.0, 2.5, 10.0, 1e300, np.inf, np.nan])
unit_vals = np.array([-1.0, -0.7, -0.2, 0.0, 0.4, 0.99, 1.0])
UNARY = {
    "negative": unary_vals, "absolute": unary_vals, "sign": unary_vals, "square": unary_vals,
    "floor": unary_vals, "ceil": unary_vals, "rint": unary_vals, "trunc": unary_vals,
    "exp": unary_vals, "expm1": unary_vals, "exp2": unary_vals, "sin": unary_vals, "cos": unary_vals,
    "tan": unary_vals, "arctan": unary_vals, "sinh": unary_vals, "cosh": unary_vals, "tanh": unary_vals,
    "arcsinh": unary_vals, "cbrt": unary_vals, "reciprocal": unary_vals,
    "sqrt": pos_vals, "log": pos_vals, "log2": pos_vals, "log10": pos_vals, "log1p": pos_vals,
    "arccosh": pos_vals + 1, "arcsin": unit_vals, "arccos": unit_vals, "arctanh": unit_vals,
    "isnan": unary_vals, "isinf": unary_vals, "isfinite": unary_vals,
}
unary = []
with np.errstate(all="ignore"):
    for name, v in UNARY.items():
        unary.append({"op": name, "x": v, "result": getattr(np, name)(v).astype(float)})

red_a = values((3, 4, 5))
red_a[0, 1, 2] = 7.0  # a tie for argmax checks
AXES = [None, 0, 1, 2, -1, [0, 2], [1, 2]]
reductions = []
for axis in AXES:
    ax = tuple(axis) if isinstance(axis, list) else axis
    for keep in [False, True]:
        entry = {"axis": axis, "keepdims": keep}
        for name, fn in [("sum", np.sum), ("mean", np.mean), ("min", np.min), ("max", np.max), ("prod", np.prod)]:
            entry[name] = fn(red_a, axis=ax, keepdims=keep)
        for ddof in [0, 1]:
            entry[f"var{ddof}"] = np.var(red_a, axis=ax, ddof=ddof, keepdims=keep)
            entry[f"std{ddof}"] = np.std(red_a, axis=ax, ddof=ddof, keepdims=keep)
        entry["median"] = np.median(red_a, axis=ax, keepdims=keep)
        entry["quantile"] = np.quantile(red_a, [0.1, 0.5, 0.93], axis=ax, keepdims=keep)
        entry["anyPositive"] = np.any(red_a > 2, axis=ax, keepdims=keep)
        entry["allPositive"] = np.all(red_a > -4, axis=ax, keepdims=keep)
        entry["shape"] = list(np.sum(red_a, axis=ax, keepdims=keep).shape)
        reductions.append(entry)
arg = []
for axis in [None, 0, 1, 2, -1]:
    arg.append({"axis": axis, "argmin": np.argmin(red_a, axis=axis), "argmax": np.argmax(red_a, axis=axis),
                "cumsum": np.cumsum(red_a, axis=axis), "cumprod": np.cumprod(red_a / 3, axis=axis),
                "sort": np.sort(red_a, axis=axis), "argsort": np.argsort(red_a, axis=axis, kind="stable")})

ties = np.array([3.0, 1.0, np.nan, 2.0, 1.0, 3.0, np.nan, 0.5, 2.0])
u_vals, u_idx, u_inv, u_cnt = np.unique(ties, return_index=True, return_inverse=True, return_counts=True)
srt = np.array([0.5, 1.0, 1.0, 2.0, 3.0, 3.0])
queries = np.array([-1.0, 0.5, 1.0, 1.5, 3.0, 4.0])
sorting = {
    "ties": ties, "argsort": np.argsort(ties, kind="stable"), "sort": np.sort(ties),
    "unique": {"values": u_vals, "indices": u_idx, "inverse": u_inv, "counts": u_cnt},
    "sorted": srt, "queries": queries,
    "left": np.searchsorted(srt, queries, side="left"), "right": np.searchsorted(srt, queries, side="right"),
}

base = np.arange(60.0).reshape(3, 4, 5)
SLICES = [["1"], [":", "1:3"], ["::-1"], ["...", "0"], [":", "::2", "::-2"], ["-1", "1:", "newaxis", ":3"],
          ["1:1"], ["5:"], ["-10:2"], ["...", "newaxis"], [":", "-1:0:-1", "2"]]
slicing = []
for spec in SLICES:
    expr = ", ".join("None" if s == "newaxis" else s for s in spec)
    r = eval(f"base[{expr}]")
    slicing.append({"spec": spec, "shape": list(r.shape), "result": r})

matmul = []
for sa, sb in [((3, 4), (4, 5)), ((4,), (4, 5)), ((3, 4), (4,)), ((4,), (4,)), ((2, 3, 4), (4, 5)),
               ((2, 1, 3, 4), (5, 4, 2)), ((7, 130), (130, 9)), ((0, 3), (3, 2))]:
    a = values(sa)
    b = values(sb)
    r = np.matmul(a, b)
    matmul.append({"a": a, "b": b, "shapeA": list(sa), "shapeB": list(sb), "shape": list(np.shape(r)), "result": r})

join = {
    "a": np.arange(6.0).reshape(2, 3), "b": np.arange(6.0, 12.0).reshape(2, 3),
    "concat0": np.concatenate([np.arange(6.0).reshape(2, 3), np.arange(6.0, 12.0).reshape(2, 3)], 0),
    "concat1": np.concatenate([np.arange(6.0).reshape(2, 3), np.arange(6.0, 12.0).reshape(2, 3)], 1),
    "stack2": np.stack([np.arange(6.0).reshape(2, 3), np.arange(6.0, 12.0).reshape(2, 3)], 2),
    "split": [s for s in np.split(np.arange(12.0).reshape(3, 4), [1, 3], axis=1)],
    "take": np.take(np.arange(12.0).reshape(3, 4), [2, 0, -1], axis=1),
}

REPRS = {
    "ints": np.arange(5.0), "fractions": np.array([1.5, 2.25]), "matrix": np.arange(12.0).reshape(3, 4),
    "small": np.array([0.1, 1e-5, 3.0]), "mixed": np.array([1 / 3, 100.5]), "special": np.array([-1.5, np.nan, np.inf]),
    "long": np.arange(2000.0), "cube": np.arange(8.0).reshape(2, 2, 2), "scalar": np.array(5.5),
    "bool": np.array([True, False]),
}
reprs = {k: {"value": v, "shape": list(v.shape), "repr": repr(v)} for k, v in REPRS.items()}
reprs["int32"] = {"value": np.arange(4), "shape": [4], "repr": repr(np.arange(4, dtype=np.int32))}

write_fixture("core", {
    "binary": binary, "promotion": promotion, "scalars": scalars, "unary": unary,
    "reductionInput": red_a, "reductions": reductions, "arg": arg, "sorting": sorting,
    "slicing": slicing, "matmul": matmul, "join": join, "reprs": reprs,
})
