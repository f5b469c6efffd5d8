"""Reference values for src/track/query: LTTB downsampling and TensorBoard's debiased smoothing.

LTTB follows Steinarsson's thesis (2013) as written in the `lttb` reference implementation, with
numpy; the debiased exponential moving average is pandas' `ewm(alpha=1-w, adjust=True).mean()`,
which weights the k-th last value by w^k and normalizes, the same as dividing by 1 - w^n.
"""
import os

import numpy as np
import pandas as pd

from common import HERE, write_fixture


def lttb(x, y, n_out):
    n = len(x)
    if n_out >= n:
        return list(range(n))
    every = (n - 2) / (n_out - 2)
    keep = [0]
    a = 0
    for i in range(n_out - 2):
        avg_start = int(np.floor((i + 1) * every)) + 1
        avg_end = min(int(np.floor((i + 2) * every)) + 1, n)
        if avg_start >= n:
            avg_start, avg_end = n - 1, n
        avg_x = np.mean(x[avg_start:avg_end])
        avg_y = np.mean(y[avg_start:avg_end])
        start = int(np.floor(i * every)) + 1
        end = int(np.floor((i + 1) * every)) + 1
        areas = np.abs((x[a] - avg_x) * (y[start:end] - y[a]) - (x[a] - x[start:end]) * (avg_y - y[a]))
        a = start + int(np.argmax(areas))
        keep.append(a)
    keep.append(n - 1)
    return keep


rng = np.random.default_rng(7)
cases = {"lttb": [], "smoothing": []}
for n, n_out in [(50, 10), (1000, 100), (5003, 257)]:
    x = np.arange(n, dtype=float) * 2.0
    y = np.exp(-x / n) + 0.1 * rng.standard_normal(n) + (np.arange(n) % 97 == 0) * 1.5
    cases["lttb"].append({"x": x, "y": y, "threshold": n_out, "indices": lttb(x, y, n_out)})

for w in [0.0, 0.6, 0.9, 0.99]:
    v = 1.0 / (1 + np.arange(200)) + 0.05 * rng.standard_normal(200)
    smooth = pd.Series(v).ewm(alpha=1 - w, adjust=True).mean().to_numpy() if w > 0 else v
    cases["smoothing"].append({"weight": w, "values": v, "smoothed": smooth})

# what the dataset explorer's summary of data/penguins.csv must say (pandas' describe)
penguins = pd.read_csv(os.path.join(HERE, "..", "..", "data", "penguins.csv"))
flipper = penguins["flipper_length_mm"].describe()
cases["penguins_flipper"] = {"count": flipper["count"], "mean": flipper["mean"], "std": flipper["std"], "max": flipper["max"]}

write_fixture("track_query", cases)
