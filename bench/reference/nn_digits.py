"""scikit-learn's digits (8×8 images, 10 classes) split 75/25 (stratified, random_state 0) for
nn's small-CNN acceptance test, with pixel values as stored (integers 0–16)."""
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from common import write_fixture

X, y = load_digits(return_X_y=True)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
write_fixture("nn_digits", {
    "train": {"x": Xtr.astype(int).ravel().tolist(), "y": ytr.tolist()},
    "test": {"x": Xte.astype(int).ravel().tolist(), "y": yte.tolist()},
})
