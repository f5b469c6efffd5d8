"""Reference values for learn's neighbors, naive Bayes, clustering and decomposition
(scikit-learn 1.2): src/learn/{neighbors,naive-bayes,cluster,decomposition}/*.test.ts.

The datasets themselves are stored in the fixture (small: iris, wine, a digits subset and
synthetic blobs), so the tests need no Python.
"""
import warnings

import numpy as np
from sklearn import datasets
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans, MiniBatchKMeans
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.manifold import TSNE, trustworthiness
from sklearn.naive_bayes import BernoulliNB, GaussianNB, MultinomialNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

from common import write_fixture

warnings.filterwarnings("ignore")

iris = datasets.load_iris()
wine = datasets.load_wine()
digits = datasets.load_digits()

rng = np.random.RandomState(0)
perm = rng.permutation(len(wine.target))
wine_x = (wine.data - wine.data.mean(0)) / wine.data.std(0)
wine_x = wine_x[perm]
wine_y = wine.target[perm]
wine_train, wine_test = wine_x[:120], wine_x[120:]
wine_ytrain = wine_y[:120]

digits_x = digits.data[:300]
digits_y = digits.target[:300]

blobs_x, blobs_y = datasets.make_blobs(n_samples=400, centers=4, n_features=3, cluster_std=1.2, random_state=3)
blobs_t = blobs_x @ np.array([1.0, -2.0, 0.5]) + rng.normal(size=400)
# Two dense blobs plus uniform noise for DBSCAN.
noisy_x = np.vstack([
    datasets.make_blobs(n_samples=250, centers=[[0, 0], [4, 4]], cluster_std=0.5, random_state=7)[0],
    rng.uniform(-3, 7, size=(50, 2)),
])

out = {
    "data": {
        "iris": {"X": iris.data, "y": iris.target},
        "wineTrain": {"X": wine_train, "y": wine_ytrain},
        "wineTest": {"X": wine_test},
        "digits": {"X": digits_x, "y": digits_y},
        "blobs": {"X": blobs_x, "y": blobs_y, "t": blobs_t},
        "noisy": {"X": noisy_x},
    }
}

# ---- neighbors -------------------------------------------------------------------------------
nb = {}
for name, params in {
    "l2": dict(metric="minkowski", p=2),
    "l1": dict(metric="minkowski", p=1),
    "p3": dict(metric="minkowski", p=3),
    "chebyshev": dict(metric="chebyshev"),
}.items():
    for weights in ["uniform", "distance"]:
        m = KNeighborsClassifier(n_neighbors=7, weights=weights, algorithm="ball_tree", **params).fit(wine_train, wine_ytrain)
        dist, ind = m.kneighbors(wine_test)
        nb[f"{name}-{weights}"] = {
            "params": {"nNeighbors": 7, "weights": weights, **({"metric": params["metric"], "p": params.get("p", 2)})},
            "distances": dist, "indices": ind,
            "proba": m.predict_proba(wine_test), "predict": m.predict(wine_test),
        }
self_dist, self_ind = KNeighborsClassifier(n_neighbors=4).fit(wine_train, wine_ytrain).kneighbors()
nb["self"] = {"distances": self_dist, "indices": self_ind}
for weights in ["uniform", "distance"]:
    r = KNeighborsRegressor(n_neighbors=6, weights=weights, algorithm="kd_tree").fit(blobs_x[:300], blobs_t[:300])
    nb[f"regressor-{weights}"] = {"predict": r.predict(blobs_x[300:]), "score": r.score(blobs_x[300:], blobs_t[300:])}
out["neighbors"] = nb

# ---- naive Bayes ----------------------------------------------------------------------------
bayes = {}
g = GaussianNB().fit(iris.data, iris.target)
bayes["gaussian"] = {"theta": g.theta_, "var": g.var_, "prior": g.class_prior_, "epsilon": g.epsilon_,
                     "proba": g.predict_proba(iris.data), "logProba": g.predict_log_proba(iris.data)}
g = GaussianNB(priors=[0.2, 0.3, 0.5], var_smoothing=1e-3).fit(wine_train, wine_ytrain)
bayes["gaussianPriors"] = {"proba": g.predict_proba(wine_test), "var": g.var_}
g = GaussianNB()
order = np.random.RandomState(1).permutation(150)
for chunk in np.array_split(order, 3):
    g.partial_fit(iris.data[chunk], iris.target[chunk], classes=[0, 1, 2])
bayes["gaussianPartial"] = {"order": order, "theta": g.theta_, "var": g.var_, "proba": g.predict_proba(iris.data)}
for name, model in {
    "multinomial": MultinomialNB(),
    "multinomialAlpha": MultinomialNB(alpha=0.5, fit_prior=False),
    "multinomialPrior": MultinomialNB(class_prior=[0.1] * 10),
    "bernoulli": BernoulliNB(binarize=4.0),
    "bernoulliAlpha": BernoulliNB(alpha=0.3, binarize=8.0, fit_prior=False),
}.items():
    model.fit(digits_x[:200], digits_y[:200])
    bayes[name] = {"proba": model.predict_proba(digits_x[200:]), "logProba": model.predict_log_proba(digits_x[200:]),
                   "predict": model.predict(digits_x[200:]), "featureLogProb": model.feature_log_prob_,
                   "classLogPrior": model.class_log_prior_}
out["bayes"] = bayes

# ---- clustering -----------------------------------------------------------------------------
cl = {}
init = blobs_x[[0, 1, 2, 3]]
for algo in ["lloyd", "elkan"]:
    km = KMeans(n_clusters=4, init=init, n_init=1, algorithm=algo, tol=1e-4).fit(blobs_x)
    cl[f"kmeans-{algo}"] = {"init": init, "labels": km.labels_, "inertia": km.inertia_, "centers": km.cluster_centers_,
                            "nIter": km.n_iter_, "transform": km.transform(blobs_x[:10]), "predict": km.predict(blobs_x[:20])}
init_d = digits_x[:10]
km = KMeans(n_clusters=10, init=init_d, n_init=1).fit(digits_x)
cl["kmeans-digits"] = {"init": init_d, "labels": km.labels_, "inertia": km.inertia_, "centers": km.cluster_centers_}
for name, X, k in [("iris", iris.data, 3), ("digits", digits_x, 10), ("blobs", blobs_x, 4)]:
    best = min(KMeans(n_clusters=k, n_init=10, random_state=s).fit(X).inertia_ for s in range(5))
    cl[f"kmeanspp-{name}"] = {"k": k, "inertia": best}
    mb = [MiniBatchKMeans(n_clusters=k, n_init=3, random_state=s, batch_size=100).fit(X).inertia_ for s in range(5)]
    cl[f"minibatch-{name}"] = {"k": k, "inertia": float(np.median(mb))}
for name, X, eps, ms in [("noisy", noisy_x, 0.5, 5), ("noisyWide", noisy_x, 0.8, 10), ("iris", iris.data, 0.4, 4), ("wine", wine_x, 2.0, 5)]:
    db = DBSCAN(eps=eps, min_samples=ms).fit(X)
    cl[f"dbscan-{name}"] = {"eps": eps, "minSamples": ms, "labels": db.labels_, "core": db.core_sample_indices_}
for linkage in ["ward", "complete", "average", "single"]:
    for name, X, k in [("wine", wine_x, 3), ("blobs", blobs_x, 4)]:
        ag = AgglomerativeClustering(n_clusters=k, linkage=linkage).fit(X)
        cl[f"agglo-{linkage}-{name}"] = {"k": k, "labels": ag.labels_, "children": ag.children_}
    thr = {"ward": 10.0, "complete": 5.0, "average": 3.0, "single": 1.2}[linkage]
    ag = AgglomerativeClustering(n_clusters=None, distance_threshold=thr, linkage=linkage, compute_distances=True).fit(wine_x)
    cl[f"agglo-{linkage}-threshold"] = {"threshold": thr, "labels": ag.labels_, "nClusters": ag.n_clusters_, "distances": ag.distances_}
out["cluster"] = cl

# ---- decomposition ---------------------------------------------------------------------------
dec = {}
for name, X, nc in [("iris", iris.data, None), ("wine", wine_x, 5), ("digits", digits_x, 0.9), ("digitsWhite", digits_x, 8)]:
    p = PCA(n_components=nc, svd_solver="full", whiten=(name == "digitsWhite")).fit(X)
    dec[f"pca-{name}"] = {
        "nComponents": nc, "components": p.components_, "explainedVariance": p.explained_variance_,
        "explainedVarianceRatio": p.explained_variance_ratio_, "singularValues": p.singular_values_,
        "mean": p.mean_, "noiseVariance": p.noise_variance_, "transform": p.transform(X[:20]),
        "inverse": p.inverse_transform(p.transform(X[:5])),
    }
t = TruncatedSVD(n_components=5, algorithm="arpack").fit(digits_x)
dec["tsvd-arpack"] = {"singularValues": t.singular_values_, "explainedVariance": t.explained_variance_,
                      "explainedVarianceRatio": t.explained_variance_ratio_, "components": t.components_,
                      "transform": t.transform(digits_x[:10])}
t = TruncatedSVD(n_components=5, algorithm="randomized", n_iter=5, random_state=0).fit(digits_x)
dec["tsvd-randomized"] = {"singularValues": t.singular_values_, "explainedVarianceRatio": t.explained_variance_ratio_}
for method, n in [("exact", 150), ("barnes_hut", 300)]:
    X = digits_x[:n]
    kls, trust = [], []
    for s in range(3):
        ts = TSNE(n_components=2, perplexity=30.0, method=method, init="pca", learning_rate="auto", random_state=s)
        emb = ts.fit_transform(X)
        kls.append(ts.kl_divergence_)
        trust.append(trustworthiness(X, emb, n_neighbors=5))
    dec[f"tsne-{method}"] = {"n": n, "kl": float(np.mean(kls)), "trust": float(np.mean(trust))}
out["decomposition"] = dec

write_fixture("learn_unsupervised", out)
