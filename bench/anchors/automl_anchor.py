"""The scikit-learn / XGBoost side of bench/automl.ts.

  automl_anchor.py JOBFILE   prints, as JSON, the fold scores of default models on the datasets
                             and outer folds given in JOBFILE (the datasets are bench/data/*.csv)

Default models: LogisticRegression (max_iter=1000) or Ridge, RandomForest, HistGradientBoosting,
XGBoost, each behind the same default preprocessing a user would write: median imputation and
standard scaling of numeric columns, most-frequent imputation and one-hot encoding of text
columns, ISO date columns as year, month, day and day of week.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor, RandomForestClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score
from sklearn.pipeline import FunctionTransformer, make_pipeline
from sklearn.preprocessing import LabelEncoder, OneHotEncoder, StandardScaler

try:
    from xgboost import XGBClassifier, XGBRegressor
except ImportError:  # the bench says the XGBoost column is missing
    XGBClassifier = XGBRegressor = None


def date_parts(frame):
    parts = {}
    for col in frame.columns:
        d = pd.to_datetime(frame[col], errors="coerce")
        parts[f"{col}_year"] = d.dt.year
        parts[f"{col}_month"] = d.dt.month
        parts[f"{col}_day"] = d.dt.day
        parts[f"{col}_dayofweek"] = d.dt.dayofweek
    return pd.DataFrame(parts, index=frame.index).astype(float)


def preprocessing(X):
    text = [c for c in X.columns if X[c].dtype == object]
    dates = [c for c in text if X[c].dropna().astype(str).str.match(r"^\d{4}-\d{2}-\d{2}").all()]
    categorical = [c for c in text if c not in dates]
    numeric = [c for c in X.columns if c not in text]
    steps = [("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
             ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), categorical)]
    if dates:
        steps.append(("date", make_pipeline(FunctionTransformer(date_parts), SimpleImputer(strategy="median")), dates))
    return ColumnTransformer(steps, sparse_threshold=0)


def models(task):
    if task == "classification":
        out = {"logistic_regression": lambda: LogisticRegression(max_iter=1000), "random_forest": lambda: RandomForestClassifier(random_state=0),
               "hist_gradient_boosting": HistGradientBoostingClassifier}
        if XGBClassifier is not None:
            out["xgboost"] = lambda: XGBClassifier(n_jobs=1)
    else:
        out = {"ridge": Ridge, "random_forest": lambda: RandomForestRegressor(random_state=0), "hist_gradient_boosting": HistGradientBoostingRegressor}
        if XGBRegressor is not None:
            out["xgboost"] = lambda: XGBRegressor(n_jobs=1)
    return out


def score(jobfile):
    with open(jobfile) as f:
        job = json.load(f)
    results = {}
    for ds in job["datasets"]:
        started = time.perf_counter()
        frame = pd.read_csv(ds["path"])
        X = frame.drop(columns=[ds["target"]])
        y = frame[ds["target"]].to_numpy()
        classification = ds["task"] == "classification"
        y_fit = LabelEncoder().fit_transform(y) if classification else y.astype(float)
        n = len(frame)
        per_model = {}
        for name, make in models(ds["task"]).items():
            scores = []
            for test in ds["folds"]:
                test = np.asarray(test)
                train = np.setdiff1d(np.arange(n), test)
                pipe = make_pipeline(preprocessing(X), make())
                pipe.fit(X.iloc[train], y_fit[train])
                pred = pipe.predict(X.iloc[test])
                scores.append(accuracy_score(y_fit[test], pred) if classification else r2_score(y_fit[test], pred))
            per_model[name] = scores
        results[ds["name"]] = per_model
        print(f"anchor {ds['name']}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    print(json.dumps(results))


if __name__ == "__main__":
    score(sys.argv[1])
