"""The example script runs and ranks the seeds as the README says."""
from __future__ import annotations

import runpy
import subprocess
import sys

from conftest import ROOT


def test_rank_regions_example(tmp_path, seed_claims):
    from pbmine.schema import write_parquet
    path = tmp_path / "claims.parquet"
    write_parquet(seed_claims, path)
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "rank_regions.py"), str(path), "五星支部"],
                         capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert lines[0] == "五星支部: 5 regions"
    assert [ln.split()[1] for ln in lines[2:]] == ["西海岸新区", "平度市", "即墨区", "市北区", "市南区"]


def test_rank_regions_as_a_module():
    ranked = runpy.run_path(str(ROOT / "examples" / "rank_regions.py"))["main"]([])
    assert ranked["value"].tolist() == [125, 89, 75, 51, 10]
