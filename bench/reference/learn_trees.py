"""Reference values for learn's decision trees, forests and isolation forest (scikit-learn 1.2).

Trees: single-tree cases are kept only when scikit-learn grows the same tree for ten random
states (its random feature order only breaks ties between equally good splits), so the tree is
determined by the data and the comparison can be exact. Datasets are stored in the fixture.
Forests and the isolation forest are random: their scores are averaged over several seeds and
compared statistically.
"""
import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, make_friedman1
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor, IsolationForest, RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from common import write_fixture

warnings.filterwarnings("ignore")

iris = load_iris()
cancer = load_breast_cancer()
diabetes = load_diabetes()

rs = np.random.RandomState(0)
cancer_rows = np.sort(rs.choice(len(cancer.target), 200, replace=False))
cancer_cols = np.arange(10)
Xc = cancer.data[cancer_rows][:, cancer_cols]
yc = cancer.target[cancer_rows]
Xd = diabetes.data
yd = diabetes.target
# Sample weights: small integers, some zero.
wd = rs.randint(0, 4, size=len(yd)).astype(float)
wc = rs.randint(0, 4, size=len(yc)).astype(float)

DATA = {
    "iris": (iris.data, iris.target),
    "cancer": (Xc, yc),
    "diabetes": (Xd, yd),
    "diabetes100": (Xd[:100], yd[:100]),
    "diabetes_poisson": (Xd[:200], np.round(np.exp(yd[:200] / 100.0))),
}


def tree_facts(model, X):
    t = model.tree_
    out = {
        "node_count": int(t.node_count),
        "max_depth": int(t.max_depth),
        "n_leaves": int(model.get_n_leaves()),
        "feature": t.feature,
        "threshold": t.threshold,
        "children_left": t.children_left,
        "impurity": t.impurity,
        "n_node_samples": t.n_node_samples,
        "weighted_n_node_samples": t.weighted_n_node_samples,
        "value": t.value[:, 0, :],
        "feature_importances": model.feature_importances_,
        "predict": model.predict(X),
        "apply": model.apply(X),
    }
    if hasattr(model, "predict_proba"):
        out["predict_proba"] = model.predict_proba(X)
    return out


def same_tree(a, b):
    ta, tb = a.tree_, b.tree_
    return (ta.node_count == tb.node_count and np.array_equal(ta.feature, tb.feature)
            and np.array_equal(ta.threshold, tb.threshold))


def same_partition(a, b):
    """The same nodes with the same samples, whatever features the ties were broken by."""
    ta, tb = a.tree_, b.tree_
    return (ta.node_count == tb.node_count and np.array_equal(ta.children_left, tb.children_left)
            and np.array_equal(ta.n_node_samples, tb.n_node_samples)
            and np.allclose(ta.impurity, tb.impurity, rtol=1e-12, atol=1e-14)
            and np.allclose(ta.value, tb.value, rtol=1e-12))


def stable_nodes(models):
    """Nodes whose feature and threshold agree across all random states."""
    t0 = models[0].tree_
    mask = np.ones(t0.node_count, dtype=bool)
    for m in models[1:]:
        mask &= (m.tree_.feature == t0.feature) & (m.tree_.threshold == t0.threshold)
    return mask


TREE_CASES = [
    ("iris gini depth 3", "iris", "clf", {"max_depth": 3}, False),
    ("iris entropy min_samples_leaf 3", "iris", "clf", {"criterion": "entropy", "min_samples_leaf": 3}, False),
    ("iris gini fully grown", "iris", "clf", {}, False),
    ("cancer gini depth 3", "cancer", "clf", {"max_depth": 3}, False),
    ("cancer gini min_samples_leaf 8", "cancer", "clf", {"min_samples_leaf": 8}, False),
    ("cancer entropy min_samples_leaf 10", "cancer", "clf", {"criterion": "entropy", "min_samples_leaf": 10}, False),
    ("cancer log_loss min_samples_leaf 10", "cancer", "clf", {"criterion": "log_loss", "min_samples_leaf": 10}, False),
    ("cancer balanced class weight depth 3", "cancer", "clf", {"class_weight": "balanced", "max_depth": 3}, False),
    ("cancer class weight map", "cancer", "clf", {"class_weight": {0: 2.0, 1: 0.5}, "min_samples_leaf": 10}, False),
    ("cancer max_leaf_nodes 6", "cancer", "clf", {"max_leaf_nodes": 6}, False),
    ("cancer entropy max_leaf_nodes 5", "cancer", "clf", {"criterion": "entropy", "max_leaf_nodes": 5}, False),
    ("cancer sample weight", "cancer", "clf", {"min_samples_leaf": 10}, True),
    ("cancer ccp_alpha", "cancer", "clf", {"ccp_alpha": 0.01}, False),
    ("cancer min_impurity_decrease", "cancer", "clf", {"min_impurity_decrease": 0.01}, False),
    ("cancer gini fully grown", "cancer", "clf", {}, False),
    ("diabetes min_samples_leaf 5", "diabetes", "reg", {"min_samples_leaf": 5}, False),
    ("diabetes depth 4 min_samples_split 20", "diabetes", "reg", {"max_depth": 4, "min_samples_split": 20}, False),
    ("diabetes friedman_mse min_samples_leaf 10", "diabetes", "reg", {"criterion": "friedman_mse", "min_samples_leaf": 10}, False),
    ("diabetes max_leaf_nodes 20", "diabetes", "reg", {"max_leaf_nodes": 20}, False),
    ("diabetes sample weight", "diabetes", "reg", {"min_samples_leaf": 10}, True),
    ("diabetes ccp_alpha", "diabetes", "reg", {"ccp_alpha": 20.0, "min_samples_leaf": 5}, False),
    ("diabetes min_weight_fraction_leaf", "diabetes", "reg", {"min_weight_fraction_leaf": 0.05}, False),
    ("diabetes fractional min_samples_leaf", "diabetes", "reg", {"min_samples_leaf": 0.05}, False),
    ("diabetes absolute_error", "diabetes100", "reg", {"criterion": "absolute_error", "min_samples_leaf": 10}, False),
    ("diabetes poisson depth 3", "diabetes_poisson", "reg", {"criterion": "poisson", "max_depth": 3}, False),
    ("diabetes poisson min_samples_leaf 10", "diabetes_poisson", "reg", {"criterion": "poisson", "min_samples_leaf": 10}, False),
]

trees = []
ONLY_TREES = __import__("os").environ.get("ONLY_TREES")
for name, data, kind, params, weighted in TREE_CASES:
    X, y = DATA[data]
    Cls = DecisionTreeClassifier if kind == "clf" else DecisionTreeRegressor
    w = None
    if weighted:
        w = wc if data == "cancer" else wd
    models = [Cls(random_state=s, **params).fit(X, y, sample_weight=w) for s in range(10)]
    deterministic = all(same_tree(models[0], m) for m in models[1:])
    partition = all(same_partition(models[0], m) for m in models[1:])
    case = {"name": name, "data": data, "kind": kind, "params": params, "weighted": weighted,
            "deterministic": deterministic, "same_partition": partition, "facts": tree_facts(models[0], X)}
    if partition:
        case["stable"] = stable_nodes(models)
    # Whether every random state sends each training sample to the same leaf.
    case["apply_stable"] = all(np.array_equal(models[0].apply(X), m.apply(X)) for m in models[1:])
    path_params = {k: v for k, v in params.items() if k != "ccp_alpha"}
    paths = [Cls(random_state=s, **path_params).cost_complexity_pruning_path(X, y, sample_weight=w) for s in range(10)]
    case["ccp_alphas"] = paths[0].ccp_alphas
    case["ccp_impurities"] = paths[0].impurities
    case["ccp_stable"] = all(len(p.ccp_alphas) == len(paths[0].ccp_alphas) and np.allclose(p.ccp_alphas, paths[0].ccp_alphas, rtol=1e-12, atol=1e-15)
                             for p in paths[1:])
    trees.append(case)
    print(name, "deterministic" if deterministic else "same partition" if partition else "TIES", models[0].tree_.node_count,
          case["stable"].mean() if partition else "", "ccp stable" if case["ccp_stable"] else "ccp TIES")

if ONLY_TREES:
    raise SystemExit(0)
# ---------------------------------------------------------------- forests
folds = np.arange(len(cancer.target)) % 5


def cv_score(make, X, y, folds, score):
    scores = []
    for k in range(5):
        tr, te = folds != k, folds == k
        m = make().fit(X[tr], y[tr])
        scores.append(score(y[te], m.predict(X[te])))
    return float(np.mean(scores))


acc = lambda a, b: float(np.mean(a == b))
Xf, yf = make_friedman1(n_samples=300, noise=1.0, random_state=3)
ffolds = np.arange(300) % 5
SEEDS = range(5)
forests = []
FOREST_CASES = [
    ("rf clf cancer", RandomForestClassifier, "cancer_full", {"n_estimators": 100}),
    ("et clf cancer", ExtraTreesClassifier, "cancer_full", {"n_estimators": 100}),
    ("rf clf cancer depth 4 max_samples 0.5", RandomForestClassifier, "cancer_full", {"n_estimators": 100, "max_depth": 4, "max_samples": 0.5}),
    ("rf reg friedman", RandomForestRegressor, "friedman", {"n_estimators": 100}),
    ("et reg friedman", ExtraTreesRegressor, "friedman", {"n_estimators": 100}),
    ("rf reg friedman sqrt", RandomForestRegressor, "friedman", {"n_estimators": 100, "max_features": "sqrt", "min_samples_leaf": 3}),
]
for name, Cls, data, params in FOREST_CASES:
    if data == "cancer_full":
        X, y, f, score = cancer.data, cancer.target, folds, acc
    else:
        X, y, f, score = Xf, yf, ffolds, r2_score
    cv = [cv_score(lambda: Cls(random_state=s, **params), X, y, f, score) for s in SEEDS]
    entry = {"name": name, "cls": Cls.__name__, "data": data, "params": params, "cv_mean": float(np.mean(cv)), "cv_std": float(np.std(cv))}
    if Cls in (RandomForestClassifier, RandomForestRegressor):
        oob = [Cls(random_state=s, oob_score=True, **params).fit(X, y).oob_score_ for s in SEEDS]
        entry["oob_mean"] = float(np.mean(oob))
        entry["oob_std"] = float(np.std(oob))
    imp = np.mean([Cls(random_state=s, **params).fit(X, y).feature_importances_ for s in SEEDS], axis=0)
    entry["importances"] = imp
    forests.append(entry)
    print(name, entry["cv_mean"], entry.get("oob_mean"))

# ---------------------------------------------------------------- isolation forest
rs = np.random.RandomState(7)
inliers = rs.randn(400, 3)
outliers = rs.uniform(-6, 6, size=(30, 3))
Xo = np.vstack([inliers, outliers])
yo = np.r_[np.zeros(400), np.ones(30)]
iso = []
for params in [{}, {"max_samples": 64, "n_estimators": 50}, {"contamination": 0.07, "max_features": 0.67}, {"bootstrap": True}]:
    aucs, offsets, inlier_frac = [], [], []
    for s in range(10):
        m = IsolationForest(random_state=s, **params).fit(Xo)
        aucs.append(roc_auc_score(yo, -m.score_samples(Xo)))
        offsets.append(m.offset_)
        inlier_frac.append(np.mean(m.predict(Xo) == 1))
    iso.append({"params": params, "auc_mean": float(np.mean(aucs)), "auc_std": float(np.std(aucs)),
                "offset_mean": float(np.mean(offsets)), "inlier_fraction": float(np.mean(inlier_frac))})
    print("iso", params, np.mean(aucs), np.mean(offsets), np.mean(inlier_frac))

write_fixture("learn_trees", {
    "data": {
        "iris": {"X": iris.data, "y": iris.target},
        "cancer": {"X": Xc, "y": yc, "w": wc},
        "diabetes": {"X": Xd, "y": yd, "w": wd},
        "cancer_full": {"X": cancer.data, "y": cancer.target},
        "friedman": {"X": Xf, "y": yf},
        "outliers": {"X": Xo, "y": yo},
    },
    "trees": trees,
    "forests": forests,
    "isolation": iso,
})
