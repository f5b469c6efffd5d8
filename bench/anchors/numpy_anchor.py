"""NumPy side of `npm run bench`: a long-lived process that times one case per request, so
Strata and NumPy can be interleaved (A B A B ...) in the same run.

Protocol (one JSON object per line): {"case": NAME, "file": PATH, "shape": [...]} ->
{"seconds": S}; with "clock": "cpu" S is the process's CPU time (all threads) instead of wall
time. The input is the float64 file the Node side wrote; both sides read the same bytes.
Threads are pinned to 2 for OpenBLAS (see shared/BENCHMARKS.md).
"""
import json
import sys
import time

import numpy as np

try:
    from threadpoolctl import threadpool_limits
    threadpool_limits(2)
except ImportError:
    pass

cache = {}


def load(path, shape, dtype):
    key = (path, dtype)
    if key not in cache:
        cache[key] = np.fromfile(path, dtype=np.float64).reshape(shape).astype(dtype)
    return cache[key]


def run(req):
    dtype = np.float32 if req.get("dtype") == "float32" else np.float64
    name = req["case"]
    if name == "matmul":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: a @ a
    elif name == "svd":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: np.linalg.svd(a)
    elif name == "broadcast-add":
        a = load(req["file"], req["shape"], dtype)
        row = a[0]
        fn = lambda: a + row
    elif name == "broadcast-add-column":
        a = load(req["file"], req["shape"], dtype)
        column = a[:, :1]
        fn = lambda: a + column
    elif name == "add-same":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: a + a
    elif name == "mul-scalar":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: a * 2.5
    elif name == "mean-axis0":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: a.mean(axis=0)
    elif name == "max-axis1":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: a.max(axis=1)
    elif name == "argmax-axis1":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: a.argmax(axis=1)
    elif name == "sum-axis0":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: a.sum(axis=0)
    elif name == "sum-axis1":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: a.sum(axis=1)
    elif name == "exp":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: np.exp(a)
    elif name == "sort":
        a = load(req["file"], req["shape"], dtype)
        fn = lambda: np.sort(a, axis=-1)
    else:
        raise ValueError(f"unknown case {name}")
    clock = time.process_time if req.get("clock") == "cpu" else time.perf_counter
    start = clock()
    fn()
    return clock() - start


print(json.dumps({"ready": True, "numpy": np.__version__}), flush=True)
for line in sys.stdin:
    req = json.loads(line)
    print(json.dumps({"seconds": run(req)}), flush=True)
