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


def test_arrow_columns_equal_the_pandas_route():
    """rows_table builds the columns directly; it must give what pandas + from_pandas gave."""
    from conftest import SEEDS
    from pbmine.extract import Extractor
    from pbmine.schema import Claim, claims_table, table_rows, claim_rows, to_arrow, to_frame

    claims = Extractor().text((SEEDS / "001_132740b646042620.txt").read_text(encoding="utf-8"), "d")
    claims.append(Claim("x", "m", "m", 1, "个", "count", 0, 1, "1", "s", 0))   # every optional column null
    claims.append(Claim("y", "", "", 2.5, "%", "percent", 3, 5, "2.5", "s", 1, year=2024, region_start=0,
                        region_end=2, value_high=7.0))
    table = claims_table(claims)
    assert table.schema.equals(ARROW_SCHEMA, check_metadata=True)
    assert table.equals(to_arrow(to_frame(claims)))
    assert table_rows(table) == claim_rows(claims)
    assert claims_table([]).num_rows == 0 and claims_table([]).schema.equals(ARROW_SCHEMA)


def test_the_pandas_metadata_is_what_from_pandas_writes():
    import pyarrow as pa

    from pbmine.schema import conform

    template = pa.Schema.from_pandas(conform(pd.DataFrame(columns=COLUMNS)), preserve_index=False)
    assert ARROW_SCHEMA.metadata == template.metadata
