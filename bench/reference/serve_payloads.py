"""Request bodies as Python clients of MLflow and KServe-style servers build them with pandas.

The serve tests post these exact bytes: `dataframe_split` and `dataframe_records` as MLflow's
scoring protocol documents them (pandas `to_json` orients "split" and "records"), `instances`
(records), `inputs` (columns, pandas orient "list") and `text/csv` (`DataFrame.to_csv`). The
frame has the columns of the serve test model, with missing numbers (NaN → null / empty) and
missing categories (None). Values have at most 6 decimals, so JSON (10 significant digits by
default in pandas) and CSV carry the same numbers.
"""
import json

import numpy as np
import pandas as pd

from common import write_fixture

rng = np.random.default_rng(20261125)
n = 25
df = pd.DataFrame(
    {
        "id": np.arange(7000, 7000 + n),
        "x1": np.round(rng.uniform(-2, 2, n), 6),
        "x2": np.round(rng.uniform(-2, 2, n), 6),
        "shade": rng.choice(["dark", "light", "mid"], n).astype(object),
        "amount": np.round(rng.uniform(-3, 3, n), 6),
    }
)
df.loc[[3, 11], "x1"] = np.nan
df.loc[[5, 17], "shade"] = None

split = json.loads(df.to_json(orient="split", index=False))
records = json.loads(df.to_json(orient="records"))
columns = json.loads(df.to_json(orient="columns"))
write_fixture(
    "serve_payloads",
    {
        "pandas": pd.__version__,
        "rows": n,
        "dataframe_split": json.dumps({"dataframe_split": split}),
        "dataframe_records": json.dumps({"dataframe_records": records}),
        "instances": json.dumps({"instances": records}),
        "inputs": json.dumps({"inputs": {c: [columns[c][str(i)] for i in range(n)] for c in df.columns}}),
        "csv": df.to_csv(index=False),
    },
)
