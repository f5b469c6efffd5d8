"""Reference values for the fast paths of src/tensor (per-dtype broadcasting kernels and
contiguous row/column reductions), written to fixtures/tensor_fast_paths.json.

Every case names a base array (shape, dtype, values) and a view of it (transpose, reversed or
stepped axes, an offset), so the tests build the same operands: contiguous blocks that take the
fast kernels and strided views that must not. Broadcasting covers rows, columns, outer products,
scalars, 3-d operands, size-0 and size-1 axes on either side and mixed dtypes (NumPy's
promotion); reductions cover sum, mean, min, max, argmin and argmax over leading, trailing and
all axes, with NaN.
Run: /usr/bin/python3 bench/reference/tensor_fast_paths.py
"""
import numpy as np

from common import write_fixture

rng = np.random.default_rng(20261125)


def base(shape, dtype, nan=False):
    n = int(np.prod(shape))
    if dtype in ("float64", "float32"):
        v = np.round(rng.normal(size=n) * 4, 3)
        if nan and n > 2:
            v[rng.choice(n, size=max(1, n // 7), replace=False)] = np.nan
    elif dtype == "int32":
        v = rng.integers(-1000, 1000, size=n)
    elif dtype == "uint8":
        v = rng.integers(0, 256, size=n)
    else:
        v = rng.integers(0, 2, size=n).astype(bool)
    return v.astype(dtype).reshape(shape)


def view(a, how):
    if how == "T":
        return a.T
    if how == "rev0":
        return a[::-1]
    if how == "rev1":
        return a[:, ::-1]
    if how == "step":
        return a[::2]
    if how == "offset":
        return a[1:]
    return a


def values(a):
    """Flat values; float32 ones as their shortest float32 decimal (Math.fround reads them back exactly)."""
    if a.dtype == np.float32:
        return [float(str(v)) for v in a.ravel()]
    return a.ravel().tolist()


def operand(shape, dtype, how="none", nan=False):
    a = base(shape, dtype, nan)
    return {"values": values(a), "shape": list(shape), "dtype": dtype, "view": how}, view(a, how)


BINARY = {
    "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.true_divide,
    "maximum": np.maximum, "less": np.less, "greaterEqual": np.greater_equal,
}

binary_cases = []


def binary(a_spec, b_spec, ops=("add", "div", "maximum", "less", "greaterEqual")):
    ja, a = operand(*a_spec)
    jb, b = operand(*b_spec)
    results = {}
    for op in ops:
        with np.errstate(all="ignore"):
            r = BINARY[op](a, b)
        results[op] = {"shape": list(r.shape), "dtype": str(r.dtype), "values": values(r)}
    binary_cases.append({"a": ja, "b": jb, "results": results})


for dt in ("float64", "float32"):
    binary(((4, 70), dt), ((70,), dt), tuple(BINARY))  # row broadcast, long rows
    binary(((70,), dt), ((4, 70), dt))  # row on the left
    binary(((4, 70), dt), ((4, 1), dt))  # column broadcast
    binary(((4, 1), dt), ((4, 70), dt))  # column on the left
    binary(((3, 1), dt), ((1, 67), dt))  # outer
    binary(((1, 67), dt), ((3, 1), dt))  # outer, other way round
    binary(((2, 3, 70), dt), ((3, 1), dt))  # 3-d with a column
    binary(((2, 1, 70), dt), ((3, 70), dt))  # 3-d both sides broadcast
    binary(((70, 3), dt, "T"), ((70,), dt))  # transposed block + row
    binary(((4, 70), dt, "rev0"), ((70,), dt, "rev0"))  # reversed rows, reversed row vector
    binary(((4, 70), dt, "rev1"), ((4, 70), dt))  # reversed columns
    binary(((8, 70), dt, "step"), ((5, 1), dt, "offset"))  # stepped rows, offset column
    binary(((0, 70), dt), ((70,), dt))  # size-0 axis
    binary(((1, 1), dt), ((1, 1), dt))  # size-1 everything
    binary(((1, 70), dt), ((1, 70), dt))
    binary(((33,), dt), ((), dt))  # 0-d on the right
    binary(((), dt), ((33,), dt))  # 0-d on the left
    binary(((3, 70), dt, "none", True), ((70,), dt))  # NaN
binary(((3, 70), "float32"), ((70,), "float64"))  # float32 + float64 -> float64
binary(((3, 70), "float32"), ((3, 1), "int32"))  # float32 + int32 -> float64
binary(((3, 70), "int32"), ((70,), "float64"))
binary(((3, 70), "int32"), ((3, 1), "int32"), tuple(BINARY))
binary(((3, 70), "uint8"), ((70,), "uint8"), ("add", "sub", "mul", "maximum", "less", "greaterEqual", "div"))
binary(((3, 70), "uint8"), ((3, 1), "int32"))
binary(((3, 70), "bool"), ((70,), "float64"))
binary(((3, 70), "bool"), ((3, 1), "int32"), ("add", "sub", "mul", "maximum", "less", "div"))

reduce_cases = []


def reduction(spec, axes):
    ja, a = operand(*spec)
    entry = {"a": ja, "axes": []}
    for axis in axes:
        ax = tuple(axis) if isinstance(axis, list) else axis
        results = {}
        count = a.size if ax is None else int(np.prod([a.shape[i] for i in (ax if isinstance(ax, tuple) else (ax,))]))
        with np.errstate(all="ignore"):
            results["sum"] = a.sum(axis=ax)
            if count > 0:
                results["mean"] = a.mean(axis=ax)
                results["min"] = a.min(axis=ax)
                results["max"] = a.max(axis=ax)
                if not isinstance(ax, tuple):
                    results["argmin"] = a.argmin(axis=ax)
                    results["argmax"] = a.argmax(axis=ax)
        entry["axes"].append({"axis": axis, "results": {k: {"shape": list(np.shape(v)), "values": values(np.asarray(v)) if np.asarray(v).dtype == np.float32 else np.ravel(v).astype(float).tolist()} for k, v in results.items()}})
    reduce_cases.append(entry)


for dt in ("float64", "float32", "int32", "uint8"):
    for shape in ((1, 1), (1, 37), (37, 1), (17, 33), (33, 17), (2, 1030)):
        reduction((shape, dt), [None, 0, 1, -1])
    reduction(((4, 3, 35), dt), [None, 0, 2, [0, 1], [1, 2]])
    reduction(((17, 33), dt, "T"), [None, 0, 1])
    reduction(((17, 33), dt, "rev0"), [0, 1])
    reduction(((18, 33), dt, "step"), [0, 1])
    reduction(((17, 33), dt, "offset"), [0, 1])
for dt in ("float64", "float32"):
    reduction(((17, 33), dt, "none", True), [None, 0, 1])
    reduction(((33, 17), dt, "T", True), [0, 1])
reduction(((0, 5), "float64"), [0])
reduction(((5, 0), "float64"), [1])
reduction(((17, 33), "bool"), [None, 0, 1])

write_fixture("tensor_fast_paths", {"binary": binary_cases, "reduce": reduce_cases})
