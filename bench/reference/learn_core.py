"""Reference values for learn's preprocessing, compose, metrics and model selection (scikit-learn 1.2)."""
import numpy as np
import sklearn
from sklearn import preprocessing as pp
from sklearn import metrics as M
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import KFold, StratifiedKFold, GroupKFold, TimeSeriesSplit, train_test_split
from sklearn.pipeline import Pipeline
import pandas as pd

from common import write_fixture

assert sklearn.__version__.startswith("1.2"), sklearn.__version__

rng = np.random.RandomState(0)
X = np.round(rng.normal(size=(12, 4)) * [1, 10, 0.1, 1] + [0, 5, 0, 3], 3)
X[:, 3] = 3.0  # constant feature
X[5, 0] = X[6, 0]  # a tie
X2 = np.round(rng.normal(size=(5, 4)) * 2, 3)
out = {"X": X, "X2": X2}


def tf(est, inverse=True):
    est.fit(X)
    d = {"train": est.transform(X), "test": est.transform(X2)}
    if inverse and hasattr(est, "inverse_transform"):
        d["inverse"] = est.inverse_transform(d["test"])
    d["names"] = list(est.get_feature_names_out())
    return d


out["standard"] = tf(pp.StandardScaler())
out["standard_nomean"] = tf(pp.StandardScaler(with_mean=False))
out["standard_mean"] = pp.StandardScaler().fit(X).mean_
out["standard_scale"] = pp.StandardScaler().fit(X).scale_
out["minmax"] = tf(pp.MinMaxScaler(feature_range=(-1, 2)))
out["minmax_clip"] = tf(pp.MinMaxScaler(clip=True), inverse=False)
out["robust"] = tf(pp.RobustScaler())
out["robust_10_90_unit"] = tf(pp.RobustScaler(quantile_range=(10, 90), unit_variance=True))
out["maxabs"] = tf(pp.MaxAbsScaler())
Xn = X.copy()
Xn[2] = 0
out["Xn"] = Xn
out["normalizer"] = {n: pp.Normalizer(norm=n).fit(Xn).transform(Xn) for n in ["l1", "l2", "max"]}
out["poly2"] = tf(pp.PolynomialFeatures(2), inverse=False)
out["poly3_inter"] = tf(pp.PolynomialFeatures(3, interaction_only=True, include_bias=False), inverse=False)
out["poly_2_3"] = tf(pp.PolynomialFeatures((2, 3)), inverse=False)
Xb = X[:, :3]
Xb2 = X2[:, :3]
out["Xb"] = Xb
out["Xb2"] = Xb2
kb = {}
for strategy in ["uniform", "quantile", "kmeans"]:
    for n_bins in [3, 4]:
        e = pp.KBinsDiscretizer(n_bins=n_bins, encode="ordinal", strategy=strategy).fit(Xb)
        o = pp.KBinsDiscretizer(n_bins=n_bins, encode="onehot-dense", strategy=strategy).fit(Xb)
        kb[f"{strategy}_{n_bins}"] = {
            "edges": [list(b) for b in e.bin_edges_],
            "n_bins": e.n_bins_,
            "ordinal": e.transform(Xb2),
            "inverse": e.inverse_transform(e.transform(Xb2)),
            "onehot": o.transform(Xb2),
            "names": list(o.get_feature_names_out()),
        }
out["kbins"] = kb
# quantile with heavy ties: narrow bins are removed
Xt = np.array([[0.0], [0.0], [0.0], [0.0], [1.0], [2.0], [3.0], [3.0]])
e = pp.KBinsDiscretizer(n_bins=5, encode="ordinal", strategy="quantile").fit(Xt)
out["kbins_ties"] = {"X": Xt, "edges": [list(b) for b in e.bin_edges_], "n_bins": e.n_bins_, "ordinal": e.transform(Xt)}

# ---- encoders on string and number columns ----
cats = [["red", 1, "S"], ["blue", 2, "M"], ["red", 3, "L"], ["green", 1, "M"], ["red", 2, "S"], ["blue", 1, "S"], ["red", 1, "XL"]]
cats_new = [["green", 3, "M"], ["red", 2, "S"]]
cats_unknown = [["purple", 1, "S"], ["red", 7, "XS"]]
C = np.array(cats, dtype=object)
C[:, 1] = C[:, 1].astype(int)
Cn = np.array(cats_new, dtype=object)
Cu = np.array(cats_unknown, dtype=object)
out["cats"] = cats
out["cats_new"] = cats_new
out["cats_unknown"] = cats_unknown
enc = {}
for name, kw in {
    "default": {},
    "drop_first": {"drop": "first"},
    "if_binary": {"drop": "if_binary"},
    "min_freq2": {"min_frequency": 2, "handle_unknown": "infrequent_if_exist"},
    "max_cat2": {"max_categories": 2},
}.items():
    e = pp.OneHotEncoder(sparse_output=False, **kw).fit(C)
    d = {"train": e.transform(C), "test": e.transform(Cn), "names": list(e.get_feature_names_out()),
         "inverse": [[None if v is None else (v if isinstance(v, str) else int(v)) for v in row] for row in e.inverse_transform(e.transform(Cn))]}
    if name == "min_freq2":
        d["unknown"] = e.transform(Cu)
    enc[name] = d
e = pp.OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(C)
enc["ignore_unknown"] = {"test": e.transform(Cu), "inverse": [[None if v is None else (v if isinstance(v, str) else int(v)) for v in row] for row in e.inverse_transform(e.transform(Cu))]}
e = pp.OneHotEncoder(sparse_output=False, categories=[["red", "green", "blue"], [1, 2, 3], ["S", "M", "L", "XL"]]).fit(C)
enc["given"] = {"test": e.transform(Cn), "names": list(e.get_feature_names_out())}
out["onehot"] = enc
# one-hot with a missing value in a float column
Fm = np.array([[1.0], [np.nan], [2.0], [1.0]])
e = pp.OneHotEncoder(sparse_output=False).fit(Fm)
out["onehot_nan"] = {"X": Fm, "train": e.transform(Fm), "names": list(e.get_feature_names_out())}
o = pp.OrdinalEncoder().fit(C)
o2 = pp.OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(C)
o3 = pp.OrdinalEncoder().fit(Fm)
out["ordinal"] = {"train": o.transform(C), "test": o.transform(Cn), "unknown": o2.transform(Cu), "nan": o3.transform(Fm)}

# ---- imputer ----
Xm = X[:, :3].copy()
Xm[[1, 4, 7], 0] = np.nan
Xm[[2], 2] = np.nan
Xm[4, 2] = Xm[3, 2]
out["Xm"] = Xm
imp = {}
for s in ["mean", "median", "most_frequent", "constant"]:
    i = SimpleImputer(strategy=s, add_indicator=True).fit(Xm)
    imp[s] = {"train": i.transform(Xm), "statistics": i.statistics_, "names": list(i.get_feature_names_out())}
out["imputer"] = imp
S = np.array([["a", "x"], [np.nan, "y"], ["b", np.nan], ["b", "y"], ["a", "x"]], dtype=object)
i = SimpleImputer(strategy="most_frequent").fit(S)
out["imputer_str"] = {"X": [["a", "x"], [None, "y"], ["b", None], ["b", "y"], ["a", "x"]], "train": i.transform(S).tolist()}
i = SimpleImputer(strategy="constant").fit(S)
out["imputer_str_const"] = i.transform(S).tolist()

# ---- column transformer on a frame, as columnTransformerFromSchema builds it ----
df = pd.DataFrame({
    "id": np.arange(10),
    "age": [22, 38, np.nan, 35, 54, 2, 27, np.nan, 58, 20],
    "fare": [7.25, 71.3, 7.9, 53.1, 8.05, 21.1, 11.1, 30.0, 26.55, 8.05],
    "port": ["S", "C", "S", np.nan, "Q", "S", "C", "S", "S", "Q"],
    "sex": ["m", "f", "f", "f", "m", "m", "f", "m", "f", "m"],
})
df_new = pd.DataFrame({"id": [11, 12], "age": [np.nan, 40], "fare": [10.0, 100.0], "port": ["Z", "C"], "sex": ["f", "m"]})
ct = ColumnTransformer([
    ("numeric", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", pp.StandardScaler())]), ["age", "fare"]),
    ("categorical", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                              ("onehot", pp.OneHotEncoder(handle_unknown="ignore", sparse_output=False))]), ["port", "sex"]),
], remainder="drop")
out["frame"] = {
    "rows": [{k: (None if (isinstance(v, float) and np.isnan(v)) or v is None else (v.item() if hasattr(v, "item") else v)) for k, v in r.items()} for r in df.to_dict("records")],
    "rows_new": [{k: (None if (isinstance(v, float) and np.isnan(v)) or v is None else (v.item() if hasattr(v, "item") else v)) for k, v in r.items()} for r in df_new.to_dict("records")],
    "train": ct.fit_transform(df), "test": ct.transform(df_new), "names": list(ct.get_feature_names_out()),
}
ct2 = ColumnTransformer([("scale", pp.MinMaxScaler(), [0, 1])], remainder="passthrough")
out["ct_passthrough"] = {"train": ct2.fit_transform(X), "names": list(ct2.get_feature_names_out())}

# ---- classification metrics ----
label_sets = {
    "binary_int": ([0, 1, 1, 0, 1, 1, 0, 0, 1, 1], [0, 1, 0, 0, 1, 1, 1, 0, 1, 0]),
    "binary_str": (["no", "yes", "yes", "no", "yes", "no", "no"], ["no", "yes", "no", "no", "yes", "yes", "no"]),
    "multi_str": (["cat", "dog", "bird", "cat", "dog", "dog", "bird", "cat", "fish"], ["cat", "dog", "cat", "cat", "bird", "dog", "bird", "dog", "cat"]),
    "multi_int": ([2, 0, 2, 2, 0, 1, 3], [0, 0, 2, 2, 0, 2, 2]),
}
cls = {}
for name, (yt, yp) in label_sets.items():
    d = {"y_true": yt, "y_pred": yp, "accuracy": M.accuracy_score(yt, yp), "balanced": M.balanced_accuracy_score(yt, yp),
         "balanced_adj": M.balanced_accuracy_score(yt, yp, adjusted=True)}
    for avg in ["micro", "macro", "weighted", None]:
        for zd in [0, 1]:
            p, r, f, s = M.precision_recall_fscore_support(yt, yp, average=avg, zero_division=zd)
            d[f"prf_{avg}_{zd}"] = {"p": p, "r": r, "f": f, "s": s}
        d[f"f2_{avg}"] = M.fbeta_score(yt, yp, beta=2, average=avg, zero_division=0)
    if name.startswith("binary"):
        pos = 1 if name == "binary_int" else "yes"
        d["binary"] = {"p": M.precision_score(yt, yp, pos_label=pos), "r": M.recall_score(yt, yp, pos_label=pos), "f": M.f1_score(yt, yp, pos_label=pos)}
    labs = sorted(set(yt) | set(yp))
    d["labels"] = labs
    d["cm"] = M.confusion_matrix(yt, yp)
    for norm in ["true", "pred", "all"]:
        d[f"cm_{norm}"] = M.confusion_matrix(yt, yp, normalize=norm)
    d["cm_labels"] = M.confusion_matrix(yt, yp, labels=labs[::-1][:3])
    d["cm_labels_order"] = labs[::-1][:3]
    d["report"] = M.classification_report(yt, yp, zero_division=0)
    d["report3"] = M.classification_report(yt, yp, digits=3, zero_division=0)
    d["report_dict"] = M.classification_report(yt, yp, output_dict=True, zero_division=0)
    d["prf_subset"] = [list(v) if v is not None else None for v in M.precision_recall_fscore_support(yt, yp, labels=labs[:2], average=None, zero_division=0)]
    d["prf_subset_micro"] = list(M.precision_recall_fscore_support(yt, yp, labels=labs[:2], average="micro", zero_division=0)[:3])
    d["report_subset"] = M.classification_report(yt, yp, labels=labs[:2], zero_division=0)
    cls[name] = d
out["cls"] = cls

# ---- score-based metrics, with ties ----
yb = np.array([0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1])
sb = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.35, 0.2, 0.6, 0.6, 0.05, 0.7])
w = np.array([1, 2, 1, 1, 0.5, 1, 3, 1, 1, 2, 1, 1.5])
curves = {"y": yb, "s": sb, "w": w}
for di in [True, False]:
    f, t, th = M.roc_curve(yb, sb, drop_intermediate=di)
    curves[f"roc_{di}"] = {"fpr": f, "tpr": t, "thr": th}
f, t, th = M.roc_curve(yb, sb, sample_weight=w)
curves["roc_w"] = {"fpr": f, "tpr": t, "thr": th}
curves["auc"] = M.roc_auc_score(yb, sb)
curves["auc_w"] = M.roc_auc_score(yb, sb, sample_weight=w)
curves["auc_max_fpr"] = M.roc_auc_score(yb, sb, max_fpr=0.3)
p, r, th = M.precision_recall_curve(yb, sb)
curves["pr"] = {"p": p, "r": r, "thr": th}
curves["ap"] = M.average_precision_score(yb, sb)
curves["ap_w"] = M.average_precision_score(yb, sb, sample_weight=w)
ys = np.where(yb == 1, "pos", "neg")
curves["ys"] = ys
f, t, th = M.roc_curve(ys, sb, pos_label="neg")
curves["roc_str_neg"] = {"fpr": f, "tpr": t, "thr": th}
curves["auc_str"] = M.roc_auc_score(ys, sb)
curves["ap_str_neg"] = M.average_precision_score(ys, sb, pos_label="neg")
curves["brier"] = M.brier_score_loss(yb, sb)
curves["brier_str"] = M.brier_score_loss(ys, sb, pos_label="pos")
curves["brier_w"] = M.brier_score_loss(yb, sb, sample_weight=w)
curves["logloss_1d"] = M.log_loss(yb, sb)
curves["logloss_w"] = M.log_loss(yb, sb, sample_weight=w)
curves["logloss_extreme"] = M.log_loss([0, 1, 1], [0.0, 1.0, 0.0])
ym = np.array(["a", "b", "c", "a", "c", "b", "a", "c", "b", "a"])
Pm = rng.dirichlet([1, 1, 1], size=10)
Pm[3] = Pm[4]  # ties
curves["ym"] = ym
curves["Pm"] = Pm
curves["auc_ovr_macro"] = M.roc_auc_score(ym, Pm, multi_class="ovr")
curves["auc_ovr_weighted"] = M.roc_auc_score(ym, Pm, multi_class="ovr", average="weighted")
curves["auc_ovr_none"] = M.roc_auc_score(ym, Pm, multi_class="ovr", average=None)
curves["auc_ovo_macro"] = M.roc_auc_score(ym, Pm, multi_class="ovo")
curves["auc_ovo_weighted"] = M.roc_auc_score(ym, Pm, multi_class="ovo", average="weighted")
# scikit-learn 1.2 rejects multiclass y_true here; 1.3+ binarizes one-vs-rest, which is what we do.
Ym = pp.label_binarize(ym, classes=["a", "b", "c"])
curves["ap_multi_macro"] = M.average_precision_score(Ym, Pm)
curves["ap_multi_micro"] = M.average_precision_score(Ym, Pm, average="micro")
curves["ap_multi_weighted"] = M.average_precision_score(Ym, Pm, average="weighted")
curves["logloss_multi"] = M.log_loss(ym, Pm)
curves["logloss_multi_sum"] = M.log_loss(ym, Pm, normalize=False)
curves["logloss_labels"] = M.log_loss(["a", "a", "b"], Pm[:3], labels=["a", "b", "c"])
out["curves"] = curves

# ---- regression, clustering ----
yr = np.round(rng.normal(size=15) * 3 + 1, 3)
pr = np.round(yr + rng.normal(size=15), 3)
Yr = np.c_[yr, yr * 2 + 1]
Pr = np.c_[pr, pr * 1.5]
wr = np.round(rng.uniform(0.5, 2, size=15), 3)
out["reg"] = {
    "y": yr, "p": pr, "Y": Yr, "P": Pr, "w": wr,
    "r2": M.r2_score(yr, pr), "mse": M.mean_squared_error(yr, pr), "rmse": M.mean_squared_error(yr, pr, squared=False),
    "mae": M.mean_absolute_error(yr, pr), "mape": M.mean_absolute_percentage_error(yr, pr),
    "r2_w": M.r2_score(yr, pr, sample_weight=wr), "mse_w": M.mean_squared_error(yr, pr, sample_weight=wr),
    "mae_w": M.mean_absolute_error(yr, pr, sample_weight=wr), "mape_w": M.mean_absolute_percentage_error(yr, pr, sample_weight=wr),
    "r2_multi_raw": M.r2_score(Yr, Pr, multioutput="raw_values"), "r2_multi_var": M.r2_score(Yr, Pr, multioutput="variance_weighted"),
    "r2_multi": M.r2_score(Yr, Pr), "mse_multi_raw": M.mean_squared_error(Yr, Pr, multioutput="raw_values"),
    "rmse_multi": M.mean_squared_error(Yr, Pr, squared=False), "mae_multi": M.mean_absolute_error(Yr, Pr),
    "r2_const_perfect": M.r2_score([2, 2, 2], [2, 2, 2]), "r2_const_wrong": M.r2_score([2, 2, 2], [2, 2, 3]),
    "mape_zero": M.mean_absolute_percentage_error([0, 1], [0.5, 1]),
}
Xc = np.round(np.r_[rng.normal(size=(8, 2)), rng.normal(size=(7, 2)) + 4, rng.normal(size=(5, 2)) - [4, 0]], 3)
lc = np.r_[[0] * 8, [1] * 7, [2] * 5]
lc[3] = 1
lc[19] = 5  # a singleton cluster
lt = np.r_[[0] * 8, [1] * 7, [2] * 5]
out["clu"] = {
    "X": Xc, "labels": lc, "truth": lt,
    "silhouette": M.silhouette_score(Xc, lc), "samples": M.silhouette_samples(Xc, lc),
    "ari": M.adjusted_rand_score(lt, lc), "ari_perm": M.adjusted_rand_score([0, 0, 1, 1], [1, 1, 0, 0]),
    "ari_str": M.adjusted_rand_score(["a", "a", "b", "c", "c", "c"], [1, 1, 1, 2, 2, 3]),
    "ari_single": M.adjusted_rand_score([0, 0, 0], [1, 2, 3]),
}

# ---- splits (unshuffled: exact) ----
def folds(spl, *args):
    return [{"train": tr, "test": te} for tr, te in spl.split(*args)]

ystrat = np.array(["a"] * 7 + ["b"] * 6 + ["c"] * 4)
rng.shuffle(ystrat)
groups = np.array([0, 0, 0, 1, 1, 2, 3, 3, 3, 3, 4, 5, 5, 6, 6, 6, 7])
Xs = np.zeros((17, 1))
out["splits"] = {
    "kfold_10_3": folds(KFold(3), np.zeros((10, 1))),
    "kfold_17_5": folds(KFold(5), Xs),
    "y": ystrat,
    "strat_3": folds(StratifiedKFold(3), Xs, ystrat),
    "strat_4": folds(StratifiedKFold(4), Xs, ystrat),
    "groups": groups,
    "group_3": folds(GroupKFold(3), Xs, None, groups),
    "group_4": folds(GroupKFold(4), Xs, None, groups),
    "ts_3": folds(TimeSeriesSplit(3), np.zeros((12, 1))),
    "ts_gap": folds(TimeSeriesSplit(3, gap=1, test_size=2), np.zeros((12, 1))),
    "ts_max": folds(TimeSeriesSplit(4, max_train_size=3), np.zeros((12, 1))),
    "tts_noshuffle": [list(a) for a in train_test_split(np.arange(10), shuffle=False, test_size=0.3)],
    "tts_sizes": [[len(a) for a in train_test_split(np.arange(n), test_size=t, train_size=tr, random_state=0)] for n, t, tr in [(10, 0.25, None), (7, None, 0.5), (11, 3, None), (20, 0.2, 0.5)]],
}
write_fixture("learn_core", out)
