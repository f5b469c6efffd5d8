"""Reference values for learn's linear models and SVMs (scikit-learn 1.2).

Datasets are scikit-learn's bundled ones (raw values, stored in the fixture) plus small synthetic
sets drawn here and stored too. Breast cancer and wine are standardized on both sides with the
population standard deviation. Tight tolerances (tol) are used where the test compares
coefficients of iterative solvers, so that both sides reach the unique optimum.
"""
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.linear_model import (
    ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge, SGDClassifier, SGDRegressor, enet_path, lasso_path,
)
from sklearn.svm import SVC, SVR, LinearSVC

from common import write_fixture

warnings.filterwarnings("ignore")

from scipy.optimize import minimize
from scipy.special import logsumexp, expit


def polish(model, X, y, sample_weight=None):
    """sklearn's own solution refined to the exact optimum of the same objective (1.2's
    sum_i s_i loss_i + ||W||^2 / (2C)); lbfgs stops early on SciPy's ftol, this does not."""
    classes = model.classes_
    K = len(classes)
    n, p = X.shape
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, float).copy()
    if model.class_weight is not None:
        from sklearn.utils.class_weight import compute_class_weight
        cw = compute_class_weight(model.class_weight, classes=classes, y=y)
        sw = sw * cw[np.searchsorted(classes, y)]
    lam = 0.0 if model.penalty == "none" else 1.0 / model.C
    fi = model.fit_intercept
    Xa = np.hstack([X, np.ones((n, 1))]) if fi else X
    d = Xa.shape[1]
    mask = np.ones(d); mask[-1] = 0.0 if fi else 1.0
    if K == 2:
        t = (y == classes[1]).astype(float)
        def f(w):
            z = Xa @ w
            loss = np.sum(sw * (np.logaddexp(0, z) - t * z)) + 0.5 * lam * np.sum((w * mask) ** 2)
            g = Xa.T @ (sw * (expit(z) - t)) + lam * w * mask
            return loss, g
        w0 = np.concatenate([model.coef_[0], model.intercept_]) if fi else model.coef_[0]
        def hess(w):
            q = expit(Xa @ w); return Xa.T @ (Xa * (sw * q * (1 - q))[:, None]) + lam * np.diag(mask)
        r = minimize(f, w0, jac=True, hess=hess, method="trust-exact", options={"gtol": 1e-12, "maxiter": 1000})
        W = r.x[None, :]
    else:
        T = (y[:, None] == classes[None, :]).astype(float)
        def f(wf):
            W = wf.reshape(K, d)
            Z = Xa @ W.T
            lse = logsumexp(Z, axis=1)
            loss = np.sum(sw * (lse - np.sum(T * Z, axis=1))) + 0.5 * lam * np.sum((W * mask) ** 2)
            P = np.exp(Z - lse[:, None])
            G = ((P - T) * sw[:, None]).T @ Xa + lam * W * mask
            return loss, G.ravel()
        W0 = np.hstack([model.coef_, model.intercept_[:, None]]) if fi else model.coef_
        r = minimize(f, W0.ravel(), jac=True, method="L-BFGS-B", options={"gtol": 1e-11, "ftol": 0, "maxiter": 100000, "maxfun": 100000})
        W = r.x.reshape(K, d)
    gnorm = np.abs(f(r.x)[1]).max()
    coef = W[:, :-1] if fi else W
    b = W[:, -1] if fi else np.zeros(W.shape[0])
    Z = X @ coef.T + b
    if K == 2:
        pr = expit(Z[:10, 0]); proba = np.stack([1 - pr, pr], axis=1)
    else:
        proba = np.exp(Z[:10] - logsumexp(Z[:10], axis=1)[:, None])
    return {"coef": coef, "intercept": b, "proba": proba, "grad_norm": gnorm}



def std(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)


diab = load_diabetes()
iris = load_iris()
bc = load_breast_cancer()
wine = load_wine()
Xd, yd = diab.data, diab.target
Xi, yi = iris.data, iris.target
Xb, yb = std(bc.data), bc.target
Xw, yw = std(wine.data), wine.target
rng = np.random.RandomState(0)
Xwide = rng.randn(20, 50)
ywide = Xwide[:, :5] @ np.array([1.0, -2.0, 0.5, 3.0, 1.5]) + 0.1 * rng.randn(20)
sw_d = 0.5 + (np.arange(442) % 5) / 4.0  # deterministic sample weights
Xs = rng.randn(200, 3)
ys = (Xs @ np.array([1.0, -1.0, 0.5]) + rng.randn(200) > 0).astype(int)

out = {
    "sklearn": sklearn.__version__,
    "data": {
        "diabetes": {"X": Xd, "y": yd},
        "iris": {"X": Xi, "y": yi},
        "breast_cancer": {"X": bc.data, "y": yb},
        "wine": {"X": wine.data, "y": yw},
        "wide": {"X": Xwide, "y": ywide},
        "noisy": {"X": Xs, "y": ys},
    },
}

# ---- least squares and ridge
lr = {}
m = LinearRegression().fit(Xd, yd)
lr["default"] = {"coef": m.coef_, "intercept": m.intercept_, "pred": m.predict(Xd[:5])}
m = LinearRegression(fit_intercept=False).fit(Xd, yd)
lr["no_intercept"] = {"coef": m.coef_, "intercept": m.intercept_}
m = LinearRegression().fit(Xd, yd, sample_weight=sw_d)
lr["weighted"] = {"coef": m.coef_, "intercept": m.intercept_}
out["linear_regression"] = lr

ridge = {}
for solver in ["cholesky", "svd"]:
    m = Ridge(alpha=1.0, solver=solver).fit(Xd, yd)
    ridge[solver] = {"coef": m.coef_, "intercept": m.intercept_, "pred": m.predict(Xd[:5])}
m = Ridge(alpha=0.1).fit(Xd, yd, sample_weight=sw_d)
ridge["weighted"] = {"coef": m.coef_, "intercept": m.intercept_}
m = Ridge(alpha=2.0, fit_intercept=False).fit(Xd, yd)
ridge["no_intercept"] = {"coef": m.coef_, "intercept": m.intercept_}
m = Ridge(alpha=1.0).fit(Xwide, ywide)
ridge["wide"] = {"coef": m.coef_, "intercept": m.intercept_}
out["ridge"] = ridge

# ---- coordinate descent
cd = {}
m = Lasso(alpha=0.1).fit(Xd, yd)
cd["lasso"] = {"coef": m.coef_, "intercept": m.intercept_, "n_iter": m.n_iter_, "gap": m.dual_gap_}
m = Lasso(alpha=0.05, fit_intercept=False).fit(Xd, yd)
cd["lasso_no_intercept"] = {"coef": m.coef_, "intercept": m.intercept_, "n_iter": m.n_iter_}
m = ElasticNet(alpha=0.01, l1_ratio=0.5).fit(Xd, yd)
cd["enet"] = {"coef": m.coef_, "intercept": m.intercept_, "n_iter": m.n_iter_}
m = ElasticNet(alpha=0.01, l1_ratio=0.3).fit(Xd, yd, sample_weight=sw_d)
cd["enet_weighted"] = {"coef": m.coef_, "intercept": m.intercept_}
m = Lasso(alpha=0.05).fit(Xwide, ywide)
cd["lasso_wide"] = {"coef": m.coef_, "intercept": m.intercept_}
alphas, coefs, gaps = lasso_path(Xd, yd)
cd["lasso_path"] = {"alphas": alphas, "coefs": coefs}
alphas, coefs, gaps = enet_path(Xd, yd, l1_ratio=0.7, n_alphas=30, eps=1e-2)
cd["enet_path"] = {"alphas": alphas, "coefs": coefs}
out["coordinate_descent"] = cd

# ---- logistic regression
lg = {}
def logit_case(model, X, y, rows=10, **fit):
    model.fit(X, y, **fit)
    extra = {"exact": polish(model, X, y, fit.get("sample_weight"))} if model.solver == "lbfgs" else {}
    return {**extra, "n_iter": model.n_iter_,"coef": model.coef_, "intercept": model.intercept_, "proba": model.predict_proba(X[:rows]),
            "decision": model.decision_function(X[:rows]), "pred": model.predict(X[:rows])}
lg["binary"] = logit_case(LogisticRegression(tol=1e-10, max_iter=10000), Xb, yb)
lg["binary_default"] = logit_case(LogisticRegression(), Xb, yb)
lg["binary_C"] = logit_case(LogisticRegression(C=0.05, tol=1e-10, max_iter=10000), Xb, yb)
lg["multinomial"] = logit_case(LogisticRegression(tol=1e-10, max_iter=10000), Xi, yi)
lg["balanced"] = logit_case(LogisticRegression(class_weight="balanced", C=0.5, tol=1e-10, max_iter=10000), Xw, yw)
lg["weighted"] = logit_case(LogisticRegression(tol=1e-10, max_iter=10000), Xi, yi, sample_weight=0.5 + (np.arange(150) % 3))
lg["none"] = logit_case(LogisticRegression(penalty="none", tol=1e-10, max_iter=10000), Xs, ys)
lg["no_intercept"] = logit_case(LogisticRegression(fit_intercept=False, tol=1e-10, max_iter=10000), Xs, ys)
lg["l1"] = logit_case(LogisticRegression(penalty="l1", solver="saga", C=0.1, tol=1e-12, max_iter=100000), Xb, yb)
lg["elasticnet"] = logit_case(
    LogisticRegression(penalty="elasticnet", solver="saga", l1_ratio=0.5, C=0.2, tol=1e-12, max_iter=100000), Xw, yw)
lg["l1_multinomial"] = logit_case(LogisticRegression(penalty="l1", solver="saga", C=0.5, tol=1e-12, max_iter=100000), std(Xi), yi)
out["logistic"] = lg

# ---- SGD (statistical agreement: held-out scores averaged over seeds)
train = np.arange(len(yb)) % 4 != 0
test = ~train
sgd = {}
for loss in ["hinge", "log_loss", "modified_huber"]:
    for penalty in ["l2", "l1", "elasticnet"]:
        s = [SGDClassifier(loss=loss, penalty=penalty, random_state=k).fit(Xb[train], yb[train]).score(Xb[test], yb[test]) for k in range(5)]
        sgd[f"clf_{loss}_{penalty}"] = float(np.mean(s))
for lr_ in ["constant", "invscaling", "adaptive"]:
    s = [SGDClassifier(loss="log_loss", learning_rate=lr_, eta0=0.01, random_state=k).fit(Xb[train], yb[train]).score(Xb[test], yb[test]) for k in range(5)]
    sgd[f"clf_lr_{lr_}"] = float(np.mean(s))
s = [SGDClassifier(random_state=k).fit(Xw[::2], yw[::2]).score(Xw[1::2], yw[1::2]) for k in range(5)]
sgd["clf_wine_ovr"] = float(np.mean(s))
s = [SGDClassifier(average=True, random_state=k).fit(Xb[train], yb[train]).score(Xb[test], yb[test]) for k in range(5)]
sgd["clf_average"] = float(np.mean(s))
Xds = std(Xd)
trd = np.arange(442) % 4 != 0
for loss in ["squared_error", "huber", "epsilon_insensitive", "squared_epsilon_insensitive"]:
    kw = {"epsilon": 1.0} if loss != "squared_error" else {}
    s = [SGDRegressor(loss=loss, random_state=k, max_iter=1000, **kw).fit(Xds[trd], yd[trd]).score(Xds[~trd], yd[~trd]) for k in range(5)]
    sgd[f"reg_{loss}"] = float(np.mean(s))
s = [SGDRegressor(penalty="elasticnet", alpha=0.01, learning_rate="adaptive", random_state=k).fit(Xds[trd], yd[trd]).score(Xds[~trd], yd[~trd]) for k in range(5)]
sgd["reg_enet_adaptive"] = float(np.mean(s))
out["sgd"] = sgd

# ---- linear SVC
lsvc = {}
m = LinearSVC(C=1.0, tol=1e-10, max_iter=100000).fit(Xb, yb)
lsvc["binary"] = {"coef": m.coef_, "intercept": m.intercept_, "decision": m.decision_function(Xb[:10])}
m = LinearSVC(C=0.5, tol=1e-10, max_iter=100000).fit(Xi, yi)
lsvc["ovr"] = {"coef": m.coef_, "intercept": m.intercept_, "decision": m.decision_function(Xi[:10])}
m = LinearSVC(C=0.1, fit_intercept=False, tol=1e-10, max_iter=100000).fit(Xs, ys)
lsvc["no_intercept"] = {"coef": m.coef_, "intercept": m.intercept_}
out["linear_svc"] = lsvc

# ---- kernel SVMs
svm = {}
tri = np.arange(150) % 4 != 0
def svc_case(model, X, y, tr):
    model.fit(X[tr], y[tr])
    te = ~tr
    r = {"decision": model.decision_function(X[te]), "pred": model.predict(X[te]), "n_support": model.n_support_,
         "intercept": model.intercept_, "support": model.support_, "dual_coef": model.dual_coef_}
    if len(model.classes_) > 2:
        model.set_params(decision_function_shape="ovo")
        r["decision_ovo"] = model.decision_function(X[te])
    return r
svm["iris_rbf"] = svc_case(SVC(), Xi, yi, tri)
svm["iris_rbf_tight"] = svc_case(SVC(tol=1e-8, C=10.0), Xi, yi, tri)
svm["iris_poly_auto"] = svc_case(SVC(kernel="poly", degree=3, gamma="auto", coef0=1.0, tol=1e-8), Xi, yi, tri)
svm["iris_linear"] = svc_case(SVC(kernel="linear", C=0.5, tol=1e-8), Xi, yi, tri)
svm["bc_rbf"] = svc_case(SVC(C=2.0, tol=1e-8), Xb, yb, train)
svm["bc_sigmoid"] = svc_case(SVC(kernel="sigmoid", gamma=0.01, coef0=0.5, tol=1e-8), Xb, yb, train)
svm["wine_balanced"] = svc_case(SVC(class_weight="balanced", tol=1e-8), Xw, yw, np.arange(178) % 3 != 0)
ysc = (yd - yd.mean()) / yd.std()
m = SVR(C=3.0, epsilon=0.2, tol=1e-8).fit(Xds[trd], ysc[trd])
svm["svr_rbf"] = {"pred": m.predict(Xds[~trd]), "intercept": m.intercept_, "n_support": len(m.support_), "support": m.support_, "dual_coef": m.dual_coef_}
m = SVR().fit(Xds[trd], ysc[trd])
svm["svr_default"] = {"pred": m.predict(Xds[~trd]), "intercept": m.intercept_, "n_support": len(m.support_)}
m = SVR(kernel="poly", degree=2, C=0.5, epsilon=0.1, tol=1e-8).fit(Xds[trd], ysc[trd])
svm["svr_poly"] = {"pred": m.predict(Xds[~trd]), "intercept": m.intercept_}
out["svm"] = svm

write_fixture("learn_linear", out)
