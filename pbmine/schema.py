"""The claims table: one row a claim, the same columns whatever produced it.

The column order, the Python types and the Arrow types are declared here and
nowhere else, so `pd.read_parquet("claims.parquet")` always gives float64
values, int64 offsets and string columns.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import pandas as pd
import pyarrow as pa


@dataclass
class Claim:
    """One quantified claim found in one document (fields: GUIDELINE.md)."""

    doc_id: str
    metric: str            # canonical name (五星支部) or the phrase when no alias knows it
    phrase: str            # the metric as written, quotation marks removed
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


COLUMNS = [f.name for f in fields(Claim)]

_ARROW_TYPES = {
    "value": pa.float64(), "value_high": pa.float64(),
    "start": pa.int64(), "end": pa.int64(), "sentence_index": pa.int64(), "year": pa.int64(),
    "region_start": pa.int64(), "region_end": pa.int64(),
}
SCHEMA_VERSION = "3"  # bump when a column is added, removed or changes meaning

_PANDAS_TYPES = {
    "value": "float64", "value_high": "float64", "start": "int64", "end": "int64",
    "sentence_index": "int64", "year": "Int64", "region_start": "Int64", "region_end": "Int64",
}


def _arrow_schema() -> pa.Schema:
    """The Arrow schema, with pandas metadata so that `pd.read_parquet` gives `year` as Int64 too."""
    plain = pa.schema([(name, _ARROW_TYPES.get(name, pa.string())) for name in COLUMNS])
    template = pa.Schema.from_pandas(conform(pd.DataFrame(columns=COLUMNS)), preserve_index=False)
    return plain.with_metadata(template.metadata)


def to_frame(claims: list[Claim]) -> pd.DataFrame:
    """Claims as a DataFrame with the declared column order and dtypes."""
    frame = pd.DataFrame([asdict(c) for c in claims], columns=COLUMNS)
    return conform(frame)


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a claims frame the declared columns and dtypes (missing columns become null)."""
    frame = frame.reindex(columns=COLUMNS)
    for name in COLUMNS:
        dtype = _PANDAS_TYPES.get(name)
        if dtype:
            frame[name] = frame[name].astype(dtype)
        else:
            frame[name] = frame[name].astype("string")
    return frame


def to_arrow(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(conform(frame), schema=ARROW_SCHEMA, preserve_index=False)


def write_parquet(frame: pd.DataFrame, path) -> None:
    """Write a claims table to Parquet with the declared schema."""
    import pyarrow.parquet as pq

    pq.write_table(to_arrow(frame), path)


def read_claims(path) -> pd.DataFrame:
    """Read a claims table written by `pbmine extract` (or anything with its columns)."""
    return conform(pd.read_parquet(path))


ARROW_SCHEMA = _arrow_schema()
