"""The project's own accuracy measure against GUIDELINE-style gold (used by test_accuracy.py).

A predicted claim matches a gold claim of the same document when the spans of
their numbers overlap and value and unit agree; optional gold claims neither
reward nor punish. Among matched required claims we count how often the
metric (or phrase) holds the gold metric_key, the region names the gold
region, and the qualifier agrees.
"""
from __future__ import annotations

import math

import pandas as pd

QUOTES = "“”\"'‘’「」『』《》 \u3000"
SUFFIXES = sorted("特别行政区 自治区 自治州 自治县 街道 社区 新区 省 市 区 县 旗 镇 乡 州 村".split(), key=len, reverse=True)


def _clean(s) -> str:
    if s is None or (isinstance(s, float) and math.isnan(s)) or s is pd.NA:
        return ""
    return "".join(ch for ch in str(s) if ch not in QUOTES)


def _core(name: str) -> str:
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


def region_agrees(pred, gold: str) -> bool:
    p, g = _clean(pred), _clean(gold)
    return p == g or p.endswith(g) or _core(p).endswith(_core(g))


def score(gold: dict[str, list[dict]], claims: pd.DataFrame) -> dict:
    tp = fp = fn = metric_ok = region_ok = region_n = qual_ok = year_ok = year_n = 0
    wrong = []
    for doc, golds in gold.items():
        preds = claims[claims["doc_id"] == doc].to_dict("records")
        pairs = []
        for gi, g in enumerate(golds):
            for pi, p in enumerate(preds):
                if p["start"] < g["end"] and g["start"] < p["end"] and _clean(p["unit"]) == _clean(g["unit"]) \
                        and abs(float(p["value"]) - float(g["value"])) <= 1e-6 * max(1.0, abs(float(g["value"]))):
                    pairs.append((abs(p["start"] - g["start"]) + abs(p["end"] - g["end"]), gi, pi))
        used_g, used_p = set(), set()
        for _, gi, pi in sorted(pairs):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = golds[gi], preds[pi]
            if not g["required"]:
                continue
            tp += 1
            m = any(_clean(g["metric_key"]) in _clean(p.get(c)) for c in ("metric", "phrase"))
            q = (_clean(p.get("qualifier")) or "") == (_clean(g.get("qualifier")) or "")
            metric_ok += m
            qual_ok += q
            if g.get("region"):
                region_n += 1
                r = region_agrees(p["region"], g["region"])
                region_ok += r
            else:
                r = True
            y = True
            if g.get("year") is not None:  # scored only where the text gives the year
                year_n += 1
                y = _year(p.get("year")) == int(g["year"])
                year_ok += y
            if not (m and q and r and y):
                wrong.append((doc, g["quote"], p.get("metric"), p.get("region"), p.get("qualifier"),
                              _year(p.get("year"))))
        fn += sum(1 for i, g in enumerate(golds) if g["required"] and i not in used_g)
        optional = [g for g in golds if not g["required"]]
        fp += sum(1 for i, p in enumerate(preds) if i not in used_p and not any(
            p["start"] < g["end"] and g["start"] < p["end"] for g in optional))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "metric": metric_ok / tp if tp else 0.0, "qualifier": qual_ok / tp if tp else 0.0,
            "region": region_ok / region_n if region_n else 0.0,
            "year": year_ok / year_n if year_n else 1.0, "year_n": year_n, "wrong": wrong}


def _year(value) -> int | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)
