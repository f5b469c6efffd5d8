"""Reference values for learn's histogram gradient boosting (XGBoost 1.7 `hist`, scikit-learn 1.2).

- cv: 5-fold cross-validated accuracy/AUC (breast cancer, a synthetic binary set, iris) and R²
  (diabetes, a synthetic regression set) of XGBoost and of scikit-learn's HistGradientBoosting
  with the same hyper-parameters; folds are row i -> fold i % 5; base_score is pinned.
- exact: data with few distinct integer values (so both sides bin identically), one or a few
  small trees: XGBoost's margins, tree dump, pred_contribs (TreeSHAP) and importances. The NaN
  case has missing values in training and test rows, so the default directions are exercised.
"""
import json
import warnings

import numpy as np
import sklearn
import xgboost as xgb
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, make_classification, make_regression
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score

from common import write_fixture

warnings.filterwarnings("ignore")

out = {"xgboost": xgb.__version__, "sklearn": sklearn.__version__, "data": {}, "cv": {}, "exact": {}}

# ---------------------------------------------------------------- cross-validated parity
bc = load_breast_cancer()
diab = load_diabetes()
iris = load_iris()
Xs, ys = make_classification(n_samples=1000, n_features=10, n_informative=5, random_state=0)
Xs = np.round(Xs, 3)
Xr, yr = make_regression(n_samples=600, n_features=8, n_informative=5, noise=10.0, random_state=0)
Xr = np.round(Xr, 3)
yr = np.round(yr, 3)
datasets = {
    "breast_cancer": (bc.data, bc.target, "binary"),
    "synthetic_binary": (Xs, ys, "binary"),
    "iris": (iris.data, iris.target, "multiclass"),
    "diabetes": (diab.data, diab.target, "regression"),
    "synthetic_regression": (Xr, yr, "regression"),
}
HP = {"rounds": 100, "eta": 0.1, "max_depth": 3, "lambda": 1.0, "alpha": 0.0, "gamma": 0.0, "min_child_weight": 1.0, "max_bin": 255}


def xgb_params(kind, base_score, classes=2):
    p = {
        "tree_method": "hist", "max_bin": HP["max_bin"], "eta": HP["eta"], "max_depth": HP["max_depth"],
        "lambda": HP["lambda"], "alpha": HP["alpha"], "gamma": HP["gamma"], "min_child_weight": HP["min_child_weight"],
        "base_score": base_score, "nthread": 1, "seed": 0,
    }
    if kind == "binary":
        p["objective"] = "binary:logistic"
    elif kind == "multiclass":
        p["objective"] = "multi:softprob"
        p["num_class"] = classes
    else:
        p["objective"] = "reg:squarederror"
    return p


for name, (X, y, kind) in datasets.items():
    out["data"][name] = {"X": X, "y": y, "kind": kind}
    folds = np.arange(len(y)) % 5
    base = 0.5 if kind != "regression" else float(np.round(np.mean(y), 1))
    xs, ss = [], []
    for k in range(5):
        tr, te = folds != k, folds == k
        classes = len(np.unique(y))
        b = xgb.train(xgb_params(kind, base, classes), xgb.DMatrix(X[tr], label=y[tr]), HP["rounds"])
        p = b.predict(xgb.DMatrix(X[te]))
        if kind == "regression":
            sk = HistGradientBoostingRegressor(max_iter=HP["rounds"], learning_rate=HP["eta"], max_depth=HP["max_depth"],
                                               l2_regularization=HP["lambda"], min_samples_leaf=1, max_leaf_nodes=None,
                                               max_bins=HP["max_bin"], early_stopping=False).fit(X[tr], y[tr])
            xs.append({"r2": r2_score(y[te], p)})
            ss.append({"r2": r2_score(y[te], sk.predict(X[te]))})
        else:
            sk = HistGradientBoostingClassifier(max_iter=HP["rounds"], learning_rate=HP["eta"], max_depth=HP["max_depth"],
                                                l2_regularization=HP["lambda"], min_samples_leaf=1, max_leaf_nodes=None,
                                                max_bins=HP["max_bin"], early_stopping=False).fit(X[tr], y[tr])
            if kind == "binary":
                xs.append({"accuracy": accuracy_score(y[te], p > 0.5), "auc": roc_auc_score(y[te], p)})
                ss.append({"accuracy": accuracy_score(y[te], sk.predict(X[te])), "auc": roc_auc_score(y[te], sk.predict_proba(X[te])[:, 1])})
            else:
                xs.append({"accuracy": accuracy_score(y[te], p.argmax(axis=1))})
                ss.append({"accuracy": accuracy_score(y[te], sk.predict(X[te]))})
    mean = lambda rows: {m: float(np.mean([r[m] for r in rows])) for m in rows[0]}
    out["cv"][name] = {"base_score": base, "xgboost": mean(xs), "sklearn": mean(ss)}
out["cv_params"] = HP

# ---------------------------------------------------------------- exact small-model cases
rng = np.random.RandomState(42)
n = 400
Xi = rng.randint(0, 16, size=(n, 5)).astype(float)
yreg = np.round(np.sin(Xi[:, 0] / 3) * 10 + Xi[:, 1] - 0.5 * Xi[:, 2] + rng.randn(n), 3)
ybin = ((Xi[:, 0] - 7) * (Xi[:, 1] - 8) + 5 * rng.randn(n) > 0).astype(float)
Xt = rng.randint(0, 16, size=(60, 5)).astype(float)
Xnan = Xi.copy()
Xnan[rng.rand(*Xnan.shape) < 0.2] = np.nan
Xtnan = Xt.copy()
Xtnan[rng.rand(*Xtnan.shape) < 0.2] = np.nan
out["data"]["ints"] = {"X": Xi, "yreg": yreg, "ybin": ybin, "Xtest": Xt, "Xnan": Xnan, "Xtestnan": Xtnan}


def case(X, y, Xtest, objective, depth, rounds, base, lam=1.0, alpha=0.0, gamma=0.0, mcw=1.0, eta=1.0):
    p = {"tree_method": "hist", "max_bin": 256, "eta": eta, "max_depth": depth, "lambda": lam, "alpha": alpha,
         "gamma": gamma, "min_child_weight": mcw, "base_score": base, "objective": objective, "nthread": 1}
    b = xgb.train(p, xgb.DMatrix(X, label=y, missing=np.nan), rounds)
    dtest = xgb.DMatrix(Xtest, missing=np.nan)
    dtrain = xgb.DMatrix(X, missing=np.nan)
    trees = [json.loads(t) for t in b.get_dump(dump_format="json", with_stats=True)]
    return {
        "params": {"objective": objective, "maxDepth": depth, "rounds": rounds, "baseScore": base, "regLambda": lam,
                   "regAlpha": alpha, "minSplitGain": gamma, "minChildWeight": mcw, "learningRate": eta},
        "margin_train": b.predict(dtrain, output_margin=True),
        "margin_test": b.predict(dtest, output_margin=True),
        "contribs_test": b.predict(dtest, pred_contribs=True),
        "total_gain": [b.get_score(importance_type="total_gain").get(f"f{j}", 0.0) for j in range(X.shape[1])],
        "weight": [b.get_score(importance_type="weight").get(f"f{j}", 0.0) for j in range(X.shape[1])],
        "trees": json.dumps(trees),
    }


out["exact"]["reg_depth1"] = case(Xi, yreg, Xt, "reg:squarederror", 1, 1, 5.0)
out["exact"]["reg_depth2"] = case(Xi, yreg, Xt, "reg:squarederror", 2, 1, 5.0)
out["exact"]["bin_depth2"] = case(Xi, ybin, Xt, "binary:logistic", 2, 1, 0.5)
out["exact"]["reg_small"] = case(Xi, yreg, Xt, "reg:squarederror", 3, 5, 5.0, eta=0.3)
out["exact"]["reg_l1_gamma"] = case(Xi, yreg, Xt, "reg:squarederror", 3, 3, 5.0, lam=2.0, alpha=3.0, gamma=50.0, mcw=5.0, eta=0.3)
out["exact"]["bin_small"] = case(Xi, ybin, Xt, "binary:logistic", 3, 5, 0.5, eta=0.3)
out["exact"]["nan_reg"] = case(Xnan, yreg, Xtnan, "reg:squarederror", 3, 5, 5.0, eta=0.3)
out["exact"]["nan_bin"] = case(Xnan, ybin, Xtnan, "binary:logistic", 3, 5, 0.5, eta=0.3)

write_fixture("learn_gbdt", out)
