"""Reference results of pandas for the frame verbs (src/frame/verbs/*.test.ts, src/frame/*.test.ts).

Small frames with missing values, duplicate keys, unicode strings, groups whose values are all
missing and mixed column types. Every frame is written as {"columns": [...], "data": {name: [...]}};
datetimes are epoch milliseconds, missing values are null (objects/NaT) or "nan" (floats).
"""
import math

import numpy as np
import pandas as pd

from common import write_fixture


def out(df):
    df = df.reset_index(drop=True) if not isinstance(df.index, pd.RangeIndex) or df.index.name else df
    cols = [str(c) for c in df.columns]
    data = {}
    for c, name in zip(df.columns, cols):
        s = df[c]
        vals = []
        for v in s.tolist():
            if isinstance(v, pd.Timestamp):
                vals.append(int(v.value // 1_000_000))
            elif v is pd.NaT:
                vals.append(None)
            elif isinstance(v, float) and math.isnan(v) and s.dtype == object:
                vals.append(None)
            else:
                vals.append(v)
        data[name] = vals
    return {"columns": cols, "data": data, "dtypes": [str(t) for t in df.dtypes]}


def frame_in(df):
    return out(df)


# ---------------------------------------------------------------- inputs

sales = pd.DataFrame(
    {
        "id": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "city": ["Oslo", "Zürich", "Oslo", None, "東京", "Zürich", "Oslo", "Lima", "東京", "Lima"],
        "product": ["a", "b", "a", "b", "a", "a", "b", "a", "b", "b"],
        "qty": [3, 1, 4, 1, 5, 9, 2, 6, 5, 3],
        "price": [2.5, np.nan, 3.25, 1.0, 10.0, 7.5, np.nan, np.nan, 8.0, np.nan],
        "flag": [True, False, True, True, False, True, False, False, True, True],
        "when": pd.to_datetime(
            [
                "2021-03-01 08:15",
                "2021-03-01 13:40",
                "2021-03-02 09:00",
                "2021-03-02 23:59",
                "2021-03-04 00:00",
                "2021-03-04 12:30",
                "2021-03-05 06:00",
                "2021-03-07 18:45",
                "2021-03-08 07:10",
                "2021-03-08 22:00",
            ]
        ),
    }
)
# Lima: every price missing (a group whose values are all missing).

left = pd.DataFrame(
    {
        "k": ["a", "b", "b", None, "c", "é", "a"],
        "k2": [1, 1, 2, 1, 1, 2, 2],
        "lv": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, np.nan],
        "same": ["l0", "l1", "l2", "l3", "l4", "l5", "l6"],
    }
)
right = pd.DataFrame(
    {
        "k": ["b", "a", "b", "d", None, "é"],
        "k2": [1, 1, 1, 1, 1, 2],
        "rv": [10, 20, 30, 40, 50, 60],
        "same": ["r0", "r1", "r2", "r3", "r4", "r5"],
    }
)

cases = {"inputs": {"sales": frame_in(sales), "left": frame_in(left), "right": frame_in(right)}}

# ---------------------------------------------------------------- group-by

g = sales.groupby("city")
aggs = {}
for fn in ["count", "sum", "mean", "median", "std", "var", "min", "max", "nunique", "first", "last"]:
    aggs[fn] = out(g.agg({"price": fn, "qty": fn}).reset_index())
aggs["size"] = out(g.size().reset_index(name="size"))
aggs["quantile90"] = out(g[["price", "qty"]].quantile(0.9).reset_index())
aggs["min_str"] = out(sales.dropna(subset=["city"]).groupby("product").agg({"city": ["min", "max"]}).reset_index().set_axis(["product", "city_min", "city_max"], axis=1))
aggs["two_keys"] = out(sales.groupby(["city", "product"]).agg({"qty": "sum", "price": "mean"}).reset_index())
aggs["dropna_false"] = out(sales.groupby("city", dropna=False).agg({"qty": "sum"}).reset_index())
aggs["by_int"] = out(sales.groupby("qty").agg({"price": "mean"}).reset_index())
cases["groupby"] = aggs

# ---------------------------------------------------------------- sort

cases["sort"] = {
    "price": out(sales.sort_values("price", kind="stable").reset_index(drop=True)),
    "price_desc": out(sales.sort_values("price", ascending=False, kind="stable").reset_index(drop=True)),
    "city_price": out(sales.sort_values(["city", "price"], ascending=[True, False]).reset_index(drop=True)),
    "product_when_desc": out(sales.sort_values(["product", "when"], ascending=[False, False]).reset_index(drop=True)),
}

# ---------------------------------------------------------------- join

joins = {}
for how in ["inner", "left", "right", "outer"]:
    joins[how] = out(left.merge(right, on="k", how=how))
    joins[how + "_2keys"] = out(left.merge(right, on=["k", "k2"], how=how))
joins["semi"] = out(left[left["k"].isin(right["k"])].reset_index(drop=True))
joins["anti"] = out(left[~left["k"].isin(right["k"])].reset_index(drop=True))
joins["suffixes"] = out(left.merge(right, on="k", how="inner", suffixes=("_l", "_r")))
cases["join"] = joins

# ---------------------------------------------------------------- concat, reshape

a = sales[["id", "city", "price"]].head(3)
b = pd.DataFrame({"id": [11, 12], "price": [1.5, np.nan], "extra": ["x", "y"]})
cases["concat"] = out(pd.concat([a, b], ignore_index=True))

cases["pivot_table"] = {
    "mean": out(sales.pivot_table(index="city", columns="product", values="qty", aggfunc="mean").reset_index()),
    "sum_fill": out(sales.pivot_table(index="city", columns="product", values="qty", aggfunc="sum", fill_value=0).reset_index()),
}
small = pd.DataFrame({"d": ["x", "x", "y", "y", "z"], "c": ["p", "q", "p", "q", "p"], "v": [1.0, 2.0, 3.0, np.nan, 5.0]})
cases["pivot"] = {"input": frame_in(small), "result": out(small.pivot(index="d", columns="c", values="v").reset_index())}
wide = pd.DataFrame({"name": ["ä", "b"], "x": [1.0, 2.0], "y": [3.0, np.nan]})
cases["melt"] = {"input": frame_in(wide), "result": out(wide.melt(id_vars=["name"], value_vars=["x", "y"]))}

# ---------------------------------------------------------------- missing values, dedupe, counts

cases["dropna"] = {
    "any": out(sales.dropna().reset_index(drop=True)),
    "subset": out(sales.dropna(subset=["price"]).reset_index(drop=True)),
    "all": out(sales[["city", "price"]].dropna(how="all").reset_index(drop=True)),
}
cases["fillna"] = {
    "per_column": out(sales.fillna({"price": 0.0, "city": "?"})),
}
dups = pd.DataFrame({"a": [1, 1, 2, 2, 1, None], "b": ["x", "x", "y", "z", "x", None], "c": [1, 2, 3, 4, 5, 6]})
cases["dedupe"] = {
    "input": frame_in(dups),
    "all_first": out(dups.drop_duplicates(subset=["a", "b"]).reset_index(drop=True)),
    "last": out(dups.drop_duplicates(subset=["a", "b"], keep="last").reset_index(drop=True)),
    "none": out(dups.drop_duplicates(subset=["a", "b"], keep=False).reset_index(drop=True)),
}
vc = sales["qty"].value_counts()
cases["value_counts"] = {
    "city": {"values": sales["city"].value_counts().index.tolist(), "counts": sales["city"].value_counts().tolist()},
    "city_norm": {"values": sales["city"].value_counts(normalize=True).index.tolist(), "counts": sales["city"].value_counts(normalize=True).tolist()},
    "qty": {"values": vc.index.tolist(), "counts": vc.tolist()},
}

# ---------------------------------------------------------------- binning, dummies, dates

cases["cut"] = {
    "edges": pd.cut(sales["price"], [0, 2.5, 5, 10]).cat.codes.tolist(),
    "edges_left": pd.cut(sales["price"], [0, 2.5, 5, 10], right=False).cat.codes.tolist(),
    "bins3": pd.cut(sales["qty"], 3).cat.codes.tolist(),
    "bins3_edges": [[iv.left, iv.right] for iv in pd.cut(sales["qty"], 3).cat.categories],
    "qcut4": pd.qcut(sales["qty"], 4, duplicates="drop").cat.codes.tolist(),
    "qcut_edges": [[iv.left, iv.right] for iv in pd.qcut(sales["qty"], 4, duplicates="drop").cat.categories],
}
cases["dummies"] = out(pd.get_dummies(sales[["id", "city", "product"]]).astype({c: "int64" for c in pd.get_dummies(sales[["city", "product"]]).columns}))
cases["dummies_drop_first"] = out(pd.get_dummies(sales[["product", "qty"]], drop_first=True).astype({"product_b": "int64"}))
w = sales["when"]
cases["dates"] = {
    "year": w.dt.year.tolist(),
    "month": w.dt.month.tolist(),
    "day": w.dt.day.tolist(),
    "hour": w.dt.hour.tolist(),
    "minute": w.dt.minute.tolist(),
    "weekday": w.dt.weekday.tolist(),
    "dayofyear": w.dt.dayofyear.tolist(),
    "quarter": w.dt.quarter.tolist(),
    "week": w.dt.isocalendar().week.astype(int).tolist(),
}

# ---------------------------------------------------------------- time series

series = pd.Series([1.0, 3.0, np.nan, 4.0, 10.0, 2.0, 2.0, np.nan, np.nan, 7.0, 0.5, -3.0])
roll = {}
for fn in ["mean", "sum", "min", "max", "std", "var", "count"]:
    roll[fn] = getattr(series.rolling(3), fn)().tolist()
    roll[fn + "_mp1"] = getattr(series.rolling(3, min_periods=1), fn)().tolist()
roll["mean_center"] = series.rolling(3, center=True).mean().tolist()
cases["rolling"] = {"input": series.tolist(), "results": roll}

ts = sales.set_index("when")
cases["resample"] = {
    "D": out(ts.resample("D").agg({"qty": "sum", "price": "mean", "id": "count"}).reset_index()),
    "6h": out(ts.resample("6H").agg({"qty": "sum", "price": "max"}).reset_index()),
    "W": out(ts.resample("W").agg({"qty": "sum"}).reset_index()),
    "MS": out(ts.resample("MS").agg({"qty": "sum"}).reset_index()),
}

# ---------------------------------------------------------------- describe

cases["describe"] = {
    "numeric": {"index": sales.describe().index.tolist(), **out(sales.describe())},
    "object": {"index": sales[["city", "product"]].describe().index.tolist(), **out(sales[["city", "product"]].describe().astype(object).astype(str))},
}

write_fixture("frame_verbs", cases)
