"""Reference values for learn's text vectorizers (scikit-learn 1.2) and datetime features (pandas)."""
import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import StandardScaler

from common import write_fixture

assert sklearn.__version__.startswith("1.2"), sklearn.__version__

docs = [
    "The quick brown fox jumps over the lazy dog.",
    "Never jump over the lazy dog quickly; the dog sleeps.",
    "A fox, a dog and a cat: friends? Not quite!",
    "Brown dogs and brown foxes are not the same animals",
    "Café naïve résumé — déjà vu, CAFÉ again",
    "Numbers like 42 and 3.14 and x1 y_2 count as tokens",
    "I a b c d e f (single letters are dropped)",
    "the the the dog dog cat",
    "Über straße: tokens_with_underscores and MixedCase words",
    "quick quick quick brown fox fox",
    "lazy cats sleep all day while the dog barks",
    "",
]
docs_new = [
    "the brown cat and the unseen zebra",
    "fox fox fox quick dog",
    "completely novel words here",
    "Café dog 42",
]


def vec(est, tfidf=False):
    train = est.fit_transform(docs).toarray()
    d = {
        "vocabulary": list(est.get_feature_names_out()),
        "train": train,
        "test": est.transform(docs_new).toarray(),
    }
    if tfidf and est.use_idf:
        d["idf"] = est.idf_
    return d


out = {"docs": docs, "docs_new": docs_new}
count = {
    "default": ({}, CountVectorizer()),
    "bigrams": ({"ngramRange": [1, 2]}, CountVectorizer(ngram_range=(1, 2))),
    "only_bigrams": ({"ngramRange": [2, 2]}, CountVectorizer(ngram_range=(2, 2))),
    "df_bounds": ({"minDf": 2, "maxDf": 0.3}, CountVectorizer(min_df=2, max_df=0.3)),
    "min_df_fraction": ({"minDf": 0.2}, CountVectorizer(min_df=0.2)),
    "max_features": ({"maxFeatures": 6}, CountVectorizer(max_features=6)),
    "binary": ({"binary": True}, CountVectorizer(binary=True)),
    "case_kept": ({"lowercase": False}, CountVectorizer(lowercase=False)),
    "stop_words": ({"stopWords": ["the", "and", "a", "not"]}, CountVectorizer(stop_words=["the", "and", "a", "not"])),
    "single_chars": ({"tokenPattern": r"(?u)\b\w+\b"}, CountVectorizer(token_pattern=r"(?u)\b\w+\b")),
    "fixed_vocabulary": (
        {"vocabulary": ["the", "dog", "zebra", "fox"]},
        CountVectorizer(vocabulary=["the", "dog", "zebra", "fox"]),
    ),
}
out["count"] = {k: {"params": p, **vec(e)} for k, (p, e) in count.items()}

tfidf = {
    "default": ({}, TfidfVectorizer()),
    "sublinear": ({"sublinearTf": True}, TfidfVectorizer(sublinear_tf=True)),
    "no_smooth": ({"smoothIdf": False}, TfidfVectorizer(smooth_idf=False)),
    "l1": ({"norm": "l1"}, TfidfVectorizer(norm="l1")),
    "no_norm": ({"norm": None}, TfidfVectorizer(norm=None)),
    "no_idf": ({"useIdf": False}, TfidfVectorizer(use_idf=False)),
    "bigrams_capped": ({"ngramRange": [1, 2], "maxFeatures": 8}, TfidfVectorizer(ngram_range=(1, 2), max_features=8)),
}
out["tfidf"] = {k: {"params": p, **vec(e, tfidf=True)} for k, (p, e) in tfidf.items()}

counts = CountVectorizer().fit_transform(docs).toarray()
tt = TfidfTransformer(sublinear_tf=True).fit(counts)
out["tfidf_transformer"] = {"counts": counts, "idf": tt.idf_, "train": tt.transform(counts).toarray()}

# One text column inside a ColumnTransformer next to a numeric one.
# (max_features cuts are placed where term totals are not tied: NumPy's argsort, which breaks
# such ties in scikit-learn, is not stable, while Strata keeps vocabulary order.)
rows = [{"n": float(i) * 1.5 - 3, "note": d} for i, d in enumerate(docs)]
rows_new = [{"n": float(i) + 0.25, "note": d} for i, d in enumerate(docs_new)]
frame = pd.DataFrame(rows)
ct = ColumnTransformer([("num", StandardScaler(), ["n"]), ("text", TfidfVectorizer(max_features=7), "note")])
out["column_transformer"] = {
    "rows": rows,
    "rows_new": rows_new,
    "train": ct.fit_transform(frame),
    "test": ct.transform(pd.DataFrame(rows_new)),
    "names": list(ct.get_feature_names_out()),
}

# Datetime parts, as pandas' .dt accessor gives them (UTC).
stamps = [
    "2021-03-04",
    "2021-03-04T05:06:07Z",
    "2020-02-29 23:59:59",
    "1969-12-31T23:00:00Z",
    "2024-12-30T12:30:00+02:00",
    "2000-01-01T00:00:00.250Z",
    None,
    "2023-07-15T18:45:10-05:30",
]
def utc(s):
    if s is None:
        return pd.NaT
    t = pd.Timestamp(s)
    return t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")


ts = pd.Series([utc(s) for s in stamps], dtype="datetime64[ns, UTC]")
parts = {
    "year": ts.dt.year,
    "quarter": ts.dt.quarter,
    "month": ts.dt.month,
    "day": ts.dt.day,
    "dayofweek": ts.dt.dayofweek,
    "dayofyear": ts.dt.dayofyear,
    "hour": ts.dt.hour,
    "minute": ts.dt.minute,
    "second": ts.dt.second,
    # Unix time in seconds (milliseconds kept as the fraction).
    "epoch": (ts - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds(),
}
out["datetime"] = {
    "stamps": stamps,
    "epoch_ms": [None if s is None else float(t.value // 10**6) for s, t in zip(stamps, ts)],
    "parts": {k: [float("nan") if pd.isna(v) else float(v) for v in col] for k, col in parts.items()},
}

write_fixture("learn_text_datetime", out)
