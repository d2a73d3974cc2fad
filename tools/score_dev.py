"""Score a claims table against a gold folder and list what is wrong, by field (a development aid).

    python tools/score_dev.py DOCS_DIR GOLD_DIR CLAIMS.parquet [--field region|metric|year]
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import load_gold  # noqa: E402
from goldscore import _clean, _year, region_agrees, score  # noqa: E402


def main(docs: str, gold_dir: str, claims: str, field: str | None = None) -> None:
    gold = load_gold(Path(gold_dir), Path(docs))
    frame = pd.read_parquet(claims)
    s = score(gold, frame)
    print(f"F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f}  metric {s['metric']:.3f}  "
          f"region {s['region']:.3f}  qualifier {s['qualifier']:.3f}  year {s['year']:.3f} (of {s['year_n']})  "
          f"tp {s['tp']} fp {s['fp']} fn {s['fn']}")
    if not field:
        return
    for doc, golds in gold.items():
        preds = frame[frame.doc_id == doc]
        for g in golds:
            if not g["required"]:
                continue
            hit = preds[(preds.start < g["end"]) & (preds.end > g["start"])]
            if hit.empty:
                continue
            p = hit.iloc[0]
            if field == "region" and g.get("region") and not region_agrees(p.region, g["region"]):
                print(f"{doc}\t{g['quote']}\tgold={g['region']}\tgot={p.region}\t{p.get('region_source', '')}")
            if field == "metric" and not any(_clean(g["metric_key"]) in _clean(p[c]) for c in ("metric", "phrase")):
                print(f"{doc}\t{g['quote']}\tkey={g['metric_key']}\tgot={p.metric}")
            if field == "year" and g.get("year") is not None and _year(p.year) != int(g["year"]):
                print(f"{doc}\t{g['quote']}\tgold={g['year']}\tgot={_year(p.year)}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    field = sys.argv[sys.argv.index("--field") + 1] if "--field" in sys.argv else None
    if field:
        args.remove(field)
    main(*args, field=field)
