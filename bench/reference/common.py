"""Shared by the fixture scripts: write reference values as JSON that JavaScript can parse.

JSON has no NaN or infinities, so they are written as the strings "nan", "inf" and "-inf";
test/helpers/fixtures.ts turns them back into numbers.
Run every script with Debian's /usr/bin/python3 (python3-numpy, python3-scipy, ...).
"""
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")


def _clean(value):
    if isinstance(value, np.ndarray):
        return _clean(value.tolist())
    if isinstance(value, (np.floating, float)):
        v = float(value)
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def write_fixture(name, payload):
    """Writes fixtures/<name>.json atomically, with versions of the libraries that made it."""
    import scipy

    os.makedirs(FIXTURES, exist_ok=True)
    doc = {
        "generator": f"bench/reference/{name}.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
        "cases": _clean(payload),
    }
    path = os.path.join(FIXTURES, f"{name}.json")
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, allow_nan=False, separators=(",", ":"))
    os.replace(tmp, path)
    print(f"wrote {path}")
