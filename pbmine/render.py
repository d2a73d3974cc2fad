"""Rankings and metric listings as text: a rich table, csv, json or markdown.

csv and json carry the columns of `compare.OUTPUT_COLUMNS + EXTRA_COLUMNS`
(documented in the README); the table and markdown forms show one ranking
per unit with the rule that chose each figure and how many claims stood
behind it.
"""
from __future__ import annotations

import math

import pandas as pd
from rich.table import Table

from .compare import EXTRA_COLUMNS, OUTPUT_COLUMNS, format_value

RANKING_COLUMNS = OUTPUT_COLUMNS + EXTRA_COLUMNS
BAR_WIDTH = 12


def ranking_csv(table: pd.DataFrame) -> str:
    return table.reindex(columns=RANKING_COLUMNS).to_csv(index=False)


def ranking_json(table: pd.DataFrame) -> str:
    return table.reindex(columns=RANKING_COLUMNS).to_json(orient="records", force_ascii=False, indent=1) + "\n"


def unit_groups(table: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(unit, kind, rows) in the order `compare` ranked them."""
    keys = [table["unit"].fillna(""), table["kind"].fillna("")]
    return [(u, k, g) for (u, k), g in table.groupby(keys, sort=False)]


def title(table: pd.DataFrame, unit: str, several: bool) -> str:
    a = table.attrs
    unit_part = f" in {unit}" if several else ""
    return f"{a.get('metric', '')}{unit_part} by {a.get('level', 'district')}"


def caption(table: pd.DataFrame) -> str:
    a = table.attrs
    return f"--agg {a.get('agg', 'latest')}: {a.get('rule', '')}; n = claims behind each figure"


def bar(value: float, top: float) -> str:
    """A bar of up to BAR_WIDTH blocks; empty for a value that cannot be drawn."""
    if not (isinstance(value, (int, float)) and math.isfinite(value) and math.isfinite(top)) or top <= 0:
        return ""
    return "█" * max(1, round(BAR_WIDTH * max(value, 0) / top))


def around(sentence: str, number: str, before: int = 22, after: int = 14) -> str:
    """The part of a sentence around its figure, so the evidence shows what was counted."""
    sentence = "" if sentence is None or sentence is pd.NA else str(sentence)
    number = "" if number is None or number is pd.NA else str(number)
    at = sentence.find(number) if number else -1
    if at < 0 or len(sentence) <= before + after + len(number):
        return sentence if len(sentence) <= 60 else sentence[:57] + "…"
    lo, hi = max(0, at - before), min(len(sentence), at + len(number) + after)
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


def _value(row) -> str:
    return format_value(row.value, None if pd.isna(row.qualifier) else row.qualifier,
                        None if pd.isna(row.value_high) else row.value_high)


def _year(row) -> str:
    return "" if pd.isna(row.year) else str(int(row.year))


def ranking_tables(table: pd.DataFrame) -> list[Table]:
    """One rich table per unit."""
    groups = unit_groups(table)
    out = []
    for unit, _kind, g in groups:
        t = Table(title=title(table, unit, len(groups) > 1), title_justify="left",
                  caption=caption(table), caption_justify="left")
        for name, kw in (("#", {"justify": "right"}), ("region", {}), ("value", {"justify": "right"}),
                         ("unit", {}), ("n", {"justify": "right"}), ("year", {}),
                         ("", {"min_width": BAR_WIDTH}), ("evidence", {"overflow": "fold"})):
            t.add_column(name, **kw)
        finite = [v for v in g["value"] if math.isfinite(v)]
        top = max(finite) if finite else 0
        for row in g.itertuples():
            t.add_row(str(row.rank), str(row.region), _value(row), str(row.unit), str(row.claims), _year(row),
                      bar(row.value, top), f"[dim]{row.doc_id}[/dim] {around(row.sentence, row.number)}")
        out.append(t)
    return out


def _md(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def ranking_markdown(table: pd.DataFrame) -> str:
    """GitHub-flavoured markdown: a heading, the rule, and a table per unit."""
    groups = unit_groups(table)
    parts = []
    for unit, _kind, g in groups:
        lines = [f"### {_md(title(table, unit, len(groups) > 1))}", "", f"_{_md(caption(table))}_", "",
                 "| # | region | value | unit | n | year | document | evidence |",
                 "| ---: | --- | ---: | --- | ---: | --- | --- | --- |"]
        for row in g.itertuples():
            lines.append(f"| {row.rank} | {_md(row.region)} | {_md(_value(row))} | {_md(row.unit)} | {row.claims} "
                         f"| {_year(row)} | {_md(row.doc_id)} | {_md(around(row.sentence, row.number))} |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def listing_markdown(table: pd.DataFrame) -> str:
    lines = ["| metric | regions | claims | unit | kind |", "| --- | ---: | ---: | --- | --- |"]
    for row in table.itertuples(index=False):
        lines.append(f"| {_md(row.metric)} | {row.regions} | {row.claims} | {_md(row.unit)} | {_md(row.kind)} |")
    return "\n".join(lines) + "\n"


def listing_table(table: pd.DataFrame, heading: str) -> Table:
    t = Table(title=heading, title_justify="left")
    for col in ("metric", "regions", "claims", "unit", "kind"):
        t.add_column(col, justify="right" if col in ("regions", "claims") else "left")
    for row in table.itertuples(index=False):
        t.add_row(str(row.metric), str(row.regions), str(row.claims), str(row.unit), str(row.kind))
    return t
