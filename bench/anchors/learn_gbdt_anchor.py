"""Python side of bench/learn-gbdt.ts: one fit + predict of XGBoost `hist` or scikit-learn's
HistGradientBoostingClassifier on the data file the Node side wrote, in a fresh process so its
peak memory is its own. Prints one JSON line: fit/predict seconds, fit CPU seconds (all threads), test AUC, peak RSS.

usage: learn_gbdt_anchor.py xgboost|sklearn DATA_PREFIX ROWS COLS TRAIN_ROWS
Threads are pinned to 2 (nthread=2; OMP/threadpoolctl for scikit-learn).
"""
import json
import sys
import time

import numpy as np


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    lib, prefix, rows, cols, ntrain = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    X = np.fromfile(prefix + ".x.f32", dtype=np.float32).reshape(rows, cols)
    y = np.fromfile(prefix + ".y.u8", dtype=np.uint8).astype(np.float32)
    Xtr, ytr, Xte, yte = X[:ntrain], y[:ntrain], X[ntrain:], y[ntrain:]
    from sklearn.metrics import roc_auc_score

    loaded_mb = peak_rss_mb()
    if lib == "xgboost":
        import xgboost as xgb

        t = time.perf_counter()
        c = time.process_time()
        d = xgb.DMatrix(Xtr, label=ytr, nthread=2)
        params = {"tree_method": "hist", "max_depth": 6, "eta": 0.1, "objective": "binary:logistic", "nthread": 2, "max_bin": 256}
        booster = xgb.train(params, d, 100)
        fit = time.perf_counter() - t
        fit_cpu = time.process_time() - c
        t = time.perf_counter()
        p = booster.inplace_predict(Xte)
        predict = time.perf_counter() - t
        version = xgb.__version__
    else:
        from threadpoolctl import threadpool_limits
        import sklearn
        from sklearn.ensemble import HistGradientBoostingClassifier

        with threadpool_limits(2):
            t = time.perf_counter()
            c = time.process_time()
            m = HistGradientBoostingClassifier(max_iter=100, max_depth=6, max_leaf_nodes=None, learning_rate=0.1,
                                               l2_regularization=1.0, early_stopping=False).fit(Xtr, ytr)
            fit = time.perf_counter() - t
            fit_cpu = time.process_time() - c
            t = time.perf_counter()
            p = m.predict_proba(Xte)[:, 1]
            predict = time.perf_counter() - t
        version = sklearn.__version__
    print(json.dumps({"fit": fit, "fitCpu": fit_cpu, "predict": predict, "auc": float(roc_auc_score(yte, p)), "peakMB": peak_rss_mb(),
                      "loadedMB": loaded_mb, "version": version}))


main()
