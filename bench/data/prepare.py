"""Writes the real tabular datasets of bench/automl.ts as CSV files into bench/data/ (see README.md).

  /usr/bin/python3 bench/data/prepare.py [MODELDATA_DIR]

digits and diabetes_messy come from the datasets that ship inside Debian's scikit-learn. concrete,
credit, hpc and chicago come from R's modeldata package as Debian ships it (r-cran-modeldata 1.1.0);
R is not needed, only the package's files and python3-rdata to parse R's serialization:

  apt-get download r-cran-modeldata && dpkg-deb -x r-cran-modeldata_*.deb /tmp/modeldata
  apt-get install python3-rdata
  /usr/bin/python3 bench/data/prepare.py /tmp/modeldata/usr/lib/R/site-library/modeldata

Without MODELDATA_DIR only the scikit-learn datasets are rewritten. The output is deterministic
(fixed seed, fixed row order), so rerunning it reproduces the committed files byte for byte.
"""
import bz2
import gzip
import lzma
import os
import sys
import warnings
import zlib

import numpy as np
import pandas as pd
from sklearn import datasets

OUT = os.path.dirname(os.path.abspath(__file__))
R_NA_INTEGER = -(2**31)


def save(name, frame):
    frame.to_csv(os.path.join(OUT, f"{name}.csv"), index=False, float_format="%.10g")


def sklearn_datasets():
    digits = datasets.load_digits(as_frame=True).frame
    digits["target"] = "digit_" + digits["target"].astype(str)
    save("digits", digits)
    # diabetes_messy: the raw diabetes data as a clinic's export would hold it. sex as text, 10% of
    # bmi, bp and s3 missing at random, and two columns without signal (the derivation cannot
    # invent any): the clinic (5 names) and the visit date (2015-2020), both seeded.
    rng = np.random.default_rng(0)
    messy = datasets.load_diabetes(as_frame=True, scaled=False).frame
    messy["sex"] = np.where(messy["sex"] == 1, "female", "male")
    for col in ["bmi", "bp", "s3"]:
        messy.loc[rng.random(len(messy)) < 0.1, col] = np.nan
    messy.insert(0, "clinic", rng.choice(["north", "south", "east", "west", "central"], len(messy)))
    days = rng.integers(0, 6 * 365, len(messy))
    messy.insert(1, "visit_date", (pd.Timestamp("2015-01-01") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d"))
    save("diabetes_messy", messy)


def lazy_load_db(base):
    """The objects of an R lazy-load database (BASE.rdx index, BASE.rdb chunks), read with rdata's parser."""
    import rdata  # Debian's python3-rdata

    parse = rdata.parser._parser.parse_rdata_binary

    def unchunk(chunk):
        kind = chunk[4:5]  # after the 4-byte uncompressed length: R's compression type
        if kind == b"Z":  # xz: a raw LZMA2 stream with R's preset
            return lzma.decompress(chunk[5:], format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}])
        if kind == b"2":
            return bz2.decompress(chunk[5:])
        if kind == b"1":
            return zlib.decompress(chunk[5:])
        return zlib.decompress(chunk[4:])

    with open(base + ".rdx", "rb") as f:
        index = rdata.conversion.convert(parse(memoryview(gzip.decompress(f.read()))))["variables"]
    with open(base + ".rdb", "rb") as f:
        db = f.read()

    def load(name):
        offset, length = (int(v) for v in index[name])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tibble classes fall back to data.frame, which is what we want
            frame = rdata.conversion.convert(parse(memoryview(unchunk(db[offset:offset + length]))))
        for col in frame.columns:  # rdata leaves R's integer NA as INT_MIN
            if pd.api.types.is_integer_dtype(frame[col]) and (frame[col] == R_NA_INTEGER).any():
                frame[col] = frame[col].where(frame[col] != R_NA_INTEGER).astype("Int64")
        return frame

    return load


def modeldata_datasets(root):
    load = lazy_load_db(os.path.join(root, "data", "Rdata"))
    save("concrete", load("concrete"))
    save("credit", load("credit_data"))
    save("hpc", load("hpc_data"))
    chicago = load("Chicago")
    chicago["date"] = (pd.Timestamp("1970-01-01") + pd.to_timedelta(chicago["date"], unit="D")).dt.strftime("%Y-%m-%d")
    save("chicago", chicago[["date"] + [c for c in chicago.columns if c != "date"]])


if __name__ == "__main__":
    sklearn_datasets()
    if len(sys.argv) > 1:
        modeldata_datasets(sys.argv[1])
