"""Reference values for VotingClassifier / VotingRegressor (the estimator AutoML's greedy
ensemble is saved as): scikit-learn's soft voting of LogisticRegression + GaussianNB with
weights, and averaging of Ridge + KNeighborsRegressor, on seeded data."""
import numpy as np
from sklearn.ensemble import VotingClassifier, VotingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsRegressor

from common import write_fixture

rng = np.random.default_rng(7)
n = 90
X = rng.normal(size=(n, 3))
score = X[:, 0] - 0.7 * X[:, 1] + 0.3 * rng.normal(size=n)
y_cls = np.where(score > 0.4, "b", np.where(score < -0.4, "a", "c"))
y_reg = 2 * X[:, 0] - X[:, 2] ** 2 + 0.1 * rng.normal(size=n)
X_new = rng.normal(size=(12, 3))

clf = VotingClassifier([("lr", LogisticRegression(C=0.5)), ("nb", GaussianNB())], voting="soft", weights=[1, 3]).fit(X, y_cls)
hard = VotingClassifier([("lr", LogisticRegression(C=0.5)), ("nb", GaussianNB())], voting="hard", weights=[2, 1]).fit(X, y_cls)
reg = VotingRegressor([("ridge", Ridge(alpha=2.0)), ("knn", KNeighborsRegressor(n_neighbors=4))], weights=[1, 2]).fit(X, y_reg)

write_fixture("automl_voting", {
    "X": X, "y_cls": y_cls.tolist(), "y_reg": y_reg, "X_new": X_new,
    "classes": clf.classes_.tolist(),
    "soft_proba": clf.predict_proba(X_new), "soft_pred": clf.predict(X_new).tolist(),
    "hard_pred": hard.predict(X_new).tolist(),
    "reg_pred": reg.predict(X_new),
})
