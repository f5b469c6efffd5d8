"""Reference values for the table-driven exp of src/tensor/fast-exp.ts, written to
fixtures/tensor_exp.json.

Points cover the whole finite domain, the neighbourhood of zero, both sides of every
128th-of-ln2 table boundary in a stretch, the ±700 switch to Math.exp, subnormal results,
overflow, and NaN/±inf; plus float32 inputs, whose exp NumPy computes in float32.
Run: /usr/bin/python3 bench/reference/tensor_exp.py
"""
import numpy as np

from common import write_fixture

rng = np.random.default_rng(20261125)

boundaries = np.arange(-300, 300) * np.log(2) / 128
x = np.concatenate([
    rng.uniform(-745.5, 709.9, 3000),
    rng.uniform(-20, 20, 2000),
    rng.uniform(-1e-3, 1e-3, 200),
    np.nextafter(boundaries, -np.inf),
    np.nextafter(boundaries, np.inf),
    [0.0, -0.0, 1e-300, -1e-300, 5e-324, 1e-10, -1e-10, 1.0, -1.0, 0.5,
     699.99, 700.0, 700.01, -699.99, -700.0, -700.01, 708.5, 709.78, 709.79, 710.0, 1000.0,
     -708.4, -730.0, -740.0, -745.1, -746.0, -1000.0, np.nan, np.inf, -np.inf],
])
x32 = np.concatenate([rng.uniform(-103, 88.7, 800), [0.0, 1.0, -1.0, 88.8, -104.0, np.nan, np.inf, -np.inf]]).astype(np.float32)

with np.errstate(all="ignore"):
    write_fixture("tensor_exp", {
        "float64": {"x": x, "exp": np.exp(x)},
        "float32": {"x": x32.astype(float), "exp": np.exp(x32).astype(float)},
    })
