"""The claims table: one row a claim, the same columns whatever produced it.

The column order, the Python types and the Arrow types are declared here and
nowhere else, so `pd.read_parquet("claims.parquet")` always gives float64
values, int64 offsets and string columns. A new column is one field of
`Claim` (and one entry in the type tables when it is not a string).

Tables are built column by column from plain row tuples (`claim_rows`), never
row by row through dicts: `rows_table` makes the Arrow columns directly (what
`extract -o` writes, without importing pandas) and `rows_frame` the pandas
DataFrame a notebook gets. pandas and pyarrow are imported only when a table
is built (`pbmine --help` needs neither); `ARROW_SCHEMA` is made on first use.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa


@dataclass
class Claim:
    """One quantified claim found in one document (fields: GUIDELINE.md)."""

    doc_id: str
    metric: str            # canonical name (五星支部) or the phrase when no alias knows it
    phrase: str            # the metric as written (in the text's own script), quotation marks removed
    value: float
    unit: str
    kind: str              # count, percent, money, multiple, growth, length, area, measure, duration
    start: int             # offset of the number in the decoded document text
    end: int               # end exclusive: text[start:end] is the number as written
    number: str            # text[start:end]
    sentence: str
    sentence_index: int
    qualifier: str | None = None   # at_least / at_most / about; None when exact
    value_high: float | None = None  # upper end of a range (3至5个)
    direction: str | None = None   # up / down for growth claims
    action: str | None = None      # the verb that introduces the count (评定, 打造)
    region: str | None = None      # the region as the report names it
    region_source: str | None = None  # why: title, lead, report, heading, sentence, paragraph, anaphora, scope
    region_start: int | None = None   # the place mention that gave the region (document offsets)
    region_end: int | None = None
    region_full: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    adcode: str | None = None
    region_level: str | None = None
    year: int | None = None
    period: str | None = None
    section: str | None = None     # the heading the claim stands under
    path: str | None = None
    sha256: str | None = None      # of the source's bytes (of its text for standard input): --update's key


COLUMNS = [f.name for f in fields(Claim)]
SCHEMA_VERSION = "4"  # bump when a column is added, removed or changes meaning

# pandas dtype of every column that is not a string; "Int64" (nullable) where a value may be missing
_PANDAS_TYPES = {
    "value": "float64", "value_high": "float64", "start": "int64", "end": "int64",
    "sentence_index": "int64", "year": "Int64", "region_start": "Int64", "region_end": "Int64",
}
_ARROW_TYPES = {name: dtype.lower() for name, dtype in _PANDAS_TYPES.items()}  # Arrow type names

_ROW = attrgetter(*COLUMNS)


def claim_rows(claims: Iterable[Claim]) -> list[tuple]:
    """Claims as plain tuples in column order (cheap to keep, pickle and turn into columns)."""
    return list(map(_ROW, claims))


def _columns(rows: list[tuple]) -> list[list]:
    return list(map(list, zip(*rows))) if rows else [[] for _ in COLUMNS]


@cache
def arrow_schema() -> pa.Schema:
    """The Arrow schema (also `schema.ARROW_SCHEMA`), with the pandas metadata that makes
    `pd.read_parquet` give the nullable integer columns as Int64 (written without importing pandas)."""
    import pyarrow as pa

    plain = pa.schema([(name, getattr(pa, _ARROW_TYPES.get(name, "string"))()) for name in COLUMNS])
    return plain.with_metadata({b"pandas": _pandas_metadata(pa.__version__).encode()})


def _pandas_metadata(pyarrow_version: str) -> str:
    """What `pa.Schema.from_pandas` says about a conformed claims frame, byte for byte."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        pandas_version = version("pandas")
    except PackageNotFoundError:  # pragma: no cover - pandas is a dependency
        pandas_version = "unknown"

    def column(name: str) -> dict:
        dtype = _PANDAS_TYPES.get(name)
        pandas_type = dtype.lower() if dtype else "object"
        return {"name": name, "field_name": name, "pandas_type": pandas_type,
                "numpy_type": dtype or "string", "metadata": None}

    return json.dumps({"index_columns": [], "column_indexes": [], "columns": [column(n) for n in COLUMNS],
                       "attributes": {}, "creator": {"library": "pyarrow", "version": pyarrow_version},
                       "pandas_version": pandas_version})


def __getattr__(name: str):
    if name == "ARROW_SCHEMA":
        return arrow_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def rows_table(rows: list[tuple]) -> pa.Table:
    """Rows (from `claim_rows`) as an Arrow table with the declared schema, column by column."""
    import pyarrow as pa

    schema = arrow_schema()
    return pa.Table.from_arrays([_arrow_array(col, f.type) for col, f in zip(_columns(rows), schema)],
                                schema=schema)


def _arrow_array(values: list, type: pa.DataType) -> pa.Array:
    """One column as an Arrow array, built without `pa.array`, which imports pandas (0.5 s, 90 MB)."""
    import numpy as np
    import pyarrow as pa

    if type == pa.string():
        builder = pa.lib.StringBuilder()
        builder.append_values(values)
        return builder.finish()
    n = len(values)
    if None not in values:  # most columns: no nulls, one conversion in C and no validity bitmap
        data = np.array(values, dtype=type.to_pandas_dtype())
        return pa.Array.from_buffers(type, n, [None, pa.py_buffer(data)], null_count=0)
    valid = np.fromiter((v is not None for v in values), bool, n)
    data = np.fromiter((0 if v is None else v for v in values), type.to_pandas_dtype(), n)
    nulls = n - int(valid.sum())
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little")) if nulls else None
    return pa.Array.from_buffers(type, n, [bitmap, pa.py_buffer(data)], null_count=nulls)


def table_rows(table: pa.Table) -> list[tuple]:
    """An Arrow table with (some of) the claims columns as row tuples; a missing column is null."""
    n = table.num_rows
    present = set(table.column_names)
    cols = [table.column(name).to_pylist() if name in present else [None] * n for name in COLUMNS]
    return list(zip(*cols)) if n else []


def rows_frame(rows: list[tuple]) -> pd.DataFrame:
    """Rows (from `claim_rows`) as a DataFrame with the declared column order and dtypes."""
    import pandas as pd

    return conform(pd.DataFrame(dict(zip(COLUMNS, _columns(rows))), columns=COLUMNS))


def claims_table(claims: Iterable[Claim]) -> pa.Table:
    """Claims as an Arrow table with the declared schema."""
    return rows_table(claim_rows(claims))


def to_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """Claims as a DataFrame with the declared column order and dtypes."""
    return rows_frame(claim_rows(claims))


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a claims frame the declared columns and dtypes (missing columns become null)."""
    frame = frame.reindex(columns=COLUMNS)
    for name in COLUMNS:
        dtype = _PANDAS_TYPES.get(name)
        frame[name] = frame[name].astype(dtype or "string")
    return frame


def to_arrow(frame: pd.DataFrame) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pandas(conform(frame), schema=arrow_schema(), preserve_index=False)


def write_parquet(frame: pd.DataFrame, path) -> None:
    """Write a claims table to Parquet with the declared schema."""
    import pyarrow.parquet as pq

    pq.write_table(to_arrow(frame), path)


def read_claims(path) -> pd.DataFrame:
    """Read a claims table written by `pbmine extract` (or anything with its columns)."""
    import pandas as pd

    return conform(pd.read_parquet(path))
