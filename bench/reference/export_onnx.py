"""Reference values for the ONNX export parity tests (scikit-learn).

1. A mixed frame (numbers with NaN, text categories with missing values, string labels)
   through scikit-learn's version of the pipeline `strata train` builds: median imputation +
   standard scaling for numbers, most-frequent imputation + one-hot (unknown ignored) for
   text, then LogisticRegression. Test rows include an unseen category.
2. A decision tree whose test values sit exactly on its thresholds and on either side of their
   float32 rounding: scikit-learn compares float32(x) <= threshold (a float64), which is what
   an ONNX tree must reproduce.
"""
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier
import pandas as pd

from common import write_fixture

rs = np.random.RandomState(7)
n = 120
age = rs.uniform(18, 70, n).round(1)
age[rs.rand(n) < 0.1] = np.nan
fare = rs.gamma(2.0, 15.0, n).round(2)
port = rs.choice(["S", "C", "Q"], n, p=[0.6, 0.25, 0.15]).astype(object)
port[rs.rand(n) < 0.1] = np.nan  # NaN, not None: SimpleImputer treats only NaN as missing in object columns
score = 0.05 * np.nan_to_num(age, nan=40) + 0.02 * fare + np.where(port == "C", 1.2, 0.0) - 2.6 + rs.normal(0, 0.5, n)
label = np.where(score > 0, "survived", "died")
frame = pd.DataFrame({"age": age, "fare": fare, "port": port})
train, test = frame.iloc[:90], frame.iloc[90:].copy()
test.iloc[0, test.columns.get_loc("port")] = "Z"  # unseen category

pipe = Pipeline([
    ("prep", ColumnTransformer([
        ("numeric", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), ["age", "fare"]),
        ("categorical", Pipeline([("impute", SimpleImputer(strategy="most_frequent")), ("onehot", OneHotEncoder(handle_unknown="ignore"))]), ["port"]),
    ])),
    ("model", LogisticRegression(C=1.0, tol=1e-10, max_iter=10000)),
])
pipe.fit(train, label[:90])


def rows(df):
    return [{k: (None if (v is None or (isinstance(v, float) and np.isnan(v))) else v) for k, v in r.items()} for r in df.to_dict("records")]


mixed = {
    "train": rows(train),
    "trainLabels": label[:90].tolist(),
    "test": rows(test),
    "classes": pipe.classes_.tolist(),
    "proba": pipe.predict_proba(test),
    "predictions": pipe.predict(test).tolist(),
}

# Training values whose float32 midpoints are not float32 numbers.
X = np.array([[0.1], [0.2], [0.4], [0.7], [1.3], [2.9]])
y = np.array([0, 0, 1, 1, 0, 1])
tree = DecisionTreeClassifier(random_state=0).fit(X, y)
inner = tree.tree_.feature >= 0
thresholds = tree.tree_.threshold[inner]
probes = []
for t in thresholds:
    f32 = np.float32(t)
    below = np.nextafter(f32, np.float32(-np.inf))
    above = np.nextafter(f32, np.float32(np.inf))
    # t itself, the float32 neighbours, and a float64 just under t whose float32 rounding is above t.
    probes += [t, float(f32), float(below), float(above), float(np.nextafter(t, -np.inf))]
probes = np.array(probes).reshape(-1, 1)
thresholdCase = {
    "X": X, "y": y, "thresholds": thresholds, "probes": probes,
    "predictions": tree.predict(probes), "proba": tree.predict_proba(probes),
}

write_fixture("export_onnx", {"mixed": mixed, "threshold": thresholdCase})
