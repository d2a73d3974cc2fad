"""Shared fixtures: the bundled seeds, the held-out reports and their gold claims."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent
SEEDS = ROOT / "seeds"
SEEDS_GOLD = HERE / "data" / "seeds_gold"
REPORTS = HERE / "data" / "reports"
REPORTS_GOLD = HERE / "data" / "gold"
BLIND = HERE / "data" / "blind" / "reports"
BLIND_GOLD = HERE / "data" / "blind" / "gold"
REAL = HERE / "data" / "real" / "reports"
REAL_GOLD = HERE / "data" / "real" / "gold"


def load_gold(gold_dir: Path, docs_dir: Path) -> dict[str, list[dict]]:
    """Gold claims by document, each with the start/end of its number in the document text."""
    out: dict[str, list[dict]] = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            g = json.loads(line)
            text = (docs_dir / f"{g['doc']}.txt").read_text(encoding="utf-8")
            at, hits = text.find(g["quote"]), []
            while at >= 0:
                hits.append(at)
                at = text.find(g["quote"], at + 1)
            g["start"] = hits[g.get("occurrence", 0)] + g["quote"].index(g["number"])
            g["end"] = g["start"] + len(g["number"])
            out.setdefault(g["doc"], []).append(g)
    return out


@pytest.fixture(scope="session")
def seed_claims():
    from pbmine import extract
    return extract([SEEDS]).frame


@pytest.fixture(scope="session")
def report_claims():
    from pbmine import extract
    return extract([REPORTS]).frame


@pytest.fixture(scope="session")
def blind_claims():
    from pbmine import extract
    return extract([BLIND]).frame


@pytest.fixture(scope="session")
def real_claims():
    from pbmine import extract
    return extract([REAL]).frame
