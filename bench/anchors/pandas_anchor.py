"""pandas side of bench/frame.ts: a long-lived process that runs one frame case per request, so
Strata and pandas can be interleaved (A B A B ...) in the same run on the same files.

Protocol (one JSON object per line):
  {"case": "setup", "right": PATH}   reads the 100k-row join table (untimed)
  {"case": "read", "file": PATH}     pd.read_csv; keeps the frame for the cases below
  {"case": "groupby"}                groupby(key) mean/sum/count of f0, f1, f2
  {"case": "join"}                   merge(right, on=key) (inner, many-to-one, 1M rows out)
  {"case": "tomatrix"}               the 28 float columns as one float64 ndarray
-> {"seconds": S, "maxrss_mb": M, "check": C}  (maxrss: the peak resident set of this process)
"""
import json
import resource
import sys
import time

import pandas as pd

state = {}
FLOATS = [f"f{j}" for j in range(28)]


def run(req):
    name = req["case"]
    start = time.perf_counter()
    check = None
    if name == "setup":
        state["right"] = pd.read_csv(req["right"])
    elif name == "read":
        state.pop("df", None)
        df = pd.read_csv(req["file"])
        state["df"] = df
        check = [int(df.shape[0]), int(df.shape[1])]
    elif name == "groupby":
        g = state["df"].groupby("key").agg({"f0": "mean", "f1": "sum", "f2": "count"})
        check = [int(len(g)), float(g["f0"].iloc[0])]
    elif name == "join":
        j = state["df"].merge(state["right"], on="key", how="inner")
        check = [int(len(j)), int(j.shape[1])]
    elif name == "tomatrix":
        m = state["df"][FLOATS].to_numpy(dtype="float64")
        check = [int(m.shape[0]), int(m.shape[1]), float(m[123, 5])]
    else:
        raise ValueError(f"unknown case {name}")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "check": check}


print(json.dumps({"ready": True, "pandas": pd.__version__}), flush=True)
for line in sys.stdin:
    print(json.dumps(run(json.loads(line))), flush=True)
