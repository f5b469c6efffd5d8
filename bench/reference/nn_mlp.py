"""scikit-learn's digits (scaled to [0, 1], split 75/25 stratified, random_state 0) and a
synthetic regression set, with the test scores of scikit-learn's MLPClassifier/MLPRegressor
(several seeds, averaged) for nn's MLP and estimator parity tests."""
import numpy as np
from sklearn.datasets import load_digits, make_friedman1
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor

from common import write_fixture

X, y = load_digits(return_X_y=True)
X = X / 16.0
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)

clf_params = dict(hidden_layer_sizes=(64,), alpha=1e-4, batch_size=64, learning_rate_init=1e-3, max_iter=60)
clf_scores = []
for seed in range(3):
    m = MLPClassifier(random_state=seed, **clf_params).fit(Xtr, ytr)
    clf_scores.append(m.score(Xte, yte))

Xr, yr = make_friedman1(n_samples=600, noise=0.5, random_state=0)
Xr, yr = np.round(Xr, 5), np.round(yr, 5)
Xr_tr, Xr_te, yr_tr, yr_te = Xr[:450], Xr[450:], yr[:450], yr[450:]
reg_params = dict(hidden_layer_sizes=(32, 32), alpha=1e-4, batch_size=32, learning_rate_init=3e-3, max_iter=300)
reg_scores = []
for seed in range(3):
    m = MLPRegressor(random_state=seed, **reg_params).fit(Xr_tr, yr_tr)
    reg_scores.append(m.score(Xr_te, yr_te))

write_fixture("nn_mlp", {
    "digits": {"xTrain": np.round(Xtr, 6).ravel().tolist(), "yTrain": ytr.tolist(),
               "xTest": np.round(Xte, 6).ravel().tolist(), "yTest": yte.tolist(), "features": 64},
    "classifier": {"params": clf_params, "scores": clf_scores},
    "regression": {"xTrain": Xr_tr.ravel().tolist(), "yTrain": yr_tr.tolist(), "xTest": Xr_te.ravel().tolist(),
                   "yTest": yr_te.tolist(), "features": 10},
    "regressor": {"params": reg_params, "scores": reg_scores},
})
print("classifier", clf_scores, "regressor", reg_scores)
