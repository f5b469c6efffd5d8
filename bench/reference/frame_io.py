"""Reference values for frame IO and SQL (src/frame/io, src/frame/sql): how pandas 1.5 parses a
few small CSV files (delimiters, quoting, missing-value tokens, unicode, a byte-order mark, type
overrides) and what a group-by and a join give on them. The CSV texts are stored in the fixture so
the tests write the same bytes and need no Python.

Run with Debian's /usr/bin/python3 (python3-pandas).
"""
import io
import math

import numpy as np
import pandas as pd

from common import write_fixture


def column_values(s):
    out = []
    for v in s.tolist():
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
        elif isinstance(v, (bool, np.bool_)):
            out.append(bool(v))
        elif isinstance(v, (int, np.integer)):
            out.append(int(v))
        elif isinstance(v, (float, np.floating)):
            out.append(float(v))
        else:
            out.append(str(v))
    return out


def kind(dtype):
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "float"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    return "string"


CSV_CASES = [
    {
        "name": "comma with quotes and empty fields",
        "text": 'id,name,score,flag\n1,"Smith, Anna",3.5,true\n2,Bob,,false\n3,"say ""hi""",-1.25,true\n4,Zoë,1e3,\n',
        "pandas": {},
    },
    {
        "name": "semicolon with NA token",
        "text": "city;temp;rain\nOslo;3.5;NA\nLima;19;0.2\nKyiv;NA;1.5\n",
        "pandas": {"sep": ";", "na_values": ["NA"]},
        "strata": {"nullValues": ["NA"]},
    },
    {
        "name": "pandas' default missing-value words",
        "text": "species,mass,sex,note\nAdelie,37.5,male,ok\nAdelie,NA,NA,N/A\nGentoo,NaN,null,None\nGentoo,41.25,female,n/a\n",
        "pandas": {},
    },
    {
        "name": "tab separated with BOM and unicode",
        "text": "\ufeffword\tcount\nnaïve\t2\n日本\t5\nemoji 😀\t7\n",
        "pandas": {"sep": "\t", "encoding": "utf-8-sig"},
    },
    {
        "name": "dtype override keeps leading zeros",
        "text": "zip,n\n00123,1\n04567,2\n89000,3\n",
        "pandas": {"dtype": {"zip": str}},
        "strata": {"dtypes": {"zip": "string"}},
    },
    {
        "name": "missing-value words among repeated, long and quoted labels",
        "text": 'id,label,score,city\n1,alpha,1.5,Oslo\n2,NA,nan,"S\u00e3o Paulo, Brazil"\n3,alpha,NaN,N/A\n4,"NA",2.5,"S\u00e3o Paulo, Brazil"\n'
        '5,a label longer than twelve,,null\n6,a label longer than twelve,-1,""\n7,beta,3,#N/A\n8,alpha,4.25,Oslo\n',
        "pandas": {},
    },
    {
        "name": "skip rows and large integers",
        "text": "# exported 2024-01-01\nbig,small\n3000000000,1\n-3000000000,2\n12,3\n",
        "pandas": {"skiprows": 1},
        "strata": {"skipRows": 1},
    },
]

cases = []
for c in CSV_CASES:
    df = pd.read_csv(io.StringIO(c["text"].replace("\ufeff", "")) if "encoding" in c["pandas"] else io.StringIO(c["text"]), **{k: v for k, v in c["pandas"].items() if k != "encoding"})
    cases.append(
        {
            "name": c["name"],
            "text": c["text"],
            "strata": c.get("strata", {}),
            "columns": list(df.columns),
            "kinds": [kind(df[col].dtype) for col in df.columns],
            "values": {col: column_values(df[col]) for col in df.columns},
        }
    )



def late_words_csv(late_number):
    """25,000 rows: missing-value words only after DuckDB's 20,480-row type-detection sample (the
    same text is built by src/frame/io/read-csv.test.ts)."""
    labels = ["alpha", "beta", "a much longer label \u00e9"]
    lines = ["i,x,label"]
    for i in range(25000):
        x = "NA" if late_number and i == 24000 else f"{i % 97}.25"
        label = {21000: "", 22000: "n/a", 23000: '"NA"', 24500: "null"}.get(i, labels[i % 3])
        lines.append(f"{i},{x},{label}")
    return "\n".join(lines) + "\n"


late_words = []
for late_number in (False, True):
    df = pd.read_csv(io.StringIO(late_words_csv(late_number)))
    late_words.append(
        {
            "late_number": late_number,
            "rows": len(df),
            "kinds": {col: kind(df[col].dtype) for col in df.columns},
            "x_null_rows": [int(i) for i in np.flatnonzero(df["x"].isna())],
            "x_sum": float(df["x"].sum()),
            "label_null_rows": [int(i) for i in np.flatnonzero(df["label"].isna())],
            "label_counts": {str(k): int(v) for k, v in df["label"].value_counts().items()},
        }
    )

# Group-by and join with missing values, empty strings, duplicate keys, unicode keys.
rng = np.random.default_rng(7)
n = 60
keys = [["a", "b", "c", "ä", ""][i] for i in rng.integers(0, 5, n)]
x = rng.normal(size=n).round(6)
x[rng.random(n) < 0.15] = np.nan
y = rng.integers(-50, 50, n)
left = pd.DataFrame({"k": keys, "x": x, "y": y})
g = left.groupby("k", sort=True).agg(x_mean=("x", "mean"), x_sum=("x", "sum"), x_count=("x", "count"), y_sum=("y", "sum"))
right = pd.DataFrame({"k": ["a", "b", "ä", "z", "a"], "w": [1.5, 2.5, 3.5, 4.5, 5.5]})
joined = left.merge(right, on="k", how="inner").sort_values(["k", "y", "w"], kind="mergesort")

write_fixture(
    "frame_io",
    {
        "csv": cases,
        "late_words": late_words,
        "groupby": {
            "left": {"k": keys, "x": [None if math.isnan(v) else float(v) for v in x], "y": [int(v) for v in y]},
            "keys": list(g.index),
            "x_mean": g["x_mean"].tolist(),
            "x_sum": g["x_sum"].tolist(),
            "x_count": [int(v) for v in g["x_count"]],
            "y_sum": [int(v) for v in g["y_sum"]],
        },
        "join": {
            "right": {"k": right["k"].tolist(), "w": right["w"].tolist()},
            "rows": len(joined),
            "w_sum": float(joined["w"].sum()),
            "y_sum": int(joined["y"].sum()),
            "k": joined["k"].tolist(),
        },
    },
)
