"""Rank regions on one metric, saying how each figure was chosen and from how many claims.

When a region states a metric several times, `agg` decides its figure:

- ``latest`` (default): the latest year's claims, then the largest count (the
  total tends to be the largest figure a report gives) or, for rates and other
  kinds, the first one the report states;
- ``max``: the largest figure of any year; ``sum`` / ``mean``: all its figures
  added up / averaged (``sum`` only for counts and money);
- ``all``: every claim, one row each, regions in the order of ``latest``.

Claims of one metric in different units or kinds (名 and 批, % and 元) are never
mixed: each (unit, kind) is ranked on its own. `level="city"` rolls districts up
to their city (or province) by adding, which only makes sense for counts and
money; rates are refused with an explanation. The returned frame carries what
was done in ``frame.attrs``: ``rule`` (one sentence), ``notes`` (what was left
out and why) and ``groups`` (the units ranked).
"""
from __future__ import annotations

import difflib
import math

import pandas as pd

from .aggregation import AGG_RULES  # noqa: F401 (re-exported)
from .readers.traditional import fold

ADDITIVE_KINDS = {"count", "money", "length", "area", "measure", "duration"}
LEVEL_COLUMNS = {"district": "region", "city": "city", "province": "province"}
OUTPUT_COLUMNS = ["rank", "region", "value", "unit", "qualifier", "doc_id", "sentence"]
EXTRA_COLUMNS = ["kind", "value_high", "year", "claims", "agg", "region_full", "adcode",
                 "number", "start", "end"]
LISTING_COLUMNS = ["metric", "regions", "claims", "unit", "kind"]


class UnknownMetric(LookupError):
    """No claim has this metric; `suggestions` holds the closest ones that exist."""

    def __init__(self, metric: str, suggestions: list[str]):
        self.metric, self.suggestions = metric, suggestions
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no claims for metric {metric!r}{hint}")


class NotAdditive(ValueError):
    """A metric whose values cannot be summed (over regions, or over a region's claims)."""


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


def compare(claims: pd.DataFrame, metric: str, level: str = "district", year: int | None = None,
            agg: str = "latest", unit: str | None = None, top: int | None = None,
            min_regions: int = 1) -> pd.DataFrame:
    """Regions ranked by their figure for `metric`, highest first, one ranking per unit.

    Columns: rank, region, value, unit, qualifier, doc_id, sentence, then kind,
    value_high, year, claims (how many claims stood behind the figure), agg,
    region_full, adcode, number, start, end (those of the claim shown as evidence).
    An empty frame (with ``attrs["notes"]`` saying why) when nothing is left to rank.
    """
    if level not in LEVEL_COLUMNS:
        raise ValueError(f"level must be one of {', '.join(LEVEL_COLUMNS)}")
    if agg not in AGG_RULES:
        raise ValueError(f"agg must be one of {', '.join(AGG_RULES)}")
    if agg == "all" and level != "district":
        raise ValueError("--agg all lists claims of districts; use it without --level")
    rows = _folded(metric_claims(claims, metric))
    notes: list[str] = []
    rows = _select(rows, metric, year, unit, notes)
    tables, groups = [], []
    for (u, kind), group in _unit_groups(rows):
        if level != "district" and kind not in ADDITIVE_KINDS:
            raise NotAdditive(f"{metric!r} is a {kind} figure: it cannot be added up over regions; "
                              f"compare it by district instead")
        if agg == "sum" and kind not in ADDITIVE_KINDS:
            raise NotAdditive(f"{metric!r} is a {kind} figure: its claims cannot be added up; "
                              f"use --agg latest, max or mean")
        table = _rank_group(group, level, agg)
        regions = table["region"].nunique()
        if regions < min_regions:
            notes.append(f"{metric} in {u}: {regions} region{'s' * (regions != 1)} "
                         f"(fewer than --min-regions {min_regions})")
            continue
        if top is not None:
            table = table[table["rank"] <= top]
        tables.append(table)
        groups.append((u, kind, regions))
    if not tables and not notes:
        notes.append(f"no {metric} figures" + (f" for {year}" if year is not None else ""))
    out = _finish(tables)
    out.attrs.update(metric=metric, level=level, agg=agg, rule=AGG_RULES[agg], notes=notes,
                     groups=groups)
    return out


def _folded(rows: pd.DataFrame) -> pd.DataFrame:
    """Region and unit as Simplified keys: 同德縣 (a Traditional report, quoted as written) and
    同德县 are one region, 個 and 个 one unit."""
    return rows.assign(**{c: rows[c].map(fold, na_action="ignore") for c in ("region", "unit")})


def _select(rows: pd.DataFrame, metric: str, year, unit, notes: list[str]) -> pd.DataFrame:
    """The claims that can be ranked: of the year and unit asked, finite, with a region."""
    if year is not None:
        years = sorted({int(y) for y in rows["year"].dropna()})
        rows = rows[rows["year"] == year]
        if rows.empty:
            notes.append(f"no {metric} figures for {year}"
                         + (f"; years with figures: {', '.join(map(str, years))}" if years else
                            "; its figures carry no year"))
            return rows
    if unit is not None:
        units = sorted(set(rows["unit"].dropna()))
        rows = rows[rows["unit"] == unit]
        if rows.empty:
            notes.append(f"no {metric} figures in {unit}; its units: {', '.join(units)}")
            return rows
    finite = rows["value"].map(lambda v: v is not None and not pd.isna(v) and math.isfinite(v))
    if (~finite).any():
        notes.append(f"{int((~finite).sum())} {metric} claim(s) with a value out of range left out")
    rows = rows[finite]
    no_region = rows["region"].isna()
    if no_region.any():
        notes.append(f"{int(no_region.sum())} {metric} claim(s) without a region left out")
    return rows[~no_region]


def _unit_groups(rows: pd.DataFrame):
    """(unit, kind) groups, the one most regions report first."""
    if rows.empty:
        return []
    groups = list(rows.groupby([rows["unit"].fillna(""), rows["kind"].fillna("")], sort=False))
    return sorted(groups, key=lambda g: (-g[1]["region"].nunique(), -len(g[1]), g[0]))


def _order(group: pd.DataFrame) -> pd.DataFrame:
    """A region's claims with the one `latest` picks first."""
    if group["kind"].isin(ADDITIVE_KINDS).all():
        key = group.assign(_y=group["year"].fillna(-1).astype(int) * -1, _v=-group["value"])
        return group.loc[key.sort_values(["_y", "_v", "doc_id", "start"], kind="stable").index]
    key = group.assign(_y=group["year"].fillna(-1).astype(int) * -1)
    return group.loc[key.sort_values(["_y", "doc_id", "start"], kind="stable").index]


def _figure(group: pd.DataFrame, agg: str) -> dict:
    """One region's figure under `agg`, with the claim shown as its evidence."""
    ordered = _order(group)
    if agg == "max":
        ordered = ordered.sort_values("value", ascending=False, kind="stable")
    row = ordered.iloc[0].to_dict()
    row["claims"] = len(group)
    if agg in ("sum", "mean") and len(group) > 1:
        values = ordered["value"].tolist()
        row["value"] = sum(values) if agg == "sum" else sum(values) / len(values)
        row["qualifier"] = _combined_qualifier(ordered["qualifier"])
        row["value_high"] = None
        years = set(ordered["year"].dropna())
        row["year"] = years.pop() if len(years) == 1 else None
        row["doc_id"] = ", ".join(dict.fromkeys(ordered["doc_id"]))
        row["sentence"] = (f"{agg} of {len(values)} claims: " + " + ".join(f"{v:g}" for v in values)
                           if agg == "sum" else
                           f"mean of {len(values)} claims: " + ", ".join(f"{v:g}" for v in values))
    return row


def _combined_qualifier(qualifiers: pd.Series) -> str | None:
    found = set(qualifiers.dropna())
    if not found:
        return None
    return found.pop() if len(found) == 1 else "about"


def _rank_group(rows: pd.DataFrame, level: str, agg: str) -> pd.DataFrame:
    """The ranked table of one (unit, kind) group."""
    if agg == "all":
        return _all_claims(rows)
    by_region = [_figure(g, agg) for _, g in rows.groupby("region", sort=False)]
    table = pd.DataFrame(by_region)
    if level != "district":
        table = _roll_up(table, LEVEL_COLUMNS[level], level)
    if table.empty:
        return table
    table = table.sort_values(["value", "region"], ascending=[False, True], kind="stable")
    table.insert(0, "rank", table["value"].rank(method="min", ascending=False).astype(int))
    table["agg"] = agg
    return table


def _all_claims(rows: pd.DataFrame) -> pd.DataFrame:
    """Every claim, regions in the order of their `latest` figure, that figure's claim first."""
    ranked = _rank_group(rows, "district", "latest")
    parts = []
    for rank, region in zip(ranked["rank"], ranked["region"]):
        group = _order(rows[rows["region"] == region]).copy()
        group.insert(0, "rank", rank)
        group["claims"] = len(group)
        parts.append(group)
    table = pd.concat(parts)
    table["agg"] = "all"
    return table


def _roll_up(table: pd.DataFrame, column: str, level: str) -> pd.DataFrame:
    """Each city's (province's) own figure where it states one, else the sum of its regions'."""
    table = table[table[column].notna()]
    out = []
    for name, g in table.groupby(column, sort=False):
        own = g[g["region"] == name]
        if len(own):
            row = own.iloc[0].to_dict()
            row["sentence"] = f"{level}'s own figure: {row['sentence']}"
            out.append(row)
            continue
        out.append({
            "region": name, "value": g["value"].sum(), "unit": g["unit"].iloc[0],
            "qualifier": _combined_qualifier(g["qualifier"]),
            "doc_id": ", ".join(sorted(set(g["doc_id"]))),
            "sentence": f"sum of {len(g)} regions: " + ", ".join(
                f"{r} {v:g}" for r, v in zip(g["region"], g["value"])),
            "kind": g["kind"].iloc[0], "claims": int(g["claims"].sum()),
            "year": g["year"].iloc[0] if g["year"].nunique() == 1 else None,
        })
    return pd.DataFrame(out)


def _finish(tables: list[pd.DataFrame]) -> pd.DataFrame:
    columns = OUTPUT_COLUMNS + EXTRA_COLUMNS
    if not tables:
        return pd.DataFrame(columns=columns)
    table = pd.concat(tables, ignore_index=True).reindex(columns=columns)
    table["rank"] = table["rank"].astype(int)
    table["claims"] = table["claims"].astype(int)
    table["year"] = table["year"].astype("Int64")
    table["start"] = table["start"].astype("Int64")
    table["end"] = table["end"].astype("Int64")
    return table


def metrics_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Canonical metrics with how many claims and regions each has, most comparable first."""
    if claims.empty:
        return pd.DataFrame(columns=LISTING_COLUMNS)
    g = _folded(claims).groupby("metric")
    table = pd.DataFrame({
        "regions": g["region"].nunique(),
        "claims": g.size(),
        "unit": g["unit"].agg(_units),
        "kind": g["kind"].agg(lambda s: s.mode().iloc[0] if not s.mode().empty else None),
    }).reset_index()
    return table.sort_values(["regions", "claims", "metric"], ascending=[False, False, True]).reset_index(drop=True)


def _units(units: pd.Series) -> str | None:
    """The units of a metric, most used first ('名, 批' when a metric comes in two)."""
    counts = units.dropna().value_counts()
    return ", ".join(counts.index) if len(counts) else None


def comparable_metrics(claims: pd.DataFrame, min_regions: int = 2) -> pd.DataFrame:
    """The metrics at least `min_regions` regions report: what `compare` can rank."""
    table = metrics_summary(claims)
    return table[table["regions"] >= min_regions].reset_index(drop=True)


def format_value(value: float, qualifier: str | None, value_high: float | None = None) -> str:
    """1300 with at_least -> '1300+'; at_most -> '≤7000'; about -> '~100'; a range -> '3–5'."""
    if value is None or pd.isna(value) or not math.isfinite(value):
        return str(value)
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
