"""pandas side of bench/frame.ts: a long-lived process that runs one frame case per request, so
Strata and pandas can be interleaved (A B A B ...) in the same run on the same files.

Protocol (one JSON object per line):
  {"case": "setup", "right": PATH}   reads the 100k-row join table (untimed)
  {"case": "read", "file": PATH}     pd.read_csv; keeps the frame for the cases below
  {"case": "groupby"}                groupby(key) mean/sum/count of f0, f1, f2
  {"case": "join"}                   merge(right, on=key) (inner, many-to-one, 1M rows out)
  {"case": "tomatrix"}               the 28 float columns as one float64 ndarray
-> {"seconds": S, "cpu_seconds": CPU, "peak_mb": M, "check": C}
Before each case (untimed) the resident high-water mark is reset (/proc/self/clear_refs), so
peak_mb is the high-water mark during that case; before a read the old frame is dropped and
garbage collected. The Strata side does the same.
"""
import gc
import json
import re
import sys
import time

import pandas as pd

state = {}
FLOATS = [f"f{j}" for j in range(28)]


def high_water_mb():
    with open("/proc/self/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024


def reset_peak(collect):
    if collect:
        gc.collect()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def run(req):
    name = req["case"]
    if name == "read":
        state.pop("df", None)
    reset_peak(name == "read")
    cpu_start = time.process_time()
    start = time.perf_counter()
    check = None
    if name == "setup":
        state["right"] = pd.read_csv(req["right"])
    elif name == "read":
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
    cpu_seconds = time.process_time() - cpu_start
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": high_water_mb(), "check": check}


print(json.dumps({"ready": True, "pandas": pd.__version__}), flush=True)
for line in sys.stdin:
    print(json.dumps(run(json.loads(line))), flush=True)
