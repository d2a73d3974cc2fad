"""The claims table has one schema: float64 values, integer offsets, string columns."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq

from pbmine.schema import ARROW_SCHEMA, COLUMNS, read_claims, write_parquet


def test_parquet_round_trip(tmp_path, seed_claims):
    path = tmp_path / "c.parquet"
    write_parquet(seed_claims, path)
    assert pq.read_schema(path).names == COLUMNS
    frame = pd.read_parquet(path)
    assert frame["value"].dtype == "float64"
    assert frame["start"].dtype == "int64" and frame["end"].dtype == "int64"
    for col in ("doc_id", "region", "metric", "phrase", "unit", "qualifier", "kind", "sentence"):
        assert pd.api.types.is_string_dtype(frame[col]) or frame[col].dtype == object, col
    assert read_claims(path).equals(read_claims(path))
    assert pq.read_schema(path).equals(ARROW_SCHEMA, check_metadata=False)


def test_offsets_slice_the_document(seed_claims):
    from conftest import SEEDS
    for doc_id, rows in seed_claims.groupby("doc_id"):
        text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
        for row in rows.itertuples():
            assert text[row.start:row.end] == row.number
            assert row.sentence in text
