"""Rank regions on one metric, with the evidence behind each figure.

One figure per region: the latest year's, and of several claims the largest
count (the total tends to be the largest figure a report gives) or, for
rates and other kinds, the first one the report states. `--level city`
rolls districts up to their city (or province) by adding, which only makes
sense for counts and money; rates are refused with an explanation.
"""
from __future__ import annotations

import difflib

import pandas as pd

ADDITIVE_KINDS = {"count", "money", "length", "area", "measure", "duration"}
LEVEL_COLUMNS = {"district": "region", "city": "city", "province": "province"}
OUTPUT_COLUMNS = ["rank", "region", "value", "unit", "qualifier", "doc_id", "sentence"]


class UnknownMetric(LookupError):
    """No claim has this metric; `suggestions` holds the closest ones that exist."""

    def __init__(self, metric: str, suggestions: list[str]):
        self.metric, self.suggestions = metric, suggestions
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no claims for metric {metric!r}{hint}")


class NotAdditive(ValueError):
    """A metric whose values cannot be summed over regions (rates, growth)."""


def closest_metrics(claims: pd.DataFrame, metric: str, n: int = 5) -> list[str]:
    """Metrics that exist and look like `metric`: containing it, contained in it, or similar."""
    counts = claims["metric"].dropna().value_counts()
    names = list(counts.index)
    near = [m for m in names if metric in m or m in metric]
    near += [m for m in difflib.get_close_matches(metric, names, n=n, cutoff=0.3) if m not in near]
    return sorted(near, key=lambda m: (-(metric in m or m in metric), -counts[m]))[:n]


def metric_claims(claims: pd.DataFrame, metric: str, year: int | None = None) -> pd.DataFrame:
    """The claims of one canonical metric (or phrase), optionally of one year."""
    rows = claims[(claims["metric"] == metric) | (claims["phrase"] == metric)]
    if rows.empty:
        raise UnknownMetric(metric, closest_metrics(claims, metric))
    if year is not None:
        rows = rows[rows["year"] == year]
    return rows


def _pick(group: pd.DataFrame) -> pd.Series:
    """The one claim that stands for a region: latest year, then largest count or first stated."""
    if group["year"].notna().any():
        group = group[group["year"] == group["year"].max()]
    if group["kind"].isin(ADDITIVE_KINDS).all():
        return group.sort_values(["value", "start"], ascending=[False, True]).iloc[0]
    return group.sort_values(["doc_id", "start"]).iloc[0]


def compare(claims: pd.DataFrame, metric: str, level: str = "district",
            year: int | None = None) -> pd.DataFrame:
    """Regions ranked by their figure for `metric`, highest first.

    Columns: rank, region, value, unit, qualifier, doc_id, sentence (plus
    kind, value_high, claims: how many claims stood behind the row).
    """
    rows = metric_claims(claims, metric, year)
    rows = rows[rows["region"].notna()]
    if level not in LEVEL_COLUMNS:
        raise ValueError(f"level must be one of {', '.join(LEVEL_COLUMNS)}")
    if level == "district":
        picked = [(_pick(g), len(g)) for _, g in rows.groupby("region", sort=False)]
        table = pd.DataFrame([{**p.to_dict(), "claims": n} for p, n in picked])
    else:
        table = _roll_up(rows, LEVEL_COLUMNS[level], metric)
    if table.empty:
        return pd.DataFrame(columns=OUTPUT_COLUMNS)
    table = table.sort_values(["value", "region"], ascending=[False, True], kind="stable")
    table.insert(0, "rank", table["value"].rank(method="min", ascending=False).astype(int))
    extra = [c for c in ("kind", "value_high", "year", "number", "claims") if c in table.columns]
    return table[OUTPUT_COLUMNS + extra].reset_index(drop=True)


def _roll_up(rows: pd.DataFrame, column: str, metric: str) -> pd.DataFrame:
    """Sum the figures of the regions inside each city or province."""
    if not rows["kind"].isin(ADDITIVE_KINDS).all():
        kinds = ", ".join(sorted(set(rows["kind"].dropna()) - ADDITIVE_KINDS))
        raise NotAdditive(f"{metric!r} is a {kinds} figure: it cannot be added up over regions; "
                          f"compare it by district instead")
    picked = pd.DataFrame([_pick(g) for _, g in rows.groupby("region", sort=False)])
    picked = picked[picked[column].notna()]
    out = []
    for name, g in picked.groupby(column, sort=False):
        out.append({
            "region": name, "value": g["value"].sum(), "unit": g["unit"].iloc[0],
            "qualifier": "at_least" if g["qualifier"].notna().any() else None,
            "doc_id": ", ".join(sorted(set(g["doc_id"]))),
            "sentence": f"sum of {len(g)}: " + ", ".join(f"{r} {v:g}" for r, v in zip(g["region"], g["value"])),
            "kind": g["kind"].iloc[0], "claims": len(g),
        })
    return pd.DataFrame(out)


def metrics_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Canonical metrics with how many claims and regions each has, most comparable first."""
    if claims.empty:
        return pd.DataFrame(columns=["metric", "regions", "claims", "unit", "kind"])
    g = claims.groupby("metric")
    table = pd.DataFrame({
        "regions": g["region"].nunique(),
        "claims": g.size(),
        "unit": g["unit"].agg(lambda s: s.mode().iloc[0] if not s.mode().empty else None),
        "kind": g["kind"].agg(lambda s: s.mode().iloc[0] if not s.mode().empty else None),
    }).reset_index()
    return table.sort_values(["regions", "claims", "metric"], ascending=[False, False, True]).reset_index(drop=True)


def format_value(value: float, qualifier: str | None, value_high: float | None = None) -> str:
    """1300 with at_least -> '1300+'; at_most -> '≤7000'; about -> '~100'; a range -> '3–5'."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if value_high is not None and not pd.isna(value_high):
        text += "–" + f"{value_high:,.2f}".rstrip("0").rstrip(".")
    if qualifier == "at_least":
        return text + "+"
    if qualifier == "at_most":
        return "≤" + text
    if qualifier == "about":
        return "~" + text
    return text
