"""A ranking from `compare` as a bar chart (PNG or SVG) with its Chinese labels rendered.

matplotlib's default font (DejaVu Sans) has no CJK glyphs and draws region
names as empty boxes, and a machine's system fonts vary. So the chart uses
Noto Sans CJK SC as shipped inside the `mplfonts` wheel (SIL Open Font
License), found by path: the same glyphs on every machine, no font cache and
no global matplotlib setting changed (a notebook's own plots are untouched).
Needs the optional extra: ``pip install 'pbmine[chart]'``.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from .compare import format_value

FONT_FILE = "NotoSansCJKsc-Regular.otf"
CHART_SUFFIXES = (".png", ".svg")
BAR_COLOUR = "#3b6ea8"


class ChartUnavailable(ImportError):
    """matplotlib or mplfonts is not installed."""


def cjk_font_path() -> Path:
    """The CJK font file the charts are drawn with."""
    try:
        return Path(str(resources.files("mplfonts") / "fonts" / FONT_FILE))
    except ModuleNotFoundError as exc:
        raise ChartUnavailable("charts need matplotlib and mplfonts: pip install 'pbmine[chart]'") from exc


def _font():
    try:
        from matplotlib.font_manager import FontProperties
    except ModuleNotFoundError as exc:
        raise ChartUnavailable("charts need matplotlib and mplfonts: pip install 'pbmine[chart]'") from exc
    return FontProperties(fname=str(cjk_font_path()))


def _groups(table: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """One ranking per unit, in the order `compare` gave them (`all` rows: the first per region)."""
    out = []
    for (unit, _kind), g in table.groupby([table["unit"].fillna(""), table["kind"].fillna("")], sort=False):
        out.append((unit, g.drop_duplicates("region")))
    return out


def plot_ranking(table: pd.DataFrame, ax=None, title: str | None = None):
    """Draw one ranking (one unit) as horizontal bars, the first rank on top; returns the axes."""
    font = _font()
    if ax is None:
        from matplotlib.figure import Figure
        ax = Figure(figsize=(7, 0.45 * len(table) + 1.2)).subplots()
    labels = [str(r) for r in table["region"]]
    values = [float(v) for v in table["value"]]
    ax.barh(range(len(values)), values, color=BAR_COLOUR)
    ax.set_yticks(range(len(values)), labels, fontproperties=font)
    ax.invert_yaxis()
    top = max(values) if values else 0
    for i, row in enumerate(table.itertuples()):
        ax.text(row.value + top * 0.01, i, f"{format_value(row.value, row.qualifier, row.value_high)} {row.unit}",
                va="center", fontproperties=font, fontsize=9)
    ax.set_xlim(0, top * 1.18 if top > 0 else 1)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title:
        ax.set_title(title, fontproperties=font, loc="left")
    return ax


def chart_figure(table: pd.DataFrame):
    """A matplotlib Figure of a `compare` result: one panel per unit."""
    from matplotlib.figure import Figure

    groups = _groups(table)
    heights = [0.42 * len(g) + 1.0 for _, g in groups]
    fig = Figure(figsize=(8, sum(heights) + 0.3), layout="constrained")
    axes = fig.subplots(len(groups), 1, squeeze=False, height_ratios=heights)[:, 0]
    attrs = table.attrs
    for ax, (unit, g) in zip(axes, groups):
        title = f"{attrs.get('metric', '')}（{unit}）· {attrs.get('level', 'district')}"
        plot_ranking(g, ax=ax, title=title)
    if attrs.get("rule"):
        fig.supxlabel(f"figure per region: {attrs['rule']}", fontproperties=_font(), fontsize=8)
    return fig


def write_chart(table: pd.DataFrame, path: str | Path) -> Path:
    """Write the ranking to `path` (.png or .svg, by its suffix)."""
    path = Path(path)
    if path.suffix.lower() not in CHART_SUFFIXES:
        raise ValueError(f"{path}: a chart is .png or .svg")
    if table.empty:
        raise ValueError("nothing to chart: the ranking is empty")
    fig = chart_figure(table)
    fig.savefig(path, dpi=144 if path.suffix.lower() == ".png" else None)
    return path
