"""Load a claims table and rank regions with plain pandas.

    pbmine extract -o claims.parquet
    python examples/rank_regions.py claims.parquet 五星支部

With no arguments it extracts the bundled sample reports itself.
"""
from __future__ import annotations

import sys

import pandas as pd

import pbmine


def main(argv: list[str]) -> pd.DataFrame:
    if argv:
        claims = pd.read_parquet(argv[0])
    else:
        claims = pbmine.extract().frame
    metric = argv[1] if len(argv) > 1 else "五星支部"
    rows = claims[claims["metric"] == metric]
    ranked = (rows.sort_values("value", ascending=False)
                  .drop_duplicates("region")[["region", "value", "unit", "doc_id"]]
                  .reset_index(drop=True))
    ranked.index += 1
    print(f"{metric}: {len(ranked)} regions")
    print(ranked.to_string())
    return ranked


if __name__ == "__main__":
    main(sys.argv[1:])
